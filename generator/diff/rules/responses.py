"""Responses: status codes, media types and the type of the body."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.model import Finding
from generator.diff.registry import Site, operation_rule, schema_rule
from generator.diff.rules._schema import in_response, show_types, widened
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
    types = diff.types
    if in_response(site) and site.at_root and site.role != "header" and types is not None:
        if widened(types.new, types.old):
            return
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type changed from {before} to {after}", diff.old, diff.new)


@operation_rule("response-body-schema-added")
def schema_added(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for media in response.content.schema_added if response.content else ():
            message = f"response {response.status} {media.name} now has a schema"
            yield Finding(message, media.parent, media.pointer)


@operation_rule("response-body-schema-removed")
def schema_removed(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for media in response.content.schema_removed if response.content else ():
            message = f"response {response.status} {media.name} no longer has a schema"
            yield Finding(message, media.pointer, media.parent)


@operation_rule("response-header-added")
def header_added(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for header in response.headers_added:
            message = f"response {response.status} has a new header '{header.name}'"
            yield Finding(message, header.parent, header.pointer, anchor=header.pointer)


@operation_rule("response-required-header-removed")
def required_header_removed(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for header in response.headers_removed:
            if header.required:
                message = f"response {response.status}: required header '{header.name}' removed"
                yield Finding(message, header.pointer, header.parent, anchor=header.pointer)


@operation_rule("response-optional-header-removed")
def optional_header_removed(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for header in response.headers_removed:
            if not header.required:
                message = f"response {response.status}: optional header '{header.name}' removed"
                yield Finding(message, header.pointer, header.parent, anchor=header.pointer)


@operation_rule("response-header-became-optional")
def header_became_optional(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for header in response.headers:
            if header.required is not None and header.required.old:
                message = f"response {response.status}: header '{header.name}' became optional"
                yield Finding(message, header.old, header.new)


@operation_rule("response-header-became-required")
def header_became_required(op: OperationDiff) -> Iterator[Finding]:
    for response in op.responses:
        for header in response.headers:
            if header.required is not None and header.required.new:
                message = f"response {response.status}: header '{header.name}' became required"
                yield Finding(message, header.old, header.new)


@schema_rule("response-header-type-changed")
def header_type_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if site.role == "header" and site.at_root and types is not None:
        if widened(types.new, types.old):
            return
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type changed from {before} to {after}", diff.old, diff.new)
