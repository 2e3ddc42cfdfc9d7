"""Lifecycle: removals after a sunset date, `x-sunset` values that are not dates, and
`x-stability-level` (draft < alpha < beta < stable) going down or naming no known level.

An endpoint, parameter or property that was deprecated with a sunset date that has passed may
go away: its removal is reported here, non-breaking, instead of by the removal rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.lifecycle import STABILITY_LEVELS, parse_sunset, retired, stability_rank
from generator.diff.model import Finding
from generator.diff.registry import Site, operation_rule, parameter_rule, schema_rule, spec_rule
from generator.diff.rules._schema import readonly, writeonly
from generator.diff.rules.parameters import label
from generator.diff.tree import Changed, OperationDiff, ParamDiff, SchemaDiff, SpecDiff

_LEVELS = ", ".join(STABILITY_LEVELS)


def _invalid_sunset(change: Changed[str | None] | None) -> str | None:
    """The new x-sunset when it changed and is not a date."""
    if change is None or change.new is None or parse_sunset(change.new) is not None:
        return None
    return change.new


def _stability(change: Changed[str | None] | None) -> tuple[str, int, int] | None:
    """('decreased' | 'increased' | 'invalid', old rank, new rank) of a changed level."""
    if change is None:
        return None
    before, after = stability_rank(change.old), stability_rank(change.new)
    if after is None:
        return "invalid", -1, -1
    if before is None or before == after:
        return None
    return ("decreased" if after < before else "increased"), before, after


def _show(level: str | None) -> str:
    return "none (stable)" if level is None else repr(level)


@spec_rule("endpoint-removed-after-sunset")
def endpoint_removed_after_sunset(diff: SpecDiff) -> Iterator[Finding]:
    for op in diff.endpoints_removed:
        if retired(op.node):
            message = f"endpoint removed after its sunset date {op.node.get('x-sunset')}"
            yield Finding(message, op.pointer, "/paths", (op.key,))


@operation_rule("endpoint-sunset-invalid")
def endpoint_sunset_invalid(op: OperationDiff) -> Iterator[Finding]:
    value = _invalid_sunset(op.sunset)
    if value is not None:
        yield Finding(f"x-sunset {value!r} is not a date", op.old.pointer, op.new.pointer)


def _endpoint_stability(op: OperationDiff, kind: str) -> Iterator[Finding]:
    found = _stability(op.stability)
    if found is not None and found[0] == kind and op.stability is not None:
        before, after = _show(op.stability.old), _show(op.stability.new)
        if kind == "invalid":
            message = f"x-stability-level {after} is not one of {_LEVELS}"
        else:
            message = f"stability {kind} from {before} to {after}"
        yield Finding(message, op.old.pointer, op.new.pointer)


@operation_rule("endpoint-stability-decreased")
def endpoint_stability_decreased(op: OperationDiff) -> Iterator[Finding]:
    yield from _endpoint_stability(op, "decreased")


@operation_rule("endpoint-stability-increased")
def endpoint_stability_increased(op: OperationDiff) -> Iterator[Finding]:
    yield from _endpoint_stability(op, "increased")


@operation_rule("endpoint-stability-invalid")
def endpoint_stability_invalid(op: OperationDiff) -> Iterator[Finding]:
    yield from _endpoint_stability(op, "invalid")


@operation_rule("request-parameter-removed-after-sunset")
def parameter_removed_after_sunset(op: OperationDiff) -> Iterator[Finding]:
    for param in op.params_removed:
        if retired(param.node):
            message = f"{label(param)} removed after its sunset date {param.node.get('x-sunset')}"
            new = f"{op.new.pointer}/parameters"
            yield Finding(message, param.pointer, new, anchor=param.pointer)


@parameter_rule("request-parameter-sunset-invalid")
def parameter_sunset_invalid(param: ParamDiff) -> Iterator[Finding]:
    value = _invalid_sunset(param.sunset)
    if value is not None:
        message = f"{param.label}: x-sunset {value!r} is not a date"
        yield Finding(message, param.old.pointer, param.new.pointer)


@schema_rule("request-property-removed-after-sunset")
def request_property_removed_after_sunset(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if site.direction == "request":
        for prop in diff.properties_removed:
            if retired(prop.schema) and not readonly(prop.schema):
                message = f"{site.subject}: property '{prop.name}' removed after its sunset date"
                yield Finding(message, prop.pointer, prop.parent)


@schema_rule("response-property-removed-after-sunset")
def response_property_removed_after_sunset(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if site.direction == "response":
        for prop in diff.properties_removed:
            if retired(prop.schema) and not writeonly(prop.schema):
                message = f"{site.subject}: property '{prop.name}' removed after its sunset date"
                yield Finding(message, prop.pointer, prop.parent)


@schema_rule("property-sunset-invalid")
def property_sunset_invalid(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    value = _invalid_sunset(diff.sunset)
    if value is not None:
        yield Finding(f"{site.subject}: x-sunset {value!r} is not a date", diff.old, diff.new)


def _property_stability(diff: SchemaDiff, site: Site, kind: str) -> Iterator[Finding]:
    found = _stability(diff.stability)
    if found is not None and found[0] == kind and diff.stability is not None:
        before, after = _show(diff.stability.old), _show(diff.stability.new)
        if kind == "invalid":
            message = f"{site.subject}: x-stability-level {after} is not one of {_LEVELS}"
        else:
            message = f"{site.subject}: stability {kind} from {before} to {after}"
        yield Finding(message, diff.old, diff.new)


@schema_rule("property-stability-decreased")
def property_stability_decreased(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    yield from _property_stability(diff, site, "decreased")


@schema_rule("property-stability-increased")
def property_stability_increased(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    yield from _property_stability(diff, site, "increased")


@schema_rule("property-stability-invalid")
def property_stability_invalid(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    yield from _property_stability(diff, site, "invalid")
