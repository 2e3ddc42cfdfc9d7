"""YAML read as JSON sees it, built into Python values the short way.

With libyaml, PyYAML spends nearly all of a big document's time composing its node graph (a
node, its marks and several Python calls per scalar) and constructing values from it, while
libyaml's own events come ten times faster. An OpenAPI document is plain mappings, lists and
scalars, so `load_yaml` builds the values straight from the events: a scalar's tag resolved
with one table look-up by its first character, its value made by the very constructors PyYAML
uses. Anything else (anchors and aliases, merge keys, sets, ordered maps, unknown tags, a
mapping or list as a key, a key written twice, several documents, a syntax error) is read
again PyYAML's own way, from the start: both ways give the same values and the same errors.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.load.guards import TreeFacts
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
_NO_KEY = object()
"""The key slot of a mapping whose next scalar is a key."""


class _Unusual(Exception):
    """Something the short way does not build: the text is read PyYAML's way."""


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

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        own = node.value if isinstance(node, yaml.MappingNode) else []
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        check_yaml_mapping(own, mapping)
        return mapping


YamlLoader.add_constructor(TIMESTAMP_TAG, lambda loader, node: loader.construct_scalar(node))


def load_yaml(text: str) -> Any:
    """The value of the YAML document `text` (PyYAML's errors raised as they are)."""
    return load_yaml_surveyed(text)[0]


def load_yaml_surveyed(text: str) -> tuple[Any, TreeFacts | None]:
    """The value of the YAML document `text`, and its facts when it was built from events
    (None when PyYAML's own way built it, as for anchors and aliases)."""
    loader = YamlLoader(text)
    try:
        return _from_events(loader)
    except Exception:  # PyYAML's own way, below, builds it or says what is wrong
        pass
    finally:
        loader.dispose()
    return yaml.load(text, Loader=YamlLoader), None


def _typed_scalar(loader: YamlLoader, tag: str, value: str) -> Any:
    """The value of a scalar whose tag is not a string's: PyYAML's constructor for it."""
    if tag in _SCALAR_TAGS:
        return loader.yaml_constructors[tag](loader, yaml.ScalarNode(tag, value))
    raise _Unusual


def _from_events(loader: YamlLoader) -> tuple[Any, TreeFacts]:
    """The single document of the loader's text, built from its events, and its facts;
    _Unusual (or PyYAML's error) for anything the short way does not build."""
    frames: list[list[Any]] = []
    """[mapping, its pending key or _NO_KEY, entries read] or [list] of each open collection"""
    document: Any = None
    documents = 0
    nodes = 1
    deepest = 0
    external_refs = False
    refs: set[str] = set()
    get_event = loader.get_event
    while True:
        event = get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None:
                raise _Unusual
            tag, value = event.tag, event.value
            if tag is None or tag == "!":  # as `YamlLoader.resolve`, without the call
                tag = STR_TAG
                for candidate, pattern in _RESOLVERS.get(value[:1], _WILDCARD):
                    if event.implicit[0] and pattern.match(value):
                        tag = candidate
                        break
            if tag != STR_TAG and tag != TIMESTAMP_TAG:
                value = _typed_scalar(loader, tag, value)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            mapping = kind is yaml.MappingStartEvent
            if event.anchor is not None or event.tag not in (
                None,
                "!",
                MAP_TAG if mapping else SEQ_TAG,
            ):
                raise _Unusual
            value = {} if mapping else []
            if len(frames) > deepest:
                deepest = len(frames)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = frames.pop()
            closed = frame[0]
            nodes += len(closed)
            if len(frame) == 3:
                if len(closed) < frame[2]:
                    raise _Unusual  # a key twice (or two that read the same): PyYAML's way decides
                ref = closed.get("$ref")
                if isinstance(ref, str):
                    refs.add(ref)
                    external_refs = external_refs or not ref.startswith("#")
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
            continue
        elif kind is yaml.StreamEndEvent:
            return document, TreeFacts(nodes, deepest, external_refs, frozenset(refs))
        elif kind is yaml.StreamStartEvent or kind is yaml.DocumentEndEvent:
            continue
        else:  # an alias
            raise _Unusual
        if not frames:
            document = value
        else:
            frame = frames[-1]
            if len(frame) == 1:
                frame[0].append(value)
            elif frame[1] is _NO_KEY:
                if isinstance(value, dict | list):
                    raise _Unusual
                frame[1] = value
            else:
                frame[0][frame[1]] = value
                frame[1] = _NO_KEY
                frame[2] += 1
        if isinstance(value, dict):
            frames.append([value, _NO_KEY, 0])
        elif isinstance(value, list):
            frames.append([value])
