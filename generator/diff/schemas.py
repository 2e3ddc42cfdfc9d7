"""Compare two schemas into a `SchemaDiff`.

Refs to the same component schema on both sides are not followed: that component is compared
once on its own (see `ComponentDiff`), so a change to a shared schema is found once. Any other
ref is followed and compared where it leads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import join_pointer
from generator.diff.document import Document, schema_name
from generator.diff.lifecycle import stability, sunset_text
from generator.diff.tree import (
    Bound,
    Changed,
    ConstraintChange,
    DiscriminatorDiff,
    KeywordChange,
    Member,
    PropertyDiff,
    SchemaDiff,
)
from generator.load.refs import ref_of

_UNION_KEYWORDS = ("oneOf", "anyOf")
_LIMITS = ("maxLength", "minLength", "maxItems", "minItems", "maxContains", "minContains")
VALUE_KEYWORDS = ("const", "if", "dependentRequired", "contentMediaType", "contentEncoding")
"""Keywords compared as whole values (see `KeywordChange`); `if` is a condition, whose change
neither narrows nor widens in a way the diff can tell."""
SUBSCHEMA_KEYWORDS = (
    "contains",
    "then",
    "else",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
)
"""Keywords holding one schema: added or removed as a whole, else compared like any schema."""
SCHEMA_MAP_KEYWORDS = ("patternProperties", "dependentSchemas")
"""Keywords holding schemas by key (and `prefixItems`, by position): entries added or removed,
common entries compared."""
_ACCESS = ("readOnly", "writeOnly")


def to_json(value: object) -> str:
    """Canonical JSON text of a value; YAML dates and other non-JSON scalars as strings."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def number(value: object) -> float | None:
    """A JSON number as a float; None for anything else (booleans included)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def effective_types(schema: dict[str, Any]) -> frozenset[str]:
    """The non-null JSON types a schema admits; empty when it does not say."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return frozenset({kind}) - {"null"}
    if isinstance(kind, list):
        return frozenset(str(k) for k in kind) - {"null"}
    if "properties" in schema or "additionalProperties" in schema:
        return frozenset({"object"})
    if "items" in schema:
        return frozenset({"array"})
    return frozenset()


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("type") == "null" or schema.get("enum") == [None]
    )


def is_nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    enum = schema.get("enum")
    return (
        schema.get("nullable") is True
        or (isinstance(kind, list) and "null" in kind)
        or (isinstance(enum, list) and None in enum)
    )


def bound(schema: dict[str, Any], keyword: str) -> Bound | None:
    """The effective limit for `keyword`, folding in exclusiveMaximum/exclusiveMinimum."""
    value = number(schema.get(keyword))
    if keyword in _LIMITS:
        return Bound(value) if value is not None else None
    flag = schema.get("exclusiveMaximum" if keyword == "maximum" else "exclusiveMinimum")
    inclusive = Bound(value, flag is True) if value is not None else None
    exclusive = number(flag)
    if exclusive is None:
        return inclusive
    strict = Bound(exclusive, True)
    if inclusive is None:
        return strict
    if keyword == "maximum":
        return strict if strict.value <= inclusive.value else inclusive
    return strict if strict.value >= inclusive.value else inclusive


def _changed(old: Any, new: Any) -> Changed[Any] | None:
    return Changed(old, new) if old != new else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _list(values: object) -> list[Any]:
    return values if isinstance(values, list) else []


def _mapping(values: object) -> dict[str, Any]:
    return values if isinstance(values, dict) else {}


@dataclass(frozen=True, slots=True)
class _Side:
    """One side of a comparison, its ref followed."""

    schema: dict[str, Any]
    pointer: str
    """Where the schema is defined: the end of its ref."""
    at: str
    """Where the schema is used."""
    nullable: bool
    name: str | None
    """The component schema its ref names."""


class SchemaComparer:
    """Compares schemas of `old` against schemas of `new`."""

    def __init__(self, old: Document, new: Document) -> None:
        self.old = old
        self.new = new

    def compare(self, old: Any, new: Any, old_pointer: str, new_pointer: str) -> SchemaDiff | None:
        """The differences between two schemas, or None when there are none."""
        return self._compare(old, new, old_pointer, new_pointer, frozenset())

    def view(self, document: Document, node: Any, pointer: str) -> dict[str, Any]:
        """A schema with refs followed and the ref's own sibling keywords laid over it."""
        resolved, _ = document.deref(node, pointer)
        resolved = resolved if isinstance(resolved, dict) else {}
        if isinstance(node, dict) and "$ref" in node and len(node) > 1:
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            return {**resolved, **siblings}
        return resolved

    # ----- the comparison ----------------------------------------------------------------
    def _unwrap(self, document: Document, node: Any, pointer: str) -> tuple[Any, str, bool]:
        """Strip wrappers (`oneOf: [X, null]`, `allOf: [X]`): (core, where, whether null)."""
        nullable = False
        for _ in range(8):
            if not isinstance(node, dict) or "properties" in node or "type" in node:
                break
            wrapped = None
            for keyword in (*_UNION_KEYWORDS, "allOf"):
                members = node.get(keyword)
                if not isinstance(members, list):
                    continue
                real = [
                    (i, m)
                    for i, m in enumerate(members)
                    if not _is_null_schema(document.deref(m, pointer)[0])
                ]
                # A nullable wrapper (`X or null`) or a one-member allOf; a union of one stays.
                wrapper = len(members) == 1 if keyword == "allOf" else len(members) == 2
                if len(real) == 1 and wrapper:
                    nullable = nullable or len(real) < len(members)
                    wrapped = (real[0][1], join_pointer(pointer, keyword, real[0][0]))
                break
            if wrapped is None:
                break
            nullable = nullable or node.get("nullable") is True
            node, pointer = wrapped
        return node, pointer, nullable

    def _compare(
        self,
        old: Any,
        new: Any,
        old_pointer: str,
        new_pointer: str,
        stack: frozenset[tuple[str, str]],
    ) -> SchemaDiff | None:
        old_core, old_pointer, old_wrapped_null = self._unwrap(self.old, old, old_pointer)
        new_core, new_pointer, new_wrapped_null = self._unwrap(self.new, new, new_pointer)
        old_name = schema_name(ref_of(old_core))
        if old_name is not None and old_name == schema_name(ref_of(new_core)):
            old_null = old_wrapped_null or is_nullable(old_core)
            new_null = new_wrapped_null or is_nullable(new_core)
            if old_null == new_null:
                return None
            return SchemaDiff(old_pointer, new_pointer, nullable=Changed(old_null, new_null))
        pair = (old_pointer, new_pointer)
        if pair in stack:
            return None
        stack = stack | {pair}
        old_side = self._side(self.old, old_core, old_pointer, old_wrapped_null)
        new_side = self._side(self.new, new_core, new_pointer, new_wrapped_null)
        resolved = (old_side.pointer, new_side.pointer)
        if resolved != pair:
            if resolved in stack:
                return None  # a cycle through refs to other names
            stack = stack | {resolved}
        if old_side.schema == new_side.schema and old_side.nullable == new_side.nullable:
            return None
        return self._compare_sides(old_side, new_side, stack)

    def _side(self, document: Document, core: Any, pointer: str, wrapped_null: bool) -> _Side:
        schema = self.view(document, core, pointer)
        defined = document.deref(core, pointer)[1] if ref_of(core) is not None else pointer
        return _Side(
            schema,
            defined,
            pointer,
            wrapped_null or is_nullable(schema),
            schema_name(ref_of(core)),
        )

    def _compare_sides(
        self, old: _Side, new: _Side, stack: frozenset[tuple[str, str]]
    ) -> SchemaDiff | None:
        """Two schemas that differ: their types first (a changed type is all there is to
        say), then every keyword and subschema."""
        nullable = _changed(old.nullable, new.nullable)
        members = (
            self._members(self.old, old.schema, old.pointer),
            self._members(self.new, new.schema, new.pointer),
        )
        old_types, new_types = effective_types(old.schema), effective_types(new.schema)
        if bool(members[0]) != bool(members[1]):
            # A union on one side only: the shape changed, whatever the members hold.
            old_types = _shape(old_types, members[0], old.name)
            new_types = _shape(new_types, members[1], new.name)
        if old_types and new_types and old_types != new_types:
            types = Changed(old_types, new_types)
            return SchemaDiff(old.at, new.at, types=types, nullable=nullable)
        diff = SchemaDiff(
            old=old.pointer,
            new=new.pointer,
            nullable=nullable,
            **self._value_changes(old, new),
            **self._structure_changes(old, new, members, stack),
        )
        return None if diff == SchemaDiff(old.pointer, new.pointer) else diff

    def _value_changes(self, old: _Side, new: _Side) -> dict[str, Any]:
        """The SchemaDiff fields of the schemas' own values: format, enums, bounds, pattern,
        default and lifecycle."""
        before, after = old.schema, new.schema
        enum_added, enum_removed = self._enum(before, after, old.pointer, new.pointer)
        extensible_added, extensible_removed = self._enum(
            before, after, old.pointer, new.pointer, "x-extensible-enum"
        )
        return {
            "format": _changed(_text(before.get("format")), _text(after.get("format"))),
            "enum_added": enum_added,
            "enum_removed": enum_removed,
            "constraints": self._constraints(before, after),
            "pattern": _changed(_text(before.get("pattern")), _text(after.get("pattern"))),
            "default": _changed(_default(before), _default(after)),
            "deprecated": _changed(
                before.get("deprecated") is True, after.get("deprecated") is True
            ),
            "sunset": _changed(sunset_text(before), sunset_text(after)),
            "stability": _changed(stability(before), stability(after)),
            "enum_set": _changed(
                isinstance(before.get("enum"), list), isinstance(after.get("enum"), list)
            ),
            "extensible_added": extensible_added,
            "extensible_removed": extensible_removed,
        }

    def _structure_changes(
        self,
        old: _Side,
        new: _Side,
        members: tuple[dict[str, tuple[Any, str]], dict[str, tuple[Any, str]]],
        stack: frozenset[tuple[str, str]],
    ) -> dict[str, Any]:
        """The SchemaDiff fields of what the schemas hold: keywords, subschemas, properties,
        items, union variants, allOf members and `not`."""
        before, after = old.schema, new.schema
        at = (old.pointer, new.pointer)
        keywords, subschemas = self._keywords(before, after, *at, stack)
        all_of_added, all_of_removed = _all_of(
            self._labelled(self.old, before, old.pointer, ("allOf",)),
            self._labelled(self.new, after, new.pointer, ("allOf",)),
            *at,
        )
        properties_added, properties_removed, properties = self._properties(
            before, after, *at, stack
        )
        variants_added, variants_removed, variants = self._variants(
            (before, members[0]), (after, members[1]), *at, stack
        )
        return {
            "keywords": keywords,
            "subschemas": subschemas,
            "properties_added": properties_added,
            "properties_removed": properties_removed,
            "properties": properties,
            "items": self._sub(before, after, "items", *at, stack),
            "additional": self._sub(before, after, "additionalProperties", *at, stack),
            "variants_added": variants_added,
            "variants_removed": variants_removed,
            "variants": variants,
            "discriminator": self._discriminator(before, after, *at),
            "all_of_added": all_of_added,
            "all_of_removed": all_of_removed,
            "negated": self._sub(before, after, "not", *at, stack),
        }

    def _sub(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        keyword: str,
        old_pointer: str,
        new_pointer: str,
        stack: frozenset[tuple[str, str]],
    ) -> SchemaDiff | None:
        if not isinstance(old.get(keyword), dict) or not isinstance(new.get(keyword), dict):
            return None
        return self._compare(
            old[keyword],
            new[keyword],
            join_pointer(old_pointer, keyword),
            join_pointer(new_pointer, keyword),
            stack,
        )

    def _keywords(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        old_pointer: str,
        new_pointer: str,
        stack: frozenset[tuple[str, str]],
    ) -> tuple[tuple[KeywordChange, ...], tuple[tuple[str, SchemaDiff], ...]]:
        """JSON Schema 2020-12 keywords: whole-value changes, and sub-schemas compared."""
        changes: list[KeywordChange] = []
        subschemas: list[tuple[str, SchemaDiff]] = []

        def whole(
            keyword: str, before: Any, after: Any, old_at: str, new_at: str, key: str = ""
        ) -> None:
            """One change of a value or entry; `_ABSENT` on the side that lacks it."""
            old_text = None if before is _ABSENT else to_json(before)
            new_text = None if after is _ABSENT else to_json(after)
            if old_text == new_text:
                return
            if old_text is not None and new_text is not None and keyword not in VALUE_KEYWORDS:
                # A schema replaced by something not comparable (a boolean schema, say):
                # the old restriction goes and a new one comes.
                changes.append(KeywordChange(keyword, old_text, None, old_at, new_pointer, key))
                changes.append(KeywordChange(keyword, None, new_text, old_pointer, new_at, key))
                return
            changes.append(KeywordChange(keyword, old_text, new_text, old_at, new_at, key))

        def entry(
            keyword: str, before: Any, after: Any, old_at: str, new_at: str, key: str = ""
        ) -> None:
            if isinstance(before, dict) and isinstance(after, dict):
                found = self._compare(before, after, old_at, new_at, stack)
                if found is not None:
                    label = keyword + old_at[len(join_pointer(old_pointer, keyword)) :]
                    subschemas.append((label, found))
            elif not (before is _ABSENT and after is _ABSENT):
                whole(
                    keyword,
                    before,
                    after,
                    old_at if before is not _ABSENT else old_pointer,
                    new_at if after is not _ABSENT else new_pointer,
                    key,
                )

        for keyword in VALUE_KEYWORDS:
            old_at, new_at = join_pointer(old_pointer, keyword), join_pointer(new_pointer, keyword)
            whole(
                keyword,
                old.get(keyword, _ABSENT),
                new.get(keyword, _ABSENT),
                old_at if keyword in old else old_pointer,
                new_at if keyword in new else new_pointer,
            )
        for keyword in SUBSCHEMA_KEYWORDS:
            before, after = old.get(keyword, _ABSENT), new.get(keyword, _ABSENT)
            old_at, new_at = join_pointer(old_pointer, keyword), join_pointer(new_pointer, keyword)
            entry(keyword, before, after, old_at, new_at)
        keyed: list[tuple[str, dict[Any, Any], dict[Any, Any]]] = [
            (k, _mapping(old.get(k)), _mapping(new.get(k))) for k in SCHEMA_MAP_KEYWORDS
        ]
        keyed.append(
            (
                "prefixItems",
                dict(enumerate(_list(old.get("prefixItems")))),
                dict(enumerate(_list(new.get("prefixItems")))),
            )
        )
        for keyword, old_map, new_map in keyed:
            for key in (*old_map, *(k for k in new_map if k not in old_map)):
                entry(
                    keyword,
                    old_map.get(key, _ABSENT),
                    new_map.get(key, _ABSENT),
                    join_pointer(old_pointer, keyword, key),
                    join_pointer(new_pointer, keyword, key),
                    str(key),
                )
        return tuple(changes), tuple(subschemas)

    def _enum(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        old_pointer: str,
        new_pointer: str,
        keyword: str = "enum",
    ) -> tuple[tuple[Member, ...], tuple[Member, ...]]:
        old_values, new_values = old.get(keyword), new.get(keyword)
        if not isinstance(old_values, list) or not isinstance(new_values, list):
            return (), ()
        old_keys = {to_json(v) for v in old_values if v is not None}
        new_keys = {to_json(v) for v in new_values if v is not None}
        added = tuple(
            Member(
                to_json(v),
                join_pointer(new_pointer, keyword, i),
                join_pointer(old_pointer, keyword),
            )
            for i, v in enumerate(new_values)
            if v is not None and to_json(v) not in old_keys
        )
        removed = tuple(
            Member(
                to_json(v),
                join_pointer(old_pointer, keyword, i),
                join_pointer(new_pointer, keyword),
            )
            for i, v in enumerate(old_values)
            if v is not None and to_json(v) not in new_keys
        )
        return added, removed

    def _constraints(
        self, old: dict[str, Any], new: dict[str, Any]
    ) -> tuple[ConstraintChange, ...]:
        changes = []
        for keyword in ("maximum", "minimum", *_LIMITS):
            before, after = bound(old, keyword), bound(new, keyword)
            if before != after:
                changes.append(ConstraintChange(keyword, before, after))
        return tuple(changes)

    def _properties(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        old_pointer: str,
        new_pointer: str,
        stack: frozenset[tuple[str, str]],
    ) -> tuple[tuple[Member, ...], tuple[Member, ...], tuple[PropertyDiff, ...]]:
        old_props, new_props = _mapping(old.get("properties")), _mapping(new.get("properties"))
        if not old_props and not new_props:
            return (), (), ()
        old_required = {r for r in _list(old.get("required")) if isinstance(r, str)}
        new_required = {r for r in _list(new.get("required")) if isinstance(r, str)}
        old_base = join_pointer(old_pointer, "properties")
        new_base = join_pointer(new_pointer, "properties")
        added: list[Member] = []
        removed: list[Member] = []
        modified: list[PropertyDiff] = []
        for name, node in new_props.items():
            where = join_pointer(new_base, name)
            if name not in old_props:
                view = self.view(self.new, node, where)
                added.append(Member(name, where, old_pointer, view, name in new_required))
                continue
            old_where = join_pointer(old_base, name)
            schema = self._compare(old_props[name], node, old_where, where, stack)
            required = _changed(name in old_required, name in new_required)
            old_view = self.view(self.old, old_props[name], old_where)
            new_view = self.view(self.new, node, where)
            access = any((old_view.get(k) is True) != (new_view.get(k) is True) for k in _ACCESS)
            if schema is not None or required is not None or access:
                modified.append(
                    PropertyDiff(name, old_where, where, old_view, new_view, required, schema)
                )
        for name, node in old_props.items():
            if name not in new_props:
                where = join_pointer(old_base, name)
                view = self.view(self.old, node, where)
                removed.append(Member(name, where, new_pointer, view, name in old_required))
        return tuple(added), tuple(removed), tuple(modified)

    def _members(
        self, document: Document, schema: dict[str, Any], pointer: str
    ) -> dict[str, tuple[Any, str]]:
        """Union (oneOf/anyOf) members by label: the component name, else title or position."""
        return self._labelled(document, schema, pointer, _UNION_KEYWORDS)

    def _labelled(
        self,
        document: Document,
        schema: dict[str, Any],
        pointer: str,
        keywords: tuple[str, ...],
    ) -> dict[str, tuple[Any, str]]:
        found: dict[str, tuple[Any, str]] = {}
        for keyword in keywords:
            members = schema.get(keyword)
            if not isinstance(members, list):
                continue
            for position, member in enumerate(members):
                where = join_pointer(pointer, keyword, position)
                if _is_null_schema(document.deref(member, where)[0]):
                    continue
                ref = ref_of(member)
                title = member.get("title") if isinstance(member, dict) else None
                if ref is not None:
                    label = schema_name(ref) or ref.rsplit("/", 1)[-1]
                elif isinstance(title, str) and title:
                    label = title
                else:
                    label = f"{keyword}[{position}]"
                found.setdefault(label, (member, where))
        return found

    def _variants(
        self,
        old_side: tuple[dict[str, Any], dict[str, tuple[Any, str]]],
        new_side: tuple[dict[str, Any], dict[str, tuple[Any, str]]],
        old_pointer: str,
        new_pointer: str,
        stack: frozenset[tuple[str, str]],
    ) -> tuple[tuple[Member, ...], tuple[Member, ...], tuple[tuple[str, SchemaDiff], ...]]:
        (old, old_members), (new, new_members) = old_side, new_side
        added = tuple(
            Member(label, where, old_pointer)
            for label, (_node, where) in new_members.items()
            if label not in old_members
        )
        removed = tuple(
            Member(label, where, new_pointer)
            for label, (_node, where) in old_members.items()
            if label not in new_members
        )
        modified: list[tuple[str, SchemaDiff]] = []
        for label, (node, where) in new_members.items():
            if label in old_members:
                before, old_where = old_members[label]
                diff = self._compare(before, node, old_where, where, stack)
                if diff is not None:
                    modified.append((label, diff))
        old_all, new_all = old.get("allOf"), new.get("allOf")
        if isinstance(old_all, list) and isinstance(new_all, list):
            for position, (before, after) in enumerate(zip(old_all, new_all, strict=False)):
                diff = self._compare(
                    before,
                    after,
                    join_pointer(old_pointer, "allOf", position),
                    join_pointer(new_pointer, "allOf", position),
                    stack,
                )
                if diff is not None:
                    modified.append((f"allOf[{position}]", diff))
        return added, removed, tuple(modified)

    def _discriminator(
        self, old: dict[str, Any], new: dict[str, Any], old_pointer: str, new_pointer: str
    ) -> DiscriminatorDiff | None:
        before, after = old.get("discriminator"), new.get("discriminator")
        if not isinstance(before, dict) and not isinstance(after, dict):
            return None
        old_where = join_pointer(old_pointer, "discriminator")
        new_where = join_pointer(new_pointer, "discriminator")
        if not isinstance(before, dict) or not isinstance(after, dict):
            return DiscriminatorDiff(
                old_where if isinstance(before, dict) else old_pointer,
                new_where if isinstance(after, dict) else new_pointer,
                added=not isinstance(before, dict),
                removed=not isinstance(after, dict),
                property=None,
                mapping_added=(),
                mapping_removed=(),
                mapping_changed=(),
            )
        old_map = _discriminator_mapping(before, old)
        new_map = _discriminator_mapping(after, new)
        old_map_where = join_pointer(old_where, "mapping")
        new_map_where = join_pointer(new_where, "mapping")
        diff = DiscriminatorDiff(
            old_where,
            new_where,
            added=False,
            removed=False,
            property=_changed(_text(before.get("propertyName")), _text(after.get("propertyName"))),
            mapping_added=tuple(
                Member(value, join_pointer(new_map_where, value), old_map_where, new_map[value])
                for value in new_map
                if value not in old_map
            ),
            mapping_removed=tuple(
                Member(value, join_pointer(old_map_where, value), new_map_where, old_map[value])
                for value in old_map
                if value not in new_map
            ),
            mapping_changed=tuple(
                (value, Changed(old_map[value], new_map[value]))
                for value in new_map
                if value in old_map
                and mapping_target(old_map[value]) != mapping_target(new_map[value])
            ),
        )
        empty = not (diff.property or diff.mapping_added or diff.mapping_removed)
        return None if empty and not diff.mapping_changed else diff


_ABSENT = object()


def _all_of(
    old: dict[str, tuple[Any, str]],
    new: dict[str, tuple[Any, str]],
    old_pointer: str,
    new_pointer: str,
) -> tuple[tuple[Member, ...], tuple[Member, ...]]:
    """allOf members on one side only, by label (a component name, a title or a position)."""
    added = tuple(Member(k, where, old_pointer) for k, (_n, where) in new.items() if k not in old)
    removed = tuple(Member(k, where, new_pointer) for k, (_n, where) in old.items() if k not in new)
    return added, removed


def _shape(
    types: frozenset[str], members: dict[str, tuple[Any, str]], ref: str | None
) -> frozenset[str]:
    """A schema's shape in words, for a change between a union and something else."""
    if members:
        return frozenset({"one of " + ", ".join(members)})
    kinds = " or ".join(sorted(types)) or "any"
    return frozenset({f"{ref} ({kinds})" if ref else kinds})


def _default(schema: dict[str, Any]) -> str | None:
    return to_json(schema["default"]) if "default" in schema else None


def mapping_target(ref: str) -> str:
    """A mapping target by its schema name, so `#/components/schemas/Cat` equals `Cat`."""
    return schema_name(ref) or ref.rsplit("/", 1)[-1]


def _discriminator_mapping(discriminator: dict[str, Any], schema: dict[str, Any]) -> dict[str, str]:
    """Discriminator value -> schema ref: the explicit mapping, then the implicit names."""
    mapping = {str(k): str(v) for k, v in _mapping(discriminator.get("mapping")).items()}
    targets = {mapping_target(ref) for ref in mapping.values()}
    for keyword in _UNION_KEYWORDS:
        for member in _list(schema.get(keyword)):
            name = schema_name(ref_of(member))
            if name is not None and name not in targets:
                mapping.setdefault(name, f"#/components/schemas/{name}")
    return mapping
