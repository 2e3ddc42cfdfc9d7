"""Example values as Go expressions, typed the way the Go SDK declares them: models as
`&extend.Model{...}` with the SDK's field names, optional scalars through the root package's
pointer helpers (`extend.String`), enums converted to their type, anything untyped as the JSON
value it is (`map[string]any`). A value Go cannot write without a variable (a pointer to an enum)
is left out: it belongs to an optional field, and a composite literal may omit any field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.ir.model import (
    AliasDef,
    Array,
    EnumDef,
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
from generator.targets.docs.examples import SAMPLE_FILE, Code
from generator.targets.go.naming import go_string
from generator.targets.go.types import GoTypes, tagged_union

_HELPERS = {"string": "String", "int": "Int", "float64": "Float64", "bool": "Bool"}
BYTES_SAMPLE = f'[]byte("contents of {SAMPLE_FILE}")'
"""Binary data the SDK takes as bytes (inside a body), not as a file to read."""


class GoValues:
    """Writes example data as Go expressions of one API's types (root package `package`)."""

    def __init__(
        self,
        named: Mapping[Name, NamedType],
        types: GoTypes,
        package: str,
        field_names: Mapping[Name, tuple[str, ...]],
    ) -> None:
        self._named = named
        self._types = types
        self._package = package
        self._field_names = field_names

    def field(self, node: TypeNode | None, value: Any, annotation: str) -> str | None:
        """`value` for a struct field declared as `annotation`; None when it cannot be
        written in one expression (the field is then left out)."""
        if isinstance(value, Code):  # a file to upload: its reader, or its bytes
            return value.source if annotation == "io.Reader" else BYTES_SAMPLE
        if annotation == "[]io.Reader" and isinstance(value, list):
            return (
                f"[]io.Reader{{{', '.join(self.field(node, v, 'io.Reader') or '' for v in value)}}}"
            )
        if annotation.startswith("*") and not self._is_model(node):
            helper = _HELPERS.get(annotation[1:])
            inner = self.value(node, value)
            return f"{self._package}.{helper}({inner})" if helper and inner else None
        return self.value(node, value)

    def value(self, node: TypeNode | None, value: Any) -> str | None:
        """`value` as a Go expression of the type `node` declares (never a pointer to a
        scalar)."""
        if isinstance(value, Code):  # binary data inside a body
            return BYTES_SAMPLE
        if isinstance(node, Nullable):
            return self.value(node.inner, value)
        if isinstance(node, Ref):
            return self._named_value(node.name, value)
        if isinstance(node, Primitive):
            return _scalar(node.kind, value)
        if isinstance(node, Array) and isinstance(value, list):
            element = self._types.annotation(node.item)
            items = [self.field(node.item, v, element) for v in value]
            return f"[]{element}{{{', '.join(i for i in items if i is not None)}}}"
        if isinstance(node, Map) and isinstance(value, dict):
            element = self._types.annotation(node.value)
            pairs = [(k, self.field(node.value, v, element)) for k, v in value.items()]
            body = ", ".join(f"{go_string(k)}: {v}" for k, v in pairs if v is not None)
            return f"map[string]{element}{{{body}}}"
        if self._types.annotation(node) == "any":
            return untyped(value)
        return _scalar(self._types.annotation(node), value)

    def _is_model(self, node: TypeNode | None) -> bool:
        return self._types.annotation(node).startswith("*")

    def _named_value(self, name: Name, value: Any) -> str | None:
        definition = self._named.get(name)
        type_name = self._types.named(name)
        if isinstance(definition, ModelDef) and isinstance(value, dict):
            return self._struct(definition, type_name, value)
        if isinstance(definition, EnumDef):
            underlying = self._types.annotation(Ref(name))
            literal = untyped(value)
            return literal if underlying == "any" else f"{type_name}({literal})"
        if isinstance(definition, AliasDef):
            if isinstance(definition.target, Ref):
                return self._named_value(definition.target.name, value)
            if tagged_union(definition) is not None:
                return self._tagged(definition, type_name, value)
            inner = self.value(definition.target, value)
            if inner is None or self._types.alias_underlying(definition) == "any":
                return inner
            return f"{type_name}({inner})"
        return untyped(value)

    def _tagged(self, alias: AliasDef, type_name: str, value: Any) -> str | None:
        """A union told apart by a property: its struct holding the member the example value
        was made from (the first), a pointer to the member's type."""
        assert isinstance(alias.target, Union)
        first = next((m for m in alias.target.members if isinstance(m, Ref)), None)
        inner = self.value(first, value) if first is not None else None
        return None if inner is None else f"{type_name}{{Value: {inner}}}"

    def _struct(self, model: ModelDef, type_name: str, value: dict[str, Any]) -> str:
        names = self._field_names[model.name]
        parts = []
        for field, go_name in zip(model.fields, names, strict=True):
            if field.wire_name not in value:
                continue
            annotation = self._types.field(field.type, field.required)
            written = self.field(field.type, value[field.wire_name], annotation)
            if written is not None:
                parts.append(f"{go_name}: {written}")
        return f"&{type_name}{{{', '.join(parts)}}}"


def _scalar(kind: str, value: Any) -> str | None:
    """A scalar of Go type (or IR primitive kind) `kind`."""
    if kind in ("string", "int", "integer", "float64", "number", "bool", "boolean"):
        if kind == "string":
            return go_string(value if isinstance(value, str) else json.dumps(value))
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(int(value)) if kind in ("int", "integer") else json.dumps(value)
        return None
    return untyped(value)


def untyped(value: Any) -> str:
    """JSON data as a Go value of type `any`."""
    if isinstance(value, Code):
        return value.source
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return go_string(value)
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, dict):
        body = ", ".join(f"{go_string(str(k))}: {untyped(v)}" for k, v in value.items())
        return f"map[string]any{{{body}}}"
    return f"[]any{{{', '.join(untyped(v) for v in value)}}}"
