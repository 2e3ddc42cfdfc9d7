"""Properties of what a request sends: added, removed, required, read-only, and their values.

Read-only properties are never sent, so they are left out on the request side.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.lifecycle import retired
from generator.diff.model import Finding
from generator.diff.registry import Site, schema_rule
from generator.diff.rules._schema import in_request_body, readonly, show, show_types, widened
from generator.diff.tree import SchemaDiff


def _request(site: Site) -> bool:
    return site.direction == "request"


@schema_rule("request-property-added-required")
def added_required(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for prop in diff.properties_added:
            if prop.required and not readonly(prop.schema):
                message = f"{site.subject}: new required property '{prop.name}'"
                yield Finding(message, prop.parent, prop.pointer)


@schema_rule("request-property-added-optional")
def added_optional(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for prop in diff.properties_added:
            if not prop.required and not readonly(prop.schema):
                message = f"{site.subject}: new optional property '{prop.name}'"
                yield Finding(message, prop.parent, prop.pointer)


@schema_rule("request-property-removed")
def removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for prop in diff.properties_removed:
            if not readonly(prop.schema) and not retired(prop.schema):
                message = f"{site.subject}: property '{prop.name}' removed"
                yield Finding(message, prop.pointer, prop.parent)


@schema_rule("request-property-became-required")
def became_required(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for prop in diff.properties:
            if prop.required is not None and prop.required.new and not readonly(prop.new_schema):
                message = f"{site.subject}: property '{prop.name}' became required"
                yield Finding(message, prop.old, prop.new)


@schema_rule("request-property-became-optional")
def became_optional(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for prop in diff.properties:
            if prop.required is not None and prop.required.old and not readonly(prop.old_schema):
                message = f"{site.subject}: property '{prop.name}' became optional"
                yield Finding(message, prop.old, prop.new)


@schema_rule("request-property-became-read-only")
def became_read_only(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for prop in diff.properties:
            if readonly(prop.new_schema) and not readonly(prop.old_schema):
                message = f"{site.subject}: property '{prop.name}' became read-only"
                yield Finding(message, prop.old, prop.new)


@schema_rule("request-property-type-changed")
def type_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if in_request_body(site) and not site.at_root and types is not None:
        if widened(types.old, types.new):
            return
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type changed from {before} to {after}", diff.old, diff.new)


@schema_rule("request-property-format-changed")
def format_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site) and diff.format is not None:
        before, after = show(diff.format.old), show(diff.format.new)
        message = f"{site.subject}: format changed from {before} to {after}"
        yield Finding(message, diff.old, diff.new)


@schema_rule("request-property-enum-value-added")
def enum_value_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site):
        for value in diff.enum_added:
            message = f"{site.subject}: new accepted value {value.name}"
            yield Finding(message, value.parent, value.pointer)


@schema_rule("request-property-enum-value-removed")
def enum_value_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site):
        for value in diff.enum_removed:
            message = f"{site.subject}: value {value.name} no longer accepted"
            yield Finding(message, value.pointer, value.parent)


@schema_rule("request-property-nullable-added")
def nullable_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site) and diff.nullable is not None and diff.nullable.new:
        yield Finding(f"{site.subject}: null now accepted", diff.old, diff.new)


@schema_rule("request-property-nullable-removed")
def nullable_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site) and diff.nullable is not None and diff.nullable.old:
        yield Finding(f"{site.subject}: null no longer accepted", diff.old, diff.new)


@schema_rule("request-property-default-changed")
def default_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site) and diff.default is not None:
        before, after = show(diff.default.old), show(diff.default.new)
        message = f"{site.subject}: default changed from {before} to {after}"
        yield Finding(message, diff.old, diff.new)


@schema_rule("request-property-deprecated")
def deprecated(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site) and diff.deprecated is not None and diff.deprecated.new:
        yield Finding(f"{site.subject}: deprecated", diff.old, diff.new)


@schema_rule("request-property-type-widened")
def type_widened(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if in_request_body(site) and types is not None and widened(types.old, types.new):
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type widened from {before} to {after}", diff.old, diff.new)


@schema_rule("request-property-became-enum")
def became_enum(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site) and diff.enum_set is not None and diff.enum_set.new:
        yield Finding(f"{site.subject}: now accepts only listed values", diff.old, diff.new)


@schema_rule("request-property-extensible-enum-value-removed")
def extensible_value_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site):
        for value in diff.extensible_removed:
            message = f"{site.subject}: x-extensible-enum value {value.name} removed"
            yield Finding(message, value.pointer, value.parent)


@schema_rule("request-all-of-added")
def all_of_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for member in diff.all_of_added:
            message = f"{site.subject}: must also satisfy allOf member {member.name}"
            yield Finding(message, member.parent, member.pointer)


@schema_rule("request-all-of-removed")
def all_of_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for member in diff.all_of_removed:
            message = f"{site.subject}: allOf member {member.name} removed"
            yield Finding(message, member.pointer, member.parent)


@schema_rule("request-property-reactivated")
def reactivated(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_request_body(site) and diff.deprecated is not None and diff.deprecated.old:
        yield Finding(f"{site.subject}: no longer deprecated", diff.old, diff.new)
