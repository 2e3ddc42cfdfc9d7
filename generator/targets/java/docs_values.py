"""Example values as Java expressions, typed the way the Java SDK declares them: models through
their builders (`File.builder().name("x").build()`), string enums by `valueOf`, dates parsed,
lists and maps by `List.of` and `Map.of`, anything untyped as the JSON value it is. A value Java
cannot write in one expression (a union's member) is left out: builders check required fields
when they build, and the docs leave out only unions whose member has no factory.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.ir.model import (
    AliasDef,
    Array,
    Const,
    EnumDef,
    Map,
    ModelDef,
    NamedType,
    Nullable,
    Ref,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.targets.docs.examples import SAMPLE_FILE, Code
from generator.targets.java.naming import java_string
from generator.targets.java.types import JavaTypes, emits_class, erased

BYTES_SAMPLE = (
    f"{java_string('contents of ' + SAMPLE_FILE)}.getBytes(java.nio.charset.StandardCharsets.UTF_8)"
)
"""Binary data the SDK takes as bytes, not as a file to read."""
_MAP_OF_LIMIT = 10
"""`Map.of` takes at most ten pairs; more go through `Map.ofEntries`."""


class JavaValues:
    """Writes example data as Java expressions of one API's types."""

    def __init__(
        self,
        named: Mapping[Name, NamedType],
        types: JavaTypes,
        setters: Mapping[Name, tuple[str, ...]],
    ) -> None:
        self._named = named
        self._types = types
        self._setters = setters

    def value(self, node: TypeNode | None, value: Any) -> str | None:
        """`value` as a Java expression of the type `node` declares; None when it cannot be
        written in one. A file's example (`Code`) becomes bytes here: inside a body, binary data
        is a `byte[]` (a file argument is written by the caller, as its `FileUpload`)."""
        if isinstance(value, Code):
            return BYTES_SAMPLE
        if isinstance(node, Nullable):
            return self.value(node.inner, value)
        if isinstance(node, Ref):
            return self._named_value(node.name, value)
        if isinstance(node, Array) and isinstance(value, list):
            items = [self.value(node.item, v) for v in value]
            return f"List.of({', '.join(i for i in items if i is not None)})"
        if isinstance(node, Map) and isinstance(value, dict):
            pairs = [(k, self.value(node.value, v)) for k, v in value.items()]
            return _map_of([(k, v) for k, v in pairs if v is not None])
        return scalar(self._types.annotation(node), value)

    def _named_value(self, name: Name, value: Any) -> str | None:
        definition = self._named.get(name)
        if isinstance(definition, ModelDef) and isinstance(value, dict):
            return self._built(definition, value)
        if isinstance(definition, EnumDef):
            if emits_class(definition):
                return f"{self._types.annotation(Ref(name))}.valueOf({untyped(value)})"
            return scalar(self._types.annotation(Ref(name)), value)
        if isinstance(definition, AliasDef):
            if isinstance(definition.target, Ref):
                return self._named_value(definition.target.name, value)
            if isinstance(definition.target, Union):
                return self._union(definition.target, self._types.annotation(Ref(name)), value)
            return self.value(definition.target, value)
        return untyped(value)

    def _union(self, union: Union, type_name: str, value: Any) -> str | None:
        """`Union.of(member)` with the member the example value was made from (the first that
        is not null), when the union has a factory for it (one per distinct Java type)."""
        members = [m for m in union.members if not (isinstance(m, Const) and m.value is None)]
        if not members:
            return None
        first = self._types.annotation(members[0])
        taken = {
            erased(self._types.annotation(m))
            for m in union.members[: union.members.index(members[0])]
        }
        if first == "Object" or erased(first) in taken:
            return None
        inner = self.value(members[0], value)
        return None if inner is None else f"{type_name}.of({inner})"

    def _built(self, model: ModelDef, value: dict[str, Any]) -> str:
        type_name = self._types.annotation(Ref(model.name))
        calls = []
        for field, setter in zip(model.fields, self._setters[model.name], strict=True):
            if field.wire_name in value and value[field.wire_name] is not None:
                written = self.value(field.type, value[field.wire_name])
                if written is not None:
                    calls.append(f".{setter}({written})")
        return f"{type_name}.builder(){''.join(calls)}.build()"


def scalar(annotation: str, value: Any) -> str:
    """A value of the Java type `annotation` (a scalar, or `Object` for anything)."""
    if annotation == "String":
        return java_string(value if isinstance(value, str) else json.dumps(value))
    if annotation in ("OffsetDateTime", "LocalDate"):
        return f"{annotation}.parse({java_string(str(value))})"
    if annotation in ("Integer", "Long") and isinstance(value, int | float):
        return f"{int(value)}{'L' if annotation == 'Long' else ''}"
    if annotation == "Double" and isinstance(value, int | float):
        return repr(float(value))
    if annotation == "Boolean" and isinstance(value, bool):
        return "true" if value else "false"
    return untyped(value)


def untyped(value: Any) -> str:
    """JSON data as a Java `Object`."""
    if isinstance(value, Code):
        return value.source
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return java_string(value)
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, dict):
        return _map_of([(str(k), untyped(v)) for k, v in value.items() if v is not None])
    return f"List.of({', '.join(untyped(v) for v in value if v is not None)})"


def _map_of(pairs: list[tuple[str, str]]) -> str:
    if len(pairs) <= _MAP_OF_LIMIT:
        return f"Map.of({', '.join(f'{java_string(k)}, {v}' for k, v in pairs)})"
    entries = ", ".join(f"Map.entry({java_string(k)}, {v})" for k, v in pairs)
    return f"Map.ofEntries({entries})"
