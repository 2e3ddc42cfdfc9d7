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
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
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
    """A YAML text cut into lines, for any number of pointer look-ups. A look-up reads the
    indentation of the lines it passes only, and steps over a block with one search of the
    text for the next line indented no deeper (blank and comment lines skipped)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self._starts: list[int] | None = None
        self._ends: dict[int, int] = {}
        """Each line's block end found so far: look-ups walk the same siblings again."""
        self._keyed: dict[_Place | None, dict[str, _Place]] = {}
        """The first entry of each key below each mapping read so far."""
        self._searched: dict[tuple[_Place | None, str], _Place | None] = {}
        """Entries found by a search of the text (`_searched_key`), by mapping and key."""
        content = [line for line in self.lines[:3] if _indent_or_blank(line) >= 0]
        first = content[0].strip() if content else ""
        # pretty-printed JSON (one member per line, nested members indented) is read the same
        # way: members are keys, array items are entries, closing brackets are skipped
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
            place = _Place(
                next(i for i, line in enumerate(self.lines) if _indent_or_blank(line) >= 0), 0
            )
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
        if place is not None and place.inline is not None:
            yield _Place(place.line, place.inline)
            level, start, floor, dashes_continue = place.inline, place.line + 1, place.inline, False
        else:
            level = -1
            start = place.line + 1 if place is not None else 0
            floor = place.column + 1 if place is not None else 0
            # a sequence may be written level with its key: those dashes stay in the key's block
            dashes_continue = place is not None and not self._is_dash(place)
        index = start
        while index < len(self.lines):
            column = _indent_or_blank(self.lines[index])
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
            index = self._block_end(index, column)  # over the entry's own block, to its sibling

    def _block_end(self, index: int, column: int) -> int:
        """The line after line `index`'s block: the next content line indented `column` or less
        (the number of lines when there is none)."""
        end = self._ends.get(index)
        if end is None:
            starts = self._line_starts()
            found = _shallow_line(column).search(self.text, starts[index + 1] - 1)
            end = len(self.lines) if found is None else bisect_left(starts, found.start() + 1)
            self._ends[index] = end
        return end

    def _dash_at(self, index: int, column: int) -> bool:
        line = self.lines[index]
        return line.startswith("- ", column) or line[column:].rstrip() == "-"

    def _key_child(self, place: _Place | None, token: str) -> _Place | None:
        keyed = self._keyed.get(place)
        if keyed is None and _PLAIN_KEY.match(token) and not self.json:
            found = self._searched.get((place, token))
            if found is None:
                found = self._searched[place, token] = self._searched_key(place, token)
            if found is not None:
                return found
        if keyed is None:
            keyed = {}
            for entry in self._children(place):
                key = (
                    None if self._is_dash(entry) else _key_at(self.lines[entry.line], entry.column)
                )
                if key is not None:
                    keyed.setdefault(key, entry)
            self._keyed[place] = keyed
        return keyed.get(token)

    def _searched_key(self, place: _Place | None, token: str) -> _Place | None:
        """The entry of the plain key `token` below `place`, found by one search of the text
        for its line at the entries' indentation within `place`'s block (a big mapping's entries
        are not read one by one); None when not found so (the entries are then read)."""
        if place is not None and (place.inline is not None or self._is_dash(place)):
            return None
        first = place.line + 1 if place is not None else 0
        while first < len(self.lines) and _indent_or_blank(self.lines[first]) < 0:
            first += 1
        floor = place.column + 1 if place is not None else 0
        if first == len(self.lines) or _indent_or_blank(self.lines[first]) < floor:
            return None
        level = _indent_or_blank(self.lines[first])
        end = self._block_end(place.line, place.column) if place is not None else len(self.lines)
        starts = self._line_starts()
        line = f"\n{' ' * level}{re.escape(token)}[ \t]*:(?:[ \t]|$)"
        found = re.compile(line, re.MULTILINE).search(
            self.text,
            starts[first] - 1 if first else 0,
            starts[end] if end < len(starts) else len(self.text),
        )
        if found is None:
            if first == 0 and _KEY.match(self.lines[0]) and _key_at(self.lines[0], 0) == token:
                return _Place(0, 0)
            return None
        return _Place(bisect_left(starts, found.start() + 1), level)

    def _line_starts(self) -> list[int]:
        """The offset in the text where each line starts (and one past the end)."""
        if self._starts is None:
            # each line's length plus its line break, summed without a Python call a line
            self._starts = list(accumulate(map((1).__add__, map(len, self.lines)), initial=0))
        return self._starts

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


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_$][A-Za-z0-9_$.-]*\Z")
"""A key written as itself in YAML (no quotes), which a search can find as written."""


@cache
def _shallow_line(column: int) -> re.Pattern[str]:
    """A line break followed by a content line (not blank, not a comment) indented `column`
    spaces or less: what `_indent_or_blank` gives a number from 0 to `column`."""
    return re.compile(rf"\n {{0,{column}}}(?=[^ \n#])(?![^\S\n]*(?:\n|\Z))")


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
