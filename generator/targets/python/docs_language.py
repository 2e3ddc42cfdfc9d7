"""The Python target's docs language: signatures and example code as Python users write them.

The docs (`targets/docs/`) know no language; they ask this for every method's signature, every
example call and the guide's examples, and for the SDK's exception names.
"""

from __future__ import annotations

import builtins
import keyword
from typing import Any

from generator.ir.model import Operation
from generator.ir.names import Name
from generator.targets.docs.examples import SAMPLE_FILE, Code, imports_of
from generator.targets.docs.model import DocsModel, MethodDoc, stream_selector
from generator.targets.docs.surface import (
    ArgSurface,
    ErrorClass,
    MethodSurface,
    ResourceSurface,
)
from generator.templating import py_value

CLIENT = "client"
"""The variable every example calls the client by."""
_WIDTH = 88
_BUILTINS = frozenset(dir(builtins))

# The SDK runtime's error classes by status (generator/targets/python/runtime/errors.py);
# a test keeps the two tables equal.
ERROR_CLASSES: dict[int, str] = {
    400: "BadRequestError",
    401: "AuthenticationError",
    402: "PaymentRequiredError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}

ERROR_TABLE: tuple[ErrorClass, ...] = (
    ErrorClass("APIStatusError", "the API answered with an error status", "any 4xx or 5xx"),
    *(
        ErrorClass(name, "the API answered with this status", str(status))
        for status, name in ERROR_CLASSES.items()
    ),
    ErrorClass("InternalServerError", "the API failed", "5xx"),
    ErrorClass("APIConnectionError", "the API could not be reached", "—"),
    ErrorClass("APITimeoutError", "the request timed out", "—"),
    ErrorClass("ConfigurationError", "the client is missing a token or has a bad option", "—"),
    ErrorClass("RequestValidationError", "an argument does not match the API description", "—"),
    ErrorClass(
        "ResponseValidationError",
        "a response does not match the API description (with `strict_response_validation=True`)",
        "—",
    ),
)


RETRIES_TEXT = """\
Failed requests are retried twice by default (`max_retries=` on the client or per call), with
exponential backoff (0.5 s doubling up to 8 s, with jitter) that honours `Retry-After` and
`retry-after-ms`. Idempotent requests (`GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`) are retried
after connection failures, timeouts and `408`, `429`, `500`, `502`, `503` or `504` answers. A
`POST` is retried only when that cannot duplicate work: the connection never reached the server,
the answer was `429`, or the API says it is safe (`x-should-retry: true`, or `"retryable": true`
in the error body)."""
"""When the SDK retries, as the errors page says it."""


def error_class(status: str) -> str:
    """The exception an error status raises."""
    if status.isdigit():
        code = int(status)
        if code >= 500:
            return "InternalServerError"
        return ERROR_CLASSES.get(code, "APIStatusError")
    if status.upper() == "5XX":
        return "InternalServerError"
    return "APIStatusError"


def python_code(value: Any, indent: int = 0) -> str:
    """A value as Python source, one line when it fits, else one item per line."""
    if isinstance(value, Code):
        return value.source
    flat = _flat(value)
    if indent + len(flat) <= _WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        lines = [
            f"{pad}{py_value(str(k))}: {python_code(v, indent + 4)}," for k, v in value.items()
        ]
        return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"
    lines = [f"{pad}{python_code(v, indent + 4)}," for v in value]
    return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"


def _flat(value: Any) -> str:
    if isinstance(value, Code):
        return value.source
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_value(str(k))}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    return py_value(value)


def variable_name(annotation: str, fallback: str = "result") -> str:
    """A variable for a value of this annotation: `ParseRun` -> `parse_run`."""
    if not annotation.isidentifier():
        return fallback
    name = Name.parse(annotation).snake()
    if not name or keyword.iskeyword(name) or name in _BUILTINS:
        return fallback
    return name


def _lines(imports: set[str], body: list[str]) -> str:
    return "\n".join([*sorted(imports), "", *body] if imports else body)


NEXT_PAGE_ACCESSORS = {
    "page_token": "next_page_token",
    "cursor": "next_cursor",
    "offset": "next_offset",
    "page": "next_page_number",
    "next_url": "next_url",
}
"""The page attribute that says how the next page is asked for, by paging style."""


class PythonDocsLanguage:
    """Implements the docs' `DocsLanguage` for the Python SDK."""

    code_block = "python"
    file_sample = Code(f"Path({SAMPLE_FILE!r})", ("from pathlib import Path",))

    def __init__(self, package: str, client_class: str, async_client_class: str) -> None:
        self.package = package
        self.client_class = client_class
        self.async_client_class = async_client_class

    # ----- names ---------------------------------------------------------------------------
    def error_class(self, status: str) -> str:
        return error_class(status)

    # ----- prose ---------------------------------------------------------------------------
    models_intro = (
        "Responses are parsed into these pydantic models: fields by their Python names, wire"
        " names kept\nas aliases. Requests accept the models or plain dicts with the wire names."
    )
    errors_fields = (
        "An `APIStatusError` carries `status_code`, `code`, `message`, `retryable`,"
        " `request_id`,\n`headers` and `body` (the parsed error body, or its text)."
        " `APITimeoutError` is an\n`APIConnectionError`."
    )
    retries_text = RETRIES_TEXT

    @property
    def errors_intro(self) -> str:
        return (
            f"Every exception the SDK raises derives from `{self.client_class}Error` (also"
            " exported as\n`APIError`). None of them is a bare traceback from the HTTP library."
        )

    def setup_example(self, token_env: str | None) -> str:
        token = "" if token_env else 'token="YOUR_TOKEN"'
        client = self.client_class
        return f"from {self.package} import {client}\n\n{CLIENT} = {client}({token})"

    def client_note(self, token_env: str | None) -> str:
        coroutines = f"`{self.async_client_class}` has the same methods as coroutines."
        if not token_env:
            return coroutines
        return (
            "The token comes from `token=` or, when that is not given, from the"
            f" `{token_env}`\nenvironment variable. {coroutines}"
        )

    def stream_note(self) -> str:
        return (
            "each event typed as it arrives; a `with` block closes the connection if you stop early"
        )

    def poll_note(self, method: str) -> str:
        return (
            f"`{method}_and_poll` takes the same arguments, plus `max_wait=` and `polling_options=`"
        )

    pages_note = "iterating it walks every page"

    def poll_qualified(self, qualified: str) -> str:
        return qualified + "_and_poll"

    def error_table(self, *, polling: bool, webhooks: bool) -> tuple[ErrorClass, ...]:
        extra: list[ErrorClass] = []
        if polling:
            extra.append(ErrorClass("PollingTimeoutError", "`max_wait` ran out", "—"))
        if webhooks:
            extra.append(
                ErrorClass("WebhookVerificationError", "a webhook delivery fails checks", "—")
            )
        return ERROR_TABLE + tuple(extra)

    def client_title(self, resource: ResourceSurface | None) -> str:
        return CLIENT if resource is None else f"{CLIENT}.{resource.attribute}"

    def qualified(self, resource: ResourceSurface | None, method: MethodSurface) -> str:
        return f"{self.client_title(resource)}.{method.name}"

    def signature(self, qualified: str, m: MethodSurface) -> str:
        params: list[str] = [a.name + ": " + a.annotation for a in m.positional]
        if m.keyword:
            params.append("*")
        for a in m.keyword:
            default = "" if a.required else " = NOT_GIVEN"
            params.append(f"{a.name}: {a.annotation}{default}")
        params.append("**options: Unpack[RequestOptions]")
        returns = m.sync_return
        one_line = f"{qualified}({', '.join(params)}) -> {returns}"
        if len(one_line) <= _WIDTH:
            return one_line
        body = "".join(f"    {p},\n" for p in params)
        return f"{qualified}(\n{body}) -> {returns}"

    # ----- calls ---------------------------------------------------------------------------
    def argument_value(
        self, docs: DocsModel, arg: ArgSurface, m: MethodSurface, op: Operation
    ) -> object:
        """The example value of one argument."""
        if arg.annotation == "bytes":  # a raw body: its bytes, not the file a model field takes
            return Code(f"Path({SAMPLE_FILE!r}).read_bytes()", ("from pathlib import Path",))
        if arg.annotation == "date":
            return Code("date(2025, 1, 1)", ("from datetime import date",))
        if arg.annotation == "datetime":
            return Code(
                "datetime(2025, 1, 1, tzinfo=timezone.utc)",
                ("from datetime import datetime, timezone",),
            )
        if arg.where == "path" and arg.wire_name == "id" and docs.textual(arg.type_node):
            known = docs.example_id(op)
            if known is not None:
                return known
            hint = Name.parse(m.return_annotation) if m.return_annotation.isidentifier() else None
            if hint is not None and m.return_annotation not in ("None", "bytes", "str"):
                return f"{hint.snake()}_123"
        return docs.values.value(arg.type_node, arg.name)

    def call_code(
        self,
        docs: DocsModel,
        call: str,
        m: MethodSurface,
        op: Operation,
        extra: tuple[str, ...] = (),
        lead: int = 0,
    ) -> tuple[str, set[str]]:
        """`call(args...)` with the example arguments (and `extra`), and the imports needed.
        `lead` is how many characters precede the call on its first line."""
        positional: list[str] = []
        keyword_args: list[str] = []
        imports: set[str] = set()
        for arg in docs.example_arguments(m):
            value = self.argument_value(docs, arg, m, op)
            imports |= imports_of(value)
            if arg in m.positional:
                positional.append(python_code(value, 4))
            else:
                keyword_args.append(f"{arg.name}={python_code(value, 4)}")
        parts = positional + keyword_args + list(extra)
        one_line = f"{call}({', '.join(parts)})"
        if lead + len(one_line) <= _WIDTH and "\n" not in one_line:
            return one_line, imports
        return call + "(\n" + "".join(f"    {p},\n" for p in parts) + ")", imports

    def _id_suffix(self, docs: DocsModel, annotation: str) -> str:
        """`.id` when the type is a model with an `id` field, so examples show an attribute."""
        model = docs.model_view(annotation)
        if model is None:
            return ""
        return ".id" if any(f.name == "id" for f in model.fields) else ""

    def example(
        self, docs: DocsModel, qualified: str, m: MethodSurface, op: Operation, *, poll: bool
    ) -> str:
        call = qualified + ("_and_poll" if poll else "")
        name = variable_name(m.return_annotation)
        if m.page is not None:
            item = variable_name(m.page.item_annotation, "item")
            code, imports = self.call_code(docs, call, m, op, lead=len(f"for {item} in :"))
            body = [f"for {item} in {code}:"]
            body.append(f"    print({item}{self._id_suffix(docs, m.page.item_annotation)})")
        elif m.returns_none:
            code, imports = self.call_code(docs, call, m, op)
            body = [code]
        elif m.response_kind == "binary":
            code, imports = self.call_code(docs, call, m, op, lead=len("content = "))
            body = [f"content = {code}.read()", "print(len(content))"]
        else:
            code, imports = self.call_code(docs, call, m, op, lead=len(name) + 3)
            body = [f"{name} = {code}"]
            if poll and m.poll is not None:
                body.append(f"print({name}.{m.poll.status_field})")
            else:
                body.append(f"print({name}{self._id_suffix(docs, m.return_annotation)})")
        return _lines(imports, body)

    def stream_example(
        self, docs: DocsModel, qualified: str, m: MethodSurface, op: Operation
    ) -> str:
        selector = stream_selector(m, op)
        extra = (f"{selector.name}=True",) if selector is not None else ()
        code, imports = self.call_code(docs, qualified, m, op, extra, lead=len("with  as stream:"))
        body = [f"with {code} as stream:", "    for event in stream:", "        print(event)"]
        return _lines(imports, body)

    # ----- the guide -----------------------------------------------------------------------
    def raw_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        if m is None:
            return f"response = {CLIENT}.with_raw_response"
        call = m.qualified.replace(f"{CLIENT}.", f"{CLIENT}.with_raw_response.", 1)
        code, imports = self.call_code(docs, call, m.view, m.operation, lead=len("response = "))
        return _lines(
            imports,
            [
                f"response = {code}",
                "print(response.status_code, response.request_id)",
                'print(response.headers.get("content-type"))',
                f"{variable_name(m.view.return_annotation)} = response.parsed",
            ],
        )

    def options_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        extra = ("timeout=20.0", "max_retries=5", 'extra_headers={"x-trace-id": "abc123"}')
        if m is None:
            return "# every method takes " + ", ".join(extra)
        name = variable_name(m.view.return_annotation)
        code, imports = self.call_code(docs, m.qualified, m.view, m.operation, extra, len(name) + 3)
        return _lines(imports, [f"{name} = {code}"])

    def async_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        client = self.async_client_class
        lines = ["import asyncio", "", f"from {self.package} import {client}", "", ""]
        lines += ["async def main() -> None:", f"    async with {client}() as {CLIENT}:"]
        imports: set[str] = set()
        if m is None:
            lines.append(f"        print({CLIENT})")
        else:
            name = variable_name(m.view.return_annotation)
            call = "await " + m.qualified
            code, imports = self.call_code(docs, call, m.view, m.operation, lead=len(name) + 11)
            suffix = self._id_suffix(docs, m.view.return_annotation)
            body = f"{name} = {code}\nprint({name}{suffix})"
            lines += ["        " + line for line in body.split("\n")]
        lines += ["", "", "asyncio.run(main())"]
        return _lines(imports, lines)

    def errors_example(self, docs: DocsModel) -> str:
        lines = [f"from {self.package} import APIConnectionError, APIStatusError, RateLimitError"]
        lines += ["", "try:"]
        m = docs.simple_method
        example = m.example if m is not None else "pass"
        lines += ["    " + line if line else "" for line in example.split("\n")]
        lines += [
            "except RateLimitError as error:",
            '    print("rate limited; retry after", error.headers.get("retry-after"))',
            "except APIStatusError as error:",
            "    print(error.status_code, error.code, error.message, error.request_id)",
            "except APIConnectionError as error:",
            '    print("the API could not be reached:", error)',
        ]
        return "\n".join(lines)

    def polling_example(self, docs: DocsModel) -> str:
        if not docs.quickstarts:
            return ""
        q = docs.quickstarts[0]
        assert q.view.poll is not None
        extra = (
            "max_wait=600",
            "polling_options=PollingOptions(initial_delay_ms=500, max_delay_ms=10_000)",
        )
        name = variable_name(q.view.return_annotation)
        call = q.qualified + "_and_poll"
        code, imports = self.call_code(docs, call, q.view, q.operation, extra, len(name) + 7)
        status = q.view.poll.status_field
        imports.add(f"from {self.package} import PollingOptions, PollingTimeoutError")
        body = ["try:"]
        body += ["    " + line for line in f"{name} = {code}".split("\n")]
        body += [
            f"    print({name}.{status})",
            "except PollingTimeoutError as error:",
            f'    print("still running after", round(error.waited), "s:", error.last.{status})',
        ]
        return _lines(imports, body)

    def pages_example(self, docs: DocsModel, method: MethodDoc) -> str:
        style = method.operation.pagination.style if method.operation.pagination else ""
        accessor = NEXT_PAGE_ACCESSORS.get(style, "has_next_page()")
        code, imports = self.call_code(
            docs, method.qualified, method.view, method.operation, lead=len("first = ")
        )
        return _lines(
            imports,
            [
                f"first = {code}",
                f"print(len(first.data), first.{accessor})",
                "for page in first.iter_pages():",
                "    print(len(page.data))",
            ],
        )

    def webhook_example(self, docs: DocsModel) -> str:
        view = docs.context["webhooks"]
        if view is None:
            return ""
        type_property = getattr(view, "type_property", "type")
        fields = getattr(view, "generic_fields", ())
        attribute = next((f.name for f in fields if f.wire_name == type_property), "type")
        return "\n".join(
            [
                f"from {self.package} import UnknownWebhookEvent, WebhookVerificationError",
                "",
                "",
                "def handle_webhook("
                "body: bytes, headers: dict[str, str], signing_secret: str) -> int:",
                '    """A web handler\'s core: the HTTP status to answer the delivery with."""',
                "    try:",
                f"        event = {CLIENT}.webhooks.verify_and_parse(",
                "            body=body, headers=headers, signing_secret=signing_secret",
                "        )",
                "    except WebhookVerificationError:",
                "        return 400",
                "    if isinstance(event, UnknownWebhookEvent):",
                f'        print("an event type this SDK does not know yet:", event.{attribute})',
                "    else:",
                f'        print("received", event.{attribute})',
                "    return 200",
            ]
        )

    def webhook_test_example(self, docs: DocsModel) -> str:
        found = docs.webhook_event_example()
        if found is None:
            return ""
        _event_type, delivery = found
        secret = '"wss_test_secret"'
        return "\n".join(
            [
                "import json",
                "",
                f"delivery = {python_code(delivery, 0)}",
                "body = json.dumps(delivery).encode()",
                f"headers = {CLIENT}.webhooks.sign(body, signing_secret={secret})",
                f"assert handle_webhook(body, headers, {secret}) == 200",
            ]
        )

    def http_client_example(self, docs: DocsModel) -> str:
        client = self.client_class
        lines = [
            "import httpx",
            "",
            f"from {self.package} import {client}, NotFoundError",
            "",
            "",
            "def answer(request: httpx.Request) -> httpx.Response:",
            '    return httpx.Response(404, json={"message": "no such thing"})',
            "",
            "",
            "offline = httpx.Client(transport=httpx.MockTransport(answer))",
            f'test_client = {client}(token="test", http_client=offline)',
        ]
        m = docs.simple_method
        if m is None:
            return "\n".join(lines)
        call = m.qualified.replace(f"{CLIENT}.", "test_client.", 1)
        code, imports = self.call_code(docs, call, m.view, m.operation, lead=4)
        lines[0:0] = sorted(imports) + ([""] if imports else [])
        lines += ["try:", *("    " + line for line in code.split("\n"))]
        lines += ["except NotFoundError as error:", "    print(error.status_code, error.message)"]
        return "\n".join(lines)
