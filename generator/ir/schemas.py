"""Schemas to IR types: allOf merging, nullability, inline hoisting.

Inline object schemas become named models; their names come from where they sit (the parent
name plus the field name), so they stay stable when unrelated parts of the spec change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.diagnostics import (
    Diagnostic,
    Severity,
    escape_pointer_token,
    join_pointer,
    split_pointer,
)
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
    PrimitiveKind,
    Ref,
    ScalarValue,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.ir.samples import BOUND_KEYWORDS, UNBOUNDED, bounds_from
from generator.load.refs import Resolver

SCHEMA_PREFIX = "#/components/schemas/"
Shape = Literal["object", "other", "none"]
_PRIMITIVE_KINDS: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}


def to_json(value: Any) -> str:
    """Canonical JSON; YAML-only values (dates, timestamps) become their ISO text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _scalar_values(values: list[Any]) -> tuple[ScalarValue, ...]:
    return tuple(v for v in values if v is None or isinstance(v, str | int | float | bool))


@dataclass
class SchemaConverter:
    """Turns schema objects into type nodes and collects the named types they need."""

    document: dict[str, Any]
    source: str | None = None
    resolver: Resolver = field(init=False, repr=False)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _named: dict[Name, NamedType] = field(default_factory=dict)
    _by_ref: dict[str, Name] = field(default_factory=dict)
    _claimed: dict[Name, str] = field(default_factory=dict)
    _in_progress: set[str] = field(default_factory=set)
    _hoisted: dict[str, Name] = field(default_factory=dict)
    types_at: dict[str, TypeNode] = field(default_factory=dict)
    """The type each converted schema became, by the schema's pointer (tools, tests)."""
    _shadows: dict[str, list[str]] = field(default_factory=dict)
    """Property pointer -> pointers of earlier allOf definitions of that property."""
    _converted: dict[str, TypeNode] = field(default_factory=dict)
    """The type of each schema converted without a warning, by its pointer: a schema reached
    again (an allOf member's properties, once per model that merges them; a shared response)
    is converted once. One that warned is converted again, so each place it is reached from
    still reports it."""
    _ref_types: dict[str, TypeNode] = field(default_factory=dict)
    """The type a `$ref` to a component schema stands for, once it resolved without a warning."""
    _followed: dict[str, tuple[Any, str]] = field(default_factory=dict)
    """Where each `$ref` that resolves leads (the node and its pointer)."""
    _declared: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """The values a named member schema pins a property to, by (its pointer, the property)."""

    def __post_init__(self) -> None:
        self.resolver = Resolver(self.document)

    # ----- names -------------------------------------------------------------------------
    def claim(self, wanted: Name, owner: str) -> Name:
        """A distinct type name for `owner` (a pointer); the same owner always gets the same."""
        candidate = wanted if wanted.words else Name(("model",))
        suffix = 2
        while self._claimed.get(candidate, owner) != owner:
            candidate = Name((*wanted.words, str(suffix)))
            suffix += 1
        self._claimed[candidate] = owner
        return candidate

    def warn(self, code: str, pointer: str, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(code, message, pointer, self.source, severity=Severity.WARNING)
        )

    # ----- refs --------------------------------------------------------------------------
    def deref(self, node: Any, pointer: str, *, quiet: bool = False) -> tuple[Any, str]:
        """Follow `$ref` chains to the node they name, with the pointer where it lives; a chain
        that cannot be followed gives `{}` (with a warning unless `quiet`)."""
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str):
            return node, pointer
        followed = self._followed.get(ref)
        if followed is not None:
            return followed
        target = self.resolver.resolve(node, pointer)
        if target.problem is not None:
            if not quiet:
                self.warn(target.problem.code, pointer, target.problem.message)
            return {}, pointer
        self._followed[ref] = (target.node, target.pointer)
        return target.node, target.pointer

    def named_types(self) -> tuple[NamedType, ...]:
        return tuple(sorted(self._named.values(), key=lambda t: t.name.pascal()))

    def named(self, name: Name) -> NamedType | None:
        return self._named.get(name)

    def register_components(self) -> None:
        """Claim every component schema's name first, so inline names never take them."""
        schemas = (self.document.get("components") or {}).get("schemas") or {}
        refs = {key: SCHEMA_PREFIX + escape_pointer_token(key) for key in schemas}
        for key, ref in refs.items():
            self._by_ref[ref] = self.claim(Name.parse(key), ref[1:])
        for key, ref in refs.items():
            self.convert({"$ref": ref}, Name.parse(key), ref[1:])

    # ----- conversion --------------------------------------------------------------------
    def convert(self, schema: Any, context: Name, pointer: str) -> TypeNode:
        """The type of `schema`; `context` names any inline model hoisted out of it."""
        if isinstance(schema, bool) or schema is None:
            return AnyType()
        if not isinstance(schema, dict):
            self.warn("invalid-schema", pointer, "a schema must be an object")
            return AnyType()
        node = self._converted.get(pointer)
        if node is None:
            warnings = len(self.diagnostics)
            ref = schema.get("$ref")
            if isinstance(ref, str):
                node = self._convert_ref(ref, pointer)
            else:
                node = self._convert_inline(schema, context, pointer)
            if len(self.diagnostics) == warnings:
                self._converted[pointer] = node
        self.types_at.setdefault(pointer, node)
        for earlier in self._shadows.get(pointer, ()):
            self.types_at.setdefault(earlier, node)
        return node

    def _convert_ref(self, ref: str, pointer: str) -> TypeNode:
        known = self._ref_types.get(ref)
        if known is not None:
            return known
        warnings = len(self.diagnostics)
        target, target_pointer = self.deref({"$ref": ref}, pointer)
        name = self._by_ref.get(ref)
        if name is None:
            if not ref.startswith(SCHEMA_PREFIX):
                # A ref into another part of the document: convert the target where it lives.
                return self.convert(target, name_of_location(ref[1:]), target_pointer)
            key = split_pointer(ref[1:])[-1]
            name = self.claim(Name.parse(key), ref[1:])
            self._by_ref[ref] = name
        if name not in self._named and ref not in self._in_progress:
            self._in_progress.add(ref)
            try:
                self._define(name, target, target_pointer)
            finally:
                self._in_progress.discard(ref)
        nullable = isinstance(target, dict) and self.admits_null(target)
        node: TypeNode = Nullable(Ref(name)) if nullable else Ref(name)
        if len(self.diagnostics) == warnings:
            self._ref_types[ref] = node
        return node

    def admits_null(self, schema: dict[str, Any]) -> bool:
        """Null is a value of the schema: `nullable`, a type list with "null", an enum with
        null, or a oneOf/anyOf with a null member."""
        if self._split_null(schema)[0]:
            return True
        for keyword in ("oneOf", "anyOf"):
            for member in schema.get(keyword) or []:
                resolved, _ = self.deref(member, "", quiet=True)
                if isinstance(resolved, dict) and resolved.get("type") == "null":
                    return True
        return False

    def _define(self, name: Name, schema: Any, pointer: str) -> None:
        """Define the named type `name` from `schema`."""
        if not isinstance(schema, dict):
            self._named[name] = AliasDef(name, AnyType(), "", pointer)
            return
        description = str(schema.get("description") or "")
        if self.shape(schema) == "object" and (schema.get("properties") or schema.get("allOf")):
            self._named[name] = self._model(name, schema, pointer)
            return
        core = self._split_null(schema)[1]
        enum = core.get("enum")
        if isinstance(enum, list) and "const" not in core:
            values = _scalar_values(enum)
            if len(values) > 1:
                self._named[name] = EnumDef(name, values, description, pointer)
                return
        target = self._convert_inline(schema, name, pointer)
        if self._split_null_free(target) != Ref(name):
            self._named[name] = AliasDef(name, target, description, pointer)

    @staticmethod
    def _split_null_free(node: TypeNode) -> TypeNode:
        return node.inner if isinstance(node, Nullable) else node

    def shape(self, schema: Any, depth: int = 0) -> Shape:
        """What a schema holds, following refs and allOf: an object, something else, or
        nothing at all (a schema of annotations only, like `{description: ...}`)."""
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and depth < 32:
            resolved, _ = self.deref(schema, "", quiet=True)
            return self.shape(resolved, depth + 1)
        if not isinstance(schema, dict):
            return "other" if schema is False else "none"
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if len(kinds) == 1 else ("other" if kinds else None)
        if kind == "object" or "properties" in schema:
            return "object"
        if kind is not None or any(k in schema for k in ("items", "enum", "const")):
            return "other"
        for keyword in ("oneOf", "anyOf"):
            members = schema.get(keyword)
            # a choice among constraints only (`required` lists) is no type of its own
            if (
                isinstance(members, list)
                and depth < 32
                and {self.shape(m, depth + 1) for m in members} - {"none"}
            ):
                return "other"
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and depth < 32:
            shapes = {self.shape(member, depth + 1) for member in all_of} - {"none"}
            return "none" if not shapes else ("object" if shapes == {"object"} else "other")
        return "object" if "additionalProperties" in schema else "none"

    def _split_null(self, schema: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        """Whether the schema admits null (3.0 `nullable`, 3.1 type arrays) and the rest."""
        nullable = bool(schema.get("nullable"))
        kind = schema.get("type")
        if isinstance(kind, list) and "null" in kind:
            rest = [k for k in kind if k != "null"]
            schema = {**schema, "type": rest[0] if len(rest) == 1 else rest}
            if not rest:
                schema = {k: v for k, v in schema.items() if k != "type"}
            nullable = True
        enum = schema.get("enum")
        if isinstance(enum, list) and None in enum:
            rest = [v for v in enum if v is not None]
            schema = {k: v for k, v in schema.items() if k != "enum" or rest}
            if rest:
                schema["enum"] = rest
            nullable = True
        return nullable, schema

    def _convert_inline(self, schema: dict[str, Any], context: Name, pointer: str) -> TypeNode:
        nullable, core = self._split_null(schema)
        node = self._convert_core(core, context, pointer)
        if nullable and not isinstance(node, Nullable | AnyType):
            return Nullable(node)
        return node

    def _convert_core(self, schema: dict[str, Any], context: Name, pointer: str) -> TypeNode:
        if schema.get("enum") == []:
            message = "`enum: []` admits no value; the schema is typed without it"
            self.warn("empty-enum", pointer, message)
        if "const" in schema:
            const = _scalar_values([schema["const"]])
            return Const(const[0]) if const else AnyType()
        for keyword in ("oneOf", "anyOf"):
            members = schema.get(keyword)
            typed = isinstance(members, list) and any(self.shape(m) != "none" for m in members)
            if isinstance(members, list) and typed:
                return self._union(schema, keyword, members, context, pointer)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            merged = self._all_of(schema, all_of, context, pointer)
            if merged is not None:
                return merged
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) == 1:
                kind = kinds[0]
            else:
                parts = [self._convert_core({**schema, "type": k}, context, pointer) for k in kinds]
                return Union(tuple(parts)) if parts else AnyType()
        enum = schema.get("enum")
        if isinstance(enum, list):
            values = _scalar_values(enum)
            if len(values) == 1:
                return Const(values[0])
            if values:
                return EnumType(values)
        if kind is None and ("properties" in schema or "additionalProperties" in schema):
            kind = "object"
        if kind == "string" and (schema.get("format") == "binary" or "contentMediaType" in schema):
            return Binary()
        primitive = _PRIMITIVE_KINDS.get(kind) if isinstance(kind, str) else None
        if primitive is not None:
            fmt = schema.get("format")
            # most schemas constrain nothing: their bounds are the one shared empty Bounds
            bounds = UNBOUNDED if BOUND_KEYWORDS.isdisjoint(schema) else bounds_from([schema])
            return Primitive(primitive, fmt if isinstance(fmt, str) else None, bounds)
        if kind == "array":
            items = schema.get("items")
            item_context = Name((*context.words, "item"))
            if items is None:
                return Array(AnyType())
            return Array(self.convert(items, item_context, f"{pointer}/items"))
        if kind == "object":
            if schema.get("properties"):
                return self._hoist(schema, context, pointer)
            return Map(self._additional(schema, context, pointer) or AnyType())
        return AnyType()

    def _all_of(
        self, schema: dict[str, Any], members: list[Any], context: Name, pointer: str
    ) -> TypeNode | None:
        """allOf: objects merge into one model; one typed member among annotation-only ones
        is that member's type; None when no member has a type (the schema's own keywords
        decide, as they do when they narrow the members to an `enum`: Discord's `entity_type`
        of one member of a union is `enum: [1]` beside an allOf of every kind). Members of
        different kinds cannot be merged: a warning, and the first wins."""
        shapes = [self.shape(member) for member in members]
        typed = [i for i, shape in enumerate(shapes) if shape != "none"]
        own = schema.get("properties") or schema.get("type") == "object"
        if own or (len(typed) > 1 and all(shapes[i] == "object" for i in typed)):
            return self._hoist(schema, context, pointer)
        if not typed or (isinstance(schema.get("enum"), list) and schema["enum"]):
            return None
        if len(typed) > 1:
            self.warn(
                "allof-conflict",
                pointer,
                "allOf members of different kinds cannot be merged; the first one types it",
            )
        first = typed[0]
        node = self.convert(members[first], context, f"{pointer}/allOf/{first}")
        for position, shape in enumerate(shapes):
            if shape == "none":
                self.types_at.setdefault(f"{pointer}/allOf/{position}", node)
        return node

    def _additional(self, schema: dict[str, Any], context: Name, pointer: str) -> TypeNode | None:
        extra = schema.get("additionalProperties")
        if extra is None or extra is True:
            return AnyType() if extra is True else None
        if extra is False:
            return None
        value_context = Name((*context.words, "value"))
        return self.convert(extra, value_context, f"{pointer}/additionalProperties")

    def _hoist(self, schema: dict[str, Any], context: Name, pointer: str) -> TypeNode:
        """Name an inline object after its first context; the same schema keeps that name."""
        name = self._hoisted.get(pointer)
        if name is None:
            name = self._hoisted[pointer] = self.claim(context, pointer)
        if name not in self._named:
            self._named[name] = AliasDef(name, AnyType(), "", pointer)  # placeholder for recursion
            self._named[name] = self._model(name, schema, pointer)
        return Ref(name)

    def _union(
        self,
        schema: dict[str, Any],
        keyword: str,
        members: list[Any],
        context: Name,
        pointer: str,
    ) -> TypeNode:
        nullable = False
        parts: list[TypeNode] = []
        converted: list[tuple[Any, TypeNode]] = []
        for position, member in enumerate(members):
            member_pointer = f"{pointer}/{keyword}/{position}"
            resolved, _ = self.deref(member, member_pointer)
            if isinstance(resolved, dict) and resolved.get("type") == "null":
                nullable = True
                continue
            member_context = Name((*context.words, *self._variant_words(resolved, position)))
            node = self.convert(member, member_context, member_pointer)
            converted.append((member, node))
            if node not in parts:
                parts.append(node)
        discriminator = self._discriminator(schema, converted)
        result: TypeNode
        if not parts:
            result = AnyType()
        elif len(parts) == 1:
            result = parts[0]
        else:
            result = Union(tuple(parts), discriminator)
        return Nullable(result) if nullable and not isinstance(result, AnyType) else result

    def _variant_words(self, member: Any, position: int) -> tuple[str, ...]:
        if isinstance(member, dict):
            title = member.get("title")
            if isinstance(title, str) and Name.parse(title).words:
                return Name.parse(title).words
            for prop in (member.get("properties") or {}).values():
                if isinstance(prop, dict):
                    value = prop.get("const")
                    enum = prop.get("enum")
                    if value is None and isinstance(enum, list) and len(enum) == 1:
                        value = enum[0]
                    if isinstance(value, str) and Name.parse(value).words:
                        return Name.parse(value).words
        return ("variant", str(position + 1))

    def _discriminator(
        self, schema: dict[str, Any], members: list[tuple[Any, TypeNode]]
    ) -> Discriminator | None:
        """Which member a value of the discriminator property selects.

        In order: the explicit mapping (refs or bare schema names); the schema name of each
        member the mapping leaves out (the implicit mapping); then the values members declare
        for the property themselves (`const` or an enum), which real documents rely on.
        """
        spec = schema.get("discriminator")
        if not isinstance(spec, dict) or not isinstance(spec.get("propertyName"), str):
            return None
        prop = spec["propertyName"]
        mapping: dict[str, Name] = {}
        explicit = spec.get("mapping")
        for value, target in (explicit if isinstance(explicit, dict) else {}).items():
            if isinstance(target, str):
                ref = target if target.startswith("#") else SCHEMA_PREFIX + target
                if ref in self._by_ref:
                    mapping.setdefault(str(value), self._by_ref[ref])
        named = [(member, node.name) for member, node in members if isinstance(node, Ref)]
        mapped = set(mapping.values())
        for member, name in named:
            member_ref = member.get("$ref") if isinstance(member, dict) else None
            if (
                isinstance(member_ref, str)
                and member_ref.startswith(SCHEMA_PREFIX)
                and name not in mapped
            ):
                mapping.setdefault(split_pointer(member_ref[1:])[-1], name)
        for member, name in named:
            for value in self._declared_values(member, prop):
                mapping.setdefault(value, name)
        return Discriminator(prop, tuple(mapping.items()))

    def _declared_values(self, member: Any, prop: str) -> list[str]:
        """The values a member schema allows for `prop`, when it pins them (const, enum)."""
        resolved, where = self.deref(member, "", quiet=True)
        if not isinstance(resolved, dict):
            return []
        if not where:  # an inline member: nothing names it, so nothing to remember it by
            return self._pinned_values(resolved, where, prop)
        key = (where, prop)
        if key not in self._declared:
            self._declared[key] = self._pinned_values(resolved, where, prop)
        return self._declared[key]

    def _pinned_values(self, resolved: dict[str, Any], where: str, prop: str) -> list[str]:
        listed, _required, _merged = self.object_parts(resolved, Name(()), where, quiet=True)
        for wire, sub, _where in listed:
            if wire != prop:
                continue
            found, _ = self.deref(sub, "", quiet=True)
            if not isinstance(found, dict):
                return []
            if isinstance(found.get("const"), str):
                return [found["const"]]
            enum = found.get("enum")
            return [v for v in enum if isinstance(v, str)] if isinstance(enum, list) else []
        return []

    # ----- objects -----------------------------------------------------------------------
    def object_parts(
        self, schema: dict[str, Any], context: Name, pointer: str, *, quiet: bool = False
    ) -> tuple[list[tuple[str, Any, str]], set[str], dict[str, Any]]:
        """Properties (wire name, schema, pointer), required names and the merged schema.

        allOf members are merged here: properties and required lists combine; a property
        defined twice with different types is a warning and the later definition wins.
        """
        properties: dict[str, tuple[Any, str]] = {}
        shadowed: dict[str, list[str]] = {}
        required: set[str] = set()
        merged: dict[str, Any] = {}
        stack: list[tuple[Any, str, int]] = [(schema, pointer, 0)]
        order: list[tuple[dict[str, Any], str]] = []
        while stack:
            node, where, depth = stack.pop(0)
            resolved, where = self.deref(node, where, quiet=quiet)
            if not isinstance(resolved, dict) or depth > 32:
                continue
            order.append((resolved, where))
            for position, member in enumerate(resolved.get("allOf") or []):
                stack.append((member, f"{where}/allOf/{position}", depth + 1))
        for resolved, where in order:
            for key, value in resolved.items():
                if key not in ("properties", "required", "allOf"):
                    merged.setdefault(key, value)
            props, props_where = self.deref(
                resolved.get("properties") or {}, f"{where}/properties", quiet=quiet
            )
            for prop, prop_schema in (props if isinstance(props, dict) else {}).items():
                prop_pointer = join_pointer(props_where, prop)
                earlier = properties.get(prop)
                conflict = earlier is not None and _type_of(earlier[0]) != _type_of(prop_schema)
                if conflict and not quiet:
                    self.warn(
                        "allof-conflict",
                        prop_pointer,
                        f"property {prop!r} is defined twice with different types",
                    )
                if earlier is not None:
                    shadowed.setdefault(prop, []).append(earlier[1])
                properties[prop] = (prop_schema, prop_pointer)
            required.update(r for r in resolved.get("required") or [] if isinstance(r, str))
        listed = [(wire, sub, where) for wire, (sub, where) in properties.items()]
        for prop, pointers in shadowed.items():
            self._shadows[properties[prop][1]] = pointers
        return listed, required, merged

    def fields_of(
        self, schema: dict[str, Any], context: Name, pointer: str, *, request: bool = False
    ) -> tuple[tuple[Field, ...], dict[str, Any]]:
        listed, required, merged = self.object_parts(schema, context, pointer)
        fields: list[Field] = []
        for wire, sub, where in listed:
            resolved, _ = self.deref(sub, where)
            resolved = resolved if isinstance(resolved, dict) else {}
            if request and resolved.get("readOnly"):
                continue
            if not request and resolved.get("writeOnly"):
                continue
            wire_words = Name.parse(wire)
            node = self.convert(sub, context + wire_words, where)
            default = resolved.get("default")
            fields.append(
                Field(
                    name=wire_words if wire_words.words else Name(("field",)),
                    wire_name=wire,
                    type=node,
                    # A model serves both directions: a readOnly property is never required of
                    # a request, a writeOnly one never of a response.
                    required=wire in required
                    and not resolved.get("readOnly")
                    and not resolved.get("writeOnly"),
                    description=str(resolved.get("description") or ""),
                    default_json=to_json(default) if "default" in resolved else None,
                    deprecated=bool(resolved.get("deprecated")),
                    read_only=bool(resolved.get("readOnly")),
                    write_only=bool(resolved.get("writeOnly")),
                )
            )
        return tuple(fields), merged

    def _model(self, name: Name, schema: dict[str, Any], pointer: str) -> ModelDef:
        fields, merged = self.fields_of(schema, name, pointer)
        additional = self._additional(merged, name, pointer)
        example = merged.get("example")
        examples = merged.get("examples")
        if example is None and isinstance(examples, list) and examples:
            example = examples[0]
        return ModelDef(
            name=name,
            fields=fields,
            description=str(merged.get("description") or ""),
            additional=additional,
            deprecated=bool(merged.get("deprecated")),
            pointer=pointer,
            example_json=to_json(example) if example is not None else None,
        )


_PLACE_WORDS = frozenset(
    {"schema", "schemas", "content", "items", "properties", "additionalProperties"}
    | {"components", "paths", "responses", "parameters", "requestBody", "requestBodies"}
    | {"allOf", "anyOf", "oneOf", "headers", "get", "put", "post", "delete", "patch"}
)


def name_of_location(pointer: str) -> Name:
    """A type name for a schema that a ref finds outside components/schemas: the last
    token of its pointer that names something (not `schema`, a media type, a status code
    or a structural keyword), e.g. `NotFound` for /components/responses/NotFound/content/
    application~1json/schema."""
    for token in reversed(split_pointer(pointer)):
        media_type = "/" in token and not token.startswith("/")
        if token in _PLACE_WORDS or media_type or token.isdigit() or not token:
            continue
        name = Name.parse(token)
        if name.words:
            return name
    return Name(("schema",))


def _type_of(schema: Any) -> Any:
    if isinstance(schema, dict):
        return schema.get("$ref") or schema.get("type")
    return None
