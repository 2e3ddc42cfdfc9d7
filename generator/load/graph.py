"""Strongly connected components of a directed graph (Tarjan's algorithm), for every stage:
the loader's allOf cycles and the Python target's split of models into modules both use it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def strong_components(
    roots: Iterable[Node], successors: Callable[[Node], Iterable[Node]]
) -> list[list[Node]]:
    """The strongly connected components reachable from `roots`, each listed after every
    component it reaches. Nodes are visited from each root in turn and their successors in
    the order given, so the result is deterministic. Iterative: deep specs do not recurse."""
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    found: list[list[Node]] = []

    def enter(node: Node) -> tuple[Node, Iterator[Node]]:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        return node, iter(successors(node))

    for root in roots:
        if root in index:
            continue
        work = [enter(root)]
        while work:
            node, pending = work[-1]
            for target in pending:
                if target not in index:
                    work.append(enter(target))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    found.append(_pop_component(stack, on_stack, node))
    return found


def _pop_component(stack: list[Node], on_stack: set[Node], head: Node) -> list[Node]:
    members: list[Node] = []
    while True:
        member = stack.pop()
        on_stack.discard(member)
        members.append(member)
        if member == head:
            return members
