from __future__ import annotations

from typing import Any

import pytest

from generator.ir.model import (
    AliasDef,
    AnyType,
    Array,
    Binary,
    Const,
    EnumDef,
    EnumType,
    Map,
    ModelDef,
    Nullable,
    Primitive,
    Ref,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.ir.schemas import SchemaConverter

CTX = Name(("ctx",))


def convert(
    schema: Any, components: dict[str, Any] | None = None
) -> tuple[TypeNode, SchemaConverter]:
    document = {"components": {"schemas": components or {}}}
    converter = SchemaConverter(document)
    converter.register_components()
    return converter.convert(schema, CTX, "/x"), converter


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, Primitive("string")),
        ({"type": "string", "format": "date-time"}, Primitive("string", "date-time")),
        ({"type": "integer"}, Primitive("integer")),
        ({"type": "string", "format": "binary"}, Binary()),
        ({"type": ["string", "null"]}, Nullable(Primitive("string"))),
        ({"type": "string", "nullable": True}, Nullable(Primitive("string"))),
        ({"type": ["string", "integer"]}, Union((Primitive("string"), Primitive("integer")))),
        ({"const": "list"}, Const("list")),
        ({"type": "string", "enum": ["list"]}, Const("list")),
        ({"type": "string", "enum": ["a", "b"]}, EnumType(("a", "b"))),
        ({"type": "string", "enum": ["a", None]}, Nullable(Const("a"))),
        ({"type": "array", "items": {"type": "integer"}}, Array(Primitive("integer"))),
        ({"type": "array"}, Array(AnyType())),
        ({"type": "object"}, Map(AnyType())),
        ({"type": "object", "additionalProperties": {"type": "number"}}, Map(Primitive("number"))),
        ({}, AnyType()),
        (True, AnyType()),
        ({"oneOf": [{"type": "string"}, {"type": "null"}]}, Nullable(Primitive("string"))),
        (
            {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            Union((Primitive("string"), Primitive("integer"))),
        ),
    ],
)
def test_inline_types(schema: Any, expected: TypeNode) -> None:
    assert convert(schema)[0] == expected


def test_empty_enum_is_a_warning_and_falls_back_to_the_type() -> None:
    node, converter = convert({"type": "string", "enum": []})
    assert node == Primitive("string")
    assert [d.code for d in converter.diagnostics] == ["empty-enum"]


def test_component_model_enum_and_alias() -> None:
    components = {
        "Pet": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "string"}, "kind": {"$ref": "#/components/schemas/Kind"}},
        },
        "Kind": {"type": "string", "enum": ["cat", "dog"]},
        "Pets": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
    }
    node, converter = convert({"$ref": "#/components/schemas/Pets"}, components)
    assert node == Ref(Name(("pets",)))
    pet = converter.named(Name(("pet",)))
    assert isinstance(pet, ModelDef)
    assert [(f.wire_name, f.required) for f in pet.fields] == [("id", True), ("kind", False)]
    assert isinstance(converter.named(Name(("kind",))), EnumDef)
    pets = converter.named(Name(("pets",)))
    assert isinstance(pets, AliasDef) and pets.target == Array(Ref(Name(("pet",))))


def test_nullable_component_ref_is_nullable_at_the_use_site() -> None:
    components = {"Note": {"type": ["object", "null"], "properties": {"text": {"type": "string"}}}}
    node, _ = convert({"$ref": "#/components/schemas/Note"}, components)
    assert node == Nullable(Ref(Name(("note",))))


def test_inline_objects_are_hoisted_with_names_from_where_they_sit() -> None:
    components = {
        "Run": {
            "type": "object",
            "properties": {
                "config": {"type": "object", "properties": {"depth": {"type": "integer"}}},
                "steps": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"name": {"type": "string"}}},
                },
            },
        }
    }
    _, converter = convert({"$ref": "#/components/schemas/Run"}, components)
    names = {t.name.pascal() for t in converter.named_types()}
    assert names == {"Run", "RunConfig", "RunStepsItem"}


def test_inline_name_never_takes_a_component_name() -> None:
    components = {
        "RunConfig": {"type": "object", "properties": {"x": {"type": "string"}}},
        "Run": {
            "type": "object",
            "properties": {"config": {"type": "object", "properties": {"y": {"type": "string"}}}},
        },
    }
    _, converter = convert({"$ref": "#/components/schemas/Run"}, components)
    names = sorted(t.name.pascal() for t in converter.named_types())
    assert names == ["Run", "RunConfig", "RunConfig2"]
    run = converter.named(Name(("run",)))
    assert isinstance(run, ModelDef)
    assert run.fields[0].type == Ref(Name(("run", "config", "2")))


def test_all_of_merges_properties_and_required() -> None:
    components = {
        "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        "Cat": {
            "allOf": [
                {"$ref": "#/components/schemas/Base"},
                {
                    "type": "object",
                    "required": ["lives"],
                    "properties": {"lives": {"type": "integer"}},
                },
            ]
        },
    }
    _, converter = convert({"$ref": "#/components/schemas/Cat"}, components)
    cat = converter.named(Name(("cat",)))
    assert isinstance(cat, ModelDef)
    assert [(f.wire_name, f.required) for f in cat.fields] == [("id", True), ("lives", True)]


def test_all_of_conflict_is_a_warning() -> None:
    components = {
        "A": {
            "allOf": [
                {"type": "object", "properties": {"x": {"type": "string"}}},
                {"type": "object", "properties": {"x": {"type": "integer"}}},
            ]
        }
    }
    _, converter = convert({"$ref": "#/components/schemas/A"}, components)
    assert [d.code for d in converter.diagnostics] == ["allof-conflict"]


def test_recursive_and_mutually_recursive_schemas_terminate() -> None:
    components = {
        "Node": {
            "type": "object",
            "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
            },
        },
        "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}},
    }
    _, converter = convert({"$ref": "#/components/schemas/Node"}, components)
    node = converter.named(Name(("node",)))
    assert isinstance(node, ModelDef)
    assert node.fields[0].type == Array(Ref(Name(("node",))))
    a = converter.named(Name(("a",)))
    assert isinstance(a, ModelDef) and a.fields[0].type == Ref(Name(("b",)))


def test_discriminator_mapping_explicit_and_implicit() -> None:
    components = {
        "Cat": {"type": "object", "properties": {"kind": {"const": "cat"}}},
        "Dog": {"type": "object", "properties": {"kind": {"const": "dog"}}},
        "Pet": {
            "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {"propertyName": "kind", "mapping": {"c": "#/components/schemas/Cat"}},
        },
        "Pet2": {
            "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {"propertyName": "kind"},
        },
    }
    _, converter = convert({}, components)
    pet = converter.named(Name(("pet",)))
    pet2 = converter.named(Name(("pet2",)))
    assert isinstance(pet, AliasDef) and isinstance(pet.target, Union)
    assert pet.target.discriminator is not None
    cat, dog = Name(("cat",)), Name(("dog",))
    # explicit first; the implicit schema name for members the mapping leaves out; then the
    # values members pin for the property themselves
    assert pet.target.discriminator.mapping == (
        ("c", cat),
        ("Dog", dog),
        ("cat", cat),
        ("dog", dog),
    )
    assert isinstance(pet2, AliasDef) and isinstance(pet2.target, Union)
    assert pet2.target.discriminator is not None
    assert pet2.target.discriminator.mapping == (
        ("Cat", cat),
        ("Dog", dog),
        ("cat", cat),
        ("dog", dog),
    )


def test_read_only_fields_leave_request_bodies_and_write_only_leave_responses() -> None:
    schema = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "secret": {"type": "string", "writeOnly": True},
            "name": {"type": "string"},
        },
    }
    converter = SchemaConverter({})
    request, _ = converter.fields_of(schema, CTX, "/x", request=True)
    response, _ = converter.fields_of(schema, CTX, "/x")
    assert [f.wire_name for f in request] == ["secret", "name"]
    assert [f.wire_name for f in response] == ["id", "name"]


def test_all_of_of_something_not_an_object_is_that_thing() -> None:
    components = {
        "Tags": {"type": "array", "items": {"type": "string"}},
        "Pet": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Labelled": {"allOf": [{"$ref": "#/components/schemas/Tags"}, {"description": "d"}]},
    }
    node, converter = convert(
        {
            "type": "object",
            "properties": {
                "tags": {
                    "allOf": [{"$ref": "#/components/schemas/Tags"}, {"example": ["a"]}],
                },
                "pet": {"allOf": [{"$ref": "#/components/schemas/Pet"}, {"description": "d"}]},
                "both": {
                    "allOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "string"}],
                },
            },
        },
        components,
    )
    model = converter.named(Name(("ctx",)))
    assert isinstance(model, ModelDef) and node == Ref(Name(("ctx",)))
    fields = {f.wire_name: f.type for f in model.fields}
    assert fields["tags"] == Ref(Name(("tags",)))
    assert fields["pet"] == Ref(Name(("pet",))), "annotations do not make a new model"
    assert fields["both"] == Ref(Name(("pet",)))
    assert [d.code for d in converter.diagnostics] == ["allof-conflict"]
    labelled = converter.named(Name(("labelled",)))
    assert isinstance(labelled, AliasDef) and labelled.target == Ref(Name(("tags",)))
    # the annotation-only member's example belongs to the type of the whole allOf
    assert converter.types_at["/x/properties/tags/allOf/1"] == Ref(Name(("tags",)))


def test_a_choice_among_constraints_is_no_union() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
        "anyOf": [{"required": ["a"]}, {"required": ["b"]}],
    }
    node, converter = convert(schema)
    model = converter.named(Name(("ctx",)))
    assert node == Ref(Name(("ctx",))) and isinstance(model, ModelDef)
    assert [f.wire_name for f in model.fields] == ["a", "b"]


def test_properties_may_be_a_ref_to_a_map_of_properties() -> None:
    document = {
        "x-shared": {"id": {"type": "integer"}},
        "components": {"schemas": {}},
    }
    converter = SchemaConverter(document)
    fields, _ = converter.fields_of({"properties": {"$ref": "#/x-shared"}}, CTX, "/x")
    assert [(f.wire_name, f.type) for f in fields] == [("id", Primitive("integer"))]


def test_every_converted_schema_is_indexed_by_its_pointer() -> None:
    components = {"Pet": {"type": "object", "properties": {"tags": {"type": "array"}}}}
    _, converter = convert({"$ref": "#/components/schemas/Pet"}, components)
    assert converter.types_at["/components/schemas/Pet"] == Ref(Name(("pet",)))
    assert converter.types_at["/components/schemas/Pet/properties/tags"] == Array(AnyType())
    assert converter.types_at["/x"] == Ref(Name(("pet",)))


def test_schema_names_with_any_characters_stay_distinct() -> None:
    components = {
        "foo.bar": {"type": "string"},
        "foo_bar": {"type": "integer"},
        "FooBar": {"type": "boolean"},
        "a/b": {"type": "number"},
    }
    node, converter = convert({"$ref": "#/components/schemas/a~1b"}, components)
    names = [t.name.words for t in converter.named_types()]
    assert len(set(names)) == 4
    assert node == Ref(Name(("a", "b")))


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("/components/responses/NotFound/content/application~1json/schema", ("not", "found")),
        ("/components/parameters/limit/schema", ("limit",)),
        ("/paths/~1pets/get/responses/200/content/application~1json/schema", ("pets",)),
        ("/components/schemas/Pet/properties/owner", ("owner",)),
        ("/paths/~1/get/responses/200/content/application~1json/schema", ("schema",)),
    ],
)
def test_schemas_found_outside_components_are_named_by_where_they_are(
    pointer: str, expected: tuple[str, ...]
) -> None:
    from generator.ir.schemas import name_of_location

    assert name_of_location(pointer).words == expected


def test_empty_enum_beside_all_of_is_a_warning_too() -> None:
    components = {"Status": {"type": "string", "enum": ["a", "b"]}}
    node, converter = convert(
        {"type": "string", "enum": [], "allOf": [{"$ref": "#/components/schemas/Status"}]},
        components,
    )
    assert node == Ref(Name(("status",)))
    assert [(d.code, d.pointer) for d in converter.diagnostics] == [("empty-enum", "/x")]


@pytest.mark.parametrize(
    ("narrowing", "expected"),
    [([3], Const(3)), ([2, 3], EnumType((2, 3)))],
)
def test_an_enum_beside_all_of_narrows_the_members_values(
    narrowing: list[int], expected: TypeNode
) -> None:
    components = {"Kinds": {"type": "integer", "enum": [1, 2, 3]}}
    schema = {
        "type": "integer",
        "enum": narrowing,
        "allOf": [{"$ref": "#/components/schemas/Kinds"}],
    }
    node, converter = convert(schema, components)
    assert node == expected
    assert converter.diagnostics == []


def test_string_bounds_and_number_ranges_ride_on_the_primitive() -> None:
    node, _ = convert({"type": "string", "maxLength": 22, "pattern": "^[a-z]+$"})
    assert isinstance(node, Primitive) and node.bounds.max_length == 22
    assert node.bounds.pattern == "^[a-z]+$"
    node, _ = convert({"type": "integer", "minimum": 1, "maximum": 100})
    assert isinstance(node, Primitive) and (node.bounds.minimum, node.bounds.maximum) == (1, 100)


def test_a_schema_merged_into_several_models_is_one_type_and_warns_from_each() -> None:
    base = {
        "type": "object",
        "properties": {
            "address": {"type": "object", "properties": {"city": {"type": "string"}}},
            "kind": {"type": "string", "enum": []},
        },
    }
    own = {"type": "object", "properties": {"id": {"type": "string"}}}
    components = {
        "Base": base,
        "Home": {"allOf": [{"$ref": "#/components/schemas/Base"}, own]},
        "Office": {"allOf": [{"$ref": "#/components/schemas/Base"}, own]},
    }
    _, converter = convert({"$ref": "#/components/schemas/Home"}, components)
    types = {}
    for name in ("base", "home", "office"):
        model = converter.named(Name((name,)))
        assert isinstance(model, ModelDef)
        types[name] = {f.wire_name: f.type for f in model.fields}
    assert types["home"]["address"] == types["office"]["address"] == types["base"]["address"]
    assert types["home"]["address"] == Ref(Name(("base", "address")))
    # the schema that warns is converted at each model that merges it, so each reports it
    empty = [d.pointer for d in converter.diagnostics if d.code == "empty-enum"]
    assert empty == ["/components/schemas/Base/properties/kind"] * 3


def test_a_ref_that_cannot_be_followed_warns_at_each_place_it_is_written() -> None:
    missing = {"$ref": "#/components/schemas/Missing"}
    schema = {"type": "object", "properties": {"a": missing, "b": missing}}
    _, converter = convert(schema)
    assert {(d.code, d.pointer) for d in converter.diagnostics} == {
        ("dangling-ref", "/x/properties/a"),
        ("dangling-ref", "/x/properties/b"),
    }
