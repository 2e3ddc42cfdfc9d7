"""allOf composition cycles: a schema that, through allOf and `$ref`, is made of itself.

`A: {allOf: [{$ref: B}]}` with `B: {allOf: [{$ref: A}]}` defines nothing: merging A needs B
merged, which needs A. (Recursion through properties or items is fine: `children: {items:
{$ref: Node}}` is a tree.) The graph has an edge from each schema to its allOf members and from
each `$ref` schema to what it names; a strongly connected part of it with an allOf edge inside
is one cycle, reported once. Cycles of bare `$ref`s alone are the loader's `ref-cycle`.

The structural checks build the graph on their walk over the schemas (`Edges`); this module
only finds the cycles. Pure: returns (code, pointer, message) findings.
"""

from __future__ import annotations

from generator.load.graph import strong_components

CODE = "allof-cycle"

Edges = dict[str, list[tuple[str, bool]]]
"""schema pointer -> (pointer of an allOf member or of what its `$ref` names, whether allOf)"""


def allof_cycles(edges: Edges, roots: list[str]) -> list[tuple[str, str, str]]:
    """One finding per allOf cycle reachable from `roots` (the schemas that have an allOf),
    at the first schema on it (in pointer order)."""
    findings: list[tuple[str, str, str]] = []

    def targets(source: str) -> list[str]:
        return [target for target, _ in edges.get(source, ())]

    for component in strong_components(sorted(roots), targets):
        members = set(component)
        inside = [
            source
            for source in component
            for target, is_allof in edges.get(source, ())
            if is_allof and target in members
        ]
        closed = len(component) > 1 or any(
            t == component[0] for t, _ in edges.get(component[0], ())
        )
        if not inside or not closed:
            continue
        named = sorted(p for p in members if "/allOf/" not in p) or sorted(members)
        start = min(inside)
        chain = " -> ".join(f"#{p}" for p in [*named, named[0]])
        message = (
            f"allOf makes this schema out of itself ({chain}): nothing is defined; break the"
            " cycle (recursion belongs in a property or items)"
        )
        findings.append((CODE, start, message))
    return sorted(findings, key=lambda f: f[1])
