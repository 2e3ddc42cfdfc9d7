"""OpenAPI 3.1 schema identifiers: `$ref`s resolved against the enclosing schema's `$id`.

In JSON Schema 2020-12 a schema with an `$id` is a resource of its own: a `$ref` inside it is
a URI reference resolved against that `$id` (`owner` next to `$id: https://x.test/pet` means
`https://x.test/owner`; `#/$defs/Tag` means the Tag in *this* schema's `$defs`), and `#name`
names the schema with `$anchor: name`. The generator never fetches, so such a ref must land on
a schema of the same document: each is rewritten here as a plain local pointer (`#/components/
schemas/Pet/$defs/Tag`) before bundling, and one that lands nowhere in the document is an error
naming the URI it resolved to. A relative `$id` is resolved against the file's own location; a
ref it turns into another file is rewritten relative to the file that holds it, for the
bundler to follow (inside the spec's folder only, as any other).

Authors often write `#/components/schemas/X` inside a schema that has an `$id`, meaning the
document: when the pointer names nothing in the schema resource but does in the document, it
keeps its document meaning.

Pure: data and URIs in, data and (code, pointer, message) problems out.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from generator.diagnostics import join_pointer, resolve_pointer
from generator.load.bundle import walk_structure

_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const", "value"})

Problem = tuple[str, str, str]


def mentions_ids(text: str) -> bool:
    """Whether a file's text could hold `$id` or `$anchor` at all (a cheap first test)."""
    return "$id" in text or "$anchor" in text


def rebase_refs(data: Any, file_uri: str, *, is_document: bool) -> tuple[Any, list[Problem]]:
    """`data` (parsed from the file at `file_uri`) with every `$ref` that an `$id` or a plain
    name fragment governs rewritten as a local pointer, or as a path relative to this file."""
    if not isinstance(data, dict):
        return data, []
    schemas = list(_schemas(data, is_document))
    ids = {p: n["$id"] for n, p in schemas if isinstance(n.get("$id"), str)}
    anchors = {p: n["$anchor"] for n, p in schemas if isinstance(n.get("$anchor"), str)}
    if not ids and not anchors:
        return data, []
    bases = _absolute_ids(ids, file_uri)
    by_uri = {uri: pointer for pointer, uri in bases.items()}
    by_uri.setdefault(file_uri, "")
    named = {(_base_of(p, bases, file_uri, inclusive=True), a): p for p, a in anchors.items()}
    rewrites: dict[str, str | None] = {}
    problems: list[Problem] = []
    for node, pointer in schemas:
        ref = node.get("$ref")
        if not isinstance(ref, str):
            continue
        base = _base_of(pointer, bases, file_uri, inclusive=True)
        if base == file_uri and not (ref.startswith("#") and not ref.startswith("#/")):
            continue  # no $id governs it and it is no anchor: the bundler's usual rules
        if ref.startswith("#/") and base != file_uri:
            resource = by_uri[base]
            found = resolve_pointer(data, resource + ref[1:])[0]
            if not found and resolve_pointer(data, ref[1:])[0]:
                continue  # written for the document, as authors do: keep that meaning
        target, fragment = urldefrag(urljoin(base, ref))
        if target in by_uri:
            if fragment.startswith("/") or not fragment:
                local = by_uri[target] + fragment
                if not resolve_pointer(data, local)[0]:
                    message = (
                        f"$ref {ref!r} (in the schema whose $id is {target!r}) points at nothing"
                    )
                    problems.append(("dangling-ref", pointer, message))
                    rewrites[pointer] = None
                else:
                    rewrites[pointer] = "#" + local
                continue
            if (target, fragment) in named:
                rewrites[pointer] = "#" + named[target, fragment]
                continue
            message = f"$ref {ref!r} names the anchor {fragment!r}, and no schema declares it"
            problems.append(("dangling-ref", pointer, message))
            rewrites[pointer] = None
            continue
        if target.startswith("file:") and file_uri.startswith("file:"):
            here = os.path.dirname(unquote(urlparse(file_uri).path))
            relative = os.path.relpath(unquote(urlparse(target).path), here)
            rewrites[pointer] = relative.replace(os.sep, "/") + (f"#{fragment}" if fragment else "")
            continue
        where = f" (against the $id {base!r})" if base != file_uri else ""
        message = (
            f"$ref {ref!r} resolves{where} to {urljoin(base, ref)!r}, which no schema of the"
            " document declares as its $id; the generator never fetches from a network"
        )
        problems.append(("remote-ref", pointer, message))
        rewrites[pointer] = None
    if not rewrites:
        return data, problems
    result = copy.deepcopy(data)
    for pointer, ref in rewrites.items():
        found, node = resolve_pointer(result, pointer)
        if found and isinstance(node, dict):
            if ref is None:
                del node["$ref"]
            else:
                node["$ref"] = ref
    return result, problems


def _schemas(data: dict[str, Any], is_document: bool) -> Iterator[tuple[dict[str, Any], str]]:
    """The schema objects of a document (by its structure), or every mapping outside data
    values of a file that holds only a part of one."""
    if is_document:
        for node, kind, pointer in walk_structure(data):
            if kind == "schema":
                yield node, pointer
        return
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            yield node, pointer
            for key, value in node.items():
                if str(key) not in _DATA_KEYS and not str(key).startswith("x-"):
                    stack.append((value, join_pointer(pointer, str(key))))
        elif isinstance(node, list):
            stack.extend((v, join_pointer(pointer, i)) for i, v in enumerate(node))


def _absolute_ids(ids: dict[str, str], file_uri: str) -> dict[str, str]:
    """schema pointer -> its `$id` made absolute against the ids around it (fragment cut)."""
    bases: dict[str, str] = {}
    for pointer in sorted(ids, key=len):
        outer = _base_of(pointer, bases, file_uri)
        bases[pointer] = urldefrag(urljoin(outer, ids[pointer]))[0]
    return bases


def _base_of(pointer: str, bases: dict[str, str], file_uri: str, inclusive: bool = False) -> str:
    """The base URI at `pointer`: the `$id` of the nearest schema around it (itself too when
    `inclusive`), else the file's."""
    best, best_length = file_uri, -1
    for holder, uri in bases.items():
        inside = pointer.startswith(holder + "/") or (inclusive and pointer == holder)
        if inside and len(holder) > best_length:
            best, best_length = uri, len(holder)
    return best
