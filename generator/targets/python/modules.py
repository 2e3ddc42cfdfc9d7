"""How a big SDK's models are split into modules that load on first use.

Types that refer to one another in a cycle must share a module (their annotations name each
other); everything else gets a module of its own, which imports the modules of the types it
names. Components come out of Tarjan's algorithm (`generator/load/graph.py`) dependencies
first, so module imports never form a cycle.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from generator.ir.names import Name
from generator.load.graph import strong_components
from generator.targets.python.imports import names_in
from generator.targets.python.views import AliasView, ModelView

Node = TypeVar("Node", bound=Hashable)


def components(nodes: Sequence[Node], edges: Mapping[Node, set[Node]]) -> list[list[Node]]:
    """Strongly connected components of `edges`, each after every component it points to;
    members in the order of `nodes`. Iterative: deep reference chains do not recurse."""
    order = {node: position for position, node in enumerate(nodes)}

    def targets(node: Node) -> list[Node]:
        return sorted(edges.get(node, ()), key=order.__getitem__)

    return [sorted(c, key=order.__getitem__) for c in strong_components(nodes, targets)]


LEAF_TYPES_PER_MODULE = 32
"""Types per module for types that refer to no other type (enums, flat models)."""


def merged_into_sole_users(
    groups: list[list[Name]], edges: Mapping[Name, set[Name]]
) -> list[list[Name]]:
    """Components used by exactly one other component, merged into it (repeatedly): they
    only ever load with it, so a module of their own would cost a file and save nothing.
    Merging along a component's only incoming edge cannot close a cycle."""
    owner = {name: position for position, group in enumerate(groups) for name in group}
    users: dict[int, set[int]] = {position: set() for position in range(len(groups))}
    for position, group in enumerate(groups):
        for name in group:
            for target in edges[name]:
                if owner[target] != position:
                    users[owner[target]].add(position)
    merged_into = list(range(len(groups)))

    def root(position: int) -> int:
        while merged_into[position] != position:
            position = merged_into[position]
        return position

    # dependents come after their dependencies: walk from the last, so chains fold up whole
    for position in range(len(groups) - 1, -1, -1):
        sole = {root(user) for user in users[position]}
        if len(sole) == 1:
            merged_into[position] = sole.pop()
    members: dict[int, list[Name]] = {}
    for position, group in enumerate(groups):
        members.setdefault(root(position), []).extend(group)
    modules = [members[position] for position in sorted(members)]
    # modules that import nothing go first, a few dozen types to a file: loading some types
    # too many is cheaper than a file per enum
    inside = {name: index for index, module in enumerate(modules) for name in module}
    imports_nothing = [
        all(inside[target] == index for name in module for target in edges[name])
        for index, module in enumerate(modules)
    ]
    leaves = [module for module, leaf in zip(modules, imports_nothing, strict=True) if leaf]
    others = [module for module, leaf in zip(modules, imports_nothing, strict=True) if not leaf]
    packed: list[list[Name]] = []
    for module in leaves:
        if packed and len(packed[-1]) + len(module) <= LEAF_TYPES_PER_MODULE:
            packed[-1] = packed[-1] + module
        else:
            packed.append(list(module))
    return packed + others


def on_cycles(edges: Mapping[Name, set[Name]]) -> set[Name]:
    """The nodes that can reach themselves along `edges`: members of a component of more than
    one node, or a node with an edge to itself."""
    found: set[Name] = set()
    for group in components(sorted(edges), edges):
        if len(group) > 1 or group[0] in edges.get(group[0], ()):
            found.update(group)
    return found


def types_names(
    enums: tuple[AliasView, ...], models: tuple[ModelView, ...], aliases: tuple[AliasView, ...]
) -> set[str]:
    """The names a module of these types refers to (`_models.py.j2` writes them)."""
    used: set[str] = set()
    if enums:
        used.add("TypeAlias")
    for enum in enums:
        used |= names_in(enum.annotation)
    for model in models:
        used.add("BaseModel")
        if model.extra_annotation is not None:
            used |= names_in(model.extra_annotation) | {"Field"}
        for field in model.fields:
            used |= names_in(field.code_annotation) | names_in(field.default_code)
    for alias in aliases:
        used.add("TypeAliasType" if alias.recursive else "TypeAlias")
        used |= names_in(alias.code_annotation)
    return used
