"""The short way of building YAML values gives what PyYAML's own resolver and constructor give."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.load.guards import TreeFacts, survey, survey_of
from generator.load.strictparse import DuplicateKey
from generator.load.yamlload import YamlLoader, _from_events, load_yaml, load_yaml_surveyed

_PYYAML_RESOLVE: Any = yaml.resolver.BaseResolver.resolve


class _PyYamlWay(YamlLoader):
    """The same loader with PyYAML's own tag resolution and construction."""

    resolve = _PYYAML_RESOLVE


def _typed(value: Any) -> Any:
    """`value` with the type of every scalar spelled out (1 == 1.0 == True otherwise)."""
    if isinstance(value, dict):
        return [(_typed(key), _typed(item)) for key, item in value.items()]
    if isinstance(value, list | set):
        return [_typed(item) for item in value]
    return type(value).__name__, repr(value)


CASES = {
    "scalars": (
        "a: 1\nb: 0x1F\nc: 0o17\nd: 1_000\ne: 1.5e3\nf: .inf\ng: -.Inf\nh: .nan\ni: yes\n"
        "j: No\nk: on\nl: ~\nm: null\nn:\no: ''\np: 2024-01-02\nq: 2024-01-02T03:04:05Z\n"
        "r: '123'\ns: \"true\"\nt: 1:30\nu: 190:20:30.15\nv: =x\nx: '-'\ny: 0b101\n"
    ),
    "keys": "200: ok\n1.5: f\ntrue: t\nnull: n\n'200': s\n2024-01-02: d\n",
    "explicit tags": "a: !!str 12\nb: !!int '7'\nc: !!float '1'\nd: !!bool 'yes'\ne: !!null ''\n",
    "nested": "a:\n  - b: [1, {c: d}]\n  - - x\n    - y\nz: {}\ne: []\n",
    "merge keys": "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n",
    "a set": "s: !!set {a, b}\n",
    "ordered map": "o: !!omap [a: 1, b: 2]\n",
    "a value key": "=: v\n",
    "binary": "b: !!binary aGVsbG8=\n",
    "deep": "a: " + "[" * 250 + "1" + "]" * 250 + "\n",
    "deep mappings": "".join("  " * depth + "k:\n" for depth in range(250)) + "  v: 1\n",
    "too deep for libyaml": "a: " + "[" * 1200 + "]" * 1200 + "\n",
    "anchors and aliases": "a: &x {k: 1}\nb: *x\nc: &s text\nd: *s\n",
    "an anchor defined twice": "a: &x 1\nb: &x 2\nc: *x\n",
    "an undefined alias": "a: *nothing\n",
    "several documents": "a: 1\n---\nb: 2\n",
    "a syntax error": "a: [1, 2\nb: 3\n",
    "a document start": "--- \na: 1\n...\n",
    "tag directives": "%TAG !e! tag:yaml.org,2002:\n---\na: !e!int '5'\n",
    "a custom tag": "a: !thing 5\n",
    "the non-specific tag": "a: ! 12\nb: ! {c: ! [1]}\n",
    "list as a key": "? [a, b]\n: c\n",
    "empty document": "",
    "a plain scalar": "just text\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_values_are_pyyamls(name: str) -> None:
    text = CASES[name]
    try:
        expected = _typed(yaml.load(text, Loader=_PyYamlWay))
    except yaml.YAMLError as error:
        with pytest.raises(type(error)):
            load_yaml(text)
        return
    assert _typed(load_yaml(text)) == expected


def test_an_alias_is_the_same_object() -> None:
    loaded = load_yaml("a: &x {k: [1]}\nb: *x\nc: &l [1]\nd: *l\n")
    assert loaded["a"] is loaded["b"]
    assert loaded["c"] is loaded["d"]


def test_a_mapping_may_hold_itself() -> None:
    loaded = load_yaml("a: &x\n  self: *x\n  n: 1\n")
    assert loaded["a"]["self"] is loaded["a"]
    assert loaded["a"]["n"] == 1


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "x:\n  - {k: 1, k: 2}\n", "a: {b: 1, 'b': 2}\n"])
def test_a_key_written_twice_is_an_error(text: str) -> None:
    with pytest.raises(DuplicateKey):
        load_yaml(text)


def test_the_tags_of_plain_scalars_are_pyyamls() -> None:
    loader = YamlLoader("")
    plain = (True, False)
    words = ["", "x", "yes", "NO", "~", "null", "Null", "12", "-1", "+3", "1.", ".5", ".NaN"]
    words += ["2001-12-14", "<<", "=", "0x_1", "1:2", "_", "-", "true1", "é", "Yes please"]
    for word in words:
        for implicit in (plain, (False, True)):
            expected = _PYYAML_RESOLVE(loader, yaml.ScalarNode, word, implicit)
            assert loader.resolve(yaml.ScalarNode, word, implicit) == expected, word
    for kind in (yaml.MappingNode, yaml.SequenceNode):
        expected = _PYYAML_RESOLVE(loader, kind, None, plain)
        assert loader.resolve(kind, None, plain) == expected
    loader.dispose()


@pytest.mark.parametrize("name", ["scalars", "keys", "explicit tags", "nested", "deep mappings"])
def test_plain_documents_are_built_from_events(name: str) -> None:
    loader = YamlLoader(CASES[name])
    try:
        built, facts = _from_events(loader)
    finally:
        loader.dispose()
    assert _typed(built) == _typed(yaml.load(CASES[name], Loader=_PyYamlWay))
    assert facts == _counted(built)


def _counted(value: Any, depth: int = 0) -> TreeFacts:
    """The facts of a tree, counted by walking it."""
    if not isinstance(value, dict | list):
        return TreeFacts(1, 0, False)
    children = list(value.values()) if isinstance(value, dict) else value
    below = [_counted(child, depth + 1) for child in children]
    ref = value.get("$ref") if isinstance(value, dict) else None
    refs = frozenset({ref} if isinstance(ref, str) else ()).union(*(b.refs for b in below))
    return TreeFacts(
        1 + sum(b.nodes for b in below),
        max([depth, *(b.depth for b in below if b.depth)]),
        (isinstance(ref, str) and not ref.startswith("#")) or any(b.external_refs for b in below),
        refs,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n", TreeFacts(2, 0, False)),
        ("a: {b: [1, {c: 2}]}\n", TreeFacts(6, 3, False)),
        ("a:\n  $ref: '#/b'\nb: 1\n", TreeFacts(4, 1, False, frozenset({"#/b"}))),
        ("a:\n  - $ref: other.yaml#/b\n", TreeFacts(4, 2, True, frozenset({"other.yaml#/b"}))),
        ("a: &x {b: 1}\nc: *x\n", None),  # an alias: PyYAML's way builds it, shared nodes
    ],
)
def test_the_facts_are_what_a_walk_counts(text: str, expected: TreeFacts | None) -> None:
    value, facts = load_yaml_surveyed(text)
    assert facts == expected
    if facts is not None:
        assert facts == _counted(value)
        assert survey_of(facts) == survey(value)
