"""Lenient response parsing: a body that drifts from the spec never fails; strict mode raises."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import pydantic
import pytest

from generator.targets.python.runtime.lenient import construct
from generator.targets.python.runtime.models import AwareDatetime, BaseModel, parse_as, union
from generator.targets.python.runtime.unions import OneOf


class Owner(BaseModel):
    id: str
    age: int | None = None


class File(BaseModel):
    object_: Literal["file"] = pydantic.Field(alias="object")
    id: str
    kind: Literal["PDF", "IMG"] | None = None
    created_at: AwareDatetime = pydantic.Field(alias="createdAt")
    metadata: dict[str, Any] | None = None
    owner: Owner | None = None
    tags: list[Owner] | None = None


class Cat(BaseModel):
    pet_type: Literal["cat"] = pydantic.Field(alias="petType")
    lives: int


class Dog(BaseModel):
    pet_type: Literal["dog"] = pydantic.Field(alias="petType")
    good: bool


class Home(BaseModel):
    tagged: Annotated[Cat | Dog, OneOf("petType", {"cat": "Cat", "dog": "Dog"})] | None = None
    wrapped: Annotated[Cat | Dog, union(Cat, Dog)] | None = None


GOOD = {"object": "file", "id": "f1", "createdAt": "2025-01-01T00:00:00", "kind": "PDF"}


def test_a_body_that_fits_is_validated_as_usual() -> None:
    built = construct(File, GOOD)
    assert isinstance(built, File) and built.created_at.tzinfo is not None
    assert built.model_fields_set == {"object_", "id", "created_at", "kind"}


def test_missing_extra_mistyped_and_unknown_enum_values_never_fail() -> None:
    body = {
        "object": "file",
        "id": "f1",
        "kind": "DOCX",
        "metadata": "a string",
        "owner": {"id": "u1", "age": "old"},
        "tags": [{"id": "t1"}, {"age": 3}, "x"],
        "addedLater": {"deep": True},
    }
    built = construct(File, body)
    assert isinstance(built, File)
    assert built.created_at is None  # missing: None, not AttributeError
    assert built.kind == "DOCX"  # unknown enum value: kept
    assert built.metadata == "a string"  # mistyped: the raw value
    assert isinstance(built.owner, Owner) and built.owner.age == "old"
    assert built.tags is not None
    assert [type(t).__name__ for t in built.tags] == ["Owner", "Owner", "str"]
    assert built.model_extra == {"addedLater": {"deep": True}}
    assert "created_at" not in built.model_fields_set
    assert built.to_dict()["kind"] == "DOCX"


@pytest.mark.parametrize("field", ["tagged", "wrapped"])
def test_union_members_are_picked_by_tag_then_by_shared_keys(field: str) -> None:
    home = construct(Home, {field: {"petType": "cat", "lives": "nine"}})
    assert isinstance(getattr(home, field), Cat) and getattr(home, field).lives == "nine"
    unknown = construct(Home, {field: {"petType": "parrot", "good": "maybe"}})
    member: Any = getattr(unknown, field)
    assert type(member).__name__ == "Dog"
    assert (member.pet_type, member.good) == ("parrot", "maybe")
    assert getattr(construct(Home, {field: 42}), field) == 42
    assert construct(Home, {field: 42}).to_dict() == {field: 42}


def test_top_level_lists_maps_and_scalars() -> None:
    assert construct(list[Owner], [{"id": "a"}, {"id": 1}])[1].id == 1
    assert construct(dict[str, int], {"a": 1, "b": "two"}) == {"a": 1, "b": "two"}
    assert construct(int, "nope") == "nope"
    assert construct(datetime, "2025-01-01T00:00:00Z").year == 2025
    assert construct(Owner, None) is None
    assert construct(Owner, "not an object") == "not an object"


def test_strict_parsing_raises_pydantics_error_for_the_transport_to_wrap() -> None:
    with pytest.raises(pydantic.ValidationError):
        parse_as(File, {"object": "file"}, strict=True)
    assert isinstance(parse_as(File, GOOD, strict=True), File)
