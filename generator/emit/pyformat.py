"""Black-formatted generated code without running black over whole modules.

The templates write code the way black would already (quotes, spacing, blank lines,
docstrings, exploded brackets with magic trailing commas), so the only lines black would still
change are those longer than the line length. Black decides how to split a line from that
line's tokens and its depth alone. `linefit` splits the common shapes directly; every other
long line is handed to black by itself, inside a stand-in for its context: a statement at its
depth, or one element of an exploded call, signature, list or dict. All of a module's snippets
go to black as one small module, and each formatted snippet replaces its line. Tests format
whole generated SDKs with black and prove the result byte-identical.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from enum import Enum

from generator.emit.linefit import (
    LINE_LENGTH,
    fit_element,
    fit_parameter,
    fit_return,
    fit_statement,
    width,
)
from generator.load.records import record

_STRINGS = re.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'"
    r"|#[^\n]*",
    re.DOTALL,
)
"""Strings and comments: each string's body as runs of plain characters between escapes (and
lone quotes), which the regex engine takes a run at a time."""
_LONE_STRING = re.compile(r'[ ]*(?:"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\]|\\.)*")')
"""A line that is one string literal: black never splits it."""
_UNSPLITTABLE_ELEMENT = re.compile(
    r'[ ]*(?:"(?:[^"\\]|\\.)*"|[\w.]+)(?:: (?:"(?:[^"\\]|\\.)*"|[\w.]+))?,?'
)
"""An element inside brackets with no brackets or operators of its own (a string, a name,
`key: value`): black leaves it as it is, however long."""
_OPENERS = ("(", "[", "{")
_CLOSERS = (")", "]", "}")
_CUT = "_sdkgen_cut_"


class _Kind(Enum):
    STATEMENT = "statement"
    PARAMETER = "parameter"
    ARGUMENT = "argument"
    LIST_ITEM = "list item"
    DICT_ITEM = "dict item"


@record
class _Snippet:
    first: int
    """Index of the snippet's first line in the module."""
    last: int
    kind: _Kind
    depth: int
    """Depth of the snippet's own lines (of its elements, for the element kinds)."""


def _multiline_string_spans(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the triple-quoted strings that span lines, in order."""
    starts: list[int] = []
    ends: list[int] = []
    if '"""' not in text and "'''" not in text:
        return starts, ends
    for match in _STRINGS.finditer(text):
        value = match.group(0)
        if value.startswith(('"""', "'''")) and "\n" in value:
            starts.append(match.start())
            ends.append(match.end())
    return starts, ends


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Module:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.offsets: list[int] = []
        self._spans: tuple[list[int], list[int]] | None = None
        self._parents: dict[int, tuple[int, int | None]] = {}
        """indent -> (the last line asked about at that indent, its parent)"""

    @property
    def span_starts(self) -> list[int]:
        return self._string_spans()[0]

    @property
    def span_ends(self) -> list[int]:
        return self._string_spans()[1]

    def _string_spans(self) -> tuple[list[int], list[int]]:
        if self._spans is None:
            self._spans = _multiline_string_spans(self.text)
        return self._spans

    def offset(self, index: int) -> int:
        if not self.offsets:
            position = 0
            for line in self.lines:
                self.offsets.append(position)
                position += len(line) + 1
        return self.offsets[index]

    def in_string(self, index: int) -> bool:
        """Whether any part of line `index` is inside a multi-line string."""
        start = self.offset(index)
        end = start + len(self.lines[index])
        at = bisect.bisect_right(self.span_starts, end) - 1
        return at >= 0 and self.span_ends[at] > start

    def parent(self, index: int) -> int | None:
        """The nearest line above with less indentation, outside strings."""
        indent = _indent(self.lines[index])
        if indent == 0:
            return None
        asked, known = self._parents.get(indent, (-1, None))
        stop = asked if 0 <= asked < index else -1
        found: int | None = None
        for above in range(index - 1, stop, -1):
            line = self.lines[above]
            if line[:indent].strip() and not self.in_string(above):
                found = above
                break
        else:
            found = known if stop >= 0 else None
        self._parents[indent] = (index, found)
        return found

    def closer(self, index: int) -> int | None:
        """The line closing the bracket line `index` opens: the next one at its indent."""
        indent = _indent(self.lines[index])
        for below in range(index + 1, len(self.lines)):
            line = self.lines[below]
            if line.strip() and _indent(line) <= indent and not self.in_string(below):
                return below if line.lstrip().startswith(_CLOSERS) else None
        return None

    def opener(self, index: int) -> int | None:
        """The line that opened the bracket line `index` closes: the previous one at its
        indent."""
        indent = _indent(self.lines[index])
        for above in range(index - 1, -1, -1):
            line = self.lines[above]
            if line.strip() and _indent(line) <= indent and not self.in_string(above):
                return above if line.rstrip().endswith(_OPENERS) else None
        return None


def _snippet(module: _Module, index: int) -> _Snippet | None:
    """What to give black for long line `index`; None when black cannot change it."""
    lines = module.lines
    if module.in_string(index) or _LONE_STRING.fullmatch(lines[index]):
        return None
    first = last = index
    stripped = lines[index].strip()
    if stripped.startswith(_CLOSERS):
        opened = module.opener(index)
        if opened is None:
            raise ValueError(f"line {index + 1}: a closing bracket nothing opened")
        first = opened
    if lines[last].rstrip().endswith(_OPENERS):
        closed = module.closer(last)
        if closed is None:
            raise ValueError(f"line {index + 1}: a bracket that is never closed")
        last = closed
    depth = _indent(lines[first]) // 4
    parent = module.parent(first)
    if parent is None or lines[parent].rstrip().endswith(":"):
        return _Snippet(first, last, _Kind.STATEMENT, depth)
    if first == last and _UNSPLITTABLE_ELEMENT.fullmatch(lines[first]):
        return None
    head = lines[parent].strip()
    if head.startswith(("def ", "async def ")):
        kind = _Kind.PARAMETER
    elif head.endswith("("):
        kind = _Kind.ARGUMENT
    elif head.endswith("["):
        kind = _Kind.LIST_ITEM
    elif head.endswith("{"):
        kind = _Kind.DICT_ITEM
    else:
        raise ValueError(f"line {index + 1}: continues a line that opens no bracket")
    return _Snippet(first, last, kind, depth)


_CONTAINERS = {
    _Kind.PARAMETER: ("def _f(", "): pass"),
    _Kind.ARGUMENT: ("_f(", ")"),
    _Kind.LIST_ITEM: ("_x = [", "]"),
    _Kind.DICT_ITEM: ("_x = {", "}"),
}


def _snippet_source(module: _Module, number: int, snippet: _Snippet) -> str:
    """The snippet as a top-level block black can format: wrapped to reach its depth."""
    body = module.lines[snippet.first : snippet.last + 1]
    depth = snippet.depth if snippet.kind is _Kind.STATEMENT else snippet.depth - 1
    out = [f"{_CUT}{number} = 0"]
    out += ["    " * level + "class _W:" for level in range(depth)]
    pad = "    " * depth
    if snippet.kind is _Kind.STATEMENT:
        out += body
        if body[-1].rstrip().endswith(":"):
            out.append(pad + "    pass")
    else:
        opener, closer = _CONTAINERS[snippet.kind]
        out += [pad + opener, *body, pad + closer]
    return "\n".join(out)


def _unwrap(chunk: list[str], snippet: _Snippet) -> list[str]:
    depth = snippet.depth if snippet.kind is _Kind.STATEMENT else snippet.depth - 1
    lines = [line for line in chunk if line.strip()][depth:]
    if snippet.kind is _Kind.STATEMENT:
        if lines and lines[-1].strip() == "pass" and _ends_block(lines[:-1]):
            lines = lines[:-1]
        return lines
    if snippet.kind is _Kind.PARAMETER:
        return lines[1:-2]
    return lines[1:-1]


def _ends_block(lines: Sequence[str]) -> bool:
    return bool(lines) and lines[-1].rstrip().endswith(":")


def _long_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines wider than the line length (a wide character counts two)."""
    half = LINE_LENGTH // 2
    return [
        index
        for index, line in enumerate(lines)
        if len(line) > half and (len(line) > LINE_LENGTH or width(line) > LINE_LENGTH)
    ]


@record
class Plan:
    """A module's long lines: those split here, and the others as one small module of
    snippets for black, with how to put the formatted snippets back."""

    lines: list[str]
    snippets: list[_Snippet]
    source: str
    """The snippets for black; empty when every long line was split here."""
    fitted: dict[int, tuple[int, list[str]]]
    """First line index -> (last line index, the lines that replace them), for lines split
    here."""


def _fit(lines: list[str], snippet: _Snippet) -> list[str] | None:
    if snippet.first != snippet.last:
        if snippet.kind is not _Kind.STATEMENT:
            return None
        return _fit_import(lines, snippet) or _fit_signature(lines, snippet)
    if snippet.kind is _Kind.STATEMENT:
        return fit_statement(lines[snippet.first])
    line = lines[snippet.first]
    if snippet.kind is _Kind.PARAMETER:
        return fit_parameter(line)
    stripped = line.lstrip(" ")
    return fit_element(line[: len(line) - len(stripped)], stripped)


_EXPLODED_IMPORT = re.compile(r"[ ]*from [.\w]+ import \(")
_IMPORTED_NAME = re.compile(r"[ ]*\w+,")


def _fit_import(lines: list[str], snippet: _Snippet) -> list[str] | None:
    """An exploded import (`from x import (`, a name a line with its comma, `)`) whose first
    line alone is too long: black has nothing to split there and leaves it."""
    head, *names, closing = lines[snippet.first : snippet.last + 1]
    if not _EXPLODED_IMPORT.fullmatch(head) or closing.strip() != ")" or not names:
        return None
    inner = _indent(head) + 4
    for name in names:
        if _indent(name) != inner or not _IMPORTED_NAME.fullmatch(name):
            return None
    return [head, *names, closing]


def _fit_signature(lines: list[str], snippet: _Snippet) -> list[str] | None:
    """An exploded signature (`def f(`, one parameter a line, each with its comma, then
    `) -> T:`): black keeps its head, splits each parameter and the closing line alone."""
    head, *parameters, closing = lines[snippet.first : snippet.last + 1]
    if not head.lstrip(" ").startswith(("def ", "async def ")) or width(head) > LINE_LENGTH:
        return None
    out = [head]
    inner = _indent(head) + 4
    for parameter in parameters:
        stripped = parameter.strip()
        if _indent(parameter) != inner or not stripped.endswith(","):
            return None
        if stripped.startswith(_CLOSERS) or stripped.rstrip(",").endswith(_OPENERS):
            return None
        fitted = fit_parameter(parameter)
        if fitted is None:
            return None
        out += fitted
    fitted = fit_return(closing)
    return None if fitted is None else out + fitted


def plan(text: str) -> Plan | None:
    """What black must format in `text`; None when no line needs black."""
    module = _Module(text)
    long_indexes = _long_lines(module.lines)
    if not long_indexes:
        return None
    snippets: dict[int, _Snippet] = {}
    for index in long_indexes:
        found = _snippet(module, index)
        if found is not None:
            snippets.setdefault(found.first, found)
    if not snippets:
        return None
    fitted: dict[int, tuple[int, list[str]]] = {}
    ordered: list[_Snippet] = []
    covered = -1
    for first in sorted(snippets):
        snippet = snippets[first]
        if first <= covered:
            continue  # inside a snippet already taken whole
        covered = snippet.last
        own = _fit(module.lines, snippet)
        if own is not None:
            fitted[first] = (snippet.last, own)
        else:
            ordered.append(snippet)
    source = "\n".join(_snippet_source(module, n, s) for n, s in enumerate(ordered))
    return Plan(module.lines, ordered, source + "\n" if source else "", fitted)


def apply(plan: Plan, formatted: str) -> str:
    """The module of `plan` with each long line replaced by black's version of it."""
    chunks = re.split(rf"^{_CUT}\d+ = 0\n", formatted, flags=re.MULTILINE)[1:]
    if len(chunks) != len(plan.snippets):
        raise ValueError("black merged or dropped the snippets of long lines")
    replacements = {first: own for first, (_last, own) in plan.fitted.items()}
    spans = {first: last for first, (last, _own) in plan.fitted.items()}
    for snippet, chunk in zip(plan.snippets, chunks, strict=True):
        replacements[snippet.first] = _unwrap(chunk.split("\n"), snippet)
        spans[snippet.first] = snippet.last
    out: list[str] = []
    position = 0
    for first in sorted(replacements):
        out += plan.lines[position:first]
        out += replacements[first]
        position = spans[first] + 1
    out += plan.lines[position:]
    return "\n".join(out)


def black_format(source: str) -> str:
    """Black's formatting of a module (a snippet module), in this process."""
    import black
    from black.mode import TargetVersion
    from black.report import NothingChanged

    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
    try:
        return black.format_str(source, mode=mode)
    except NothingChanged:
        return source
