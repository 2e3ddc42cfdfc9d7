"""Responses: status codes, media types and the type of the body."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.model import Finding
from generator.diff.registry import Site, operation_rule, schema_rule
from generator.diff.rules._schema import in_response, show_types
from generator.diff.tree import OperationDiff, SchemaDiff


def is_success(status: str) -> bool:
    return status.startswith("2")


@operation_rule("response-success-status-added")
def success_status_added(op: OperationDiff) -> Iterator[Finding]:
    for status in op.statuses_added:
        if is_success(status.name):
            message = f"new success status {status.name}"
            yield Finding(message, status.parent, status.pointer, anchor=status.pointer)


@operation_rule("response-success-status-removed")
def success_status_removed(op: OperationDiff) -> Iterator[Finding]:
    for status in op.statuses_removed:
        if is_success(status.name):
            message = f"success status {status.name} removed"
            yield Finding(message, status.pointer, status.parent, anchor=status.pointer)


@operation_rule("response-non-success-status-added")
def non_success_status_added(op: OperationDiff) -> Iterator[Finding]:
    for status in op.statuses_added:
        if not is_success(status.name):
            message = f"new status {status.name}"
            yield Finding(message, status.parent, status.pointer, anchor=status.pointer)


@operation_rule("response-non-success-status-removed")
def non_success_status_removed(op: OperationDiff) -> Iterator[Finding]:
    for status in op.statuses_removed:
        if not is_success(status.name):
            message = f"status {status.name} removed"
            yield Finding(message, status.pointer, status.parent, anchor=status.pointer)


@operation_rule("response-media-type-added")
def media_type_added(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for media in response.content.added if response.content else ():
            message = f"response {response.status} comes as {media.name} too"
            yield Finding(message, media.parent, media.pointer)


@operation_rule("response-media-type-removed")
def media_type_removed(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for media in response.content.removed if response.content else ():
            message = f"response {response.status} no longer comes as {media.name}"
            yield Finding(message, media.pointer, media.parent)


@schema_rule("response-body-type-changed")
def body_type_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site) and site.at_root and diff.types is not None:
        before, after = show_types(diff.types.old), show_types(diff.types.new)
        yield Finding(f"{site.subject}: type changed from {before} to {after}", diff.old, diff.new)
