"""Tarjan's strongly connected components, shared by the allOf cycle check and the Python
target's model split."""

from __future__ import annotations

import pytest

from generator.load.graph import strong_components

CASES = [
    ("no edges", ["a", "b"], {}, [["a"], ["b"]]),
    ("a chain, dependencies first", ["a"], {"a": ["b"], "b": ["c"]}, [["c"], ["b"], ["a"]]),
    ("a self loop", ["a"], {"a": ["a"]}, [["a"]]),
    (
        "a cycle with a tail",
        ["a"],
        {"a": ["b"], "b": ["c"], "c": ["a", "d"]},
        [["d"], ["c", "b", "a"]],
    ),
    (
        "two cycles joined one way",
        ["x", "a"],
        {"a": ["b"], "b": ["a", "x"], "x": ["y"], "y": ["x"]},
        [["y", "x"], ["b", "a"]],
    ),
    ("a root reached from an earlier root", ["a", "b"], {"a": ["b"]}, [["b"], ["a"]]),
]


@pytest.mark.parametrize(
    ("roots", "edges", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_components_come_after_what_they_reach(
    roots: list[str], edges: dict[str, list[str]], expected: list[list[str]]
) -> None:
    assert strong_components(roots, lambda node: edges.get(node, [])) == expected


def test_a_deep_chain_does_not_recurse() -> None:
    depth = 50_000
    edges = {i: [i + 1] for i in range(depth)}
    found = strong_components([0], lambda node: edges.get(node, []))
    assert len(found) == depth + 1
    assert found[0] == [depth] and found[-1] == [0]
