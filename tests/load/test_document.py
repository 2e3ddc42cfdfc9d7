"""The document model: each case a minimal document and what the model says at one pointer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.load.document import HTTP_METHODS, DocumentModel, Operation, build_model
from generator.load.loader import load_document
from generator.load.refs import MAX_REF_HOPS, Resolver

OK = {"200": {"description": "ok"}}


def param(name: str, where: str = "query", **fields: Any) -> dict[str, Any]:
    return {"name": name, "in": where, "schema": {"type": "string"}, **fields}


def api(paths: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths, **top}


def operation_at(model: DocumentModel, pointer: str) -> Operation:
    found = [op for op in model.operations if op.pointer == pointer]
    assert len(found) == 1, [op.pointer for op in model.operations]
    return found[0]


# (case, document, operation pointer, [(name, in, pointer of the parameter object, level)])
PARAMETER_CASES: list[tuple[str, dict[str, Any], str, list[tuple[str, str, str, str]]]] = [
    (
        "operation-level overrides path-level by (name, in), keeping the path-level place",
        api(
            {
                "/a": {
                    "parameters": [param("limit"), param("trace", "header")],
                    "get": {"parameters": [param("page"), param("limit")], "responses": OK},
                }
            }
        ),
        "/paths/~1a/get",
        [
            ("limit", "query", "/paths/~1a/get/parameters/1", "operation"),
            ("trace", "header", "/paths/~1a/parameters/1", "path"),
            ("page", "query", "/paths/~1a/get/parameters/0", "operation"),
        ],
    ),
    (
        "one name in two places is two parameters",
        api(
            {
                "/a": {
                    "parameters": [param("id", "header")],
                    "get": {"parameters": [param("id")], "responses": OK},
                }
            }
        ),
        "/paths/~1a/get",
        [
            ("id", "header", "/paths/~1a/parameters/0", "path"),
            ("id", "query", "/paths/~1a/get/parameters/0", "operation"),
        ],
    ),
    (
        "a ref to a component parameter lives in components",
        api(
            {
                "/a": {
                    "get": {"parameters": [{"$ref": "#/components/parameters/P"}], "responses": OK}
                }
            },
            components={"parameters": {"P": param("p")}},
        ),
        "/paths/~1a/get",
        [("p", "query", "/components/parameters/P", "operation")],
    ),
    (
        "a chain of refs is followed to its end",
        api(
            {
                "/a": {
                    "get": {"parameters": [{"$ref": "#/components/parameters/A"}], "responses": OK}
                }
            },
            components={
                "parameters": {"A": {"$ref": "#/components/parameters/B"}, "B": param("b")}
            },
        ),
        "/paths/~1a/get",
        [("b", "query", "/components/parameters/B", "operation")],
    ),
    (
        "a parameter with no `in` is dropped",
        api({"/a": {"get": {"parameters": [{"name": "x"}, param("y")], "responses": OK}}}),
        "/paths/~1a/get",
        [("y", "query", "/paths/~1a/get/parameters/1", "operation")],
    ),
    (
        "a parameter with no name, or that is no mapping, is dropped",
        api({"/a": {"get": {"parameters": [{"in": "query"}, 5, param("y")], "responses": OK}}}),
        "/paths/~1a/get",
        [("y", "query", "/paths/~1a/get/parameters/2", "operation")],
    ),
    (
        "a name YAML read as a number is its text",
        api({"/a": {"get": {"parameters": [param(200)], "responses": OK}}}),  # type: ignore[arg-type]
        "/paths/~1a/get",
        [("200", "query", "/paths/~1a/get/parameters/0", "operation")],
    ),
    (
        "a parameter ref in a cycle is dropped",
        api(
            {
                "/a": {
                    "get": {"parameters": [{"$ref": "#/components/parameters/A"}], "responses": OK}
                }
            },
            components={
                "parameters": {
                    "A": {"$ref": "#/components/parameters/B"},
                    "B": {"$ref": "#/components/parameters/A"},
                }
            },
        ),
        "/paths/~1a/get",
        [],
    ),
    (
        "a path item ref: the operation keeps the pointer its path names",
        api(
            {
                "/a": {"$ref": "#/components/pathItems/Shared"},
            },
            components={
                "pathItems": {
                    "Shared": {"parameters": [param("s")], "get": {"responses": OK}},
                }
            },
        ),
        "/paths/~1a/get",
        [("s", "query", "/components/pathItems/Shared/parameters/0", "path")],
    ),
    (
        "parameters that are no list are none",
        api({"/a": {"get": {"parameters": {"x": 1}, "responses": OK}}}),
        "/paths/~1a/get",
        [],
    ),
]


@pytest.mark.parametrize(
    ("document", "pointer", "expected"),
    [case[1:] for case in PARAMETER_CASES],
    ids=[case[0] for case in PARAMETER_CASES],
)
def test_merged_parameters(
    document: dict[str, Any], pointer: str, expected: list[tuple[str, str, str, str]]
) -> None:
    operation = operation_at(build_model(document), pointer)
    found = [(p.name, p.location, p.pointer, p.level) for p in operation.parameters]
    assert found == expected


def test_path_item_ref_keeps_both_pointers() -> None:
    document = api(
        {"/a": {"$ref": "#/components/pathItems/S"}, "/b": {"$ref": "#/components/pathItems/S"}},
        components={"pathItems": {"S": {"get": {"responses": OK}}}},
    )
    model = build_model(document)
    assert [(op.pointer, op.location) for op in model.operations] == [
        ("/paths/~1a/get", "/components/pathItems/S/get"),
        ("/paths/~1b/get", "/components/pathItems/S/get"),
    ]
    assert [item.ref for item in model.path_items] == ["#/components/pathItems/S"] * 2


# (case, operation, (pointer of the body object, its ref, [(media type, schema pointer,
# encoded properties)]))
BODY_CASES: list[tuple[str, dict[str, Any], tuple[str, str | None, list[Any]]]] = [
    (
        "an inline body with two media types, in document order",
        {
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"type": "object"}},
                    "text/plain": {},
                },
            }
        },
        (
            "/paths/~1a/post/requestBody",
            None,
            [
                (
                    "application/json",
                    "/paths/~1a/post/requestBody/content/application~1json/schema",
                    (),
                ),
                ("text/plain", None, ()),
            ],
        ),
    ),
    (
        "a ref to a component body, with encodings",
        {"requestBody": {"$ref": "#/components/requestBodies/Upload"}},
        (
            "/components/requestBodies/Upload",
            "#/components/requestBodies/Upload",
            [
                (
                    "multipart/form-data",
                    "/components/requestBodies/Upload/content/multipart~1form-data/schema",
                    (("file", "application/octet-stream"), ("meta", "application/json")),
                )
            ],
        ),
    ),
]

COMPONENTS = {
    "requestBodies": {
        "Upload": {
            "content": {
                "multipart/form-data": {
                    "schema": {"type": "object"},
                    "encoding": {
                        "file": {"contentType": "application/octet-stream"},
                        "meta": {"contentType": "application/json", "style": "form"},
                    },
                }
            }
        }
    },
    "responses": {"NotFound": {"description": "gone", "headers": {"Retry-After": {"schema": {}}}}},
}


@pytest.mark.parametrize(
    ("operation", "expected"),
    [case[1:] for case in BODY_CASES],
    ids=[case[0] for case in BODY_CASES],
)
def test_request_bodies(
    operation: dict[str, Any], expected: tuple[str, str | None, list[Any]]
) -> None:
    document = api({"/a": {"post": {**operation, "responses": OK}}}, components=COMPONENTS)
    body = operation_at(build_model(document), "/paths/~1a/post").request_body
    assert body is not None
    media = [
        (
            m.name,
            m.schema.pointer if m.schema else None,
            tuple((e.property, e.content_type) for e in m.encodings),
        )
        for m in body.content
    ]
    assert (body.pointer, body.ref, media) == expected


def test_responses_by_status_with_refs_and_headers() -> None:
    responses = {
        200: {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}},
        "404": {"$ref": "#/components/responses/NotFound"},
        "default": 7,
    }
    document = api({"/a": {"get": {"responses": responses}}}, components=COMPONENTS)
    operation = operation_at(build_model(document), "/paths/~1a/get")
    found = [(r.status, r.pointer, r.listed_at, r.ref) for r in operation.responses]
    assert found == [
        ("200", "/paths/~1a/get/responses/200", "/paths/~1a/get/responses/200", None),
        (
            "404",
            "/components/responses/NotFound",
            "/paths/~1a/get/responses/404",
            "#/components/responses/NotFound",
        ),
    ]
    not_found = operation.response("404")
    assert not_found is not None and not_found.description == "gone"
    assert [(h.name, h.pointer) for h in not_found.headers] == [
        ("Retry-After", "/components/responses/NotFound/headers/Retry-After")
    ]
    ok = operation.response("200")
    assert ok is not None and ok.content[0].pointer == (
        "/paths/~1a/get/responses/200/content/application~1json"
    )


# (case, root security, operation, (requirements as (scheme, scopes) tuples, pointer, inherited))
SECURITY_CASES: list[tuple[str, Any, dict[str, Any], tuple[Any, str, bool]]] = [
    (
        "inherited from the root",
        [{"key": []}],
        {},
        ([(("key", ()),)], "/security", True),
    ),
    (
        "the operation's own replaces the root's",
        [{"key": []}],
        {"security": [{"oauth": ["read", "write"]}, {"key": [], "oauth": ["read"]}]},
        (
            [(("oauth", ("read", "write")),), (("key", ()), ("oauth", ("read",)))],
            "/paths/~1a/get/security",
            False,
        ),
    ),
    (
        "an empty list at the operation turns security off",
        [{"key": []}],
        {"security": []},
        ([], "/paths/~1a/get/security", False),
    ),
    ("declared nowhere", None, {}, (None, "/security", True)),
]


@pytest.mark.parametrize(
    ("root", "operation", "expected"),
    [case[1:] for case in SECURITY_CASES],
    ids=[case[0] for case in SECURITY_CASES],
)
def test_security(root: Any, operation: dict[str, Any], expected: tuple[Any, str, bool]) -> None:
    top = {} if root is None else {"security": root}
    document = api({"/a": {"get": {**operation, "responses": OK}}}, **top)
    found = operation_at(build_model(document), "/paths/~1a/get")
    requirements = None if found.security is None else [r.schemes for r in found.security]
    assert (requirements, found.security_pointer, found.security_inherited) == expected


ROOT_SERVERS = [
    {"url": 5},
    {
        "url": "https://{region}.example.test/{base}",
        "variables": {
            "region": {"default": "eu", "enum": ["eu", "us"]},
            "base": {"default": "v1"},
        },
    },
]

# (case, path item servers, operation servers, (pointers of the servers that apply, level))
SERVER_CASES: list[tuple[str, Any, Any, tuple[list[str], str]]] = [
    ("the root's apply by default", None, None, (["/servers/1"], "root")),
    (
        "the path item's replace the root's",
        [{"url": "/p"}],
        None,
        (["/paths/~1a/servers/0"], "path"),
    ),
    (
        "the operation's replace both",
        [{"url": "/p"}],
        [{"url": "/o"}],
        (["/paths/~1a/get/servers/0"], "operation"),
    ),
]


@pytest.mark.parametrize(
    ("item_servers", "op_servers", "expected"),
    [case[1:] for case in SERVER_CASES],
    ids=[case[0] for case in SERVER_CASES],
)
def test_servers(item_servers: Any, op_servers: Any, expected: tuple[list[str], str]) -> None:
    operation: dict[str, Any] = {"responses": OK}
    item: dict[str, Any] = {"get": operation}
    if op_servers is not None:
        operation["servers"] = op_servers
    if item_servers is not None:
        item["servers"] = item_servers
    found = operation_at(build_model(api({"/a": item}, servers=ROOT_SERVERS)), "/paths/~1a/get")
    assert ([s.pointer for s in found.servers], found.servers[0].level) == expected


def test_server_variables() -> None:
    model = build_model(api({}, servers=ROOT_SERVERS))
    (server,) = model.servers
    assert server.position == 1
    assert [(v.name, v.default, v.enum, v.pointer) for v in server.variables] == [
        ("region", "eu", ("eu", "us"), "/servers/1/variables/region"),
        ("base", "v1", (), "/servers/1/variables/base"),
    ]
    assert server.default_url() == "https://eu.example.test/v1"


# (case, document, ref, (pointer the chain ends at, problem code or None))
CHAIN = {
    "components": {
        "schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"type": "string"},
            "Self": {"$ref": "#/components/schemas/Self"},
            "P": {"$ref": "#/components/schemas/Q"},
            "Q": {"$ref": "#/components/schemas/P"},
            "Gone": {"$ref": "#/components/schemas/Nothing"},
        }
    }
}
# S0 starts a chain of MAX_REF_HOPS + 1 refs, S1 one of exactly MAX_REF_HOPS.
LONG = {
    "components": {
        "schemas": {
            f"S{n}": {"$ref": f"#/components/schemas/S{n + 1}"} for n in range(MAX_REF_HOPS)
        }
    }
}
LONG["components"]["schemas"][f"S{MAX_REF_HOPS}"] = {"type": "string"}
ENCODED: dict[str, Any] = {"paths": {"/users/{id}": {"get": {"responses": {}}}}}
REF_CASES: list[tuple[str, dict[str, Any], str, tuple[str, str | None]]] = [
    ("a chain of two", CHAIN, "#/components/schemas/A", ("/components/schemas/B", None)),
    (
        "a percent-encoded fragment",
        ENCODED,
        "#/paths/~1users~1%7Bid%7D",
        ("/paths/~1users~1{id}", None),
    ),
    ("a ref to itself", CHAIN, "#/components/schemas/Self", ("/x", "unresolvable-ref")),
    ("two refs to each other", CHAIN, "#/components/schemas/P", ("/x", "unresolvable-ref")),
    ("a chain into nothing", CHAIN, "#/components/schemas/Gone", ("/x", "dangling-ref")),
    ("a ref to another file", CHAIN, "other.yaml#/A", ("/x", "unresolvable-ref")),
    (
        "a chain longer than the hop limit",
        LONG,
        "#/components/schemas/S0",
        ("/x", "unresolvable-ref"),
    ),
    (
        "the hop limit itself",
        LONG,
        "#/components/schemas/S1",
        (f"/components/schemas/S{MAX_REF_HOPS}", None),
    ),
]


@pytest.mark.parametrize(
    ("document", "ref", "expected"),
    [case[1:] for case in REF_CASES],
    ids=[case[0] for case in REF_CASES],
)
def test_resolver(document: dict[str, Any], ref: str, expected: tuple[str, str | None]) -> None:
    target = Resolver(document).resolve({"$ref": ref}, "/x")
    code = target.problem.code if target.problem else None
    assert (target.pointer, code) == expected
    assert target.ref == ref
    assert (target.node is None) == (code is not None)


def test_a_node_that_is_no_ref_is_its_own_target() -> None:
    node = {"type": "string"}
    target = Resolver({}).resolve(node, "/p")
    assert (target.node, target.pointer, target.ref, target.ok) == (node, "/p", None, True)


def test_webhooks_and_methods() -> None:
    document = api(
        {"/a": {method: {"responses": OK} for method in reversed(HTTP_METHODS)} | {"x-note": {}}},
        webhooks={"fileReady": {"post": {"operationId": "onReady", "responses": OK}}},
    )
    model = build_model(document)
    assert [op.method for op in model.operations] == list(HTTP_METHODS)
    (hook,) = model.webhooks
    assert [(op.pointer, op.operation_id) for op in hook.operations] == [
        ("/webhooks/fileReady/post", "onReady")
    ]


def test_load_result_builds_the_model_once(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"
        "paths:\n  /a:\n    get:\n      parameters: [{name: x, schema: {}}]\n"
        "      responses: {'200': {description: ok}}\n",
        encoding="utf-8",
    )
    loaded = load_document(spec)
    assert loaded.model is loaded.model
    assert loaded.model is not None
    assert operation_at(loaded.model, "/paths/~1a/get").parameters == ()
    missing_in = [d for d in loaded.diagnostics if d.pointer == "/paths/~1a/get/parameters/0"]
    assert [d.message for d in missing_in] == ["parameter 'x' has no `in`"]
