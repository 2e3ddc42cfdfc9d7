"""Malformed but parseable documents are diffed without an exception, both ways."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from generator.diff.formats import FORMATS, render
from generator.diff.registry import RULES_BY_ID
from tests.diff.specs import diff, pets

WRONG: tuple[Any, ...] = (
    None,
    7,
    "text",
    True,
    [],
    {},
    [1, "a"],
    {"$ref": "#/nowhere"},
    {"$ref": "#/components/schemas/Pet"},
    {"oneOf": 3, "properties": [1], "enum": "ab", "required": 5},
)


def paths(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*path, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from paths(value, (*path, position))


def broken(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    document = pets()
    node: Any = document
    for token in path[:-1]:
        node = node[token]
    node[path[-1]] = value
    return document


PATHS = list(paths(pets()))


@pytest.mark.parametrize("position", range(len(WRONG)))
def test_every_node_replaced_by_a_wrong_value(position: int) -> None:
    reports = 0
    for index, path in enumerate(PATHS):
        if index % len(WRONG) != position:
            continue
        document = broken(path, WRONG[(index // len(WRONG)) % len(WRONG)])
        for old, new in ((pets(), document), (document, pets())):
            report = diff(old, new)
            assert all(change.rule in RULES_BY_ID for change in report.changes)
            for name in FORMATS:
                assert isinstance(render(report, name), str)
            reports += 1
    assert reports > 0


def everything() -> dict[str, Any]:
    """The pet store with every construct the rules read set at once: lifecycle extensions,
    2020-12 keywords, response headers, allOf bodies, bounds (the `Set` edits of every case)."""
    from tests.diff.cases import CASES
    from tests.diff.specs import Set, apply

    document = pets()
    for case in CASES:
        for edit in (*case.base, *case.revise):
            if isinstance(edit, Set):
                try:
                    apply(document, edit)
                except (KeyError, IndexError, TypeError, ValueError):
                    continue  # an edit that needs another case's base
    return document


@pytest.mark.slow
@pytest.mark.conformance
def test_every_construct_replaced_by_a_wrong_value() -> None:
    full = everything()
    reports = 0
    for index, path in enumerate(paths(full)):
        document = copy.deepcopy(full)
        node: Any = document
        for token in path[:-1]:
            node = node[token]
        node[path[-1]] = WRONG[index % len(WRONG)]
        for old, new in ((full, document), (document, full), (pets(), document)):
            report = diff(old, new)
            assert all(change.rule in RULES_BY_ID for change in report.changes)
            reports += 1
    assert reports > 0
