"""The line a JSON pointer names in block-style YAML text, found by scanning the text.

Composing a big document's YAML node graph only to number a few diagnostics costs about as much
as parsing it (0.8 s on OpenAI's spec). In block style a child key sits on its own line, more
indented than its parent and level with its siblings, and a sequence item starts with `- ` at
one indentation, so a pointer can be followed line by line without building anything. Where
this scan cannot follow a pointer (flow style, JSON, anchors, keys spread over lines) it says
so, and the caller falls back to the node graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

UNKNOWN = -1
"""The scan could not follow the pointer in this text."""

_KEY = re.compile(
    r"""(?:"(?P<double>(?:[^"\\]|\\.)*)"|'(?P<single>(?:[^']|'')*)'"""
    r"""|(?P<plain>(?:[^\s#'"{}\[\],&*!|>%@`:?-]|[-?:](?=\S))"""
    r"""(?:[^\s:]|:(?=\S)|[ \t]+(?=[^\s#:]))*))"""
    r"""[ \t]*:(?:[ \t]|$)"""
)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a node is written: its line, the column of its key or dash, and, for a sequence
    item whose content starts on the dash's line, the column of that content."""

    line: int
    column: int
    inline: int | None = None


class YamlLines:
    """A YAML text cut into lines, with each line's indentation (-1 for blank and comment
    lines) worked out once, for any number of pointer look-ups."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.indents = [_indent_or_blank(line) for line in self.lines]
        content = [line for line in self.lines[:3] if _indent_or_blank(line) >= 0]
        first = content[0].strip() if content else ""
        # pretty-printed JSON (one member per line, nested members indented) is read the same
        # way: members are keys, array items are entries, closing brackets are skipped
        self._after: list[int] | None = None
        self.json = first == "{" and len(content) > 1 and content[1].startswith((" ", "\t"))
        self.block_style = self.json or not first.startswith(("{", "[", "---", "%"))

    def find_line(self, data: Any, tokens: list[str]) -> int:
        """1-based line of the node `tokens` names, where `data` is the text parsed.

        When the pointer leaves `data`, the line of the deepest node it reached; UNKNOWN when
        the text is not block style along the pointer's way.
        """
        if not self.block_style:
            return UNKNOWN
        node = data
        place: _Place | None = None
        if self.json:  # the root object's `{` line
            place = _Place(next(i for i, indent in enumerate(self.indents) if indent >= 0), 0)
        for token in tokens:
            if isinstance(node, dict) and token in node:
                node = node[token]
                place = self._key_child(place, token)
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
                place = self._item_child(place, int(token))
            else:
                break
            if place is None:
                return UNKNOWN
        return place.line + 1 if place is not None else 1

    def _is_dash(self, place: _Place) -> bool:
        if self.json:
            return False
        line = self.lines[place.line]
        return line.startswith("- ", place.column) or line[place.column :].rstrip() == "-"

    def _children(self, place: _Place | None) -> Iterator[_Place]:
        """The entries one level below `place` (the document when None), in order."""
        indents = self.indents
        if place is not None and place.inline is not None:
            yield _Place(place.line, place.inline)
            level, start, floor, dashes_continue = place.inline, place.line + 1, place.inline, False
        else:
            level = -1
            start = place.line + 1 if place is not None else 0
            floor = place.column + 1 if place is not None else 0
            # a sequence may be written level with its key: those dashes stay in the key's block
            dashes_continue = place is not None and not self._is_dash(place)
        after = self._after_block()
        index = start
        while index < len(indents):
            column = indents[index]
            if column < 0:
                index += 1
                continue
            level_dash = dashes_continue and column == floor - 1 and self._dash_at(index, column)
            if column < floor and not level_dash:
                return
            if level == -1:
                level = column
            if column != level:
                index += 1
                continue
            if not (self.json and self.lines[index][column] in "}]"):
                yield _Place(index, column)
            index = after[index]  # over the entry's own block, to its next sibling

    def _after_block(self) -> list[int]:
        """For each line, the next line indented no deeper (the end of its block): a big
        block is then stepped over at once instead of line by line."""
        if self._after is None:
            after = [len(self.indents)] * len(self.indents)
            open_lines: list[int] = []
            for index, column in enumerate(self.indents):
                if column < 0:
                    continue
                while open_lines and self.indents[open_lines[-1]] >= column:
                    after[open_lines.pop()] = index
                open_lines.append(index)
            self._after = after
        return self._after

    def _dash_at(self, index: int, column: int) -> bool:
        line = self.lines[index]
        return line.startswith("- ", column) or line[column:].rstrip() == "-"

    def _key_child(self, place: _Place | None, token: str) -> _Place | None:
        for entry in self._children(place):
            if not self._is_dash(entry) and _key_at(self.lines[entry.line], entry.column) == token:
                return entry
        return None

    def _item_child(self, place: _Place | None, position: int) -> _Place | None:
        for seen, entry in enumerate(self._children(place)):
            if self.json:
                if seen == position:
                    return entry
                continue
            if not self._is_dash(entry):
                return None
            if seen == position:
                return self._with_inline(entry)
        return None

    def _with_inline(self, place: _Place) -> _Place:
        line = self.lines[place.line]
        after = place.column + 1
        while after < len(line) and line[after] == " ":
            after += 1
        inline = after if after < len(line) and _indent_or_blank(line[after:]) >= 0 else None
        return _Place(place.line, place.column, inline)


def _indent_or_blank(line: str) -> int:
    stripped = line.lstrip(" ")
    if not stripped or stripped.startswith("#") or stripped.isspace():
        return -1
    return len(line) - len(stripped)


def _key_at(line: str, column: int) -> str | None:
    match = _KEY.match(line, column)
    if match is None:
        return None
    if match.group("double") is not None:
        try:
            return str(match.group("double").encode("utf-8").decode("unicode_escape"))
        except UnicodeDecodeError:
            return None
    if match.group("single") is not None:
        return match.group("single").replace("''", "'")
    return match.group("plain")
