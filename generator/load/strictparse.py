"""What YAML and Python's json accept but would lose or misread: keys written twice in one
mapping, JSON's missing numbers (`NaN`, `Infinity`, `-Infinity`), and JSON strings holding a
lone UTF-16 surrogate (`"\\ud800"`), which no UTF-8 file, generated or not, can hold.

Both parsers keep the last of two equal keys and drop the first without a word, and Python's
json module reads the three non-numbers as floats although JSON has no such values. Detection
is cheap and happens while parsing (a length comparison per mapping); only a document that
has such a thing pays for finding where: the text is composed into YAML nodes once (JSON is
YAML) and every mapping's keys are compared, each duplicate with the lines of both.

Pure: text in, findings out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from generator.diagnostics import join_pointer

MERGE_TAG = "tag:yaml.org,2002:merge"


class DuplicateKey(Exception):
    """Raised by a parser hook at the first mapping that holds a key twice."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    pointer: str
    """The pointer of the key (its mapping's pointer and the key)."""
    key: str
    first_line: int
    line: int
    """The line of the second occurrence."""


def json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`object_pairs_hook` for json: a dict, or DuplicateKey when a key is there twice."""
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise DuplicateKey
    return mapping


def check_yaml_mapping(own: list[tuple[yaml.Node, yaml.Node]], constructed: dict[Any, Any]) -> None:
    """Raise DuplicateKey when the mapping's own entries (merge keys removed) repeat a key.

    `constructed` is the mapping built from them (and any merged entries); only when it is
    shorter than the entries are the keys compared, so the common case costs two lengths."""
    if len(constructed) >= len(own):
        return
    keys = [(key.tag, key.value) for key, _ in own if isinstance(key, yaml.ScalarNode)]
    if len(set(keys)) != len(keys):
        raise DuplicateKey


def find_duplicates(text: str, loader: Any) -> list[Duplicate]:
    """Every key written twice in one mapping of `text`, in document order."""
    try:
        root = yaml.compose(text, Loader=loader)
    except (yaml.YAMLError, RecursionError):
        return []
    found: list[Duplicate] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[tuple[str, Any], int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != MERGE_TAG:
                    line = key.start_mark.line + 1
                    where = join_pointer(pointer, str(key.value))
                    if (key.tag, key.value) in first:
                        found.append(
                            Duplicate(where, str(key.value), first[key.tag, key.value], line)
                        )
                    else:
                        first[key.tag, key.value] = line
                    stack.append((value, where))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, join_pointer(pointer, i)) for i, item in enumerate(node.value))
    return sorted(found, key=lambda d: (d.line, d.pointer))


class NonFinite:
    """What json's `parse_constant` hands back for NaN and the infinities: a marker found
    (with its pointer) after parsing, so the diagnostic can name where it is."""

    __slots__ = ("token",)

    def __init__(self, token: str) -> None:
        self.token = token


def find_non_finite(data: Any) -> list[tuple[str, str]]:
    """(pointer, token) of every NonFinite marker in parsed data, in document order."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, NonFinite):
            found.append((pointer, node.token))
        elif isinstance(node, dict):
            items = list(node.items())
            stack.extend((v, join_pointer(pointer, str(k))) for k, v in reversed(items))
        elif isinstance(node, list):
            stack.extend((v, join_pointer(pointer, i)) for i, v in reversed(list(enumerate(node))))
    return found


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def find_lone_surrogates(text: str, data: Any) -> list[tuple[str, int]]:
    """(pointer, line) of each key and string of parsed JSON that holds a lone surrogate (a
    pair is read as the one character it stands for), in document order. Free unless the
    text escapes a surrogate."""
    if not _SURROGATE_ESCAPE.search(text):
        return []
    pointers: list[str] = []
    stack: list[tuple[Any, str, bool]] = [(data, "", False)]
    while stack:
        node, pointer, is_key = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                pointers.append(pointer)
        elif isinstance(node, dict) and not is_key:
            for key, value in reversed(list(node.items())):
                where = join_pointer(pointer, _visible(str(key)))
                stack.append((value, where, False))
                stack.append((str(key), where, True))
        elif isinstance(node, list):
            stack.extend(
                (v, join_pointer(pointer, i), False) for i, v in reversed(list(enumerate(node)))
            )
    lines = [text.count("\n", 0, m.start()) + 1 for m in _LONE_ESCAPE.finditer(text)]
    lines += [1] * (len(pointers) - len(lines))
    return list(zip(pointers, lines, strict=False))


def _visible(text: str) -> str:
    """Text with lone surrogates written as escapes, so it can be printed."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def deep_line(text: str, limit: int) -> int:
    """The line where flow-style nesting (brackets outside strings) first goes past `limit`
    levels; 1 when it never does (deep block-style YAML, say)."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        elif token in "]}":
            depth -= 1
    return 1


def first_content_line(text: str) -> int:
    """The line of a document's first content (blank and comment lines skipped); 1 if none."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "---", "%")):
            return number
    return 1
