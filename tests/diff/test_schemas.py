"""The schema comparer: what it follows, what it leaves to the component diff, what it finds."""

from __future__ import annotations

from typing import Any

import pytest

from generator.diff.document import Document
from generator.diff.schemas import SchemaComparer, bound, effective_types
from generator.diff.tree import Bound, ConstraintChange, SchemaDiff


def compare(
    old: Any,
    new: Any,
    schemas: dict[str, Any] | None = None,
    new_schemas: dict[str, Any] | None = None,
) -> SchemaDiff | None:
    before = Document({"components": {"schemas": schemas or {}}})
    after = Document(
        {"components": {"schemas": new_schemas if new_schemas is not None else schemas or {}}}
    )
    return SchemaComparer(before, after).compare(old, new, "/old", "/new")


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_refs_to_the_same_component_are_left_to_the_component_diff() -> None:
    assert (
        compare(ref("A"), ref("A"), {"A": {"type": "string"}}, {"A": {"type": "integer"}}) is None
    )


def test_refs_to_other_components_are_followed() -> None:
    diff = compare(ref("A"), ref("B"), {"A": {"type": "string"}, "B": {"type": "integer"}})
    assert diff is not None and diff.types is not None
    assert (diff.types.old, diff.types.new) == (frozenset({"string"}), frozenset({"integer"}))


@pytest.mark.parametrize(
    "nullable",
    [
        {"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]},
        {"anyOf": [{"type": "null"}, {"$ref": "#/components/schemas/A"}]},
        {"allOf": [{"$ref": "#/components/schemas/A"}], "nullable": True},
    ],
)
def test_a_nullable_wrapper_is_a_nullability_change_only(nullable: dict[str, Any]) -> None:
    diff = compare(ref("A"), nullable, {"A": {"type": "object"}})
    assert diff is not None and diff.nullable is not None
    assert (diff.nullable.old, diff.nullable.new) == (False, True)
    assert diff == SchemaDiff(diff.old, diff.new, nullable=diff.nullable)


def test_a_union_of_one_is_still_a_union() -> None:
    diff = compare({"oneOf": [ref("A"), ref("B")]}, {"oneOf": [ref("A")]}, {"A": {}, "B": {}})
    assert diff is not None and [v.name for v in diff.variants_removed] == ["B"]


def test_a_union_against_a_single_schema_is_a_change_of_shape() -> None:
    diff = compare(
        ref("A"), {"oneOf": [ref("B"), ref("C")]}, {"A": {"type": "object"}, "B": {}, "C": {}}
    )
    assert diff is not None and diff.types is not None
    assert diff.types.old == frozenset({"A (object)"})
    assert diff.types.new == frozenset({"one of B, C"})
    assert (diff.old, diff.new) == ("/old", "/new")


def test_recursive_schemas_under_other_names_terminate() -> None:
    tree_a = {"type": "object", "properties": {"child": ref("TreeA"), "a": {"type": "string"}}}
    tree_b = {"type": "object", "properties": {"child": ref("TreeB"), "a": {"type": "integer"}}}
    diff = compare(ref("TreeA"), ref("TreeB"), {"TreeA": tree_a, "TreeB": tree_b})
    assert diff is not None
    changed = {p.name: p.schema for p in diff.properties}
    assert set(changed) == {"a"}


def test_a_type_change_stops_the_comparison_below_it() -> None:
    old = {"type": "object", "properties": {"a": {"type": "string"}}}
    new = {"type": "array", "items": {"type": "string"}}
    diff = compare(old, new)
    assert diff is not None and diff.types is not None
    assert diff.properties_removed == () and diff.items is None


def test_properties_enum_values_and_defaults() -> None:
    old = {
        "type": "object",
        "required": ["a"],
        "properties": {
            "a": {"type": "string", "enum": ["x", "y"]},
            "b": {"type": "integer", "default": 1},
            "gone": {"type": "string"},
        },
    }
    new = {
        "type": "object",
        "required": ["b"],
        "properties": {
            "a": {"type": "string", "enum": ["y", "z"]},
            "b": {"type": "integer", "default": 2},
            "new": {"type": "string"},
        },
    }
    diff = compare(old, new)
    assert diff is not None
    assert [(m.name, m.required) for m in diff.properties_added] == [("new", False)]
    assert [m.name for m in diff.properties_removed] == ["gone"]
    by_name = {p.name: p for p in diff.properties}
    assert by_name["a"].schema is not None
    assert [v.name for v in by_name["a"].schema.enum_added] == ['"z"']
    assert [v.name for v in by_name["a"].schema.enum_removed] == ['"x"']
    assert by_name["a"].required is not None and by_name["a"].required.new is False
    assert by_name["b"].schema is not None and by_name["b"].schema.default is not None
    assert (by_name["b"].schema.default.old, by_name["b"].schema.default.new) == ("1", "2")


def test_yaml_dates_in_enums_do_not_break_the_comparison() -> None:
    import datetime

    diff = compare({"enum": [datetime.date(2025, 1, 1)]}, {"enum": [datetime.date(2026, 1, 1)]})
    assert diff is not None and [v.name for v in diff.enum_added] == ['"2026-01-01"']


@pytest.mark.parametrize(
    ("schema", "keyword", "expected"),
    [
        ({"maximum": 10}, "maximum", Bound(10.0)),
        ({"maximum": 10, "exclusiveMaximum": True}, "maximum", Bound(10.0, True)),
        ({"exclusiveMaximum": 10}, "maximum", Bound(10.0, True)),
        ({"maximum": 10, "exclusiveMaximum": 5}, "maximum", Bound(5.0, True)),
        ({"minimum": 1, "exclusiveMinimum": 3}, "minimum", Bound(3.0, True)),
        ({"maxLength": 3}, "maxLength", Bound(3.0)),
        ({"maxLength": True}, "maxLength", None),
        ({}, "minimum", None),
    ],
)
def test_bounds_fold_exclusive_limits(
    schema: dict[str, Any], keyword: str, expected: Bound | None
) -> None:
    assert bound(schema, keyword) == expected


@pytest.mark.parametrize(
    ("keyword", "old", "new", "tightened"),
    [
        ("maximum", Bound(10), Bound(5), True),
        ("maximum", Bound(10), Bound(20), False),
        ("maximum", None, Bound(20), True),
        ("maximum", Bound(10), None, False),
        ("maximum", Bound(10), Bound(10, True), True),
        ("minimum", Bound(1), Bound(2), True),
        ("minimum", Bound(1), Bound(0), False),
        ("minItems", None, Bound(1), True),
    ],
)
def test_which_constraint_changes_tighten(
    keyword: str, old: Bound | None, new: Bound | None, tightened: bool
) -> None:
    assert ConstraintChange(keyword, old, new).tightened is tightened


def test_effective_types() -> None:
    assert effective_types({"type": ["string", "null"]}) == frozenset({"string"})
    assert effective_types({"properties": {}}) == frozenset({"object"})
    assert effective_types({"items": {}}) == frozenset({"array"})
    assert effective_types({"oneOf": []}) == frozenset()
