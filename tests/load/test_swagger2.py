"""Swagger 2.0 documents become OpenAPI 3.0 ones the IR builder reads like any other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir.build import build_api
from generator.ir.model import Binary, Nullable, Primitive, Ref
from generator.ir.names import Name
from generator.load.loader import load_document
from generator.load.swagger2 import convert_schema, convert_swagger2, rewrite_ref


def swagger(**extra: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "swagger": "2.0",
        "info": {"title": "Zoo", "version": "1"},
        "host": "zoo.test",
        "basePath": "/v1",
        "schemes": ["https", "http"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {},
    }
    document.update(extra)
    return document


PET = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "tag": {"type": "string", "x-nullable": True},
        "photo": {"type": "file"},
    },
}


def test_servers_come_from_host_base_path_and_schemes() -> None:
    converted, _ = convert_swagger2(swagger())
    assert converted["openapi"].startswith("3.0")
    assert converted["servers"] == [{"url": "https://zoo.test/v1"}, {"url": "http://zoo.test/v1"}]
    assert convert_swagger2(swagger(host=None))[0]["servers"] == [{"url": "/v1"}]


def test_schema_keywords_and_refs_move_to_their_3_0_spelling() -> None:
    assert rewrite_ref("#/definitions/Pet") == "#/components/schemas/Pet"
    assert rewrite_ref("#/parameters/limit") == "#/components/parameters/limit"
    assert rewrite_ref("#/responses/NotFound") == "#/components/responses/NotFound"
    schema = convert_schema(
        {
            "discriminator": "kind",
            "properties": {"owner": {"$ref": "#/definitions/Owner"}, "tag": PET["properties"]},
            "x-nullable": True,
            "example": {"$ref": "#/definitions/NotARef"},
        }
    )
    assert schema["discriminator"] == {"propertyName": "kind"}
    assert schema["nullable"] is True
    assert schema["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert schema["properties"]["tag"]["photo"] == {"type": "string", "format": "binary"}
    assert schema["example"] == {"$ref": "#/definitions/NotARef"}, "examples are data"


def test_a_schema_keeps_the_scalars_it_does_not_rewrite_in_their_order() -> None:
    source = {
        "title": "Pet",
        "type": "file",
        "format": "byte",
        "maxLength": 9,
        "readOnly": True,
        "x-nullable": 0,
        "items": {"type": "integer", "x-nullable": 1},
    }
    copy = json.loads(json.dumps(source))
    schema = convert_schema(source)
    assert list(schema.items()) == [
        ("title", "Pet"),
        ("type", "string"),
        ("format", "byte"),
        ("maxLength", 9),
        ("readOnly", True),
        ("nullable", False),
        ("items", {"type": "integer", "nullable": True}),
    ]
    assert source == copy, "the input is never changed"


def test_body_form_and_simple_parameters() -> None:
    document = swagger(
        definitions={"Pet": PET},
        parameters={
            "limit": {"name": "limit", "in": "query", "type": "integer", "default": 20},
            "petBody": {"name": "pet", "in": "body", "schema": {"$ref": "#/definitions/Pet"}},
        },
        paths={
            "/pets": {
                "parameters": [{"$ref": "#/parameters/limit"}],
                "get": {
                    "operationId": "listPets",
                    "parameters": [
                        {
                            "name": "tags",
                            "in": "query",
                            "type": "array",
                            "items": {"type": "string"},
                            "collectionFormat": "multi",
                        },
                        {"name": "X-Trace", "in": "header", "type": "string"},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
                        }
                    },
                },
                "post": {
                    "operationId": "createPet",
                    "parameters": [{"$ref": "#/parameters/petBody"}],
                    "responses": {"201": {"description": "made"}},
                },
            },
            "/pets/{id}/photo": {
                "post": {
                    "operationId": "uploadPhoto",
                    "consumes": ["multipart/form-data"],
                    "produces": ["image/png"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "string"},
                        {"name": "file", "in": "formData", "type": "file", "required": True},
                        {"name": "caption", "in": "formData", "type": "string"},
                    ],
                    "responses": {"200": {"description": "png", "schema": {"type": "file"}}},
                }
            },
        },
    )
    converted, _ = convert_swagger2(document)
    pets = converted["paths"]["/pets"]
    assert pets["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    assert converted["components"]["parameters"]["limit"]["schema"] == {
        "type": "integer",
        "default": 20,
    }
    tags = pets["get"]["parameters"][0]
    assert (tags["style"], tags["explode"]) == ("form", True)
    assert tags["schema"] == {"type": "array", "items": {"type": "string"}}
    assert list(pets["get"]["responses"]["200"]["content"]) == ["application/json"]
    assert pets["post"]["requestBody"] == converted["components"]["requestBodies"]["petBody"]
    upload = converted["paths"]["/pets/{id}/photo"]["post"]
    assert list(upload["requestBody"]["content"]) == ["multipart/form-data"]
    form = upload["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["required"] == ["file"]
    assert form["properties"]["file"] == {"type": "string", "format": "binary"}

    api = build_api(converted, "zoo")
    ops = {op.operation_id: op for op in api.operations()}
    assert [p.wire_name for p in ops["listPets"].params] == ["limit", "tags", "X-Trace"]
    create = ops["createPet"].body
    assert create is not None and create.fields is not None
    assert [f.wire_name for f in create.fields] == ["name", "tag", "photo"]
    assert create.fields[1].type == Nullable(Primitive("string"))
    upload_body = ops["uploadPhoto"].body
    assert upload_body is not None and upload_body.kind == "multipart"
    assert upload_body.fields is not None and upload_body.fields[0].type == Binary()
    assert ops["uploadPhoto"].success.kind == "binary"
    assert ops["listPets"].success.type is not None


def test_security_definitions() -> None:
    converted, _ = convert_swagger2(
        swagger(
            securityDefinitions={
                "basic": {"type": "basic"},
                "key": {"type": "apiKey", "name": "api_key", "in": "query"},
                "oauth": {
                    "type": "oauth2",
                    "flow": "accessCode",
                    "authorizationUrl": "https://zoo.test/auth",
                    "tokenUrl": "https://zoo.test/token",
                    "scopes": {"read": "read"},
                },
            }
        )
    )
    schemes = converted["components"]["securitySchemes"]
    assert schemes["basic"] == {"type": "http", "scheme": "basic"}
    assert schemes["key"] == {"type": "apiKey", "name": "api_key", "in": "query"}
    assert list(schemes["oauth"]["flows"]) == ["authorizationCode"]
    kinds = [(s.name, s.kind) for s in build_api(converted, "zoo").security]
    assert kinds == [("basic", "basic"), ("key", "api_key"), ("oauth", "bearer")]


def test_loading_a_swagger_file_converts_it_and_reports_in_its_own_terms(tmp_path: Path) -> None:
    document = swagger(
        definitions={"Pet": PET, "Owner": {"$ref": "#/definitions/Missing"}},
        paths={
            "/pets": {
                "get": {
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}
                    }
                }
            }
        },
    )
    path = tmp_path / "zoo.json"
    text = json.dumps(document, indent=2)
    path.write_text(text)
    lines = text.splitlines()
    loaded = load_document(path)
    assert loaded.document is not None and "components" in loaded.document
    assert [(d.code, d.pointer) for d in loaded.diagnostics] == [
        ("dangling-ref", "/definitions/Owner")
    ]
    assert loaded.diagnostics[0].line == lines.index('    "Owner": {') + 1
    # what the IR reports about the converted document is located in the 2.0 source
    later = Diagnostic("x", "y", "/components/schemas/Pet/properties/tag", str(path))
    located = loaded.locate(later)
    assert located.pointer == "/definitions/Pet/properties/tag"
    assert located.line == lines.index('        "tag": {') + 1
    api = build_api(loaded.document, "zoo", str(path))
    ops = api.operations()
    assert ops[0].success.type == Ref(Name(("pet",)))
