"""Run the Python examples of generated Markdown against the spec server.

A page's ```python blocks run in order in one namespace, as a reader would paste them. The SDK
talks to the local `SpecServer` (every environment's URL points there, the token comes from
the environment), and before each block the server is scripted for what the block calls: two
pages for a list that is iterated, a finished run for `create_and_poll` (and for every pollable
call when the block calls a hand-written helper, which may wait for any run). Blocks tagged
```python signature are signatures, not examples, and are not run.
"""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.targets.docs.model import DocsModel, MethodDoc
from tests.support.extend import extend_renderer, extend_spec
from tests.support.spec_server import ScriptedResponse, SpecModel, SpecServer

_FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<code>.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Block:
    info: str
    code: str
    line: int


def code_blocks(markdown: str) -> list[Block]:
    """Every fenced code block, with its info string and the line it starts on."""
    return [
        Block(m.group("info").strip(), m.group("code"), markdown.count("\n", 0, m.start()) + 1)
        for m in _FENCE.finditer(markdown)
    ]


def python_examples(markdown: str) -> list[Block]:
    return [b for b in code_blocks(markdown) if b.info == "python"]


@cache
def docs_model() -> DocsModel:
    return DocsModel(extend_renderer())


@cache
def spec_model() -> SpecModel:
    return SpecModel(extend_spec()[1])


def response_pointer(method: MethodDoc) -> str:
    """The JSON pointer of the schema of a method's success response."""
    op = method.operation
    media = op.success.media_type or "application/json"
    escaped = media.replace("~", "~0").replace("/", "~1")
    return f"{op.pointer}/responses/{op.success.status}/content/{escaped}/schema"


def called(method: MethodDoc, code: str, suffix: str = "") -> bool:
    """Whether the code calls this method (`client.files.list(` or on `with_raw_response`)."""
    owner = "client" if method.resource == "client" else re.escape(method.resource)
    pattern = rf"\b{owner}\.{re.escape(method.view.name)}{re.escape(suffix)}\("
    return re.search(pattern, code) is not None


def _synthesized(method: MethodDoc) -> dict[str, Any]:
    body = spec_model().synthesize([response_pointer(method)])
    assert isinstance(body, dict), f"{method.qualified}: the response is not an object"
    return body


def script_for(server: SpecServer, code: str) -> None:
    """Queue what the block needs beyond synthesised answers."""
    for method in docs_model().methods:
        view = method.view
        op_id = method.operation.operation_id
        pagination = method.operation.pagination
        next_field = pagination.next_field if pagination is not None else None
        if next_field is not None and "." not in next_field and called(method, code):
            first = {**_synthesized(method), next_field: "page_2"}
            last = {**_synthesized(method), next_field: None}
            if not spec_model().is_valid(response_pointer(method), last):
                last.pop(next_field)
            server.script(
                op_id, ScriptedResponse(200, json=first), ScriptedResponse(200, json=last)
            )
        waits = called(method, code, "_and_poll") or calls_hand_written(code)
        if view.poll is not None and waits:
            run = {**_synthesized(method), view.poll.status_field: view.poll.terminal[0]}
            server.script(op_id, ScriptedResponse(200, json=run))


def calls_hand_written(code: str) -> bool:
    """Whether the code calls a client method the reference does not document: a
    hand-written helper (an SDK's `lib/`, shown in its guide), which may wait for any run."""
    methods = docs_model().methods
    documented = {m.resource for m in methods} | {
        m.view.name for m in methods if m.resource == "client"
    }
    return any(name not in documented for name in re.findall(r"\bclient\.(\w+)\(", code))


@dataclass
class PageRun:
    namespace: dict[str, Any]
    output: str
    blocks: int


def run_page(server: SpecServer, markdown: str, where: str) -> PageRun:
    """Run every Python example of a page in order; fail with the block's place on any error."""
    namespace: dict[str, Any] = {"__name__": "__doc_example__"}
    captured = io.StringIO()
    blocks = python_examples(markdown)
    for block in blocks:
        server.reset()
        script_for(server, block.code)
        label = f"{where}:{block.line}"
        try:
            compiled = compile(block.code, label, "exec")
            with contextlib.redirect_stdout(captured):
                exec(compiled, namespace)
        except Exception as error:
            raise AssertionError(
                f"the example at {label} failed: {type(error).__name__}: {error}\n"
                + textwrap.indent(block.code, "    ")
            ) from error
        problems = server.errors()
        assert not problems, f"the example at {label} sent requests the spec does not allow:\n" + (
            "\n".join(problems)
        )
    return PageRun(namespace, captured.getvalue(), len(blocks))


@contextlib.contextmanager
def pointed_at(server: SpecServer, sdk: Any) -> Iterator[None]:
    """Every environment of the SDK's client resolves to the spec server while inside."""
    client_module = sdk._client
    saved = client_module.ENVIRONMENTS
    client_module.ENVIRONMENTS = {name: server.base_url for name in saved}
    try:
        yield
    finally:
        client_module.ENVIRONMENTS = saved
