"""Properties of what a response returns, i.e. the fields of the SDK's models.

Write-only properties are never returned, so they are left out on the response side.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.lifecycle import retired
from generator.diff.model import Finding
from generator.diff.registry import Site, schema_rule
from generator.diff.rules._schema import in_response, show, show_types, widened, writeonly
from generator.diff.tree import SchemaDiff


@schema_rule("response-property-added")
def added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for prop in diff.properties_added:
            if not writeonly(prop.schema):
                kind = "required" if prop.required else "optional"
                message = f"{site.subject}: new {kind} property '{prop.name}'"
                yield Finding(message, prop.parent, prop.pointer)
        for changed in diff.properties:
            if writeonly(changed.old_schema) and not writeonly(changed.new_schema):
                message = f"{site.subject}: property '{changed.name}' is now returned"
                yield Finding(message, changed.old, changed.new)


@schema_rule("response-required-property-removed")
def required_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for prop in diff.properties_removed:
            if prop.required and not writeonly(prop.schema) and not retired(prop.schema):
                message = f"{site.subject}: required property '{prop.name}' removed"
                yield Finding(message, prop.pointer, prop.parent)


@schema_rule("response-optional-property-removed")
def optional_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for prop in diff.properties_removed:
            if not prop.required and not writeonly(prop.schema) and not retired(prop.schema):
                message = f"{site.subject}: optional property '{prop.name}' removed"
                yield Finding(message, prop.pointer, prop.parent)


@schema_rule("response-property-became-optional")
def became_optional(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for prop in diff.properties:
            if prop.required is not None and prop.required.old and not writeonly(prop.new_schema):
                message = f"{site.subject}: property '{prop.name}' became optional"
                yield Finding(message, prop.old, prop.new)


@schema_rule("response-property-became-required")
def became_required(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for prop in diff.properties:
            if prop.required is not None and prop.required.new and not writeonly(prop.new_schema):
                message = f"{site.subject}: property '{prop.name}' became required"
                yield Finding(message, prop.old, prop.new)


@schema_rule("response-property-type-changed")
def type_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if in_response(site) and not site.at_root and types is not None:
        if widened(types.new, types.old):
            return
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type changed from {before} to {after}", diff.old, diff.new)


@schema_rule("response-property-format-changed")
def format_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site) and diff.format is not None:
        before, after = show(diff.format.old), show(diff.format.new)
        message = f"{site.subject}: format changed from {before} to {after}"
        yield Finding(message, diff.old, diff.new)


@schema_rule("response-property-became-nullable")
def became_nullable(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site) and diff.nullable is not None and diff.nullable.new:
        yield Finding(f"{site.subject}: may now be null", diff.old, diff.new)


@schema_rule("response-property-nullable-removed")
def nullable_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site) and diff.nullable is not None and diff.nullable.old:
        yield Finding(f"{site.subject}: no longer null", diff.old, diff.new)


@schema_rule("response-property-enum-value-added")
def enum_value_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for value in diff.enum_added:
            message = f"{site.subject}: new value {value.name}"
            yield Finding(message, value.parent, value.pointer)


@schema_rule("response-property-enum-value-removed")
def enum_value_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for value in diff.enum_removed:
            message = f"{site.subject}: value {value.name} no longer returned"
            yield Finding(message, value.pointer, value.parent)


@schema_rule("response-property-deprecated")
def deprecated(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site) and diff.deprecated is not None and diff.deprecated.new:
        yield Finding(f"{site.subject}: deprecated", diff.old, diff.new)


@schema_rule("response-property-type-narrowed")
def type_narrowed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if in_response(site) and types is not None and widened(types.new, types.old):
        before, after = show_types(types.old), show_types(types.new)
        message = f"{site.subject}: type narrowed from {before} to {after}"
        yield Finding(message, diff.old, diff.new)


@schema_rule("response-all-of-added")
def all_of_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for member in diff.all_of_added:
            message = f"{site.subject}: also satisfies allOf member {member.name}"
            yield Finding(message, member.parent, member.pointer)


@schema_rule("response-all-of-removed")
def all_of_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for member in diff.all_of_removed:
            message = f"{site.subject}: allOf member {member.name} removed"
            yield Finding(message, member.pointer, member.parent)


@schema_rule("response-property-reactivated")
def reactivated(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site) and diff.deprecated is not None and diff.deprecated.old:
        yield Finding(f"{site.subject}: no longer deprecated", diff.old, diff.new)
