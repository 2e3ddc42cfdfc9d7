"""A `record` behaves as the `@dataclass(frozen=True, slots=True)` it stands for: each class is
defined both ways and every answer compared."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from generator.load.records import record


def both(make: Any) -> tuple[Any, Any]:
    """The class `make(decorator)` defines, made by `@dataclass` and by `record`."""
    return make(dataclass(frozen=True, slots=True)), make(record)


def three_fields(decorate: Any) -> Any:
    @decorate
    class Node:
        """A node."""

        name: str
        size: float = 1.0
        tags: tuple[str, ...] = ()
        notes: list[str] = field(default_factory=list, compare=False)
        weight: int = field(default=0, hash=False)

    return Node


def one_field(decorate: Any) -> Any:
    @decorate
    class Leaf:
        value: object

    return Leaf


def no_field(decorate: Any) -> Any:
    @decorate
    class Empty:
        pass

    return Empty


CASES = [
    (three_fields, [("a",), ("a", 2.0, ("x",), ["n"], 3), ("b",)]),
    (one_field, [(1,), ("1",), (float("nan"),), ((1, 2),)]),
    (no_field, [()]),
]


@pytest.mark.parametrize(("make", "arguments"), CASES)
def test_equality_hash_and_repr_are_the_dataclass_ones(make: Any, arguments: list[Any]) -> None:
    generated, shared = both(make)
    for first in arguments:
        for second in arguments:
            expected = generated(*first) == generated(*second)
            assert (shared(*first) == shared(*second)) is expected
        assert hash(shared(*first)) == hash(generated(*first))
        assert repr(shared(*first)) == repr(generated(*first))
    assert shared(*arguments[0]).__eq__(object()) is NotImplemented
    assert shared.__match_args__ == generated.__match_args__
    assert [f.name for f in dataclasses.fields(shared)] == [
        f.name for f in dataclasses.fields(generated)
    ]
    assert "__dict__" not in dir(shared(*arguments[0]))


def test_fields_not_compared_or_hashed_are_left_out() -> None:
    _, node = both(three_fields)
    assert node("a", notes=["x"]) == node("a", notes=["y"])
    assert hash(node("a", weight=1)) == hash(node("a", weight=2))
    assert node("a", weight=1) != node("a", weight=2)


def test_defaults_and_factories() -> None:
    _, node = both(three_fields)
    first, second = node("a"), node("a")
    assert (first.size, first.tags, first.notes, first.weight) == (1.0, (), [], 0)
    assert first.notes is not second.notes
    given: list[str] = ["kept"]
    assert node("a", notes=given).notes is given
    with pytest.raises(TypeError):
        node()


def test_frozen() -> None:
    _, node = both(three_fields)
    value = node("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.name = "b"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del value.name
    with pytest.raises((dataclasses.FrozenInstanceError, AttributeError)):
        value.other = 1


def test_replace_and_copies() -> None:
    _, node = both(three_fields)
    value = node("a", 2.0, ("t",), ["n"], 4)
    assert dataclasses.replace(value, name="b") == node("b", 2.0, ("t",), ["n"], 4)
    for copied in (copy.copy(value), copy.deepcopy(value)):
        assert copied == value and copied.notes == ["n"] and copied.weight == 4


@record
class Pickled:
    """At module level, so pickle finds the class by name."""

    name: str
    sizes: tuple[int, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False)


def test_a_module_level_record_pickles() -> None:
    value = Pickled("a", (1, 2), ["n"])
    restored = pickle.loads(pickle.dumps(value))
    assert restored == value and restored.notes == ["n"]
    assert Pickled.__init__.__qualname__ == "Pickled.__init__"


def test_what_a_record_does_not_do_is_refused() -> None:
    with pytest.raises(TypeError, match="plain"):

        @record
        class Hidden:
            value: int = field(init=False, default=0)

    with pytest.raises(TypeError, match="__post_init__"):

        @record
        class Checked:
            value: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="__eq__, __hash__"):

        @record
        class Compared:
            value: int

            def __eq__(self, other: object) -> bool:
                return True
