"""YAML read as JSON sees it, built into Python values the short way.

PyYAML's own construction (with libyaml parsing) spends most of a big document's time in
Python: a resolver call per scalar that walks lists of patterns, and a constructor that builds
every mapping through generators so that any graph, however deep or odd, can be built. An
OpenAPI document is plain mappings, lists and scalars, so `YamlLoader` resolves a scalar's tag
with one table look-up by its first character and builds plain nodes in one recursive pass
with the very constructors PyYAML uses for scalars. Anything else (merge keys, sets, ordered
maps, unknown tags, a mapping or list as a key, nesting deeper than `FAST_DEPTH`) is built by
PyYAML's own constructor, from the start: both ways give the same values.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.load.strictparse import check_yaml_mapping

try:
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # libyaml not compiled in: the pure-Python loader is correct, only slower
    _BaseLoader = yaml.SafeLoader

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_SCALAR_TAGS = frozenset(
    {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool"}
    | {"tag:yaml.org,2002:null"}
)
"""Scalar tags built by PyYAML's own scalar constructors (strings and dates are their text)."""
FAST_DEPTH = 200
"""Deeper than this, PyYAML's iterative constructor builds the document (no deep recursion)."""


class _Unusual(Exception):
    """A node the short way does not build: the whole document is built PyYAML's way."""


def _resolvers_by_first_character() -> dict[str, tuple[tuple[str, Any], ...]]:
    """PyYAML's implicit resolvers, by the first character of the scalars they may match ("" for
    the empty scalar), each list followed by the resolvers for any first character."""
    table: dict[Any, list[tuple[str, Any]]] = _BaseLoader.yaml_implicit_resolvers
    wildcard = table.get(None, [])
    return {first: (*found, *wildcard) for first, found in table.items() if first is not None}


_RESOLVERS = _resolvers_by_first_character()
_WILDCARD: tuple[tuple[str, Any], ...] = tuple(_BaseLoader.yaml_implicit_resolvers.get(None, []))


class YamlLoader(_BaseLoader):  # type: ignore[misc]
    """YAML as JSON sees it: an unquoted date stays the string it was written as, and a key
    written twice in one mapping is an error (DuplicateKey), not a silent overwrite."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a node written without one: PyYAML's answer (this loader has no path
        resolvers), found with one look-up."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in _RESOLVERS.get(value[:1], _WILDCARD):
                    if pattern.match(value):
                        return tag
            return STR_TAG
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG

    def construct_document(self, node: yaml.Node) -> Any:
        """The value of the document `node`: built the short way when it is plain."""
        try:
            return self._build(node, {}, 0)
        except _Unusual:
            return super().construct_document(node)

    def _build(self, node: yaml.Node, built: dict[int, Any], depth: int) -> Any:
        """`node`'s value; `built` holds the mappings and lists already built (an alias is the
        node it names, and so gets the same object)."""
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag in (STR_TAG, TIMESTAMP_TAG):
                return node.value
            if tag in _SCALAR_TAGS:
                return self.yaml_constructors[tag](self, node)
            raise _Unusual
        known = built.get(id(node))
        if known is not None:
            return known
        if depth > FAST_DEPTH:
            raise _Unusual
        if tag == SEQ_TAG and isinstance(node, yaml.SequenceNode):
            items: list[Any] = []
            built[id(node)] = items
            items.extend(self._build(item, built, depth + 1) for item in node.value)
            return items
        if tag != MAP_TAG or not isinstance(node, yaml.MappingNode):
            raise _Unusual
        mapping: dict[Any, Any] = {}
        built[id(node)] = mapping
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unusual
            key = self._build(key_node, built, depth + 1)
            mapping[key] = self._build(value_node, built, depth + 1)
        check_yaml_mapping(node.value, mapping)
        return mapping

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        own = node.value if isinstance(node, yaml.MappingNode) else []
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        check_yaml_mapping(own, mapping)
        return mapping


YamlLoader.add_constructor(TIMESTAMP_TAG, lambda loader, node: loader.construct_scalar(node))


def load_yaml(text: str) -> Any:
    """The value of the YAML document `text` (PyYAML's errors raised as they are)."""
    return yaml.load(text, Loader=YamlLoader)
