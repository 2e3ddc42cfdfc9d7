"""IR type nodes to Python annotations."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Literal

from generator.ir.model import (
    AliasDef,
    AnyType,
    Array,
    Binary,
    Const,
    EnumDef,
    EnumType,
    Field,
    Map,
    ModelDef,
    NamedType,
    Nullable,
    Primitive,
    Ref,
    ScalarValue,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.templating import quoted

Mode = Literal["output", "input"]

_PRIMITIVE = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_FORMATS = {"date-time": "datetime", "date": "date"}


def literal(value: ScalarValue) -> str:
    return quoted(value) if isinstance(value, str) else repr(value)


class TypeRenderer:
    """Renders annotations; `class_names` maps every named type to its Python class name."""

    def __init__(
        self,
        types: Mapping[Name, NamedType],
        class_names: Mapping[Name, str],
        *,
        list_name: str = "list",
        dict_name: str = "dict",
        discriminate: bool = False,
    ) -> None:
        """`list_name`/`dict_name` let classes with a method called `list` use `List` instead.

        `discriminate` renders unions with a discriminator as `Annotated[A | B, OneOf(...)]`
        (the models module imports both); elsewhere they are plain unions.
        """
        self.list_name = list_name
        self.dict_name = dict_name
        self.discriminate = discriminate
        self.types = types
        self.class_names = class_names
        self._holds_model: dict[Name, bool] = {}

    def annotation(self, node: TypeNode, mode: Mode = "output") -> str:
        return self._render(node, mode)

    def holds_model(self, node: TypeNode, seen: frozenset[Name] = frozenset()) -> bool:
        """Whether a value of this type can be (or contain) a model, so dicts are accepted."""
        if isinstance(node, Ref):
            if node.name in self._holds_model:
                return self._holds_model[node.name]
            if node.name in seen:
                return False
            named = self.types.get(node.name)
            result = isinstance(named, ModelDef) or (
                isinstance(named, AliasDef) and self.holds_model(named.target, seen | {node.name})
            )
            self._holds_model[node.name] = result
            return result
        if isinstance(node, Nullable):
            return self.holds_model(node.inner, seen)
        if isinstance(node, Union):
            return any(self.holds_model(m, seen) for m in node.members)
        return False

    def _model_union(self, node: Union) -> str | None:
        """A union of models validated by `union(...)`: by discriminator, else by exact fit."""
        members: list[tuple[Name, ModelDef]] = []
        for member in node.members:
            named = self.types.get(member.name) if isinstance(member, Ref) else None
            if not isinstance(named, ModelDef):
                return None
            members.append((named.name, named))
        classes = [self.class_names[name] for name, _ in members]
        arguments = ", ".join(classes)
        found = node.discriminator
        if found is not None:
            mapping: dict[str, str] = {}
            for value, target in found.mapping:
                if target in self.class_names:
                    mapping.setdefault(value, self.class_names[target])
            for name, model in members:
                tag = _discriminator_value(model, found.property)
                mapping.setdefault(tag or name.pascal(), self.class_names[name])
            pairs = ", ".join(f"{literal(k)}: {v}" for k, v in sorted(mapping.items()))
            arguments += f", discriminator={literal(found.property)}, mapping={{{pairs}}}"
        return f"Annotated[{' | '.join(classes)}, union({arguments})]"

    def _tags(self, node: Union) -> dict[str, str]:
        """Discriminator value -> class name, for the values that select a model member."""
        if node.discriminator is None:
            return {}
        members = {m.name for m in node.members if isinstance(m, Ref)}
        tags: dict[str, str] = {}
        for value, name in node.discriminator.mapping:
            if name in members and isinstance(self.types.get(name), ModelDef):
                tags[value] = self.class_names[name]
        return tags

    def _render(self, node: TypeNode, mode: Mode) -> str:
        if isinstance(node, Primitive):
            if node.kind == "string" and node.format == "date-time" and mode == "output":
                return "AwareDatetime"
            if node.kind == "string" and node.format in _FORMATS:
                return _FORMATS[node.format]
            return _PRIMITIVE[node.kind]
        if isinstance(node, Const):
            return f"Literal[{literal(node.value)}]"
        if isinstance(node, EnumType):
            closed = "Literal[" + ", ".join(literal(v) for v in node.values) + "]"
            return closed if mode == "input" else f"{closed} | {_open_type(node.values)}"
        if isinstance(node, Ref):
            name = self.class_names[node.name]
            named = self.types.get(node.name)
            if isinstance(named, EnumDef) and mode == "output":
                return f"{name} | {_open_type(named.values)}"
            if mode == "input" and self.holds_model(node):
                return f"{name} | {self.dict_name}[str, Any]"
            return name
        if isinstance(node, Array):
            return f"{self.list_name}[{self._render(node.item, mode)}]"
        if isinstance(node, Map):
            return f"{self.dict_name}[str, {self._render(node.value, mode)}]"
        if isinstance(node, Union) and mode == "output":
            resolved = self._model_union(node)
            if resolved is not None:
                return resolved
        if isinstance(node, Union):
            parts: list[str] = []
            for member in node.members:
                for part in split_union(self._render(member, mode)):
                    if part not in parts:
                        parts.append(part)
            plain = " | ".join(parts)
            tags = self._tags(node) if mode == "output" and self.discriminate else {}
            if not tags or node.discriminator is None:
                return plain
            mapping = "{" + ", ".join(f"{quoted(v)}: {quoted(c)}" for v, c in tags.items()) + "}"
            return f"Annotated[{plain}, OneOf({quoted(node.discriminator.property)}, {mapping})]"
        if isinstance(node, Nullable):
            inner = self._render(node.inner, mode)
            return inner if inner == "Any" or "None" in split_union(inner) else f"{inner} | None"
        if isinstance(node, Binary):
            return "FileUpload" if mode == "input" else "bytes"
        if isinstance(node, AnyType):
            return "Any"
        raise TypeError(f"unknown type node {node!r}")


def _discriminator_value(model: ModelDef, prop: str) -> str | None:
    for field in model.fields:
        if field.wire_name == prop and isinstance(field.type, Const):
            return str(field.type.value)
    return None


_UNION_TOKENS = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|\'[^\'\\]*(?:\\.[^\'\\]*)*\'|["\'\[\]{}()|]', re.DOTALL
)
"""What `split_union` looks at: whole string literals (skipped), a quote no string closes, a
bracket, a bar."""


def split_union(text: str) -> list[str]:
    """Split `A | list[B | C] | D` at its top-level bars only (never inside a quoted string)."""
    if "|" not in text:
        return [text.strip()]
    parts: list[str] = []
    depth = 0
    start = 0
    for match in _UNION_TOKENS.finditer(text):
        token = match.group()
        if len(token) > 1:
            continue  # a string literal, bars and brackets in it included
        if token in "'\"":
            break  # a string that never ends: the rest is in it
        if token in "[{(":
            depth += 1
        elif token in "]})":
            depth -= 1
        elif depth == 0:
            parts.append(text[start : match.start()].strip())
            start = match.end()
    parts.append(text[start:].strip())
    return parts


def _open_type(values: tuple[ScalarValue, ...]) -> str:
    if all(isinstance(v, str) for v in values):
        return "str"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return "Any"


def is_nullable(node: TypeNode, types: dict[Name, NamedType]) -> bool:
    """Whether `null` is a valid value: a nullable type, directly or through aliases."""
    from generator.ir.model import Nullable, Union

    seen: set[Name] = set()
    while isinstance(node, Ref) and node.name not in seen:
        seen.add(node.name)
        named = types.get(node.name)
        if not isinstance(named, AliasDef):
            return False
        node = named.target
    if isinstance(node, Union):
        return any(is_nullable(member, types) for member in node.members)
    return isinstance(node, Nullable)


_DATE_FORMATS = ("date", "date-time")


def default_literal(field: Field, types: Mapping[Name, NamedType]) -> str | None:
    """The spec's default of an optional field as a Python literal, if it fits the field's
    type (a default of the wrong type is a spec error the generated code does not copy)."""
    if field.default_json is None:
        return None
    value = json.loads(field.default_json)
    node = field.type.inner if isinstance(field.type, Nullable) else field.type
    if value is None or isinstance(value, dict | list):
        return None
    allowed: tuple[type, ...] = ()
    if isinstance(node, Primitive) and not (node.kind == "string" and node.format in _DATE_FORMATS):
        allowed = {"string": (str,), "integer": (int,), "number": (int, float)}.get(
            node.kind, (bool,)
        )
    elif isinstance(node, Const):
        allowed = (type(node.value),) if value == node.value else ()
    else:
        values: tuple[object, ...] = ()
        if isinstance(node, EnumType):
            values = node.values
        elif isinstance(node, Ref) and isinstance(types.get(node.name), EnumDef):
            named = types[node.name]
            assert isinstance(named, EnumDef)
            values = named.values
        allowed = (type(value),) if value in values else ()
    if isinstance(value, bool) and bool not in allowed:
        return None
    if not isinstance(value, allowed):
        return None
    return quoted(value) if isinstance(value, str) else repr(value)
