"""How a big SDK's models are split into modules that load on first use.

Types that refer to one another in a cycle must share a module (their annotations name each
other); everything else gets a module of its own, which imports the modules of the types it
names. Components come out of Tarjan's algorithm dependencies first, so module imports never
form a cycle.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

Node = TypeVar("Node")


def components(nodes: Sequence[Node], edges: Mapping[Node, set[Node]]) -> list[list[Node]]:
    """Strongly connected components of `edges`, each after every component it points to;
    members in the order of `nodes`. Iterative: deep reference chains do not recurse."""
    order = {node: position for position, node in enumerate(nodes)}
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    found: list[list[Node]] = []
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[Node, list[Node]]] = []
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work.append((root, sorted(edges.get(root, ()), key=order.__getitem__, reverse=True)))
        while work:
            node, pending = work[-1]
            if pending:
                target = pending.pop()
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    targets = sorted(edges.get(target, ()), key=order.__getitem__, reverse=True)
                    work.append((target, targets))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members: list[Node] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                found.append(sorted(members, key=order.__getitem__))
    return found
