from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import Severity, has_errors
from generator.ir.build import build_api
from generator.ir.model import Api, Binary, Pagination, Primitive
from generator.ir.names import Name
from generator.ir.shape import shape_of
from generator.load.structure import check_structure
from tests.conftest import minimal_spec

SHELTER = Path(__file__).parent.parent / "golden" / "shelter" / "spec.yaml"


@pytest.fixture(scope="module")
def shelter() -> Api:
    return build_api(yaml.safe_load(SHELTER.read_text()), "shelter")


def names(api: Api) -> dict[str, str]:
    found = {op.operation_id: f"client.{op.name.snake()}" for op in api.root_operations}
    for resource in api.resources:
        for op in resource.operations:
            found[op.operation_id] = f"{resource.name.snake()}.{op.name.snake()}"
    return found


def test_operation_names(shelter: Api) -> None:
    assert names(shelter) == {
        "ping": "client.ping",
        "listAnimals": "animals.list",
        "createAnimal": "animals.create",
        "getAnimal": "animals.retrieve",
        "deleteAnimal": "animals.delete",
        "adoptAnimal": "animals.adopt",
        "uploadPhoto": "animals.upload_photo",
        "downloadPhoto": "animals.download_photo",
    }


def test_shared_header_becomes_a_client_option(shelter: Api) -> None:
    assert [(h.name.snake(), h.wire_name) for h in shelter.client_headers] == [
        ("tenant", "x-shelter-tenant")
    ]
    for op in shelter.operations():
        assert all(p.wire_name != "x-shelter-tenant" for p in op.params)


@pytest.mark.parametrize(
    ("schema", "default"),
    [
        ({"type": "string", "enum": ["2025.0"]}, "2025.0"),
        ({"type": "string", "const": "v1"}, "v1"),
        ({"type": "string", "enum": ["a", "b"], "default": "b"}, "b"),
        ({"type": "string", "enum": ["a", "b"]}, None),
    ],
)
def test_a_client_header_with_one_allowed_value_sends_it_by_default(
    schema: dict[str, Any], default: str | None
) -> None:
    """Box requires `box-version`, whose only value is `2025.0`: Prism refused every call
    until the client sent it without being told."""
    spec = minimal_spec()
    ok = {"200": {"description": "ok"}}
    header = {"$ref": "#/components/parameters/Version"}
    spec["paths"] = {
        f"/{name}": {"get": {"operationId": name, "parameters": [header], "responses": ok}}
        for name in ("files", "folders")
    }
    version = {"name": "box-version", "in": "header", "required": True, "schema": schema}
    spec["components"] = {"parameters": {"Version": version}}
    api = build_api(spec, "box")
    assert [(h.wire_name, h.default) for h in api.client_headers] == [("box-version", default)]


def test_path_level_parameters_and_header_parameters(shelter: Api) -> None:
    adopt = next(op for op in shelter.operations() if op.operation_id == "adoptAnimal")
    assert [(p.wire_name, p.location, p.required) for p in adopt.params] == [
        ("animalId", "path", True),
        ("Idempotency-Key", "header", False),
    ]
    retrieve = next(op for op in shelter.operations() if op.operation_id == "getAnimal")
    assert [p.wire_name for p in retrieve.params] == ["animalId"]


def test_bodies(shelter: Api) -> None:
    ops = {op.operation_id: op for op in shelter.operations()}
    create = ops["createAnimal"].body
    assert create is not None and create.kind == "json" and create.fields is not None
    assert [(f.wire_name, f.required) for f in create.fields] == [
        ("name", True),
        ("species", True),
        ("weightKg", False),
        ("diet", False),
    ]
    upload = ops["uploadPhoto"].body
    assert upload is not None and upload.kind == "multipart" and upload.fields is not None
    assert upload.fields[0].type == Binary()


def test_responses(shelter: Api) -> None:
    ops = {op.operation_id: op for op in shelter.operations()}
    assert ops["deleteAnimal"].success.kind == "empty"
    assert ops["downloadPhoto"].success.kind == "binary"
    assert ops["ping"].success.kind == "text"
    assert ops["createAnimal"].success.status == "201"
    assert [e.status for e in ops["getAnimal"].errors] == ["404"]


def test_pagination_is_recognised(shelter: Api) -> None:
    listing = next(op for op in shelter.operations() if op.operation_id == "listAnimals")
    assert listing.pagination is not None
    assert (
        listing.pagination.style,
        listing.pagination.param,
        listing.pagination.items_field,
        listing.pagination.next_field,
    ) == ("page_token", "pageToken", "data", "nextPageToken")
    assert isinstance(listing.pagination, Pagination)


def test_polling_is_recognised_on_runs() -> None:
    spec: dict[str, Any] = minimal_spec(
        paths={
            "/runs": {
                "post": {
                    "operationId": "createRun",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Run"}}
                            },
                        }
                    },
                }
            },
            "/runs/{id}": {
                "get": {
                    "operationId": "getRun",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Run"}}
                            },
                        }
                    },
                }
            },
        },
        components={
            "schemas": {
                "Run": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"type": "string", "enum": ["PENDING", "PROCESSED", "FAILED"]},
                    },
                }
            }
        },
    )
    api = build_api(spec, "runs")
    create = api.resources[0].operations[0]
    assert create.polling is not None
    assert create.polling.terminal_values == ("PROCESSED", "FAILED")
    assert create.polling.retrieve_operation == Name(("retrieve",))


def test_explicit_duplicate_method_names_are_errors_and_duplicate_ids_warnings() -> None:
    spec = minimal_spec(
        paths={
            "/a": {
                "get": {
                    "operationId": "same",
                    "x-sdk-name": "things.fetch",
                    "responses": {"200": {"description": "ok"}},
                }
            },
            "/b": {
                "get": {
                    "operationId": "same",
                    "x-sdk-name": "things.fetch",
                    "responses": {"200": {"description": "ok"}},
                }
            },
        }
    )
    found = sorted((d.code, d.severity.value) for d in build_api(spec, "x").diagnostics)
    assert found == [("duplicate-method-name", "error"), ("duplicate-operation-id", "warning")]


def test_path_template_and_parameters_are_made_to_match_with_warnings() -> None:
    spec = minimal_spec(
        paths={
            "/a/{id}": {
                "get": {
                    "parameters": [
                        {
                            "name": "other",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        }
    )
    api = build_api(spec, "x")
    diagnostics = api.diagnostics
    assert sorted(d.code for d in diagnostics) == [
        "path-param-not-in-template",
        "path-param-undeclared",
    ]
    assert all(d.pointer == "/paths/~1a~1{id}/get" for d in diagnostics)
    assert all(d.severity is Severity.WARNING for d in diagnostics)
    assert [(p.wire_name, p.location) for p in api.operations()[0].params] == [("id", "path")]


def test_clashing_derived_method_names_are_renamed_not_dropped() -> None:
    ok = {"200": {"description": "ok"}}
    spec = minimal_spec(
        paths={
            "/things/{id}": {"put": {"responses": ok}, "patch": {"responses": ok}},
            "/things": {"get": {"responses": ok}, "delete": {"responses": ok}},
            "/things/{id}/": {"delete": {"responses": ok}},
            "/me/library": {
                "put": {"operationId": "save-library", "responses": ok},
                "delete": {"operationId": "remove-library", "responses": ok},
            },
            "/hooks/{id}": {"get": {"responses": ok}},
            "/hooks/{id}/{token}": {"get": {"responses": ok}},
        }
    )
    api = build_api(spec, "x")
    assert names(api) == {
        "put_/things/{id}": "things.replace",
        "patch_/things/{id}": "things.update",
        "get_/things": "things.list",
        "delete_/things": "things.delete_all",
        "delete_/things/{id}/": "things.delete",
        "save-library": "me.save_library",
        "remove-library": "me.remove_library",
        "get_/hooks/{id}": "hooks.retrieve_by_id",
        "get_/hooks/{id}/{token}": "hooks.retrieve_by_token",
    }
    renamed = sorted(d.pointer for d in api.diagnostics if d.code == "method-renamed")
    assert renamed == [
        "/paths/~1hooks~1{id}/get",
        "/paths/~1hooks~1{id}~1{token}/get",
        "/paths/~1me~1library/delete",
        "/paths/~1me~1library/put",
        "/paths/~1things/delete",
        "/paths/~1things~1{id}/put",
    ]
    assert not has_errors(api.diagnostics)


def test_servers_and_security(shelter: Api) -> None:
    assert [(s.name.snake(), s.url) for s in shelter.servers] == [
        ("production", "https://api.shelter.test"),
        ("sandbox", "https://sandbox.shelter.test"),
    ]
    assert [(s.name, s.kind) for s in shelter.security] == [("bearer", "bearer")]
    assert shelter.name == Name(("shelter",))


def test_the_scheme_the_document_requires_comes_first() -> None:
    schemes = {
        "basic": {"type": "http", "scheme": "basic"},
        "cookie": {"type": "apiKey", "in": "cookie", "name": "sid"},
        "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
    }
    required = minimal_spec(components={"securitySchemes": schemes}, security=[{"key": []}])
    api = build_api(required, "x")
    assert [(s.name, s.kind, s.place) for s in api.security][:1] == [("key", "api_key", "header")]
    assert api.diagnostics == ()

    spec = minimal_spec(components={"securitySchemes": schemes})
    spec["paths"]["/things"]["get"]["security"] = [{"cookie": []}]
    api = build_api(spec, "x")
    assert api.security[0].name == "cookie"
    assert api.diagnostics == ()  # the SDKs send a cookie key themselves

    schemes["oauth"] = {"type": "mutualTLS"}
    spec = minimal_spec(components={"securitySchemes": schemes})
    spec["paths"]["/things"]["get"]["security"] = [{"oauth": []}]
    api = build_api(spec, "x")
    assert [(d.code, d.severity) for d in api.diagnostics] == [
        ("unsupported-security", Severity.WARNING)
    ]


def test_two_paths_may_share_one_path_item() -> None:
    item = {
        "get": {
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "properties": {"id": {"type": "string"}}}
                        }
                    },
                }
            }
        }
    }
    spec = minimal_spec(
        paths={"/v1/things": {"$ref": "#/x-things"}, "/v2/things": {"$ref": "#/x-things"}},
    )
    spec["x-things"] = item
    api = build_api(spec, "x")
    ops = sorted((op.pointer, op.path) for op in api.operations())
    assert ops == [
        ("/paths/~1v1~1things/get", "/v1/things"),
        ("/paths/~1v2~1things/get", "/v2/things"),
    ]
    assert len(api.types) == 1, "the shared response schema is one model"


def test_what_cannot_become_a_method_is_named_once() -> None:
    """The structural checks name what is not a mapping; the IR leaves it out without a
    second warning, and warns only about what it decides (a body with no media type)."""
    spec = minimal_spec(
        paths={
            "/a": ["not", "an", "item"],
            "/b": {
                "get": None,
                "post": {"requestBody": {}, "responses": {"200": "ok"}},
                "put": {
                    "parameters": [{"name": "x", "schema": {}}],
                    "responses": {"200": {"description": "ok"}},
                },
            },
        }
    )
    structural = {pointer for _code, pointer, _message in check_structure(spec)}
    assert {
        "/paths/~1a",
        "/paths/~1b/get",
        "/paths/~1b/post/responses/200",
        "/paths/~1b/put/parameters/0",
    } <= structural
    api = build_api(spec, "x")
    found = sorted((d.code, d.pointer) for d in api.diagnostics)
    assert found == [("empty-request-body", "/paths/~1b/post/requestBody")]
    assert [(op.method, op.params) for op in api.operations()] == [("PUT", ()), ("POST", ())]


def test_callbacks_and_webhooks_without_a_body_are_warned_about() -> None:
    spec = minimal_spec(
        webhooks={"petAdded": {"post": {"responses": {"200": {"description": "ok"}}}}}
    )
    spec["paths"]["/things"]["get"]["callbacks"] = {"done": {}}
    found = sorted((d.code, d.pointer) for d in build_api(spec, "x").diagnostics)
    assert found == [
        ("callbacks-not-generated", "/paths/~1things/get/callbacks"),
        ("webhook-unsupported", "/webhooks/petAdded"),
    ]


def test_refs_may_point_into_any_part_of_the_document() -> None:
    schema = {"type": "object", "properties": {"id": {"type": "string"}}}
    spec = minimal_spec(
        paths={
            "/a": {
                "get": {
                    "parameters": [{"name": "q", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": schema}},
                        }
                    },
                }
            },
            "/b": {
                "get": {
                    "parameters": [{"$ref": "#/paths/~1a/get/parameters/0"}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/paths/~1a/get/responses/200/content/"
                                        "application~1json/schema"
                                    }
                                }
                            },
                        }
                    },
                }
            },
        }
    )
    api = build_api(spec, "x")
    a, b = sorted(api.operations(), key=lambda op: op.path)
    assert [(p.wire_name, p.type) for p in b.params] == [("q", Primitive("integer"))]
    assert a.success.type == b.success.type and len(api.types) == 1
    assert api.diagnostics == ()


def test_a_call_read_as_json_asks_for_json_only() -> None:
    """OpenAI's video content comes as `video/mp4`, `image/webp` or a JSON string: Prism sent
    the video to the SDK that reads JSON, until Accept asked for JSON alone."""
    spec = minimal_spec()
    binary = {"schema": {"type": "string", "format": "binary"}}
    content = {"video/mp4": binary, "application/json": {"schema": {"type": "string"}}}
    ok = {"200": {"description": "the content", "content": content}}
    spec["paths"] = {"/videos/{id}/content": {"get": {"operationId": "content", "parameters": [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": ok}}}  # fmt: skip
    operation = build_api(spec, "videos").operations()[0]
    assert operation.shape is not None
    assert (operation.shape.response_kind, operation.shape.accept) == ("json", "application/json")


@pytest.mark.parametrize(
    ("schema", "kind"),
    [
        ({"type": "string"}, "text"),
        ({"type": "object", "properties": {"a": {"type": "string"}}}, "json"),
        ({"type": "string", "format": "binary"}, "binary"),
    ],
)
def test_an_any_media_response_is_read_by_its_schema(schema: dict[str, Any], kind: str) -> None:
    spec = minimal_spec()
    responses = spec["paths"]["/things"]["get"]["responses"]
    responses["200"] = {"description": "ok", "content": {"*/*": {"schema": schema}}}
    (op,) = build_api(spec, "x").operations()
    assert shape_of(op).response_kind == kind
