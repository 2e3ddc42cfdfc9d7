"""The parts of the Prism proof that need no Prism: the trimmed document and the verdicts."""

from __future__ import annotations

import json
from typing import Any

from generator.load.document import build_model
from tests.conftest import minimal_spec
from tests.prism.recorder import Exchange
from tests.prism.trim import trimmed
from tests.prism.verdicts import argument_fault, outcome, rejection


def _document() -> dict[str, Any]:
    spec = minimal_spec()
    spec["paths"] = {
        "/pets": {
            "get": {"responses": {"200": {"$ref": "#/components/responses/Pets"}}},
            "post": {"responses": {"201": {"description": "made"}}},
        },
        "/owners": {"get": {"responses": {"200": {"description": "owners"}}}},
    }
    pet = {"oneOf": [{"$ref": "#/components/schemas/Cat"}], "discriminator": {
        "propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}}}  # fmt: skip
    spec["components"] = {
        "responses": {"Pets": {"description": "pets", "content": {"application/json": {
            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}}},
        "schemas": {"Pet": pet, "Cat": {"type": "object"}, "Owner": {"type": "object"}},
        "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
    }  # fmt: skip
    return spec


def test_the_trimmed_document_keeps_the_called_operations_and_what_they_reference() -> None:
    result = trimmed(build_model(_document()), {"GET /pets"})
    assert result["paths"] == {"/pets": {"get": _document()["paths"]["/pets"]["get"]}}
    components = result["components"]
    assert sorted(components["schemas"]) == ["Cat", "Pet"]
    assert sorted(components["responses"]) == ["Pets"]
    assert "key" in components["securitySchemes"]


def _exchange(status: int, headers: dict[str, str], body: Any = b"") -> Exchange:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return Exchange(0, "GET", "/pets", (), b"", status, tuple(headers.items()), raw)


PROBLEM = {"content-type": "application/problem+json"}


def test_a_problem_answer_is_a_rejection_naming_the_violation() -> None:
    body = {"type": "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY", "title": "Invalid",
            "validation": [{"location": ["request", "query", "limit"], "code": "type",
                            "message": "must be integer"}]}  # fmt: skip
    exchange = _exchange(422, PROBLEM, body)
    assert rejection(exchange) == "422 Invalid: request.query.limit: must be integer"
    assert not argument_fault(exchange)
    assert outcome("client.pets.list", "UnprocessableEntityError", [exchange]).kind == "rejected"


def test_a_declared_error_answer_with_request_violations_is_a_rejection() -> None:
    violations = [{"location": ["request", "path", "id"], "severity": "Error", "code": "pattern",
                   "message": "must match pattern"}]  # fmt: skip
    exchange = _exchange(400, {"sl-violations": json.dumps(violations)}, {"message": "no"})
    assert rejection(exchange) is not None
    assert argument_fault(exchange)
    assert outcome("client.pets.get", "BadRequestError", [exchange]).kind == "argument"


def test_outcomes_without_a_rejection() -> None:
    accepted = _exchange(200, {"content-type": "application/json"}, [])
    assert rejection(accepted) is None
    assert outcome("m", "ok", [accepted]).kind == "ok"
    assert outcome("m", "ValidationError: bad", [accepted]).kind == "reader"
    assert outcome("m", "TypeError: no", []).kind == "unsent"
    assert outcome("m", "InternalServerError", [_exchange(500, {}, b"")]).kind == "other"


def test_a_union_failing_because_of_a_value_constraint_is_the_arguments_fault() -> None:
    where = ["request", "body", "channel_id"]
    violations = [
        {"location": where, "severity": "Error", "code": "type", "message": "must be null"},
        {"location": where, "severity": "Error", "code": "pattern", "message": "must match"},
        {"location": where, "severity": "Error", "code": "oneOf", "message": "exactly one"},
    ]
    exchange = _exchange(422, {"sl-violations": json.dumps(violations)}, {"message": "no"})
    assert argument_fault(exchange)
    other = [{**violations[0], "location": ["request", "body", "name"]}]
    mixed = _exchange(422, {"sl-violations": json.dumps(violations + other)}, {})
    assert not argument_fault(mixed)
