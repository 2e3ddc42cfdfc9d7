"""Example values written as Go and Java expressions of the SDKs' own types: optional scalars
through Go's pointer helpers, models by struct literal or builder, enums by their type, unions
through the member the value was made from, anything untyped as JSON data."""

from __future__ import annotations

from generator.ir.model import (
    AliasDef,
    AnyType,
    Array,
    Discriminator,
    EnumDef,
    Field,
    ModelDef,
    NamedType,
    Nullable,
    Primitive,
    Ref,
    Union,
)
from generator.ir.names import Name
from generator.targets.docs.examples import Code
from generator.targets.go.docs_values import GoValues
from generator.targets.go.types import GoTypes, struct_field_names
from generator.targets.java.docs_values import JavaValues
from generator.targets.java.models import member_names
from generator.targets.java.types import JavaTypes

STRING = Primitive("string")
PET = ModelDef(
    Name.parse("pet"),
    (
        Field(Name.parse("name"), "name", STRING, True),
        Field(Name.parse("kind"), "kind", Ref(Name.parse("kind")), False),
        Field(Name.parse("tags"), "tags", Array(STRING), False),
        Field(Name.parse("age"), "age", Nullable(Primitive("integer")), False),
    ),
)
KIND = EnumDef(Name.parse("kind"), ("cat", "dog"))
CAT = ModelDef(Name.parse("cat"), (Field(Name.parse("kind"), "kind", STRING, True),))
ANIMAL = AliasDef(
    Name.parse("animal"),
    Union((Ref(CAT.name), Ref(PET.name)), Discriminator("kind", (("cat", CAT.name),))),
)
CHOICE = AliasDef(Name.parse("choice"), Union((Ref(PET.name), STRING)))
TYPES: dict[Name, NamedType] = {t.name: t for t in (PET, KIND, CAT, ANIMAL, CHOICE)}
NAMES = {name: Name.parse(str(name)).pascal() for name in TYPES}
MODELS = (PET, CAT)


def _go() -> GoValues:
    types = GoTypes(TYPES, NAMES, "pets.")
    return GoValues(TYPES, types, "pets", {m.name: struct_field_names(m) for m in MODELS})


def _java() -> JavaValues:
    setters = {m.name: tuple(s for _, s in member_names(m)) for m in MODELS}
    return JavaValues(TYPES, JavaTypes(TYPES, NAMES), setters)


def test_go_writes_optional_scalars_through_the_pointer_helpers() -> None:
    assert _go().field(STRING, "Rex", "*string") == 'pets.String("Rex")'
    assert _go().field(Primitive("integer"), 3, "*int") == "pets.Int(3)"
    assert _go().field(STRING, "Rex", "string") == '"Rex"'


def test_go_writes_a_model_as_a_struct_literal_with_the_sdks_field_names() -> None:
    value = {"name": "Rex", "kind": "dog", "tags": ["good"], "age": 3}
    # `Kind` is optional, so a *pets.Kind: left out (a composite literal may omit any field).
    assert _go().value(Ref(PET.name), value) == (
        '&pets.Pet{Name: "Rex", Tags: []string{"good"}, Age: pets.Int(3)}'
    )
    assert _go().value(Ref(KIND.name), "dog") == 'pets.Kind("dog")'


def test_go_leaves_out_a_pointer_to_an_enum_it_cannot_write_inline() -> None:
    assert _go().field(Ref(KIND.name), "dog", "*pets.Kind") is None


def test_go_writes_a_tagged_union_as_its_struct_holding_the_member() -> None:
    assert _go().value(Ref(ANIMAL.name), {"kind": "cat"}) == (
        'pets.Animal{Value: &pets.Cat{Kind: "cat"}}'
    )


def test_go_writes_untyped_values_as_json_data() -> None:
    assert _go().value(AnyType(), {"a": [1, None, True]}) == (
        'map[string]any{"a": []any{1, nil, true}}'
    )


def test_go_keeps_code_as_it_is() -> None:
    assert _go().field(STRING, Code('strings.NewReader("x")'), "io.Reader") == (
        'strings.NewReader("x")'
    )


def test_java_builds_a_model_through_its_builder() -> None:
    value = {"name": "Rex", "kind": "dog", "tags": ["good"], "age": 3}
    assert _java().value(Ref(PET.name), value) == (
        'Pet.builder().name("Rex").kind(Kind.valueOf("dog")).tags(List.of("good")).age(3).build()'
    )


def test_java_makes_a_union_from_the_member_the_value_was_made_from() -> None:
    assert _java().value(Ref(CHOICE.name), {"name": "Rex"}) == (
        'Choice.of(Pet.builder().name("Rex").build())'
    )


def test_java_writes_dates_parsed_and_long_maps_by_entries() -> None:
    assert _java().value(Primitive("string", "date-time"), "2025-01-01T00:00:00Z") == (
        'OffsetDateTime.parse("2025-01-01T00:00:00Z")'
    )
    many = {f"k{i}": i for i in range(11)}
    written = _java().value(AnyType(), many)
    assert written is not None and written.startswith('Map.ofEntries(Map.entry("k0", 0), ')
