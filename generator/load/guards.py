"""Limits that keep hostile documents from costing unbounded time or memory.

A YAML alias bomb loads into a small graph of shared nodes that every later stage would walk
as if expanded; nesting thousands deep overflows recursive walkers. Both are measured here in
one pass over the loaded document, linear in its distinct nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.diagnostics import join_pointer

MAX_EXPANDED_NODES = 5_000_000
MAX_DEPTH = 256


@dataclass(frozen=True, slots=True)
class Breach:
    code: str
    pointer: str
    message: str


Trail = tuple["Trail", str] | None
"""The tokens from the document's root to a node, innermost last, as linked pairs: the walk
spells a pointer only for the node it reports."""


def _pointer(trail: Trail) -> str:
    tokens: list[str] = []
    while trail is not None:
        trail, token = trail
        tokens.append(token)
    return join_pointer("", *reversed(tokens))


def check_shape(document: Any) -> Breach | None:
    """The first limit the document breaks, or None."""
    if _plainly_within(document):
        return None
    return _first_breach(document)


def _plainly_within(document: Any) -> bool:
    """Whether the document is a tree (no mapping or list reached twice, as YAML aliases do)
    no deeper than MAX_DEPTH with at most MAX_EXPANDED_NODES nodes: then it breaks no limit.
    One quick pass; False sends the document to the walk that finds the breach, if any."""
    seen: set[int] = set()
    nodes = 1
    stack: list[tuple[Any, int]] = [(document, 0)] if isinstance(document, dict | list) else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH or id(node) in seen:
            return False
        seen.add(id(node))
        children = node.values() if isinstance(node, dict) else node
        nodes += len(children)
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return nodes <= MAX_EXPANDED_NODES


def _first_breach(document: Any) -> Breach | None:
    """The first limit the document breaks, counting a node reached twice each time."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, Trail, int, bool]] = [(document, None, 0, False)]
    while stack:
        node, trail, depth, done = stack.pop()
        if depth > MAX_DEPTH:
            message = f"the document nests more than {MAX_DEPTH} levels deep"
            return Breach("nesting-too-deep", _pointer(trail), message)
        if not isinstance(node, dict | list):
            continue
        key = id(node)
        if done:
            children = node.values() if isinstance(node, dict) else node
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            sizes[key] = total
            if total > MAX_EXPANDED_NODES:
                message = (
                    f"the document expands to more than {MAX_EXPANDED_NODES:,} nodes "
                    "(YAML aliases repeating the same content)"
                )
                return Breach("alias-bomb", _pointer(trail), message)
            continue
        if key in sizes:
            continue
        sizes[key] = 1  # provisional: a cycle through aliases counts once
        stack.append((node, trail, depth, True))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for token, child in items:
            if isinstance(child, dict | list) and id(child) not in sizes:
                stack.append((child, (trail, str(token)), depth + 1, False))
    return None
