"""Request bodies: added, removed, required or not, their media types and their type."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.model import Finding
from generator.diff.registry import Site, operation_rule, schema_rule
from generator.diff.rules._schema import in_request_body, show_types, widened
from generator.diff.tree import BodyDiff, OperationDiff, SchemaDiff


def _on_both_sides(op: OperationDiff) -> BodyDiff | None:
    body = op.body
    return body if body is not None and body.old_present and body.new_present else None


@operation_rule("request-body-added-required")
def added_required(op: OperationDiff) -> Iterator[Finding]:
    body = op.body
    if body is not None and not body.old_present and body.new_present and body.new_required:
        yield Finding("new required request body", body.old, body.new)


@operation_rule("request-body-added-optional")
def added_optional(op: OperationDiff) -> Iterator[Finding]:
    body = op.body
    if body is not None and not body.old_present and body.new_present and not body.new_required:
        yield Finding("new optional request body", body.old, body.new)


@operation_rule("request-body-removed")
def removed(op: OperationDiff) -> Iterator[Finding]:
    body = op.body
    if body is not None and body.old_present and not body.new_present:
        yield Finding("request body removed", body.old, body.new)


@operation_rule("request-body-became-required")
def became_required(op: OperationDiff) -> Iterator[Finding]:
    body = _on_both_sides(op)
    if body is not None and body.new_required and not body.old_required:
        yield Finding("request body became required", body.old, body.new)


@operation_rule("request-body-became-optional")
def became_optional(op: OperationDiff) -> Iterator[Finding]:
    body = _on_both_sides(op)
    if body is not None and body.old_required and not body.new_required:
        yield Finding("request body became optional", body.old, body.new)


@operation_rule("request-body-media-type-added")
def media_type_added(op: OperationDiff) -> Iterator[Finding]:
    content = op.body.content if op.body is not None else None
    for media in content.added if content is not None else ():
        yield Finding(f"request body accepts {media.name}", media.parent, media.pointer)


@operation_rule("request-body-media-type-removed")
def media_type_removed(op: OperationDiff) -> Iterator[Finding]:
    content = op.body.content if op.body is not None else None
    for media in content.removed if content is not None else ():
        yield Finding(f"request body no longer accepts {media.name}", media.pointer, media.parent)


@schema_rule("request-body-type-changed")
def type_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if in_request_body(site) and site.at_root and types is not None:
        if widened(types.old, types.new):
            return
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type changed from {before} to {after}", diff.old, diff.new)


@operation_rule("request-body-schema-added")
def schema_added(op: OperationDiff) -> Iterator[Finding]:
    content = op.body.content if op.body is not None else None
    for media in content.schema_added if content is not None else ():
        yield Finding(f"request body {media.name} now has a schema", media.parent, media.pointer)


@operation_rule("request-body-schema-removed")
def schema_removed(op: OperationDiff) -> Iterator[Finding]:
    content = op.body.content if op.body is not None else None
    for media in content.schema_removed if content is not None else ():
        message = f"request body {media.name} no longer has a schema"
        yield Finding(message, media.pointer, media.parent)
