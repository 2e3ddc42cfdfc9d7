"""`OneOf`: unions told apart by a discriminator, with the whole union for unknown tags."""

from __future__ import annotations

from typing import Annotated, Any

import pydantic
import pytest

from generator.targets.python.runtime.models import BaseModel
from generator.targets.python.runtime.unions import OneOf


class Cat(BaseModel):
    pet_type: str = pydantic.Field(alias="petType")
    lives: int | None = None


class Dog(BaseModel):
    pet_type: str = pydantic.Field(alias="petType")
    good: bool | None = None


Pet = Annotated[Cat | Dog, OneOf("petType", {"cat": "Cat", "kitten": "Cat", "dog": "Dog"})]
ADAPTER: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(Pet)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"petType": "cat", "lives": 9}, Cat),
        ({"petType": "kitten"}, Cat),
        ({"petType": "dog", "lives": 9}, Dog),
        ({"petType": "parrot", "good": True}, Dog),
        ({"petType": "parrot", "lives": 3}, Cat),
    ],
)
def test_the_tag_picks_the_member_and_unknown_tags_try_them_all(
    value: dict[str, Any], expected: type
) -> None:
    parsed = ADAPTER.validate_python(value)
    assert type(parsed) is expected
    assert ADAPTER.dump_python(parsed, mode="json", by_alias=True, exclude_unset=True) == value


def test_a_known_tag_reports_errors_of_its_member_only() -> None:
    with pytest.raises(pydantic.ValidationError) as raised:
        ADAPTER.validate_python({"petType": "cat", "lives": "many"})
    assert [e["loc"] for e in raised.value.errors()] == [("cat", "lives")]


def test_models_already_built_are_told_apart_too() -> None:
    dog = Dog.model_validate({"petType": "dog", "good": True})
    assert ADAPTER.validate_python(dog) is dog
    assert ADAPTER.dump_python(dog, mode="json", by_alias=True) == {
        "petType": "dog",
        "good": True,
    }
    assert repr(OneOf("t", {"a": "A"})) == "OneOf('t', {'a': 'A'})"
