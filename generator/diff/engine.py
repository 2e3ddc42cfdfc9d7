"""Run every rule over the diff tree and turn what they find into a `Report`.

Findings with the same rule, message and places are one change: a shared parameter or response
found from several operations is reported once, with all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from generator.diff.compare import compare_documents
from generator.diff.document import Document, operation_sort_key
from generator.diff.model import Change, Finding, Location, Report
from generator.diff.registry import RULES, RULES_BY_ID, Site
from generator.diff.sdk import SdkIndex
from generator.diff.tree import OperationDiff, SchemaDiff, SpecDiff
from generator.diff.version import Version
from generator.load.loader import SourceDocument

_RULE_ORDER = {rule.id: position for position, rule in enumerate(RULES)}


def walk(diff: SchemaDiff, site: Site) -> Iterator[tuple[SchemaDiff, Site]]:
    """Every node of a schema diff with its site; request sides skip read-only properties,
    response sides write-only ones."""
    stack = [(diff, site)]
    hidden = "readOnly" if site.direction == "request" else "writeOnly"
    while stack:
        node, where = stack.pop()
        yield node, where
        children: list[tuple[SchemaDiff, Site]] = []
        for prop in node.properties:
            if prop.schema is not None and not (
                prop.old_schema.get(hidden) is True and prop.new_schema.get(hidden) is True
            ):
                children.append((prop.schema, where.child(prop.name)))
        if node.items is not None:
            children.append((node.items, where.child("[]")))
        if node.additional is not None:
            children.append((node.additional, where.child("{}")))
        for label, variant in node.variants:
            children.append((variant, where.child(f"({label})")))
        for label, sub in node.subschemas:
            children.append((sub, where.child(f"({label})")))
        if node.negated is not None:
            children.append((node.negated, where.negated()))
        stack.extend(reversed(children))


def _schema_sites(op: OperationDiff) -> Iterator[tuple[SchemaDiff, Site]]:
    operations = (op.key,)
    for param in op.params:
        if param.schema is not None:
            yield param.schema, Site("request", "parameter", param.label, (), operations)
    if op.body is not None and op.body.content is not None:
        for media in op.body.content.media:
            if media.schema is not None:
                yield media.schema, Site("request", "body", "request body", (), operations)
    for response in op.responses:
        for media in response.content.media if response.content else ():
            if media.schema is not None:
                site = Site("response", "body", f"response {response.status}", (), operations)
                yield media.schema, site
        for header in response.headers:
            if header.schema is not None:
                root = f"response {response.status} header '{header.name}'"
                yield header.schema, Site("response", "header", root, (), operations)


def findings(tree: SpecDiff) -> Iterator[tuple[str, Finding]]:
    """(rule id, finding) for every rule over the whole tree; operations filled in."""
    from generator.diff.catalog import checks  # the rule modules load only to compare

    table = checks()
    for rule_id, spec_check in table.spec.items():
        for found in spec_check(tree):
            yield rule_id, found
    securities = [tree.security] if tree.security is not None else []
    securities += [op.security for op in tree.operations if op.security is not None]
    for security in securities:
        for rule_id, security_check in table.security.items():
            for found in security_check(security):
                yield rule_id, _with_operations(found, security.operations)
    schema_sites: list[tuple[SchemaDiff, Site]] = []
    for op in tree.operations:
        for rule_id, operation_check in table.operation.items():
            for found in operation_check(op):
                yield rule_id, _with_operations(found, (op.key,))
        for param in op.params:
            for rule_id, parameter_check in table.parameter.items():
                for found in parameter_check(param):
                    yield rule_id, _with_operations(found, (op.key,))
        schema_sites.extend(_schema_sites(op))
    for component in tree.components:
        for direction, role, operations in component.reach:
            site = Site(direction, role, component.name, (), operations, component=True)
            schema_sites.append((component.schema, site))
    for diff, site in schema_sites:
        for node, where in walk(diff, site):
            for rule_id, schema_check in table.schema.items():
                for found in schema_check(node, where):
                    yield rule_id, _with_operations(found, where.operations)


def _with_operations(found: Finding, operations: tuple[str, ...]) -> Finding:
    return found if found.operations else replace(found, operations=operations)


class _Namer:
    """SDK methods of operations, models at pointers, and lines of pointers."""

    def __init__(self, tree: SpecDiff, old: SdkIndex, new: SdkIndex) -> None:
        self.old = old
        self.new = new
        self.methods: dict[str, str] = {}
        for key, (old_name, new_name) in tree.methods.items():
            old_op, new_op = tree.old.operations.get(key), tree.new.operations.get(key)
            if old_op is not None and old_name:
                self.methods[old_op.key] = old_name
            if new_op is not None and new_name:
                self.methods[new_op.key] = new_name

    def models(self, found: Finding) -> tuple[str, ...]:
        names = {self.old.model_at(found.old), self.new.model_at(found.new), *found.models}
        return tuple(sorted(n for n in names if n))


def _location(pointer: str, source: SourceDocument | None) -> Location:
    return Location(pointer, source.line_of(pointer) if source is not None else None)


def diff_versions(old: Version, new: Version, *, api_name: str = "api") -> Report:
    """Compare two loaded documents and classify every difference by the registry's rules."""
    old_sdk, new_sdk = SdkIndex(old.document, api_name), SdkIndex(new.document, api_name)
    tree = compare_documents(
        Document(old.document, old.model), Document(new.document, new.model), old_sdk, new_sdk
    )
    namer = _Namer(tree, old_sdk, new_sdk)
    merged: dict[tuple[str, ...], tuple[str, Finding, set[str]]] = {}
    for rule_id, found in findings(tree):
        places = (found.anchor,) if found.anchor else (found.old, found.new)
        entry = merged.setdefault((rule_id, found.message, *places), (rule_id, found, set()))
        entry[2].update(found.operations)
    changes = []
    for rule_id, found, operations in merged.values():
        rule = RULES_BY_ID[rule_id]
        ordered = tuple(sorted(operations, key=operation_sort_key))
        changes.append(
            Change(
                rule=rule_id,
                level=rule.level,
                bump=rule.bump,
                message=found.message,
                old=_location(found.old, old.source),
                new=_location(found.new, new.source),
                operations=ordered,
                methods=tuple(
                    dict.fromkeys(namer.methods[k] for k in ordered if k in namer.methods)
                ),
                models=namer.models(found),
            )
        )
    changes.sort(key=_change_order)
    notes = tuple(
        f"SDK methods and models of {version.label} are not named: {index.problem}"
        for version, index in ((old, old_sdk), (new, new_sdk))
        if index.problem is not None
    )
    return Report(old.label, new.label, tuple(changes), notes)


def _change_order(change: Change) -> tuple[Any, ...]:
    first = operation_sort_key(change.operations[0]) if change.operations else ("", -1, "")
    return (
        -change.level.rank,
        _RULE_ORDER[change.rule],
        first,
        change.message,
        change.old.pointer,
        change.new.pointer,
    )
