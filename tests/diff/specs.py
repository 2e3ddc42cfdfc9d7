"""A small pet-store document to diff, and edits that make a revision of it.

`pets()` returns a fresh, valid OpenAPI 3.1 document each time. It has a component schema used
only by requests (NewPet, NewKind), ones used only by responses (Pet, Kind, PetList), shared
parameters and a shared error response, so that each rule can be triggered on its own.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import split_pointer
from generator.diff.engine import diff_versions
from generator.diff.model import Report
from generator.diff.version import Version


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def ok(schema: dict[str, Any], description: str = "ok") -> dict[str, Any]:
    return {"description": description, "content": json_content(schema)}


_PETS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "servers": [
        {"url": "https://api.pets.example", "x-sdk-environment": "production"},
        {"url": "https://eu.pets.example", "x-sdk-environment": "eu"},
    ],
    "security": [{"bearer": []}],
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "parameters": [
                    {"name": "limit", "in": "query",
                     "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
                    {"name": "status", "in": "query",
                     "schema": {"type": "string", "enum": ["available", "sold"]}},
                    {"name": "name", "in": "query",
                     "schema": {"type": "string", "minLength": 1, "maxLength": 40,
                                "pattern": "^[a-z]+$"}},
                    {"name": "tags", "in": "query",
                     "schema": {"type": "array", "items": {"type": "string"},
                                "minItems": 1, "maxItems": 5}},
                    {"name": "since", "in": "query",
                     "schema": {"type": "string", "format": "date"}},
                    {"$ref": "#/components/parameters/Locale"},
                ],
                "responses": {
                    "200": ok(ref("PetList")),
                    "400": {"$ref": "#/components/responses/Problem"},
                },
            },
            "post": {
                "operationId": "createPet",
                "parameters": [{"$ref": "#/components/parameters/Locale"}],
                "requestBody": {"required": True, "content": json_content(ref("NewPet"))},
                "responses": {
                    "201": ok(ref("Pet"), "created"),
                    "400": {"$ref": "#/components/responses/Problem"},
                },
            },
        },
        "/pets/{petId}": {
            "parameters": [
                {"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "get": {
                "operationId": "getPet",
                "parameters": [{"$ref": "#/components/parameters/Locale"}],
                "responses": {"200": ok(ref("Pet"))},
            },
            "delete": {
                "operationId": "deletePet",
                "responses": {"204": {"description": "deleted"}},
            },
        },
        "/pets/{petId}/adopt": {
            "parameters": [
                {"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "post": {
                "operationId": "adoptPet",
                "security": [{"oauth": ["pets:write"]}],
                "responses": {"204": {"description": "adopted"}},
            },
        },
    },
    "components": {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "apiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": "https://auth.pets.example/token",
                        "scopes": {"pets:read": "read", "pets:write": "write"},
                    }
                },
            },
        },
        "parameters": {
            "Locale": {"name": "locale", "in": "header", "schema": {"type": "string"}},
        },
        "responses": {
            "Problem": {"description": "a problem", "content": json_content(ref("Problem"))},
        },
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["id", "name", "status"],
                "properties": {
                    "id": {"type": "integer", "format": "int64"},
                    "name": {"type": "string"},
                    "tag": {"type": "string"},
                    "status": {"type": "string", "enum": ["available", "pending", "sold"]},
                    "nickname": {"type": ["string", "null"]},
                    "kind": ref("Kind"),
                },
            },
            "Kind": {
                "oneOf": [ref("Cat"), ref("Dog")],
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {
                        "cat": "#/components/schemas/Cat",
                        "dog": "#/components/schemas/Dog",
                    },
                },
            },
            "NewKind": {
                "oneOf": [ref("Cat"), ref("Dog")],
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {
                        "cat": "#/components/schemas/Cat",
                        "dog": "#/components/schemas/Dog",
                    },
                },
            },
            "Cat": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string"}, "indoor": {"type": "boolean"}},
            },
            "Dog": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string"}, "breed": {"type": "string"}},
            },
            "NewPet": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 50,
                             "pattern": "^[A-Za-z ]+$"},
                    "tag": {"type": "string"},
                    "age": {"type": "integer", "minimum": 0, "maximum": 40, "default": 1},
                    "status": {"type": "string", "enum": ["available", "pending"]},
                    "nickname": {"type": ["string", "null"]},
                    "photos": {"type": "array", "items": {"type": "string", "format": "uri"},
                               "minItems": 1, "maxItems": 10},
                    "id": {"type": "integer", "readOnly": True},
                    "kind": ref("NewKind"),
                },
            },
            "PetList": {
                "type": "object",
                "properties": {
                    "data": {"type": "array", "items": ref("Pet")},
                    "next_cursor": {"type": "string"},
                },
            },
            "Problem": {
                "type": "object",
                "properties": {"title": {"type": "string"}},
            },
        },
    },
}  # fmt: skip


def pets() -> dict[str, Any]:
    """A fresh copy of the base document."""
    return copy.deepcopy(_PETS)


@dataclass(frozen=True, slots=True)
class Set:
    """Set the value at a JSON pointer (the parent must exist; `-` appends to a list)."""

    pointer: str
    value: Any


@dataclass(frozen=True, slots=True)
class Drop:
    """Remove the value at a JSON pointer."""

    pointer: str


Edit = Set | Drop


def apply(document: dict[str, Any], *edits: Edit) -> dict[str, Any]:
    """`document` with `edits` applied in order (in place; returned for convenience)."""
    for edit in edits:
        *parents, last = split_pointer(edit.pointer)
        node: Any = document
        for token in parents:
            node = node[int(token)] if isinstance(node, list) else node[token]
        if isinstance(edit, Drop):
            if isinstance(node, list):
                del node[int(last)]
            else:
                del node[last]
        elif isinstance(node, list):
            if last == "-":
                node.append(copy.deepcopy(edit.value))
            else:
                node[int(last)] = copy.deepcopy(edit.value)
        else:
            node[last] = copy.deepcopy(edit.value)
    return document


def diff(old: dict[str, Any], new: dict[str, Any]) -> Report:
    return diff_versions(Version("old.yaml", old), Version("new.yaml", new), api_name="pets")
