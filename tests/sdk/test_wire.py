"""Every parameter style and location, nested form and multipart bodies, the Accept header, and
readOnly / writeOnly and unions, end to end: the Python SDK of `tests/support/wire_spec.py`
calls the mock, which checks each request against the spec; the wire is compared here."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

import pytest
import yaml

from generator.config import default_api
from generator.pipeline import render_api
from tests.support.spec_server import RecordedRequest, ScriptedResponse, SpecServer
from tests.support.wire_spec import SPEC


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("wire")
    spec = folder / "wire.yaml"
    spec.write_text(SPEC)
    rendered = render_api(default_api(spec, folder / "out", "wire_sdk"))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    package = folder / "out" / "python"
    sys.path.insert(0, str(package))
    try:
        yield importlib.import_module("wire_sdk")
    finally:
        sys.path.remove(str(package))
        for name in [m for m in sys.modules if m.startswith("wire_sdk")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def running() -> Iterator[SpecServer]:
    with SpecServer(yaml.safe_load(SPEC)) as server:
        yield server


@pytest.fixture
def server(running: SpecServer) -> Iterator[SpecServer]:
    running.reset()
    yield running
    assert running.errors() == []
    running.reset()


def only(server: SpecServer) -> RecordedRequest:
    (request,) = server.requests
    return request


def test_path_styles(sdk: Any, server: SpecServer) -> None:
    with sdk.Wire(base_url=server.base_url) as client:
        client.simple_label_matrix.retrieve([1, 2], ["red", "blue"], {"x": 3, "y": 4})
    assert only(server).path == "/simple/1,2/label/.red.blue/matrix/;point=x,3,y,4"


def test_query_header_and_cookie_styles(sdk: Any, server: SpecServer) -> None:
    with sdk.Wire(base_url=server.base_url) as client:
        client.search.list(
            tags=["a", "b"],
            opt_fields=["name", "email"],
            words=["x", "y"],
            pipes=[1, 2],
            metadata={"key1": "abc"},
            created={"gte": 10},
            expand=["customer", "invoice"],
            archived=False,
            x_dry_run=True,
            x_ids=[4, 5],
            session=True,
        )
    request = only(server)
    assert request.query == {
        "tags": ["a", "b"],
        "opt_fields": ["name,email"],
        "words": ["x y"],
        "pipes": ["1|2"],
        "metadata[key1]": ["abc"],
        "created[gte]": ["10"],
        "expand[0]": ["customer"],
        "expand[1]": ["invoice"],
        "archived": ["false"],
    }
    assert request.headers["x-dry-run"] == "true"
    assert request.headers["x-ids"] == "4,5"
    assert request.headers["cookie"] == "session=true"
    assert request.headers["accept"] == "application/json"


def test_deep_object_takes_a_scalar_member_of_its_union(sdk: Any, server: SpecServer) -> None:
    with sdk.Wire(base_url=server.base_url) as client:
        client.search.list(created=1700000000)
    assert only(server).query == {"created": ["1700000000"]}


def test_accept_follows_a_binary_response(sdk: Any, server: SpecServer) -> None:
    server.script(
        "getInvoicePdf", ScriptedResponse(body=b"%PDF-1.4", content_type="application/pdf")
    )
    with sdk.Wire(base_url=server.base_url) as client:
        assert client.invoice_pdf.list("in_1").read() == b"%PDF-1.4"
    assert only(server).headers["accept"] == "application/pdf"


def test_nested_form_body_in_bracket_notation(sdk: Any, server: SpecServer) -> None:
    with sdk.Wire(base_url=server.base_url) as client:
        client.customers.create(
            name="Ada",
            active=True,
            address={"city": "Berlin", "lines": ["Main 1", "Floor 2"]},
            preferred_locales=["de", "en"],
            tax_ids=[{"type": "eu_vat", "value": "DE1"}],
            flags=["a", "b"],
            labels=["x", "y"],
            extra={"n": 1},
        )
    pairs = parse_qsl(only(server).body.decode())
    assert pairs == [
        ("name", "Ada"),
        ("active", "true"),
        ("address[city]", "Berlin"),
        ("address[lines][0]", "Main 1"),
        ("address[lines][1]", "Floor 2"),
        ("preferred_locales[0]", "de"),
        ("preferred_locales[1]", "en"),
        ("tax_ids[0][type]", "eu_vat"),
        ("tax_ids[0][value]", "DE1"),
        ("flags", "a,b"),
        ("labels", "x"),
        ("labels", "y"),
        ("extra", '{"n":1}'),
    ]


def test_nested_multipart_body(sdk: Any, server: SpecServer) -> None:
    with sdk.Wire(base_url=server.base_url) as client:
        client.files.create(
            file=("a.txt", b"first"),
            attachments=[("b.txt", b"second"), ("c.txt", b"third")],
            purpose="evidence",
            link_data={"create": True, "expires_at": 5},
            settings={"public": False, "title": "T"},
            tags=["x", "y"],
        )
    body = only(server).body
    assert b'name="link_data[create]"\r\n\r\ntrue' in body
    assert b'name="link_data[expires_at]"\r\n\r\n5' in body
    settings = b'name="settings"\r\nContent-Type: application/json\r\n\r\n'
    assert settings + b'{"public":false,"title":"T"}' in body
    assert body.count(b'name="tags"') == 2
    assert body.count(b'name="attachments"') == 2
    assert b"'" not in body.replace(b"'s", b"")


def test_read_only_required_is_not_asked_of_a_request(sdk: Any, server: SpecServer) -> None:
    server.script(
        "createIncident",
        ScriptedResponse(
            status=201,
            json={
                "incident": {
                    "id": "Q1",
                    "type": "incident",
                    "title": "Down",
                    "service": {"id": "P1", "type": "service_reference"},
                    "created_by": {"id": "A1", "type": "account_reference"},
                }
            },
        ),
    )
    with sdk.Wire(base_url=server.base_url, strict_response_validation=True) as client:
        created = client.incidents.create(
            incident={"type": "incident", "title": "Down", "service": {"type": "service_reference"}}
        )
    assert created.incident.created_by.type == "account_reference"
    assert only(server).json == {
        "incident": {"type": "incident", "title": "Down", "service": {"type": "service_reference"}}
    }


def test_ignored_header_parameters_are_not_arguments(sdk: Any) -> None:
    import inspect

    names = set(inspect.signature(sdk.Wire(base_url="http://127.0.0.1:9").search.list).parameters)
    assert {"accept", "content_type", "authorization"}.isdisjoint(names)
