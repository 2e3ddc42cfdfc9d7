"""Java types of IR type nodes: models, string enums and unions of named types are classes of
the `types` package; everything else a JDK type (boxed scalars, `List`, `Map`, `java.time`)."""

from __future__ import annotations

from collections.abc import Mapping

from generator.ir.model import (
    AliasDef,
    AnyType,
    Array,
    Binary,
    Const,
    EnumDef,
    EnumType,
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


def scalar_type(values: tuple[ScalarValue, ...]) -> str:
    """The Java type of a set of enum or const values."""
    kinds = {type(v) for v in values if v is not None}
    if kinds == {str}:
        return "String"
    if kinds == {bool}:
        return "Boolean"
    if kinds == {int}:
        return "Integer"
    if kinds and kinds <= {int, float}:
        return "Double"
    return "Object"


def emits_class(definition: NamedType) -> bool:
    """Whether a named type becomes a class: models, string enums and unions."""
    if isinstance(definition, ModelDef):
        return True
    if isinstance(definition, EnumDef):
        return scalar_type(definition.values) == "String"
    return isinstance(definition, AliasDef) and isinstance(definition.target, Union)


def erased(annotation: str) -> str:
    """A type without its type arguments (what overloads are told apart by)."""
    return annotation.split("<", 1)[0]


def reader(annotation: str) -> str:
    """What `Json.read` takes to read a value of `annotation`: a class literal or, for a
    generic type, a type reference."""
    if "<" in annotation:
        return f"new TypeReference<{annotation}>() {{}}"
    return f"{annotation}.class"


class JavaTypes:
    """Annotates type nodes with the Java types of one API's `types` package."""

    def __init__(self, named: Mapping[Name, NamedType], type_names: Mapping[Name, str]) -> None:
        self._named = named
        self._names = type_names

    def annotation(self, node: TypeNode | None) -> str:
        if node is None:
            return "Object"
        if isinstance(node, Primitive):
            return _primitive(node)
        if isinstance(node, Const):
            return scalar_type((node.value,))
        if isinstance(node, EnumType):
            return scalar_type(node.values)
        if isinstance(node, Ref):
            return self._reference(node.name, frozenset())
        if isinstance(node, Array):
            return f"List<{self.annotation(node.item)}>"
        if isinstance(node, Map):
            return f"Map<String, {self.annotation(node.value)}>"
        if isinstance(node, Nullable):
            return self.annotation(node.inner)
        if isinstance(node, Binary):
            return "byte[]"
        assert isinstance(node, Union | AnyType)
        return "Object"

    def _reference(self, name: Name, seen: frozenset[Name]) -> str:
        definition = self._named.get(name)
        if definition is None:
            return "Object"
        if emits_class(definition):
            return self._names[name]
        if isinstance(definition, EnumDef):
            return scalar_type(definition.values)
        assert isinstance(definition, AliasDef)
        target = definition.target
        if isinstance(target, Ref) and target.name not in seen:
            return self._reference(target.name, seen | {name})
        return "Object" if isinstance(target, Ref) else self.annotation(target)


def _primitive(node: Primitive) -> str:
    if node.kind == "string":
        if node.format == "date-time":
            return "OffsetDateTime"
        return "LocalDate" if node.format == "date" else "String"
    if node.kind == "integer":
        return "Long" if node.format == "int64" else "Integer"
    if node.kind == "number":
        return "Double"
    return "Boolean"
