"""Unions told apart by a discriminator property.

    Pet = Annotated[Cat | Dog, OneOf("petType", {"cat": "Cat", "dog": "Dog"})]

A value whose property names a member is validated as that member alone; any other value
(a variant newer than this SDK, or a document that breaks its own mapping) falls back to
validating against the whole union, so a response never fails only for carrying a new tag.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import pydantic
from pydantic_core import CoreSchema, core_schema

_ANY_MEMBER = "\x00any member"


def _field_of(model: type[pydantic.BaseModel], wire_name: str) -> str | None:
    for name, info in model.model_fields.items():
        if info.alias == wire_name or name == wire_name:
            return name
    return None


class OneOf:
    """`Annotated` metadata for a union: the wire name of the discriminator property and the
    class name each of its values selects."""

    def __init__(self, wire_name: str, mapping: Mapping[str, str]) -> None:
        self.wire_name = wire_name
        self.mapping = dict(mapping)

    def __repr__(self) -> str:
        return f"OneOf({self.wire_name!r}, {self.mapping!r})"

    def _tag(self, known: set[Hashable]) -> Callable[[Any], Hashable]:
        wire_name = self.wire_name

        def tag(value: Any) -> Hashable:
            found: Any = None
            if isinstance(value, Mapping):
                found = value.get(wire_name)
            elif isinstance(value, pydantic.BaseModel):
                name = _field_of(type(value), wire_name)
                if name is not None:
                    found = getattr(value, name, None)
                elif value.model_extra:
                    found = value.model_extra.get(wire_name)
            return found if isinstance(found, str) and found in known else _ANY_MEMBER

        return tag

    def __get_pydantic_core_schema__(
        self, source: Any, handler: pydantic.GetCoreSchemaHandler
    ) -> CoreSchema:
        members = typing.get_args(source) or (source,)
        by_name = {getattr(member, "__name__", None): member for member in members}
        choices: dict[Hashable, CoreSchema] = {}
        for value, class_name in self.mapping.items():
            member = by_name.get(class_name)
            if member is not None:
                choices[value] = handler.generate_schema(member)
        choices[_ANY_MEMBER] = handler(source)
        return core_schema.tagged_union_schema(choices, self._tag(set(choices)))
