"""Every Python example of the generated docs and README runs against the spec server.

A doc example that breaks (a renamed method, a wrong argument, a request the spec does not
allow) fails here. The examples are read from output/, exactly as committed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import pytest

from generator.ir.model import Ref
from generator.targets.docs.examples import SAMPLE_FILE
from tests.support.doc_examples import (
    docs_model,
    pointed_at,
    python_examples,
    response_pointer,
    run_page,
    spec_model,
)
from tests.support.extend import SDK_DIR, TOKEN, extend_renderer, import_sdk
from tests.support.spec_server import SpecServer

pytestmark = pytest.mark.slow  # every docs page's examples against a server: make test only

DOCS_DIR = SDK_DIR.parent / "docs"
README = SDK_DIR / "README.md"
PAGES = sorted([README, *DOCS_DIR.glob("*.md")])


@pytest.fixture
def sandbox(live: SpecServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """The SDK pointed at the spec server, a token in the environment, a file to upload."""
    sdk = import_sdk()
    monkeypatch.setenv("EXTEND_API_KEY", TOKEN)
    monkeypatch.chdir(tmp_path)
    (tmp_path / SAMPLE_FILE).write_bytes(b"%PDF-1.4\n% an example document\n")
    with pointed_at(live, sdk):
        yield sdk


def test_every_page_has_examples() -> None:
    without = [
        p.name for p in PAGES if p.name != "models.md" and not python_examples(p.read_text())
    ]
    assert without == []


PAGE_IDS = [p.relative_to(SDK_DIR.parent).as_posix() for p in PAGES]


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_the_examples_of_a_page_run(page: Path, sandbox: Any, live: SpecServer) -> None:
    text = page.read_text(encoding="utf-8")
    result = run_page(live, text, page.relative_to(SDK_DIR.parent.parent).as_posix())
    if page.name not in ("models.md", "index.md"):
        assert result.output, "the examples printed nothing"


def _delivery(event_type: str, payload: Any, secret: str) -> tuple[str, dict[str, str]]:
    signing = extend_renderer().api.webhooks
    assert signing is not None and signing.signing is not None
    scheme = signing.signing
    body = json.dumps({"eventId": "evt_doc", signing.type_property: event_type, "payload": payload})
    stamp = str(int(time.time()))
    signed = scheme.signed_payload.replace("{timestamp}", stamp).replace("{body}", body)
    digest = hmac.new(secret.encode(), signed.encode(), hashlib.sha256).hexdigest()
    return body, {scheme.timestamp_header: stamp, scheme.signature_header: digest}


def test_the_readme_webhook_handler_accepts_signed_deliveries_only(
    sandbox: Any, live: SpecServer, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_page(live, README.read_text(encoding="utf-8"), "README.md")
    handle = result.namespace["handle_webhook"]
    webhooks = extend_renderer().api.webhooks
    assert webhooks is not None
    event = webhooks.events[0]
    assert isinstance(event.type, Ref)
    schema = spec_model().synthesize([f"/components/schemas/{event.type.name.pascal()}"])
    body, headers = _delivery(event.event_type, schema["payload"], "whsec_docs")
    assert handle(body.encode(), headers, "whsec_docs") == 200
    assert handle(body.encode(), headers, "another_secret") == 400
    unknown, unknown_headers = _delivery("brand_new.event", {"x": 1}, "whsec_docs")
    assert handle(unknown.encode(), unknown_headers, "whsec_docs") == 200
    printed = capsys.readouterr().out
    assert f"received {event.event_type}" in printed
    assert "does not know yet: brand_new.event" in printed


def test_example_responses_are_valid_for_the_spec() -> None:
    model = spec_model()
    checked = 0
    problems: list[str] = []
    for method in docs_model().methods:
        if method.response_json is None:
            continue
        checked += 1
        value = json.loads(method.response_json)
        problems += model.validate(response_pointer(method), value, "response", method.qualified)
    assert checked > 50
    assert problems == []


@pytest.mark.slow
def test_example_requests_reach_the_documented_operation(sandbox: Any, live: SpecServer) -> None:
    """Each method's example call is the operation it documents, with valid arguments."""
    for method in docs_model().methods:
        page = "```python\nfrom extend_sdk import Extend\n\nclient = Extend()\n```\n"
        page += f"```python\n{method.example}\n```\n"
        run_page(live, page, method.qualified)
        operations = {r.operation_id for r in live.requests}
        assert method.operation.operation_id in operations, method.qualified
