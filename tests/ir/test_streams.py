"""Streams, idempotency keys and webhook signing, decided once in the IR (`ir/streams.py`,
`ir/webhooks.py`), table-driven over small specs written here."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.ir.build import build_api
from generator.ir.model import Ref
from generator.ir.names import Name
from generator.ir.shape import shape_of, with_idempotency_header
from generator.ir.webhooks import STANDARD_WEBHOOKS, with_standard_webhooks

SPEC = Path(__file__).parents[1] / "support" / "streams_spec.yaml"


def document() -> dict[str, Any]:
    loaded = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def shapes(spec: dict[str, Any]) -> dict[str, Any]:
    return {op.operation_id: shape_of(op) for op in build_api(spec, "streams").operations()}


def test_a_stream_beside_json_is_chosen_by_the_stream_field() -> None:
    shape = shapes(document())["createCompletion"]
    assert (shape.response_kind, shape.event_stream.selector) == ("json", "stream")
    assert shape.event_stream.item_type == Ref(Name.parse("CompletionChunk"))


def test_an_operation_that_only_streams_takes_its_item_schema() -> None:
    shape = shapes(document())["listenEvents"]
    assert shape.response_kind == "event_stream" and shape.response_type is None
    assert shape.event_stream.selector is None
    assert shape.event_stream.item_type == Ref(Name.parse("Tick"))


def edited(path: str, edit: Any) -> dict[str, Any]:
    spec = copy.deepcopy(document())
    edit(spec["paths"][path]["post"])
    return spec


def _required_stream(op: dict[str, Any]) -> None:
    op["requestBody"]["content"]["application/json"]["schema"]["required"].append("stream")


def _string_stream(op: dict[str, Any]) -> None:
    op["requestBody"]["content"]["application/json"]["schema"]["properties"]["stream"] = {
        "type": "string"
    }


def _no_stream_field(op: dict[str, Any]) -> None:
    del op["requestBody"]["content"]["application/json"]["schema"]["properties"]["stream"]


@pytest.mark.parametrize(
    "edit",
    [_required_stream, _string_stream, _no_stream_field],
    ids=["a required stream field", "a stream field that is no boolean", "no stream field"],
)
def test_a_stream_no_boolean_field_chooses_is_left_out(edit: Any) -> None:
    shape = shapes(edited("/completions", edit))["createCompletion"]
    assert (shape.response_kind, shape.event_stream) == ("json", None)


def test_an_idempotency_header_makes_a_post_safe_to_retry() -> None:
    found = shapes(document())
    assert found["createCharge"].idempotency_header == "Idempotency-Key"
    assert found["createCharge"].retry_safe
    spec = edited("/charges", lambda op: op.pop("parameters"))
    unkeyed = shapes(spec)["createCharge"]
    assert unkeyed.idempotency_header is None and not unkeyed.retry_safe


def test_the_configuration_names_an_idempotency_header_the_spec_does_not() -> None:
    spec = edited("/charges", lambda op: op.pop("parameters"))
    api = with_idempotency_header(build_api(spec, "streams"), "Idempotency-Key")
    for op in api.operations():
        shape = shape_of(op)
        keyed = op.method in ("POST", "PATCH")
        assert (shape.idempotency_header == "Idempotency-Key") is keyed, op.operation_id
        assert shape.retry_safe, op.operation_id


def test_webhooks_without_a_scheme_are_standard_webhooks() -> None:
    webhooks = build_api(document(), "streams").webhooks
    assert webhooks is not None and webhooks.signing == STANDARD_WEBHOOKS
    assert [e.event_type for e in webhooks.events] == ["completion.done"]


def test_a_described_hmac_scheme_is_kept_unless_the_configuration_asks_otherwise() -> None:
    spec = document()
    spec["x-sdk-webhooks"] = {"signatureHeader": "x-sig", "timestampHeader": "x-ts"}
    api = build_api(spec, "streams")
    assert api.webhooks is not None and api.webhooks.signing is not None
    assert (api.webhooks.signing.scheme, api.webhooks.signing.signature_header) == ("hmac", "x-sig")
    chosen = with_standard_webhooks(api).webhooks
    assert chosen is not None and chosen.signing == STANDARD_WEBHOOKS
