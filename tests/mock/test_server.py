"""Tests of the spec-driven fake server used by SDK tests (tests/support/spec_server.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from generator.mock.server import ScriptedResponse, SpecServer

TOKEN = "test-token"
API_VERSION = "2026-02-09"

# A small made-up "gadget shop" API, written for these tests.
SPEC_31: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Gadget shop", "version": "1.0.0"},
    "paths": {
        "/widgets": {
            "get": {
                "operationId": "listWidgets",
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                    },
                    {
                        "name": "status",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["active", "archived"]},
                    },
                    {"name": "include_deleted", "in": "query", "schema": {"type": "boolean"}},
                    {
                        "name": "tag",
                        "in": "query",
                        "schema": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
                    },
                    {
                        "name": "ids",
                        "in": "query",
                        "explode": False,
                        "schema": {"type": "array", "items": {"type": "integer"}},
                    },
                    {
                        "name": "x-trace",
                        "in": "header",
                        "schema": {"type": "string", "pattern": "^t-"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "A page of widgets.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/WidgetList"}
                            }
                        },
                    },
                    "default": {"$ref": "#/components/responses/Error"},
                },
            },
            "post": {
                "operationId": "createWidget",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}
                    },
                },
                "responses": {
                    "201": {
                        "description": "Created.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}
                        },
                    },
                },
            },
        },
        "/widgets/stats": {
            "get": {
                "operationId": "getWidgetStats",
                "responses": {
                    "200": {
                        "description": "Stats.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["count"],
                                    "properties": {
                                        "count": {"type": "integer", "minimum": 0, "example": 7}
                                    },
                                }
                            }
                        },
                    }
                },
            }
        },
        "/widgets/{widget_id}": {
            "parameters": [
                {
                    "name": "widget_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "minLength": 2},
                }
            ],
            "get": {
                "operationId": "getWidget",
                "responses": {
                    "200": {
                        "description": "The widget.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}
                        },
                    }
                },
            },
            "delete": {
                "operationId": "deleteWidget",
                "responses": {"204": {"description": "Deleted."}},
            },
        },
        "/files": {
            "post": {
                "operationId": "uploadFile",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file", "purpose"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "purpose": {"type": "string", "enum": ["scan", "archive"]},
                                    "pages": {"type": "integer", "minimum": 1},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "Uploaded.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/File"}}
                        },
                    }
                },
            }
        },
        "/files/{id}": {
            "get": {
                "operationId": "getFile",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "The file.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/File"}}
                        },
                    }
                },
            }
        },
        "/files/{id}/content": {
            "get": {
                "operationId": "downloadFile",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "Raw bytes.",
                        "content": {"application/octet-stream": {}},
                    }
                },
            }
        },
        "/shapes/{shape_id}": {
            "get": {
                "operationId": "getShape",
                "parameters": [
                    {
                        "name": "shape_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "A shape.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Shape"}}
                        },
                    }
                },
            }
        },
        "/trees/{tree_id}": {
            "get": {
                "operationId": "getTree",
                "parameters": [
                    {
                        "name": "tree_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "A tree.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/TreeNode"}
                            }
                        },
                    }
                },
            }
        },
    },
    "components": {
        "responses": {
            "Error": {
                "description": "Error.",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        }
                    }
                },
            }
        },
        "schemas": {
            "Widget": {
                "type": "object",
                "required": ["id", "name", "size"],
                "properties": {
                    "id": {"type": "string", "readOnly": True},
                    "created_at": {"type": "string", "format": "date-time", "readOnly": True},
                    "name": {"type": "string", "minLength": 1, "maxLength": 40},
                    "size": {
                        "type": "object",
                        "required": ["width", "height"],
                        "properties": {
                            "width": {"type": "integer", "minimum": 0},
                            "height": {"type": "integer", "minimum": 0, "multipleOf": 5},
                        },
                        "additionalProperties": False,
                    },
                    "color": {"type": ["string", "null"], "enum": ["red", "blue", None]},
                    "owner_email": {"type": "string", "format": "email"},
                    "sku": {"type": "string", "pattern": "^[A-Z]{3}-\\d{4}$"},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "secret": {"type": "string", "writeOnly": True},
                },
            },
            "WidgetList": {
                "type": "object",
                "required": ["data", "has_more"],
                "properties": {
                    "object": {"const": "list"},
                    "data": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}},
                    "has_more": {"type": "boolean"},
                    "next_cursor": {"type": ["string", "null"]},
                },
            },
            "File": {
                "type": "object",
                "required": ["id", "bytes"],
                "properties": {
                    "id": {"type": "string"},
                    "bytes": {"type": "integer", "minimum": 0},
                    "uploaded_at": {"type": "string", "format": "date-time"},
                    "url": {"type": "string", "format": "uri"},
                },
            },
            "Circle": {
                "type": "object",
                "required": ["kind", "radius"],
                "properties": {"kind": {"type": "string"}, "radius": {"type": "number"}},
            },
            "Square": {
                "type": "object",
                "required": ["kind", "side"],
                "properties": {"kind": {"type": "string"}, "side": {"type": "number"}},
            },
            "Shape": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Circle"},
                    {"$ref": "#/components/schemas/Square"},
                ],
                "discriminator": {
                    "propertyName": "kind",
                    "mapping": {
                        "circle": "#/components/schemas/Circle",
                        "square": "#/components/schemas/Square",
                    },
                },
            },
            "TreeNode": {
                "type": "object",
                "required": ["label", "children"],
                "properties": {
                    "label": {"type": "string"},
                    "children": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/TreeNode"},
                    },
                    "parent": {"$ref": "#/components/schemas/TreeNode"},
                },
            },
        },
    },
}

SPEC_30: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Legacy things", "version": "0.1"},
    "paths": {
        "/things": {
            "post": {
                "operationId": "createThing",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    }
                },
            }
        },
        "/things/{id}": {
            "get": {
                "operationId": "getThing",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "required": ["id", "count"],
                "properties": {
                    "id": {"type": "string"},
                    "nickname": {"type": "string", "nullable": True},
                    "count": {"type": "integer", "minimum": 0, "exclusiveMinimum": True},
                    "parent": {
                        "nullable": True,
                        "allOf": [{"$ref": "#/components/schemas/Ref"}],
                    },
                },
            },
            "Ref": {"type": "object", "properties": {"id": {"type": "string"}}},
        }
    },
}


def _schema_validator(spec: dict[str, Any], pointer: str) -> Any:
    """An independent 2020-12 validator for a schema of the (3.1) test spec."""
    registry: Registry[Any] = Registry().with_resource(
        "urn:test-spec", DRAFT202012.create_resource(spec)
    )
    return jsonschema.Draft202012Validator({"$ref": "urn:test-spec#" + pointer}, registry=registry)


def assert_valid(pointer: str, value: Any) -> None:
    errors = [e.message for e in _schema_validator(SPEC_31, pointer).iter_errors(value)]
    assert errors == []


@pytest.fixture
def server() -> Iterator[SpecServer]:
    with SpecServer(SPEC_31, token=TOKEN, required_headers={"x-api-version": API_VERSION}) as srv:
        yield srv


@pytest.fixture
def client(server: SpecServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {TOKEN}", "x-api-version": API_VERSION}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=5) as c:
        yield c


def _mismatch(response: httpx.Response) -> str:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "SPEC_MISMATCH"
    assert body["retryable"] is False
    message = body["message"]
    assert isinstance(message, str)
    return message


# ----------------------------------------------------------------------------- valid traffic


def test_list_with_valid_query_params(server: SpecServer, client: httpx.Client) -> None:
    r = client.get(
        "/widgets",
        params={"limit": 10, "status": "active", "include_deleted": "true", "tag": ["a", "b"]},
        headers={"x-trace": "t-1"},
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-request-id"].startswith("req_")
    body = r.json()
    assert_valid("/components/schemas/WidgetList", body)
    assert body["object"] == "list"
    assert len(body["data"]) == 1
    assert "secret" not in body["data"][0]  # writeOnly is not sent back
    assert server.errors() == []
    rec = server.requests[-1]
    assert rec.operation_id == "listWidgets"
    assert rec.query == {
        "limit": ["10"],
        "status": ["active"],
        "include_deleted": ["true"],
        "tag": ["a", "b"],
    }


def test_comma_separated_array_when_explode_false(server: SpecServer, client: httpx.Client) -> None:
    assert client.get("/widgets", params={"ids": "1,2,3"}).status_code == 200
    message = _mismatch(client.get("/widgets", params={"ids": "1,x"}))
    assert "'x' is not of type 'integer'" in message
    assert "query parameter 'ids' at /1" in message


def test_create_widget_with_nested_body(server: SpecServer, client: httpx.Client) -> None:
    payload = {"name": "gizmo", "size": {"width": 3, "height": 10}, "color": None}
    r = client.post("/widgets", json=payload)
    assert r.status_code == 201, r.text
    assert_valid("/components/schemas/Widget", r.json())
    assert server.errors() == []
    assert server.requests[0].json == payload
    assert server.requests[0].operation_id == "createWidget"


def test_synthesized_values_honour_constraints(client: httpx.Client) -> None:
    widget = client.get("/widgets/w_1").json()
    assert widget["id"] == "w_1"  # the id follows the path parameter
    assert widget["created_at"] == "2025-01-01T00:00:00Z"
    assert widget["owner_email"] == "user@example.com"
    assert widget["size"]["height"] % 5 == 0
    assert widget["color"] in ("red", "blue")
    assert widget["sku"][:3].isupper() and widget["sku"][3] == "-"
    assert_valid("/components/schemas/Widget", widget)


def test_responses_are_deterministic(client: httpx.Client) -> None:
    first = client.get("/widgets/abc")
    second = client.get("/widgets/abc")
    assert first.content == second.content
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


def test_literal_segment_beats_template(server: SpecServer, client: httpx.Client) -> None:
    r = client.get("/widgets/stats")
    assert r.status_code == 200
    assert r.json() == {"count": 7}  # from the schema's example
    assert server.requests[-1].operation_id == "getWidgetStats"


def test_delete_returns_204_without_body(server: SpecServer, client: httpx.Client) -> None:
    r = client.delete("/widgets/w_1")
    assert r.status_code == 204
    assert r.content == b""
    assert server.requests[-1].path_params == {"widget_id": "w_1"}
    assert server.errors() == []


def test_multipart_upload(server: SpecServer, client: httpx.Client) -> None:
    data = bytes(range(256)) + b"\r\n--not-a-boundary\r\n"
    r = client.post(
        "/files",
        files={"file": ("scan.pdf", data, "application/pdf")},
        data={"purpose": "scan", "pages": "2"},
    )
    assert r.status_code == 200, r.text
    assert_valid("/components/schemas/File", r.json())
    rec = server.requests[-1]
    assert rec.errors == []
    assert rec.form == {"purpose": "scan", "pages": "2"}
    assert rec.files == {"file": ("scan.pdf", "application/pdf", data)}


def test_oneof_response_sets_discriminator(client: httpx.Client) -> None:
    shape = client.get("/shapes/3").json()
    assert shape["kind"] == "circle"
    assert_valid("/components/schemas/Shape", shape)


def test_recursive_schema_terminates(client: httpx.Client) -> None:
    tree = client.get("/trees/t1").json()
    assert_valid("/components/schemas/TreeNode", tree)
    depth, node = 0, tree
    while node.get("children"):
        node, depth = node["children"][0], depth + 1
    assert 1 <= depth <= 10


def test_binary_response(client: httpx.Client) -> None:
    r = client.get("/files/f1/content")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/octet-stream"
    assert len(r.content) > 0


def test_percent_encoded_path_params_are_decoded(server: SpecServer, client: httpx.Client) -> None:
    r = client.get(server.base_url + "/files/a%2Fb%3Fc")
    assert r.status_code == 200, r.text
    rec = server.requests[-1]
    assert rec.path == "/files/a%2Fb%3Fc"
    assert rec.path_params == {"id": "a/b?c"}
    assert rec.query == {}
    assert r.json()["id"] == "a/b?c"


# ----------------------------------------------------------------------------- invalid traffic


def test_unknown_query_parameter(server: SpecServer, client: httpx.Client) -> None:
    message = _mismatch(client.get("/widgets", params={"limt": "5"}))
    assert "unknown query parameter 'limt'" in message
    assert len(server.requests[-1].errors) == 1
    assert server.errors()[0].startswith("GET /widgets: unknown query parameter")


def test_query_parameter_of_wrong_type(server: SpecServer, client: httpx.Client) -> None:
    message = _mismatch(client.get("/widgets", params={"limit": "ten"}))
    assert "'ten' is not of type 'integer'" in message
    assert "#/paths/~1widgets/get/parameters/0/schema/type" in message


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"limit": "0"}, "0 is less than the minimum of 1"),
        ({"status": "deleted"}, "'deleted' is not one of ['active', 'archived']"),
        ({"include_deleted": "yes"}, "'yes' is not of type 'boolean'"),
        ({"tag": ["a", "b", "c", "d"]}, "is too long"),
    ],
)
def test_query_parameter_constraints(
    client: httpx.Client, params: dict[str, Any], expected: str
) -> None:
    assert expected in _mismatch(client.get("/widgets", params=params))


def test_header_and_path_parameters_are_validated(client: httpx.Client) -> None:
    assert "does not match '^t-'" in _mismatch(client.get("/widgets", headers={"x-trace": "zz"}))
    assert "is too short" in _mismatch(client.get("/widgets/w"))
    assert "'abc' is not of type 'integer'" in _mismatch(client.get("/shapes/abc"))


def test_missing_required_and_mistyped_body_fields(
    server: SpecServer, client: httpx.Client
) -> None:
    message = _mismatch(client.post("/widgets", json={"size": {"width": "3", "height": 10}}))
    assert "'name' is a required property" in message
    assert "request body at /size/width: '3' is not of type 'integer'" in message
    assert "#/components/schemas/Widget/properties/size/properties/width/type" in message
    assert "'id'" not in message  # required but readOnly: not required in requests
    assert len(server.requests[-1].errors) == 2


def test_extra_property_rejected_when_additional_properties_false(client: httpx.Client) -> None:
    payload = {"name": "g", "size": {"width": 1, "height": 5, "depth": 2}}
    assert "Additional properties are not allowed" in _mismatch(
        client.post("/widgets", json=payload)
    )


def test_read_only_property_in_body(client: httpx.Client) -> None:
    payload = {"id": "w_9", "name": "gizmo", "size": {"width": 1, "height": 5}}
    message = _mismatch(client.post("/widgets", json=payload))
    assert "'id' is readOnly and must not be sent in a request" in message


def test_missing_body_and_wrong_content_type(client: httpx.Client) -> None:
    assert "request body is required" in _mismatch(client.post("/widgets"))
    r = client.post("/widgets", content=b"name=x", headers={"content-type": "text/plain"})
    assert "Content-Type 'text/plain' is not one of the declared" in _mismatch(r)
    r = client.post("/widgets", content=b"{not json", headers={"content-type": "application/json"})
    assert "not valid JSON" in _mismatch(r)


def test_missing_bearer_token(server: SpecServer) -> None:
    with httpx.Client(base_url=server.base_url, headers={"x-api-version": API_VERSION}) as c:
        assert "missing Authorization header" in _mismatch(c.get("/widgets"))
        bad = c.get("/widgets", headers={"Authorization": "Bearer nope"})
        assert "expected bearer token" in _mismatch(bad)


def test_wrong_api_version_header(server: SpecServer) -> None:
    with httpx.Client(base_url=server.base_url) as c:
        r = c.get("/widgets", headers={"Authorization": f"Bearer {TOKEN}", "x-api-version": "2020"})
        assert "header 'x-api-version' is '2020', expected '2026-02-09'" in _mismatch(r)
        r = c.get("/widgets", headers={"Authorization": f"Bearer {TOKEN}"})
        assert "missing required header 'x-api-version'" in _mismatch(r)


def test_multipart_missing_file_part(server: SpecServer, client: httpx.Client) -> None:
    r = client.post("/files", files={"purpose": (None, "scan")})
    message = _mismatch(r)
    assert "'file' is a required property" in message
    assert server.requests[-1].form == {"purpose": "scan"}


def test_multipart_binary_field_sent_as_text(client: httpx.Client) -> None:
    r = client.post("/files", files={"purpose": (None, "scan"), "file": (None, "raw text")})
    assert "must be sent as a file part" in _mismatch(r)


def test_multipart_text_fields_are_coerced_and_validated(client: httpx.Client) -> None:
    r = client.post(
        "/files", files={"file": ("a.txt", b"x")}, data={"purpose": "shred", "pages": "0"}
    )
    message = _mismatch(r)
    assert "'shred' is not one of ['scan', 'archive']" in message
    assert "multipart body at /pages: 0 is less than the minimum of 1" in message


def test_unknown_path_and_method(server: SpecServer, client: httpx.Client) -> None:
    r = client.get("/gadgets")
    assert r.status_code == 404
    assert r.json()["code"] == "NOT_FOUND"
    assert server.requests[-1].operation_id is None
    assert "no operation matches GET /gadgets" in server.requests[-1].errors[0]
    assert client.put("/widgets/stats").status_code == 404
    assert len(server.errors()) == 2


def test_body_on_operation_without_request_body(client: httpx.Client) -> None:
    r = client.request("GET", "/widgets/stats", json={"x": 1})
    assert "takes no request body" in _mismatch(r)


# ----------------------------------------------------------------------------- scripting


def test_scripted_responses_in_order_then_synthesis(
    server: SpecServer, client: httpx.Client
) -> None:
    server.script(
        "getWidget",
        ScriptedResponse(status=500, json={"code": "BOOM"}, headers={"retry-after": "0"}),
        ScriptedResponse(status=200, body=b"plain", content_type="text/plain"),
    )
    first = client.get("/widgets/w_1")
    assert (first.status_code, first.json()) == (500, {"code": "BOOM"})
    assert first.headers["retry-after"] == "0"
    assert "x-request-id" in first.headers
    second = client.get("/widgets/w_1")
    assert (second.status_code, second.text) == (200, "plain")
    assert second.headers["content-type"] == "text/plain"
    third = client.get("/widgets/w_1")
    assert third.status_code == 200
    assert third.json()["id"] == "w_1"
    assert server.errors() == []


def test_script_for_any_operation(server: SpecServer, client: httpx.Client) -> None:
    server.script(None, ScriptedResponse(status=429, json={"code": "RATE"}))
    server.script("getWidgetStats", ScriptedResponse(status=202, json={"count": 1}))
    assert client.get("/widgets/stats").status_code == 202  # specific script first
    assert client.get("/widgets/stats").status_code == 429  # then the catch-all
    assert client.get("/widgets/stats").status_code == 200
    # invalid requests do not consume scripts
    server.script("getWidgetStats", ScriptedResponse(status=503))
    assert client.get("/widgets/stats", params={"x": "1"}).status_code == 400
    assert client.get("/widgets/stats").status_code == 503


def test_delay(server: SpecServer, client: httpx.Client) -> None:
    server.script("getWidgetStats", ScriptedResponse(json={"count": 1}, delay=0.3))
    start = time.monotonic()
    assert client.get("/widgets/stats").status_code == 200
    assert time.monotonic() - start >= 0.3
    server.script("getWidgetStats", ScriptedResponse(json={"count": 1}, delay=2.0))
    with pytest.raises(httpx.ReadTimeout):
        client.get("/widgets/stats", timeout=0.2)


def test_reset(server: SpecServer, client: httpx.Client) -> None:
    server.script("getWidgetStats", ScriptedResponse(status=500))
    client.get("/gadgets")
    server.reset()
    assert server.requests == []
    assert server.errors() == []
    assert client.get("/widgets/stats").status_code == 200


# ----------------------------------------------------------------------------- lifecycle


def test_server_stops_cleanly() -> None:
    srv = SpecServer(SPEC_31)
    with pytest.raises(RuntimeError):
        _ = srv.base_url
    srv.start()
    url = srv.base_url
    with httpx.Client(base_url=url) as c:  # keep-alive connection open while stopping
        assert c.get("/widgets/stats").status_code == 200
        start = time.monotonic()
        srv.stop()
        assert time.monotonic() - start < 2
        with pytest.raises(httpx.TransportError):
            c.get("/widgets/stats")
    srv.stop()  # idempotent
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/widgets/stats")


def test_no_token_or_required_headers_by_default() -> None:
    with SpecServer(SPEC_31) as srv:
        assert httpx.get(srv.base_url + "/widgets").status_code == 200
        assert srv.errors() == []


# ----------------------------------------------------------------------------- OpenAPI 3.0


def test_openapi_30_nullable_and_boolean_exclusive_minimum() -> None:
    with SpecServer(SPEC_30) as srv, httpx.Client(base_url=srv.base_url) as c:
        ok = {"id": "t", "count": 1, "nickname": None, "parent": None}
        assert c.post("/things", json=ok).status_code == 200
        assert srv.errors() == []
        message = _mismatch(c.post("/things", json={"id": "t", "count": 0}))
        assert "less than or equal to the minimum of 0" in message
        message = _mismatch(c.post("/things", json={"id": None, "count": 2}))
        assert "None is not of type 'string'" in message
        thing = c.get("/things/abc").json()
        assert thing["id"] == "abc"
        assert thing["count"] == 1
        assert isinstance(thing["nickname"], str)
        assert isinstance(thing["parent"], dict)
        assert len(srv.errors()) == 2
