"""Sample values kept within a schema's bounds: the docs' example values and the mock's answers
both come from here."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.ir.model import (
    Bounds,
    Discriminator,
    EnumType,
    Field,
    ModelDef,
    Primitive,
    Ref,
    Union,
)
from generator.ir.names import Name
from generator.ir.samples import (
    bounds_from,
    number_fits,
    number_within,
    string_fits,
    string_within,
)
from generator.targets.docs.examples import Code, ExampleValues

SNOWFLAKE = "^(0|[1-9][0-9]*)$"


@pytest.mark.parametrize(
    ("schemas", "expected"),
    [
        ([{"maxLength": 22}, {"maxLength": 9, "minLength": 2}], Bounds(min_length=2, max_length=9)),
        ([{"minimum": 1, "exclusiveMinimum": True}], Bounds(minimum=1, exclusive_minimum=True)),
        ([{"exclusiveMinimum": 0}, {"maximum": 9}], Bounds(None, 0, None, 0, 9, True)),
        ([{"pattern": "^a"}, {"pattern": "^b"}], Bounds(pattern="^a")),
        ([{"multipleOf": 5, "minLength": True}], Bounds(multiple_of=5)),
        ([{"maximum": 3}, {"title": "no bounds"}, {"maximum": 2}], Bounds(maximum=2)),
    ],
)  # fmt: skip
def test_bounds_are_the_tightest_every_schema_sets(
    schemas: list[dict[str, Any]], expected: Bounds
) -> None:
    assert bounds_from(schemas) == expected


@pytest.mark.parametrize(
    ("bounds", "preferred", "expected"),
    [
        (Bounds(), "Statement descriptor suffix", "Statement descriptor suffix"),
        (Bounds(max_length=22), "Statement descriptor suffix", "Statement descriptor s"),
        (Bounds(min_length=8), "Name", "Namexxxx"),
        (Bounds(pattern=SNOWFLAKE), "guild_123", "0"),
        (Bounds(pattern="^[A-Z]{2}$"), "Country", "AA"),
    ],
)
def test_a_string_keeps_its_bounds(bounds: Bounds, preferred: str, expected: str) -> None:
    found = string_within(bounds, (preferred,), preferred)
    assert found == expected
    assert string_fits(bounds, found)


@pytest.mark.parametrize(
    ("bounds", "integer", "expected"),
    [
        (Bounds(), True, 1),
        (Bounds(minimum=100), True, 100),
        (Bounds(minimum=1, exclusive_minimum=True), True, 2),
        (Bounds(maximum=0), True, 0),
        (Bounds(minimum=2, maximum=3, multiple_of=3), True, 3),
        (Bounds(minimum=0, maximum=1, exclusive_maximum=True), False, 0.0),
        (Bounds(minimum=0.25, maximum=0.75), False, 0.25),
    ],
)
def test_a_number_keeps_its_range(bounds: Bounds, integer: bool, expected: float) -> None:
    found = number_within(bounds, integer=integer, preferred=1 if integer else 1.5)
    assert found == expected
    assert number_fits(bounds, found, integer=integer)


def test_docs_example_values_keep_the_bounds_the_ir_carries() -> None:
    values = ExampleValues({}, file_sample=Code("file"))
    snowflake = Primitive("string", bounds=Bounds(pattern=SNOWFLAKE))
    assert re.match(SNOWFLAKE, values.value(snowflake, Name.parse("guild_id")))
    short = Primitive("string", bounds=Bounds(max_length=10))
    assert values.value(short, "statement_descriptor") == "Statement "
    assert values.value(Primitive("integer", bounds=Bounds(minimum=7)), "limit") == 7
    assert values.value(Primitive("integer"), "limit") == 1


def test_bounds_constrain_values_not_the_type() -> None:
    assert Primitive("string", bounds=Bounds(max_length=3)) == Primitive("string")


def test_a_discriminated_union_member_carries_the_tag_mapped_to_it() -> None:
    tag = Field(Name.parse("type"), "type", EnumType(("assign", "unassign")), True)
    droplet = Field(Name.parse("droplet_id"), "droplet_id", Primitive("integer"), True)
    unassign, assign = Name.parse("unassign"), Name.parse("assign")
    types = {
        unassign: ModelDef(unassign, (tag,), pointer="/u"),
        assign: ModelDef(assign, (tag, droplet), pointer="/a"),
    }
    mapping = (("assign", assign), ("unassign", unassign))
    values = ExampleValues(types, file_sample=Code("file"))
    union = Union((Ref(unassign), Ref(assign)), Discriminator("type", mapping))
    assert values.value(union) == {"type": "unassign"}
    untagged = Union((Ref(assign), Ref(unassign)))
    assert values.value(untagged) == {"type": "assign", "droplet_id": 1}
