"""The document Prism serves: the operations a test calls and every component they reach,
built from the loaded document model ($refs kept as references), so Prism loads only what it
judges; the operations it validates are the same either way. Stripe stays out of reach: its
schemas reach one another (expandable fields), so 5 operations already pull in 514 of its 819
schemas, and Prism did not answer within 300 s with the 40 operations' document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.diagnostics import resolve_pointer, split_pointer
from generator.load.document import DocumentModel


def _references(node: Any) -> Iterator[str]:
    """Local references under `node`: `$ref`s and a discriminator's mapping targets."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/"):
                yield value[1:]
            elif key == "mapping" and isinstance(value, dict):
                yield from (
                    v[1:] for v in value.values() if isinstance(v, str) and v.startswith("#/")
                )
            else:
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)


def _place(tree: dict[str, Any], parts: list[str], value: Any) -> None:
    for part in parts[:-1]:
        tree = tree.setdefault(part, {})
    tree[parts[-1]] = value


def trimmed(model: DocumentModel, operations: set[str]) -> dict[str, Any]:
    """The document with only `operations` (`METHOD path`) and what they reference."""
    document = model.document
    paths: dict[str, Any] = {}
    for item in model.path_items:
        kept = [op for op in item.operations if f"{op.method.upper()} {op.path}" in operations]
        if kept:
            shared = {k: v for k, v in item.node.items() if k in ("parameters", "servers")}
            paths[item.path] = shared | {op.method: op.node for op in kept}
    result = {k: v for k, v in document.items() if k not in ("paths", "components", "webhooks")}
    result["paths"] = paths
    components: dict[str, Any] = {}
    schemes = document.get("components", {}).get("securitySchemes")
    if schemes:
        components["securitySchemes"] = schemes
    seen: set[str] = set()
    pending = list(_references(paths))
    while pending:
        pointer = pending.pop()
        if pointer in seen or not pointer.startswith("/components/"):
            continue
        seen.add(pointer)
        found, target = resolve_pointer(document, pointer)
        if found:
            _place(components, split_pointer(pointer)[1:], target)
            pending.extend(_references(target))
    result["components"] = components
    return result


def write_trimmed(model: DocumentModel, operations: set[str], destination: Path) -> Path:
    destination.write_text(json.dumps(trimmed(model, operations)), encoding="utf-8")
    return destination
