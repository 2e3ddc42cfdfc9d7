"""The structural checks: one minimal document per check, with the exact pointers it names."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import resolve_pointer
from generator.load.loader import _YamlLoader, load_document, parse_text
from generator.load.structure import CODE, ERROR_CODES, check_structure
from tests.conftest import ROOT, SHARED, shared_path
from tests.corpus.documents import corpus_documents
from tests.corpus.sample import sampled

OK = {"200": {"description": "ok"}}


def operation(**fields: Any) -> dict[str, Any]:
    return {"operationId": "listThings", "responses": OK, **fields}


def api(paths: Any = None, version: str = "3.1.0", **top: Any) -> dict[str, Any]:
    """A valid document (one operation unless `paths` is given); `top` sets top-level keys."""
    document: dict[str, Any] = {
        "openapi": version,
        "info": {"title": "T", "version": "1"},
        "paths": {"/things": {"get": operation()}} if paths is None else paths,
    }
    document.update(top)
    return {key: value for key, value in document.items() if value is not None}


def one(**fields: Any) -> dict[str, Any]:
    """A document whose only operation is GET /things/{id} with `fields`."""
    return api({"/things/{id}": {"get": operation(**fields)}})


def schema(node: Any, version: str = "3.1.0") -> dict[str, Any]:
    """A document whose only component schema is `node`."""
    return api(version=version, components={"schemas": {"A": node}})


def swagger(**top: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/things": {"get": operation()}},
    }
    document.update(top)
    return document


ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
GET = "/paths/~1things/get"
GET_ID = "/paths/~1things~1{id}/get"

CASES: list[tuple[str, dict[str, Any], list[str]]] = [
    ("valid", api(), []),
    ("valid-3.0", api(version="3.0.3"), []),
    ("openapi-not-a-string", api(openapi=3.1), ["/openapi"]),
    ("no-info", api(info=None), [""]),
    ("info-not-a-mapping", api(info="T"), ["/info"]),
    ("info-without-title", api(info={"version": "1"}), ["/info"]),
    ("info-version-not-a-string", api(info={"title": "T", "version": 1.0}), ["/info/version"]),
    ("3.0-no-paths-key", {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}}, [""]),
    ("3.1-nothing-to-describe", {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}, [""]),
    (
        "3.1-components-only",
        {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "components": {}},
        [],
    ),
    ("servers-not-a-list", api(servers={"url": "/"}), ["/servers"]),
    ("server-not-a-mapping", api(servers=["/"]), ["/servers/0"]),
    ("server-without-url", api(servers=[{"description": "x"}]), ["/servers/0"]),
    ("server-url-not-a-string", api(servers=[{"url": 42}]), ["/servers/0/url"]),
    (
        "server-variable-without-default",
        api(servers=[{"url": "/{v}", "variables": {"v": {"enum": ["a"]}}}]),
        ["/servers/0/variables/v"],
    ),
    ("paths-not-a-mapping", api(paths=["/a"]), ["/paths"]),
    ("path-without-slash", api({"things": {}}), ["/paths/things"]),
    ("path-extension-ignored", api({"x-note": 1}), []),
    ("path-item-not-a-mapping", api({"/things": []}), ["/paths/~1things"]),
    ("path-item-ref", api({"/things": {"$ref": "#/x"}}), []),
    ("operation-not-a-mapping", api({"/things": {"get": 5}}), [GET]),
    (
        "operation-id-not-a-string",
        api({"/things": {"get": operation(operationId=[1])}}),
        [f"{GET}/operationId"],
    ),
    ("tags-not-a-list", api({"/things": {"get": operation(tags="a")}}), [f"{GET}/tags"]),
    ("tag-not-a-string", api({"/things": {"get": operation(tags=[1])}}), [f"{GET}/tags/0"]),
    ("parameters-not-a-list", one(parameters={"name": "id"}), [f"{GET_ID}/parameters", GET_ID]),
    ("parameter-not-a-mapping", one(parameters=[ID, "q"]), [f"{GET_ID}/parameters/1"]),
    (
        "parameter-without-name",
        one(parameters=[ID, {"in": "query", "schema": {}}]),
        [f"{GET_ID}/parameters/1"],
    ),
    (
        "parameter-without-in",
        one(parameters=[ID, {"name": "q", "schema": {}}]),
        [f"{GET_ID}/parameters/1"],
    ),
    (
        "parameter-bad-in",
        one(parameters=[ID, {"name": "q", "in": "body", "schema": {}}]),
        [f"{GET_ID}/parameters/1/in"],
    ),
    (
        "path-parameter-not-required",
        one(parameters=[{"name": "id", "in": "path", "schema": {}}]),
        [f"{GET_ID}/parameters/0"],
    ),
    (
        "parameter-without-schema-or-content",
        one(parameters=[ID, {"name": "q", "in": "query"}]),
        [f"{GET_ID}/parameters/1"],
    ),
    (
        "parameter-with-schema-and-content",
        one(parameters=[ID, {"name": "q", "in": "query", "schema": {}, "content": {}}]),
        [f"{GET_ID}/parameters/1"],
    ),
    ("parameter-twice", one(parameters=[ID, ID]), [f"{GET_ID}/parameters/1"]),
    (
        "declared-path-parameter-not-in-template",
        api({"/things": {"get": operation(parameters=[ID])}}),
        [f"{GET}/parameters/0"],
    ),
    ("path-level-parameter", api({"/things/{id}": {"parameters": [ID], "get": operation()}}), []),
    (
        "path-level-parameter-not-in-template",
        api({"/things": {"parameters": [ID], "get": operation()}}),
        ["/paths/~1things/parameters/0"],
    ),
    (
        "parameter-ref-names-the-template-parameter",
        one(parameters=[{"$ref": "#/components/parameters/Id"}])
        | {"components": {"parameters": {"Id": ID}}},
        [],
    ),
    ("dangling-parameter-ref-skips-template-check", one(parameters=[{"$ref": "#/nowhere"}]), []),
    (
        "request-body-without-content",
        one(parameters=[ID], requestBody={"required": True}),
        [f"{GET_ID}/requestBody"],
    ),
    ("request-body-ref", one(parameters=[ID], requestBody={"$ref": "#/x"}), []),
    (
        "responses-not-a-mapping",
        api({"/things": {"get": operation(responses=[OK])}}),
        [f"{GET}/responses"],
    ),
    ("responses-empty", api({"/things": {"get": operation(responses={})}}), [f"{GET}/responses"]),
    (
        "response-key-not-a-status",
        api({"/things": {"get": operation(responses={"20": {"description": "ok"}})}}),
        [f"{GET}/responses/20"],
    ),
    (
        "response-keys-allowed",
        api(
            {
                "/things": {
                    "get": operation(
                        responses={
                            200: {"description": "ok"},
                            "4XX": {"description": "e"},
                            "default": {"description": "e"},
                            "x-a": 1,
                        }
                    )
                }
            }
        ),
        [],
    ),
    (
        "response-without-description",
        api({"/things": {"get": operation(responses={"200": {}})}}),
        [f"{GET}/responses/200"],
    ),
    ("response-ref", api({"/things": {"get": operation(responses={"200": {"$ref": "#/x"}})}}), []),
    ("3.0-operation-without-responses", api({"/things": {"get": {}}}, version="3.0.3"), [GET]),
    ("3.1-operation-without-responses", api({"/things": {"get": {}}}), []),
    (
        "media-type-not-a-mapping",
        api(
            {
                "/things": {
                    "get": operation(
                        responses={
                            "200": {"description": "ok", "content": {"application/json": []}}
                        }
                    )
                }
            }
        ),
        [f"{GET}/responses/200/content/application~1json"],
    ),
    (
        "header-without-schema",
        api(
            {
                "/things": {
                    "get": operation(
                        responses={"200": {"description": "ok", "headers": {"X-A": {}}}}
                    )
                }
            }
        ),
        [f"{GET}/responses/200/headers/X-A"],
    ),
    ("components-not-a-mapping", api(components=[]), ["/components"]),
    (
        "components-section-not-a-mapping",
        api(components={"schemas": ["A"]}),
        ["/components/schemas"],
    ),
    (
        "component-name",
        api(components={"responses": {"a b": {"description": "x"}}}),
        ["/components/responses/a b"],
    ),
    ("schema-type-typo", schema({"type": "strng"}), ["/components/schemas/A/type"]),
    (
        "3.0-type-list",
        schema({"type": ["string", "null"]}, "3.0.3"),
        ["/components/schemas/A/type"],
    ),
    ("3.1-type-list", schema({"type": ["string", "null"]}), []),
    ("3.1-type-list-typo", schema({"type": ["string", "nul"]}), ["/components/schemas/A/type/1"]),
    (
        "properties-not-a-mapping",
        schema({"properties": ["a"]}),
        ["/components/schemas/A/properties"],
    ),
    (
        "property-not-a-schema",
        schema({"properties": {"a/b": "x"}}),
        ["/components/schemas/A/properties/a~1b"],
    ),
    ("required-not-a-list", schema({"required": "a"}), ["/components/schemas/A/required"]),
    ("required-not-strings", schema({"required": [1]}), ["/components/schemas/A/required/0"]),
    ("required-twice", schema({"required": ["a", "a"]}), ["/components/schemas/A/required/1"]),
    ("items-a-list", schema({"items": [{}]}), ["/components/schemas/A/items"]),
    ("items-walked", schema({"items": {"type": "strng"}}), ["/components/schemas/A/items/type"]),
    ("enum-not-a-list", schema({"enum": "a"}), ["/components/schemas/A/enum"]),
    ("all-of-not-a-list", schema({"allOf": {}}), ["/components/schemas/A/allOf"]),
    (
        "one-of-walked",
        schema({"oneOf": [{"type": "strng"}]}),
        ["/components/schemas/A/oneOf/0/type"],
    ),
    (
        "additional-properties-walked",
        schema({"additionalProperties": {"type": 1}}),
        ["/components/schemas/A/additionalProperties/type"],
    ),
    ("3.1-boolean-schema", schema({"properties": {"a": True}}), []),
    (
        "3.0-boolean-schema",
        schema({"properties": {"a": True}}, "3.0.3"),
        ["/components/schemas/A/properties/a"],
    ),
    ("ref-schema-not-walked", schema({"$ref": "#/x", "type": "strng"}), []),
    ("data-not-walked", schema({"example": {"type": "strng"}, "default": {"required": 1}}), []),
    (
        "discriminator-without-property-name",
        schema({"discriminator": {}}),
        ["/components/schemas/A/discriminator"],
    ),
    (
        "parameter-schema-walked",
        one(parameters=[ID | {"schema": {"type": "strng"}}]),
        [f"{GET_ID}/parameters/0/schema/type"],
    ),
    (
        "security-scheme-type",
        api(components={"securitySchemes": {"s": {"type": "basic"}}}),
        ["/components/securitySchemes/s/type"],
    ),
    (
        "security-scheme-without-type",
        api(components={"securitySchemes": {"s": {}}}),
        ["/components/securitySchemes/s"],
    ),
    (
        "api-key-without-name",
        api(components={"securitySchemes": {"s": {"type": "apiKey", "in": "header"}}}),
        ["/components/securitySchemes/s"],
    ),
    (
        "http-without-scheme",
        api(components={"securitySchemes": {"s": {"type": "http"}}}),
        ["/components/securitySchemes/s"],
    ),
    ("security-not-a-list", api(security={"s": []}), ["/security"]),
    ("webhook-operation", api(webhooks={"made": {"post": 5}}), ["/webhooks/made/post"]),
    (
        "callback-operation",
        api(
            {
                "/things": {
                    "post": operation(callbacks={"done": {"{$request.body#/url}": {"post": 5}}})
                }
            }
        ),
        ["/paths/~1things/post/callbacks/done/{$request.body#~1url}/post"],
    ),
    ("pointer-escaping", api({"/a~b/{id}": {"get": operation()}}), ["/paths/~1a~0b~1{id}/get"]),
    ("swagger-valid", swagger(), []),
    ("swagger-version-not-a-string", swagger(swagger=2.0), ["/swagger"]),
    (
        "swagger-parameters",
        swagger(
            paths={
                "/things": {
                    "post": operation(
                        parameters=[
                            {"name": "a", "in": "formData", "type": "string"},
                            {"name": "b", "in": "body"},
                            {"name": "c", "in": "query"},
                            {"name": "d", "in": "cookie", "type": "string"},
                        ]
                    )
                }
            }
        ),
        [
            "/paths/~1things/post/parameters/1",
            "/paths/~1things/post/parameters/2",
            "/paths/~1things/post/parameters/3/in",
        ],
    ),
    (
        "swagger-status-range",
        swagger(paths={"/things": {"get": operation(responses={"2XX": {"description": "ok"}})}}),
        ["/paths/~1things/get/responses/2XX"],
    ),
    ("swagger-type-list", swagger(definitions={"A": {"type": ["string", "null"]}}), []),
    ("swagger-type-typo", swagger(definitions={"A": {"type": "strng"}}), ["/definitions/A/type"]),
    (
        "swagger-scheme-type",
        swagger(securityDefinitions={"s": {"type": "http"}}),
        ["/securityDefinitions/s/type"],
    ),
]


def pointers(document: dict[str, Any]) -> list[str]:
    found = check_structure(document)
    assert all(code in {CODE, *ERROR_CODES} for code, _pointer, _message in found)
    return [pointer for _code, pointer, _message in found]


def header(name: str) -> dict[str, Any]:
    return {"name": name, "in": "header", "schema": {"type": "string"}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


# What no SDK can work around: (id, document, [(code, pointer)]), errors to the loader.
UNSENDABLE = {i: "header-parameter-unsendable" for i in (1, 2, 5, 6)} | {
    i: "invalid-header-name" for i in (3, 4)
}
"""The code for each header of the case below: a control character stays an error."""

ERROR_CASES = [
    (
        "operation-id-twice",
        api({"/a": {"get": operation()}, "/b": {"get": operation()}}),
        [("duplicate-operation-id", "/paths/~1b/get/operationId")],
    ),
    ("template-parameter-undeclared", one(), [("path-param-undeclared", GET_ID)]),
    (
        "template-parameter-misnamed",
        api(
            {
                "/items/{itemId}": {
                    "get": operation(
                        parameters=[{"name": "item_id", "in": "path", "required": True}]
                    )
                }
            }
        ),
        [
            ("invalid-openapi", "/paths/~1items~1{itemId}/get/parameters/0"),
            ("invalid-openapi", "/paths/~1items~1{itemId}/get/parameters/0"),
            ("path-param-undeclared", "/paths/~1items~1{itemId}/get"),
        ],
    ),
    (
        "template-parameter-twice",
        api({"/a/{id}/b/{id}": {"get": operation(parameters=[ID])}}),
        [("path-param-repeated", "/paths/~1a~1{id}~1b~1{id}")],
    ),
    ("header-name-token", one(parameters=[ID, header("X-Request-Id")]), []),
    ("header-name-quote-and-tick", one(parameters=[ID, header("x-'a`b|c~")]), []),
    (
        "header-name-not-a-token",
        one(
            parameters=[
                ID,
                header("X Request"),
                header("x-a:b"),
                header("x-a\r\nInjected: 1"),
                header("x-a\nb"),
                header(""),
                header('x-"q"'),
            ]
        ),
        [(UNSENDABLE[i], f"{GET_ID}/parameters/{i}/name") for i in range(1, 7)],
    ),
    (
        "api-key-header-not-a-token",
        api(
            components={
                "securitySchemes": {"k": {"type": "apiKey", "in": "header", "name": "Api Key"}}
            }
        ),
        [("invalid-header-name", "/components/securitySchemes/k/name")],
    ),
    (
        "allof-cycle",
        schema({"allOf": [ref("B")]}) | {"components": {"schemas": {
            "A": {"allOf": [ref("B")]},
            "B": {"allOf": [{"type": "object"}, ref("A")]},
        }}},
        [("allof-cycle", "/components/schemas/A")],
    ),
    (
        "allof-cycle-through-a-ref",
        api(components={"schemas": {"A": ref("C"), "C": {"allOf": [ref("A")]}}}),
        [("allof-cycle", "/components/schemas/C")],
    ),
    (
        "allof-recursion-through-items-is-fine",
        api(components={"schemas": {"Tree": {"allOf": [{"type": "object", "properties": {
            "children": {"type": "array", "items": ref("Tree")}
        }}]}}}),
        [],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("document", "expected"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_error_codes(document: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    found = [(code, pointer) for code, pointer, _message in check_structure(document)]
    assert found == expected


@pytest.mark.parametrize(
    ("document", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check(document: dict[str, Any], expected: list[str]) -> None:
    assert pointers(document) == expected


def test_messages_name_the_offending_value_or_key() -> None:
    messages = {
        message
        for document in (schema({"type": "strng"}), one(), api(servers=[{"url": 42}]))
        for _code, _pointer, message in check_structure(document)
    }
    assert messages == {
        "'strng' is not a type name; use one of array, boolean, integer, null, number, object, "
        "string",
        "the path '/things/{id}' has {id} but the operation declares no path parameter 'id'",
        "`url` must be a string, not 42",
    }


def test_deep_schemas_are_walked_without_recursion() -> None:
    node: dict[str, Any] = {"type": "strng"}
    for _ in range(5000):
        node = {"type": "array", "items": node}
    found = pointers(schema(node))
    assert found == ["/components/schemas/A" + "/items" * 5000 + "/type"]


def test_a_shared_node_is_checked_once() -> None:
    shared = {"type": "strng"}
    assert pointers(schema({"properties": {"a": shared, "b": shared}})) == [
        "/components/schemas/A/properties/a/type"
    ]


@pytest.mark.parametrize("path", sorted((ROOT / "specs" / "extend").glob("*.yaml")), ids=str)
def test_the_extend_documents_have_no_findings(path: Path) -> None:
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    assert check_structure(document) == []


CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_corpus_documents_are_checked_quickly_at_real_pointers(name: str) -> None:
    """Read from ../shared/corpus (never copied here); every finding points into the document."""
    folder = shared_path("corpus")
    path = next(d.path for d in corpus_documents(folder) if d.name == name)
    if path.parent == folder:
        source, problems = parse_text(path, path.read_bytes())
        assert source is not None, problems
        document = source.data
    else:  # a multi-file spec is checked as the loader bundles it
        document = load_document(path).document
    assert isinstance(document, dict)
    started = time.perf_counter()
    found = check_structure(document)
    assert time.perf_counter() - started < 1.0, "a straight walk: ~0.1 s on the largest"
    for _code, pointer, message in found:
        assert resolve_pointer(document, pointer)[0], (pointer, message)


def test_a_parameter_ref_used_by_many_operations_is_read_the_same_in_each() -> None:
    """Each `$ref` of a parameter list is looked up once and reused: every operation that lists
    it sees the same parameter, and the one whose ref points at nothing is told so."""
    by_ref = {"$ref": "#/components/parameters/Id"}
    missing = {"$ref": "#/components/parameters/Missing"}
    get = {"operationId": "getThing", "responses": OK, "parameters": [by_ref]}
    put = {"operationId": "putThing", "responses": OK, "parameters": [dict(by_ref)]}
    bare = {"operationId": "getOther", "responses": OK}
    id_param = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    paths = {
        "/things/{id}": {"get": get, "put": put},
        "/others/{id}": {"get": bare},
        "/lost/{id}": {"get": {**bare, "operationId": "getLost", "parameters": [missing]}},
    }
    document = api(paths, components={"parameters": {"Id": id_param}})
    pointers = [finding[1] for finding in check_structure(document)]
    assert pointers == ["/paths/~1others~1{id}/get"]
