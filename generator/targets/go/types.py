"""Go types of IR type nodes: models are structs reached by pointer, enums string (or int)
types with constants, a named union with a discriminator a struct holding its member, other
unions and anything else `any`; an optional value is a pointer."""

from __future__ import annotations

from collections.abc import Mapping

from generator.ir.model import (
    AliasDef,
    AnyType,
    Array,
    Binary,
    Const,
    Discriminator,
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
from generator.targets.go.naming import Scope, exported

_PRIMITIVES = {"string": "string", "integer": "int", "number": "float64", "boolean": "bool"}


def scalar_type(values: tuple[ScalarValue, ...]) -> str:
    """The Go type of a set of enum or const values: string, int, float64, bool, or any."""
    kinds = {type(v) for v in values if v is not None}
    if kinds == {str}:
        return "string"
    if kinds == {bool}:
        return "bool"
    if kinds == {int}:
        return "int"
    if kinds and kinds <= {int, float}:
        return "float64"
    return "any"


def needs_no_pointer(annotation: str) -> bool:
    """Whether a type already has a nil (pointers, slices, maps, interfaces)."""
    return annotation.startswith(("*", "[]", "map[")) or annotation in (
        "any",
        "io.Reader",
        "io.ReadCloser",
    )


class GoTypes:
    """Annotates type nodes with the Go types of one API's root package."""

    def __init__(
        self, named: Mapping[Name, NamedType], type_names: Mapping[Name, str], qualifier: str
    ) -> None:
        self._named = named
        self._names = type_names
        self._qualifier = qualifier

    def named(self, name: Name) -> str:
        return self._qualifier + self._names[name]

    def annotation(self, node: TypeNode | None) -> str:
        """The Go type of a value of `node` (models by pointer)."""
        if node is None:
            return "any"
        if isinstance(node, Primitive):
            return _PRIMITIVES[node.kind]
        if isinstance(node, Const):
            return scalar_type((node.value,))
        if isinstance(node, EnumType):
            return scalar_type(node.values)
        if isinstance(node, Ref):
            return self._reference(node.name, set())
        if isinstance(node, Array):
            return "[]" + self.annotation(node.item)
        if isinstance(node, Map):
            return "map[string]" + self.annotation(node.value)
        if isinstance(node, Nullable):
            return self.annotation(node.inner)
        if isinstance(node, Binary):
            return "[]byte"
        assert isinstance(node, Union | AnyType)
        return "any"

    def field(self, node: TypeNode, required: bool) -> str:
        """A struct field's type: a pointer when the value may be absent or null."""
        annotation = self.annotation(node)
        optional = not required or isinstance(node, Nullable)
        return annotation if not optional or self.nilable(node) else "*" + annotation

    def nilable(self, node: TypeNode) -> bool:
        """Whether a value of `node` already has a nil (pointers, slices, maps, interfaces),
        looking through named aliases."""
        seen: set[Name] = set()
        while isinstance(node, Nullable | Ref):
            if isinstance(node, Nullable):
                node = node.inner
                continue
            definition = self._named.get(node.name)
            if isinstance(definition, AliasDef) and tagged_union(definition) is not None:
                return False
            if not isinstance(definition, AliasDef) or node.name in seen:
                return isinstance(definition, ModelDef) or definition is None
            seen.add(node.name)
            node = definition.target
        if isinstance(node, EnumType | Const):
            return (
                scalar_type(node.values if isinstance(node, EnumType) else (node.value,)) == "any"
            )
        return needs_no_pointer(self.annotation(node))

    def _reference(self, name: Name, seen: set[Name]) -> str:
        definition = self._named.get(name)
        if isinstance(definition, ModelDef):
            return "*" + self.named(name)
        if isinstance(definition, EnumDef):
            return self.named(name)
        if isinstance(definition, AliasDef) and name not in seen:
            if isinstance(definition.target, Ref):
                return self._reference(definition.target.name, seen | {name})
            return self.named(name)
        return "any"

    def alias_underlying(self, alias: AliasDef) -> str:
        """The underlying type of a named alias (`type Tags []string`)."""
        return self.annotation(alias.target)

    def variants(self, discriminator: Discriminator) -> list[tuple[str, str]]:
        """(tag, Go expression of a new value) of each member a tag names that is a struct."""
        found = []
        for tag, name in discriminator.mapping:
            annotation = self._reference(name, set())
            if annotation.startswith("*"):
                found.append((tag, f"new({annotation[1:]})"))
        return found


def tagged_union(alias: AliasDef) -> Discriminator | None:
    """The discriminator of an alias naming a union told apart by a property; such an alias
    becomes a struct holding its member (`Value`)."""
    target = alias.target
    if isinstance(target, Union) and target.discriminator and target.discriminator.mapping:
        return target.discriminator
    return None


def emits_alias(alias: AliasDef) -> bool:
    """Whether an alias becomes a Go type; one naming another named type is read through."""
    return not isinstance(alias.target, Ref)


def struct_field_names(model: ModelDef) -> tuple[str, ...]:
    """The Go names of a model's fields, in order (the struct's and the docs')."""
    scope = Scope()
    return tuple(scope.claim(exported(field.name)) for field in model.fields)
