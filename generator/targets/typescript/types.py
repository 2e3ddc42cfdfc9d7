"""TypeScript annotations of IR type nodes: open enums, wire-named fields, `unknown` for any."""

from __future__ import annotations

from collections.abc import Mapping

from generator.ir.model import (
    AnyType,
    Array,
    Binary,
    Const,
    EnumType,
    Map,
    Nullable,
    Primitive,
    Ref,
    ScalarValue,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.targets.typescript.naming import ts_string

_PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}


def literal(value: ScalarValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return (
            repr(value)
            if value == value and value not in (float("inf"), float("-inf"))
            else "number"
        )
    return ts_string(value)


def open_enum(values: tuple[ScalarValue, ...]) -> str:
    """The known values, and any other of their kind: a new value never breaks a build."""
    members = [literal(v) for v in values]
    if any(isinstance(v, str) for v in values):
        members.append("(string & {})")
    elif any(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        members.append("(number & {})")
    return " | ".join(dict.fromkeys(members)) or "never"


class Annotator:
    """Annotations of type nodes, given the TypeScript name of each named type."""

    def __init__(self, names: Mapping[Name, str], binary: str = "Blob") -> None:
        self.names = names
        self.binary = binary

    def annotation(self, node: TypeNode | None) -> str:
        if node is None:
            return "unknown"
        if isinstance(node, Primitive):
            return _PRIMITIVES[node.kind]
        if isinstance(node, Const):
            return literal(node.value)
        if isinstance(node, EnumType):
            return open_enum(node.values)
        if isinstance(node, Ref):
            return self.names.get(node.name, "unknown")
        if isinstance(node, Array):
            inner = self.annotation(node.item)
            return f"{inner}[]" if _simple(inner) else f"Array<{inner}>"
        if isinstance(node, Map):
            # An index signature, not Record<>: a named type may refer to itself through it.
            return f"{{ [key: string]: {self.annotation(node.value)} }}"
        if isinstance(node, Union):
            members = dict.fromkeys(self.annotation(m) for m in node.members)
            if "unknown" in members:
                return "unknown"
            return " | ".join(members) or "unknown"
        if isinstance(node, Nullable):
            inner = self.annotation(node.inner)
            return inner if inner == "unknown" or inner.endswith("| null") else f"{inner} | null"
        if isinstance(node, Binary):
            return self.binary
        if isinstance(node, AnyType):
            return "unknown"
        raise TypeError(f"unknown type node {node!r}")


def _simple(annotation: str) -> bool:
    return all(c.isalnum() or c in "_$[]" for c in annotation)
