"""Operations added, removed, deprecated; SDK methods renamed; SDK model classes added, removed."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.lifecycle import retired
from generator.diff.model import Finding
from generator.diff.registry import operation_rule, spec_rule
from generator.diff.tree import OperationDiff, SpecDiff


def _models(diff: SpecDiff, key: tuple[str, str], side: int) -> tuple[str, ...]:
    return diff.operation_models.get(key, ((), ()))[side]


@spec_rule("endpoint-added")
def endpoint_added(diff: SpecDiff) -> Iterator[Finding]:
    for op in diff.endpoints_added:
        message = "new endpoint"
        models = _models(diff, op.match, 1)
        yield Finding(message, "/paths", op.pointer, (op.key,), models=models)


@spec_rule("endpoint-removed")
def endpoint_removed(diff: SpecDiff) -> Iterator[Finding]:
    for op in diff.endpoints_removed:
        if retired(op.node):
            continue
        message = "endpoint removed"
        models = _models(diff, op.match, 0)
        yield Finding(message, op.pointer, "/paths", (op.key,), models=models)


@operation_rule("endpoint-deprecated")
def endpoint_deprecated(op: OperationDiff) -> Iterator[Finding]:
    if op.deprecated is not None and op.deprecated.new:
        yield Finding("endpoint deprecated", op.old.pointer, op.new.pointer)


@operation_rule("endpoint-reactivated")
def endpoint_reactivated(op: OperationDiff) -> Iterator[Finding]:
    if op.deprecated is not None and op.deprecated.old:
        yield Finding("endpoint no longer deprecated", op.old.pointer, op.new.pointer)


@operation_rule("sdk-method-renamed")
def sdk_method_renamed(op: OperationDiff) -> Iterator[Finding]:
    if op.old_method and op.new_method and op.old_method != op.new_method:
        message = f"SDK method renamed from {op.old_method} to {op.new_method}"
        yield Finding(message, op.old.pointer, op.new.pointer)


@spec_rule("sdk-model-removed")
def sdk_model_removed(diff: SpecDiff) -> Iterator[Finding]:
    for model in diff.models_removed:
        yield Finding(f"SDK model {model.class_name} removed", model.pointer, "/components")
