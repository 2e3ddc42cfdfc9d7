"""The document index: operation identity, parameters, refs and the reach of schemas."""

from __future__ import annotations

from generator.diff.document import Document, match_key, operation_sort_key, schema_name
from tests.diff.specs import Set, apply, pets, ref


def test_operations_match_whatever_their_path_parameters_are_called() -> None:
    assert match_key("get", "/pets/{petId}") == match_key("GET", "/pets/{id}/")
    assert match_key("get", "/pets/{id}") != match_key("delete", "/pets/{id}")


def test_operation_keys_sort_by_path_then_method() -> None:
    keys = ["DELETE /pets/{id}", "GET /pets/{id}", "POST /pets", "GET /pets"]
    assert sorted(keys, key=operation_sort_key) == [
        "GET /pets",
        "POST /pets",
        "GET /pets/{id}",
        "DELETE /pets/{id}",
    ]


def test_schema_names_come_only_from_component_schema_refs() -> None:
    assert schema_name("#/components/schemas/Pet") == "Pet"
    assert schema_name("#/components/schemas/a~1b") == "a/b"
    assert schema_name("#/components/parameters/Locale") is None
    assert schema_name("#/components/schemas/Pet/properties/id") is None


def test_parameters_merge_path_level_and_operation_level_and_follow_refs() -> None:
    document = Document(pets())
    get = document.operations[match_key("GET", "/pets/{petId}")]
    names = [(p.location, p.name) for p in get.params]
    assert names == [("path", "petId"), ("header", "locale")]
    locale = get.params[1]
    assert locale.pointer == "/components/parameters/Locale"
    assert locale.key == ("header", "locale")


def test_an_operation_level_parameter_overrides_the_path_level_one() -> None:
    override = {"name": "petId", "in": "path", "required": True, "schema": {"type": "integer"}}
    spec = apply(pets(), Set("/paths/~1pets~1{petId}/get/parameters/-", override))
    get = Document(spec).operations[match_key("GET", "/pets/{petId}")]
    path_params = [p for p in get.params if p.location == "path"]
    assert len(path_params) == 1 and path_params[0].node["schema"] == {"type": "integer"}


def test_reach_follows_chains_of_refs_by_direction_and_role() -> None:
    document = Document(pets())
    assert document.reach("Cat") == {
        ("response", "body"): frozenset(
            {match_key("GET", "/pets"), match_key("POST", "/pets"), match_key("GET", "/pets/{x}")}
        ),
        ("request", "body"): frozenset({match_key("POST", "/pets")}),
    }
    assert document.reach("Problem") == {
        ("response", "body"): frozenset({match_key("GET", "/pets"), match_key("POST", "/pets")})
    }


def test_reach_of_a_parameter_schema_and_of_an_unused_schema() -> None:
    spec = apply(
        pets(),
        Set("/components/schemas/Lang", {"type": "string", "enum": ["en", "fr"]}),
        Set("/components/parameters/Locale/schema", ref("Lang")),
        Set("/components/schemas/Unused", {"type": "string"}),
    )
    document = Document(spec)
    assert set(document.reach("Lang")) == {("request", "parameter")}
    assert len(document.reach("Lang")[("request", "parameter")]) == 3
    assert document.reach("Unused") == {}


def test_circular_refs_resolve_to_an_empty_schema() -> None:
    spec = apply(
        pets(),
        Set("/components/schemas/A", ref("B")),
        Set("/components/schemas/B", ref("A")),
    )
    document = Document(spec)
    assert document.deref(ref("A"), "/x")[0] == {}
    assert document.deref({"$ref": "#/nowhere"}, "/x") == ({}, "/x")
