"""Bracket notation read back: the `deepObject` query parameters and form fields clients send as
`name[key]=v` and `name[0]=v` (at any depth), turned into the value they spell and typed by
the schema (through `$ref`, allOf, anyOf and oneOf), so the validator sees what was meant."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.diagnostics import join_pointer
from generator.mock.document import SpecDocument

_KEY = re.compile(r"\[([^\[\]]*)\]")


def base_name(key: str) -> str:
    """The name before the first bracket (`address` of `address[city]`)."""
    return key.split("[", 1)[0]


def _path(key: str, prefix: str) -> list[str] | None:
    """The bracketed parts after `prefix` (`["city"]` of `address[city]`), None when the key
    is not a bracket name of `prefix`."""
    rest = key[len(prefix) :]
    if not key.startswith(prefix) or not rest.startswith("["):
        return None
    parts = _KEY.findall(rest)
    return parts if "".join(f"[{p}]" for p in parts) == rest else None


def bracket_tree(prefix: str, fields: Mapping[str, list[str]]) -> tuple[Any, set[str]]:
    """The value the bracket names of `prefix` spell (objects by key, arrays by index), and the
    keys it was read from; (None, empty) when there are none."""
    root: dict[str, Any] = {}
    consumed: set[str] = set()
    for key, values in fields.items():
        parts = _path(key, prefix)
        if not parts or not values:
            continue
        consumed.add(key)
        node = root
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            node = child if isinstance(child, dict) else node
        node[parts[-1]] = values[-1]
    return (_arrays(root) if consumed else None), consumed


def _arrays(node: Any) -> Any:
    """Objects whose keys are 0, 1, ... as the arrays they stand for."""
    if not isinstance(node, dict):
        return node
    items = {key: _arrays(value) for key, value in node.items()}
    if items and all(key.isdigit() for key in items):
        return [items[key] for key in sorted(items, key=int)]
    return items


def _branches(doc: SpecDocument, pointer: str) -> list[str]:
    """The schema and the anyOf / oneOf members that apply to its value."""
    found = [pointer]
    for ptr, node in doc.facets([pointer]):
        for keyword in ("anyOf", "oneOf"):
            members = node.get(keyword)
            if isinstance(members, list):
                found.extend(join_pointer(ptr, keyword, i) for i in range(len(members)))
    return found


def typed(doc: SpecDocument, value: Any, pointer: str | None) -> Any:
    """Text leaves converted by the schema at `pointer` (integers, booleans, ...)."""
    if pointer is None:
        return value
    if isinstance(value, str):
        return doc.coerce(value, pointer)
    if isinstance(value, list):
        items = next(
            (doc.items_pointer(p) for p in _branches(doc, pointer) if doc.items_pointer(p)), None
        )
        return [typed(doc, item, items) for item in value]
    if isinstance(value, dict):
        props: dict[str, str] = {}
        extra: str | None = None
        for branch in _branches(doc, pointer):
            for name, ptr in doc.property_pointers(branch).items():
                props.setdefault(name, ptr)
            for ptr, node in doc.facets([branch]):
                if isinstance(node.get("additionalProperties"), dict) and extra is None:
                    extra = join_pointer(ptr, "additionalProperties")
        return {key: typed(doc, item, props.get(key, extra)) for key, item in value.items()}
    return value
