"""The parts of the Prism proof that need no Prism: the trimmed document and the verdicts."""

from __future__ import annotations

import json
from typing import Any

from generator.load.document import build_model
from tests.conftest import minimal_spec
from tests.prism.recorder import Exchange
from tests.prism.trim import trimmed
from tests.prism.verdicts import argument_fault, misread, outcome, rejection


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


def _expandable(target: str) -> dict[str, Any]:
    """Stripe's expandable field: an id, or the object itself."""
    ref = {"$ref": f"#/components/schemas/{target}"}
    return {"anyOf": [{"type": "string"}, ref], "x-expansionResources": {"oneOf": [ref]}}


def test_answers_are_narrowed_to_what_prism_samples_and_requests_served_whole() -> None:
    spec = minimal_spec()
    shared = {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]}
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}
    answer = {
        "type": "object",
        "properties": {"pet": {"$ref": "#/components/schemas/Pet"}, "owner": _expandable("Owner")},
    }
    spec["paths"] = {
        "/pets": {
            "post": {
                "requestBody": body,
                "responses": {
                    "200": {
                        "description": "made",
                        "content": {"application/json": {"schema": answer}},
                    }
                },
            }
        }
    }
    spec["components"] = {"schemas": {
        "Pet": shared, "Cat": {"type": "object"}, "Dog": {"type": "object"},
        "Owner": {"type": "object", "properties": {"home": _expandable("Home")}},
        "Home": {"type": "object"}}}  # fmt: skip
    result = trimmed(build_model(spec), {"POST /pets"})
    schemas = result["components"]["schemas"]
    assert sorted(schemas) == ["Cat", "Dog", "Pet"]
    assert schemas["Pet"] == shared
    served = result["paths"]["/pets"]["post"]
    assert served["requestBody"] == body
    narrowed = served["responses"]["200"]["content"]["application/json"]["schema"]
    assert narrowed["properties"]["owner"] == {"anyOf": [{"type": "string"}]}
    assert narrowed["properties"]["pet"] == {"$ref": "#/components/schemas/Pet"}


def _exchange(
    status: int, headers: dict[str, str], body: Any = b"", sent: tuple[str, bytes] = ("/pets", b"")
) -> Exchange:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    kind = (("content-type", "application/x-www-form-urlencoded"),) if sent[1] else ()
    return Exchange(0, "GET", sent[0], kind, sent[1], status, tuple(headers.items()), raw)


def _refusing(*violations: dict[str, Any], sent: tuple[str, bytes]) -> Exchange:
    listed = [{"severity": "Error", **v} for v in violations]
    return _exchange(422, {"sl-violations": json.dumps(listed)}, {"error": "no"}, sent)


def test_prism_reading_an_absent_deep_object_as_empty_is_its_misreading() -> None:
    absent = {"location": ["request", "body", "shipping"], "code": "required",
              "message": "must have required property 'name'"}  # fmt: skip
    nested = {**absent, "location": ["request", "query", "details", "address"]}
    quiet = _refusing(absent, nested, sent=("/c?limit=1", b"amount=1"))
    assert misread(quiet) and rejection(quiet) is None
    assert outcome("m", "UnprocessableEntityError", [quiet]).kind == "misread"
    carried = _refusing(absent, sent=("/c", b"shipping%5Bphone%5D=1"))
    assert not misread(carried) and rejection(carried) is not None
    deeper = _refusing(nested, sent=("/c?details%5Baddress%5D%5Bcity%5D=B", b"a=1"))
    assert outcome("m", "UnprocessableEntityError", [deeper]).kind == "rejected"


def test_prism_refusing_an_array_of_objects_in_bracket_form_is_its_misreading() -> None:
    said = {"location": ["request"], "code": 415,
            "message": "Cannot deserialize JSON object array in form data"}  # fmt: skip
    bracket = _refusing(said, sent=("/s", b"items%5B0%5D%5Bprice%5D=p&items%5B1%5D%5Bprice%5D=q"))
    assert misread(bracket)
    flat = _refusing(said, sent=("/s", b"items%5B0%5D=p"))
    assert not misread(flat) and rejection(flat) is not None


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
