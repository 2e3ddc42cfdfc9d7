"""Parameters: added, removed, moved, required or not, and their schema's values."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.document import ParamEntry
from generator.diff.lifecycle import retired
from generator.diff.model import Finding
from generator.diff.registry import Site, operation_rule, parameter_rule, schema_rule
from generator.diff.rules._schema import in_parameter, show, show_types, widened
from generator.diff.tree import OperationDiff, ParamDiff, SchemaDiff


def label(param: ParamEntry) -> str:
    return f"{param.location} parameter '{param.name}'"


def _parameters_pointer(op: OperationDiff, new: bool) -> str:
    entry = op.new if new else op.old
    return f"{entry.pointer}/parameters"


@operation_rule("request-parameter-added-required")
def added_required(op: OperationDiff) -> Iterator[Finding]:
    for param in op.params_added:
        if param.required:
            message = f"new required {label(param)}"
            old = _parameters_pointer(op, False)
            yield Finding(message, old, param.pointer, anchor=param.pointer)


@operation_rule("request-parameter-added-optional")
def added_optional(op: OperationDiff) -> Iterator[Finding]:
    for param in op.params_added:
        if not param.required:
            message = f"new optional {label(param)}"
            old = _parameters_pointer(op, False)
            yield Finding(message, old, param.pointer, anchor=param.pointer)


@operation_rule("request-parameter-removed")
def removed(op: OperationDiff) -> Iterator[Finding]:
    for param in op.params_removed:
        if retired(param.node):
            continue
        new = _parameters_pointer(op, True)
        yield Finding(f"{label(param)} removed", param.pointer, new, anchor=param.pointer)


@operation_rule("request-parameter-location-changed")
def location_changed(op: OperationDiff) -> Iterator[Finding]:
    for old, new in op.params_moved:
        message = f"parameter '{new.name}' moved from {old.location} to {new.location}"
        yield Finding(message, old.pointer, new.pointer)


@parameter_rule("request-parameter-became-required")
def became_required(param: ParamDiff) -> Iterator[Finding]:
    if param.required is not None and param.required.new:
        yield Finding(f"{param.label} became required", param.old.pointer, param.new.pointer)


@parameter_rule("request-parameter-became-optional")
def became_optional(param: ParamDiff) -> Iterator[Finding]:
    if param.required is not None and param.required.old:
        yield Finding(f"{param.label} became optional", param.old.pointer, param.new.pointer)


@parameter_rule("request-parameter-deprecated")
def deprecated(param: ParamDiff) -> Iterator[Finding]:
    if param.deprecated is not None and param.deprecated.new:
        yield Finding(f"{param.label} deprecated", param.old.pointer, param.new.pointer)


@schema_rule("request-parameter-type-changed")
def type_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if in_parameter(site) and types is not None and not widened(types.old, types.new):
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type changed from {before} to {after}", diff.old, diff.new)


@schema_rule("request-parameter-format-changed")
def format_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site) and diff.format is not None:
        before, after = show(diff.format.old), show(diff.format.new)
        message = f"{site.subject}: format changed from {before} to {after}"
        yield Finding(message, diff.old, diff.new)


@schema_rule("request-parameter-enum-value-added")
def enum_value_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site):
        for value in diff.enum_added:
            message = f"{site.subject}: new accepted value {value.name}"
            yield Finding(message, value.parent, value.pointer)


@schema_rule("request-parameter-enum-value-removed")
def enum_value_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site):
        for value in diff.enum_removed:
            message = f"{site.subject}: value {value.name} no longer accepted"
            yield Finding(message, value.pointer, value.parent)


@schema_rule("request-parameter-default-changed")
def default_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site) and diff.default is not None:
        before, after = show(diff.default.old), show(diff.default.new)
        message = f"{site.subject}: default changed from {before} to {after}"
        yield Finding(message, diff.old, diff.new)


@schema_rule("request-parameter-type-widened")
def type_widened(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    types = diff.types
    if in_parameter(site) and types is not None and widened(types.old, types.new):
        before, after = show_types(types.old), show_types(types.new)
        yield Finding(f"{site.subject}: type widened from {before} to {after}", diff.old, diff.new)


@schema_rule("request-parameter-became-enum")
def became_enum(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site) and diff.enum_set is not None and diff.enum_set.new:
        yield Finding(f"{site.subject}: now accepts only listed values", diff.old, diff.new)


@schema_rule("request-parameter-extensible-enum-value-removed")
def extensible_value_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site):
        for value in diff.extensible_removed:
            message = f"{site.subject}: x-extensible-enum value {value.name} removed"
            yield Finding(message, value.pointer, value.parent)


@schema_rule("request-parameter-nullable-added")
def nullable_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site) and diff.nullable is not None and diff.nullable.new:
        yield Finding(f"{site.subject}: null now accepted", diff.old, diff.new)


@schema_rule("request-parameter-nullable-removed")
def nullable_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_parameter(site) and diff.nullable is not None and diff.nullable.old:
        yield Finding(f"{site.subject}: null no longer accepted", diff.old, diff.new)


@parameter_rule("request-path-parameter-renamed")
def path_parameter_renamed(param: ParamDiff) -> Iterator[Finding]:
    if param.renamed:
        message = f"{param.old.location} parameter '{param.old.name}' renamed to '{param.new.name}'"
        yield Finding(message, param.old.pointer, param.new.pointer)


@parameter_rule("request-parameter-reactivated")
def reactivated(param: ParamDiff) -> Iterator[Finding]:
    if param.deprecated is not None and param.deprecated.old:
        message = f"{param.label} no longer deprecated"
        yield Finding(message, param.old.pointer, param.new.pointer)
