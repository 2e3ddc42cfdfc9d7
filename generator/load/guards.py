"""Limits that keep hostile documents from costing unbounded time or memory.

A YAML alias bomb loads into a small graph of shared nodes that every later stage would walk
as if expanded; nesting thousands deep overflows recursive walkers. Both are measured here in
one pass over the loaded document, linear in its distinct nodes, which also notes whether the
document refers to other files (the bundler then need not look).
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


@dataclass(frozen=True, slots=True)
class Survey:
    """What one look over a loaded document found."""

    breach: Breach | None
    """The first limit the document breaks."""
    external_refs: bool | None
    """Whether a mapping holds a `$ref` to another file; None when not looked for (a document
    with shared nodes)."""


@dataclass(frozen=True, slots=True)
class TreeFacts:
    """What `survey` measures of a document, counted by a parser as it built the document as a
    tree (no node reached twice: `yamlload` builds one from events)."""

    nodes: int
    """The root and every value below it (keys are not nodes)."""
    depth: int
    """The depth of its deepest mapping or list (the root's is 0)."""
    external_refs: bool
    """Whether a mapping holds a `$ref` string that does not start with `#`."""
    refs: frozenset[str] = frozenset()
    """Every `$ref` string a mapping holds (data included): when none of them is wrong, the
    check of refs need not look for where they are (`loader.check_refs`)."""


def survey_of(facts: TreeFacts) -> Survey | None:
    """`survey` of the tree `facts` describes, when it breaks no limit; None when it does
    (the walk of `survey` then finds where)."""
    if facts.depth > MAX_DEPTH or facts.nodes > MAX_EXPANDED_NODES:
        return None
    return Survey(None, facts.external_refs)


def survey(document: Any) -> Survey:
    """The first limit the document breaks, or None, and whether it refers to other files."""
    external_refs = _quick_pass(document)
    if external_refs is None:
        return Survey(_first_breach(document), None)
    return Survey(None, external_refs)


def _quick_pass(document: Any) -> bool | None:
    """Whether a mapping holds a `$ref` to another file, for a document that is a tree (no
    mapping or list reached twice, as YAML aliases do) no deeper than MAX_DEPTH with at most
    MAX_EXPANDED_NODES nodes, which breaks no limit; None for any other document, which the
    walk that finds a breach then takes.

    The walk goes one depth at a time: a level's containers are gathered by one list
    comprehension each, and a container reached twice shows as fewer distinct ids than
    containers, at the first level that reaches it again (before any repetition multiplies)."""
    seen: set[int] = set()
    containers = 0
    nodes = 1
    external_refs = False
    level: list[Any] = [document] if isinstance(document, dict | list) else []
    depth = 0
    while level:
        containers += len(level)
        seen.update(map(id, level))
        if depth > MAX_DEPTH or len(seen) != containers:
            return None
        below: list[Any] = []
        for node in level:
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and not ref.startswith("#"):
                    external_refs = True
                children: Any = node.values()
            else:
                children = node
            nodes += len(children)
            below += [child for child in children if isinstance(child, dict | list)]
        level, depth = below, depth + 1
    return external_refs if nodes <= MAX_EXPANDED_NODES else None


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
