"""The document Prism serves: the operations a test calls and every component they reach,
built from the loaded document model ($refs kept as references), so Prism loads only what it
judges.

What a request may carry (parameters, bodies, security) is served whole. What only answers
reach is narrowed to what Prism's answer generator reads: its sampler (json-schema-sampler)
takes the first member of every `anyOf`/`oneOf` and reads no extension (`x-...`), so the later
members and the extensions are left out there, and the answer Prism makes up is the same.
Without that, Stripe cannot be served: its answers reach one another through the later members
of its expandable fields (`anyOf: [id string, the object]`) and their `x-expansionResources`,
one operation's answer pulls in 513 of its 819 schemas, and Prism's reference resolution did
not finish within 300 s; narrowed, the 40 operations the proof calls reach a few hundred
schemas and Prism loads them in seconds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.diagnostics import resolve_pointer, split_pointer
from generator.load.document import DocumentModel

VALUES = frozenset({"example", "examples", "default", "enum", "const"})
"""Keys whose content is a value, not a schema: never narrowed."""


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


def narrowed(node: Any) -> Any:
    """`node` as Prism's answer generator reads it: each union reduced to its first member
    (a discriminator, which names the others, goes with them), extensions left out."""
    if isinstance(node, list):
        return [narrowed(item) for item in node]
    if not isinstance(node, dict):
        return node
    union = any(isinstance(node.get(k), list) and node[k] for k in ("anyOf", "oneOf"))
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key.startswith("x-") or (union and key == "discriminator"):
            continue
        if key in ("anyOf", "oneOf") and isinstance(value, list) and value:
            result[key] = [narrowed(value[0])]
        else:
            result[key] = value if key in VALUES else narrowed(value)
    return result


def _place(tree: dict[str, Any], parts: list[str], value: Any) -> None:
    for part in parts[:-1]:
        tree = tree.setdefault(part, {})
    tree[parts[-1]] = value


def _closure(document: Any, start: Any, whole: dict[str, Any] | None) -> dict[str, Any]:
    """The components `start` reaches, by pointer: as they are when `whole` is None; else
    those of `whole` (a closure) as they are and every other one narrowed."""
    found: dict[str, Any] = {}
    pending = list(_references(start))
    while pending:
        pointer = pending.pop()
        if pointer in found or not pointer.startswith("/components/"):
            continue
        present, target = resolve_pointer(document, pointer)
        if not present:
            continue
        as_is = whole is None or pointer in whole
        found[pointer] = target if as_is else narrowed(target)
        if whole is None or pointer not in whole:
            pending.extend(_references(found[pointer]))
    return found


def trimmed(model: DocumentModel, operations: set[str]) -> dict[str, Any]:
    """The document with only `operations` (`METHOD path`) and what they reference, answers
    narrowed."""
    document = model.document
    requests: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for item in model.path_items:
        kept = [op for op in item.operations if f"{op.method.upper()} {op.path}" in operations]
        if not kept:
            continue
        shared = {k: v for k, v in item.node.items() if k in ("parameters", "servers")}
        asked = {op.method: {k: v for k, v in op.node.items() if k != "responses"} for op in kept}
        requests[item.path] = shared | asked
        paths[item.path] = shared | {op.method: asked[op.method] | _answers(op.node) for op in kept}
    whole = _closure(document, requests, None)
    reached = whole | _closure(document, paths, whole)
    result = {k: v for k, v in document.items() if k not in ("paths", "components", "webhooks")}
    result["paths"] = paths
    components: dict[str, Any] = {}
    schemes = document.get("components", {}).get("securitySchemes")
    if schemes:
        components["securitySchemes"] = schemes
    for pointer in sorted(reached):
        _place(components, split_pointer(pointer)[1:], reached[pointer])
    result["components"] = components
    return result


def _answers(operation: dict[str, Any]) -> dict[str, Any]:
    return {"responses": narrowed(operation["responses"])} if "responses" in operation else {}


def write_trimmed(model: DocumentModel, operations: set[str], destination: Path) -> Path:
    destination.write_text(json.dumps(trimmed(model, operations)), encoding="utf-8")
    return destination
