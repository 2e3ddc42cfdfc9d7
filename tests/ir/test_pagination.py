"""Paging recognised from names and shapes, and stated by `x-pagination`: each case a small
operation, with the pointer of what it is about."""

from __future__ import annotations

from typing import Any

import pytest

from generator.ir.build import build_api
from generator.ir.model import Operation
from tests.conftest import minimal_spec


def _list(
    params: list[tuple[str, str]],
    properties: dict[str, Any] | None,
    *,
    method: str = "get",
    extension: Any = None,
    body: dict[str, Any] | None = None,
) -> dict[str, Any]:
    schema = body if body is not None else {"type": "object", "properties": properties}
    op: dict[str, Any] = {
        "operationId": "listThings",
        "parameters": [{"name": n, "in": "query", "schema": {"type": t}} for n, t in params],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": schema}}}
        },
    }
    if extension is not None:
        op["x-pagination"] = extension
    thing = {"type": "object", "properties": {"id": {"type": "string"}}}
    return minimal_spec(paths={"/things": {method: op}}, components={"schemas": {"Thing": thing}})


THINGS = {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}


def _operation(spec: dict[str, Any]) -> tuple[Operation, list[str]]:
    api = build_api(spec, "t")
    return api.operations()[0], [f"{d.pointer} {d.code}" for d in api.diagnostics]


CASES: list[tuple[str, dict[str, Any], tuple[str | None, ...] | None]] = [
    (
        "stripe search: a string `page` with `next_page`",
        _list(
            [("page", "string"), ("limit", "integer")],
            {"data": THINGS, "next_page": {"type": "string"}, "has_more": {"type": "boolean"}},
        ),
        ("page_token", "page", "next_page", "has_more"),
    ),
    (
        "kubernetes: `continue` with `metadata.continue`",
        _list(
            [("continue", "string"), ("limit", "integer")],
            {
                "items": THINGS,
                "metadata": {"type": "object", "properties": {"continue": {"type": "string"}}},
            },
        ),
        ("page_token", "continue", "metadata.continue", None),
    ),
    (
        "openai: `after` with `last_id` and `has_more`",
        _list(
            [("after", "string")],
            {"data": THINGS, "last_id": {"type": "string"}, "has_more": {"type": "boolean"}},
        ),
        ("cursor", "after", "last_id", "has_more"),
    ),
    (
        "box: `marker` with `next_marker`",
        _list([("marker", "string")], {"entries": THINGS, "next_marker": {"type": "string"}}),
        ("cursor", "marker", "next_marker", None),
    ),
    (
        "a top-level list with `after`: the cursor is the last item's id",
        _list([("after", "string"), ("limit", "integer")], None, body=THINGS),
        ("cursor", "after", None, None),
    ),
    (
        "next URL only needs a GET",
        _list([], {"data": THINGS, "next": {"type": "string"}}, method="post"),
        None,
    ),
    (
        "one object holding a list is no page",
        _list([], {"tracks": {"type": "object", "properties": {"items": THINGS}}}),
        None,
    ),
    (
        "a page size alone is no paging",
        _list([("limit", "integer")], None, body=THINGS),
        None,
    ),
    (
        "two lists and no usual name: not guessed",
        _list([("offset", "integer")], {"a": THINGS, "b": THINGS}),
        None,
    ),
]


@pytest.mark.parametrize(("what", "spec", "expected"), CASES, ids=[c[0] for c in CASES])
def test_detection(what: str, spec: dict[str, Any], expected: tuple[str | None, ...]) -> None:
    op, problems = _operation(spec)
    assert problems == []
    found = op.pagination
    if expected is None:
        assert found is None, what
    else:
        assert found is not None, what
        assert (found.style, found.param, found.next_field, found.has_more_field) == expected


def test_the_extension_can_turn_detection_off() -> None:
    properties = {"data": THINGS, "next_page_token": {"type": "string"}}
    spec = _list([("page_token", "string")], properties)
    assert _operation(spec)[0].pagination is not None
    spec["paths"]["/things"]["get"]["x-pagination"] = False
    assert _operation(spec)[0].pagination is None


def test_the_extension_fills_in_what_detection_finds() -> None:
    spec = _list(
        [("offset", "integer"), ("limit", "integer")],
        {"data": THINGS, "total": {"type": "integer"}},
        extension={"style": "offset", "total": "total"},
    )
    op, problems = _operation(spec)
    assert problems == []
    assert op.pagination is not None and op.pagination.source == "extension"
    assert (op.pagination.param, op.pagination.size_param) == ("offset", "limit")


@pytest.mark.parametrize(
    "extension",
    [
        "offset",
        {"style": "sideways"},
        {"style": "offset", "param": "nope"},
        {"style": "offset", "param": "offset", "surprise": 1},
        {"style": "offset", "param": "offset", "items": "missing"},
        {"style": "cursor", "param": "offset"},
    ],
)
def test_a_wrong_extension_is_a_warning_at_its_pointer(extension: Any) -> None:
    spec = _list([("offset", "integer")], {"data": THINGS}, extension=extension)
    op, problems = _operation(spec)
    assert problems == ["/paths/~1things/get/x-pagination invalid-pagination"]
    assert op.pagination is not None and op.pagination.source == "detected"
