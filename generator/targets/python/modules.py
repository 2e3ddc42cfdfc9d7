"""How a big SDK's models are split into modules that load on first use.

Types that refer to one another in a cycle must share a module (their annotations name each
other); everything else gets a module of its own, which imports the modules of the types it
names. Components come out of Tarjan's algorithm (`generator/load/graph.py`) dependencies
first, so module imports never form a cycle.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from generator.load.graph import strong_components

Node = TypeVar("Node", bound=Hashable)


def components(nodes: Sequence[Node], edges: Mapping[Node, set[Node]]) -> list[list[Node]]:
    """Strongly connected components of `edges`, each after every component it points to;
    members in the order of `nodes`. Iterative: deep reference chains do not recurse."""
    order = {node: position for position, node in enumerate(nodes)}

    def targets(node: Node) -> list[Node]:
        return sorted(edges.get(node, ()), key=order.__getitem__)

    return [sorted(c, key=order.__getitem__) for c in strong_components(nodes, targets)]
