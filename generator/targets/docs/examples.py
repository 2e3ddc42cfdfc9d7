"""Example data for the docs, synthesised from the IR: argument values and response bodies.

A value is JSON data (what travels on the wire), except where code needs an object: `Code`
marks source text in the target's language to emit as it is (a file to upload, a date). Models
use the spec's own `example` when it has one; everything else is built from the types,
deterministically. Writing values as code is each target's job (its docs language).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.ir.model import (
    AliasDef,
    AnyType,
    Array,
    Binary,
    Const,
    Discriminator,
    EnumDef,
    EnumType,
    Field,
    Map,
    ModelDef,
    NamedType,
    Nullable,
    Primitive,
    Ref,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.ir.samples import FORMAT_SAMPLES, SAMPLE_URL, number_within, string_within

SAMPLE_FILE = "document.pdf"
"""The local file upload examples send; the example tests create it."""

_FULL_DEPTH = 2  # response examples show every field this deep, required fields below
_MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Code:
    """Source in the target's language, emitted verbatim, with the imports it needs."""

    source: str
    imports: tuple[str, ...] = ()


def _words(hint: str | Name | None) -> tuple[str, ...]:
    if hint is None:
        return ()
    name = hint if isinstance(hint, Name) else Name.parse(hint)
    return tuple(w.lower() for w in name.words)


def string_for(hint: str | Name | None, fmt: str | None = None) -> str:
    """A plausible string for a field or parameter: by format, else by its name."""
    if fmt in FORMAT_SAMPLES:
        return FORMAT_SAMPLES[fmt]
    words = _words(hint)
    if not words:
        return "text"
    if words[-1] == "id":
        stem = "_".join(words[:-1]) or "object"
        return f"{stem}_123"
    if words[-1] in ("url", "uri"):
        return SAMPLE_URL
    if "email" in words:
        return "user@example.com"
    return " ".join(words).capitalize()


class ExampleValues:
    """Synthesises example values for type nodes of one API."""

    def __init__(self, types: Mapping[Name, NamedType], *, file_sample: Code) -> None:
        self.types = types
        self.file_sample = file_sample
        """What a file upload's example is, in the target's language."""

    def model_example(self, name: Name) -> Any:
        """The spec's example of a named model, if it gives one."""
        named = self.types.get(name)
        if isinstance(named, ModelDef) and named.example_json is not None:
            return json.loads(named.example_json)
        return None

    def value(
        self,
        node: TypeNode | None,
        hint: str | Name | None = None,
        *,
        full: bool = False,
        depth: int = 0,
        stack: frozenset[Name] = frozenset(),
    ) -> Any:
        """Example data for `node`. `full` adds optional fields (responses); else required only."""
        if node is None or depth > _MAX_DEPTH:
            return None
        if isinstance(node, Primitive):
            return self._primitive(node, hint)
        if isinstance(node, Const):
            return node.value
        if isinstance(node, EnumType):
            return node.values[0] if node.values else None
        if isinstance(node, Nullable):
            return self.value(node.inner, hint, full=full, depth=depth, stack=stack)
        if isinstance(node, Array):
            item = self.value(node.item, hint, full=full, depth=depth + 1, stack=stack)
            return [] if item is None else [item]
        if isinstance(node, Map):
            inner = self.value(node.value, hint, full=full, depth=depth + 1, stack=stack)
            return {"key": inner}
        if isinstance(node, Union):
            members = [m for m in node.members if not (isinstance(m, Const) and m.value is None)]
            first = members[0] if members else None
            value = self.value(first, hint, full=full, depth=depth, stack=stack)
            return _tagged(value, node.discriminator, first)
        if isinstance(node, Ref):
            return self._named(node.name, hint, full=full, depth=depth, stack=stack)
        if isinstance(node, Binary):
            return self.file_sample
        if isinstance(node, AnyType):
            return {}
        raise TypeError(f"unknown type node {node!r}")

    def _primitive(self, node: Primitive, hint: str | Name | None) -> Any:
        """A plausible value kept within the primitive's bounds (`pattern`, lengths, range)."""
        if node.kind == "string":
            plausible = string_for(hint, node.format)
            return string_within(node.bounds, (plausible,), plausible)
        if node.kind in ("integer", "number"):
            integer = node.kind == "integer"
            return number_within(node.bounds, integer=integer, preferred=1 if integer else 1.5)
        return True

    def _named(
        self, name: Name, hint: str | Name | None, *, full: bool, depth: int, stack: frozenset[Name]
    ) -> Any:
        named = self.types.get(name)
        if isinstance(named, EnumDef):
            return named.values[0] if named.values else None
        if isinstance(named, AliasDef):
            if name in stack:
                return None
            return self.value(named.target, hint, full=full, depth=depth, stack=stack | {name})
        if not isinstance(named, ModelDef):
            return None
        example = self.model_example(name)
        if example is not None:
            return example
        result: dict[str, Any] = {}
        for field in named.fields:
            # A constant (a union member's tag, an `object` kind) is always sent and costs
            # nothing to show, and without it a member of a tagged union is ambiguous.
            tag = isinstance(field.type, Const)
            wanted = field.required or tag or (full and depth < _FULL_DEPTH)
            if wanted and self._shown(name, field, full=full, stack=stack):
                value = self._field(name, field, hint, full=full, depth=depth, stack=stack)
                if value is not None or field.required:
                    result[field.wire_name] = value
        if result or full:
            return result
        # An object with no required field shows its first one: `{}` says nothing in the
        # docs, and in a form or query it sends nothing at all.
        for field in named.fields:
            if self._shown(name, field, full=full, stack=stack):
                value = self._field(name, field, hint, full=full, depth=depth, stack=stack)
                if value is not None and value != {} and value != []:
                    return {field.wire_name: value}
        return result

    @staticmethod
    def _shown(name: Name, field: Field, *, full: bool, stack: frozenset[Name]) -> bool:
        """Whether a field may appear: not read-only in a request, not write-only in an
        answer, and not leading back into a model being built (unless it must)."""
        if (field.read_only and not full) or (field.write_only and full):
            return False
        return field.name not in stack and (name not in stack or field.required)

    def _field(
        self,
        name: Name,
        field: Field,
        hint: str | Name | None,
        *,
        full: bool,
        depth: int,
        stack: frozenset[Name],
    ) -> Any:
        field_hint: str | Name = field.name
        if field.name.words == ("id",):
            field_hint = Name((*_words(hint or name), "id"))
        return self.value(field.type, field_hint, full=full, depth=depth + 1, stack=stack | {name})


def _tagged(value: Any, discriminator: Discriminator | None, member: TypeNode | None) -> Any:
    """A union member's example carrying the tag its discriminator maps to that member (its
    own tag field may allow every member's: DigitalOcean's `type` enum of `assign` and
    `unassign` in each action)."""
    if discriminator is None or not isinstance(member, Ref) or not isinstance(value, dict):
        return value
    tags = [tag for tag, name in discriminator.mapping if name == member.name]
    if not tags or value.get(discriminator.property) in tags:
        return value  # its own value already selects it (OpenAI's `role: developer`)
    return {**value, discriminator.property: tags[0]}


def imports_of(value: Any) -> set[str]:
    """The import lines the `Code` parts of a value need."""
    if isinstance(value, Code):
        return set(value.imports)
    if isinstance(value, dict):
        return set().union(*(imports_of(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(imports_of(v) for v in value)) if value else set()
    return set()


BINARY_IN_JSON = "<binary data>"
"""What a `format: binary` string shows as inside a JSON example."""


def as_data(value: Any) -> Any:
    """The value as JSON data: code (a file to upload) where JSON holds a string becomes one."""
    if isinstance(value, Code):
        return BINARY_IN_JSON
    if isinstance(value, dict):
        return {k: as_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_data(v) for v in value]
    return value
