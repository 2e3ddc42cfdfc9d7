"""Doc comments laid out as gofmt lays them out (Go 1.19 reformats the comment before a top-level
declaration by the doc comment syntax: headings, lists, code blocks, link definitions), so the
generated code is gofmt-clean without Go installed. The rules are those of the doc comment
syntax; this module writes them out for the text an API description holds."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.load.records import record

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*$")
_NOT_IN_HEADING = set(';:!?+*/=[]{}_^°&§~%#@<">\\')


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    kind: str
    """para, heading, old_heading, code or list."""


@record
class _Item:
    number: str
    paragraphs: tuple[str, ...]


@record
class _List:
    items: tuple[_Item, ...]
    blank_before: bool
    blank_between: bool


@dataclass(slots=True)
class _Doc:
    blocks: list[tuple[str, str | _List]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


def doc_comment(text: str) -> list[str]:
    """The `//` lines gofmt prints for a doc comment whose text (without `// `) is `text`."""
    doc = _parse(_unindent(text.split("\n")))
    return [_comment_line(line) for line in _print(doc).split("\n")[:-1]]


def _comment_line(line: str) -> str:
    if line == "":
        return "//"
    return "//" + line if line.startswith("\t") else "// " + line


def _indented(line: str) -> bool:
    return line != "" and line[0] in " \t"


def _leading_space(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _unindent(lines: list[str]) -> list[str]:
    """The lines without their common space/tab prefix, blank lines emptied and trimmed."""
    kept = [line.rstrip("\r") for line in lines]
    while kept and kept[0].strip(" \t") == "":
        kept.pop(0)
    while kept and kept[-1].strip(" \t") == "":
        kept.pop()
    if not kept:
        return []
    prefix = _leading_space(kept[0])
    for line in kept[1:]:
        if line.strip(" \t") != "":
            space = _leading_space(line)
            common = 0
            while common < min(len(prefix), len(space)) and prefix[common] == space[common]:
                common += 1
            prefix = prefix[:common]
    out = [line.removeprefix(prefix) for line in kept]
    return ["" if line.strip(" \t\r\n\v\f") == "" else line for line in out]


def _list_marker(line: str) -> tuple[str, str] | None:
    """(number, rest) of a list item's first line; number is empty for a bullet."""
    line = line.strip(" \t\r\n\v\f")
    if line == "":
        return None
    if line[0] in "•*+-":
        number, rest = "", line[1:]
    elif "0" <= line[0] <= "9":
        n = 1
        while n < len(line) and "0" <= line[n] <= "9":
            n += 1
        if n >= len(line) or line[n] not in ".)":
            return None
        number, rest = line[:n], line[n + 1 :]
    else:
        return None
    if not _indented(rest) or rest.strip() == "":
        return None
    return number, rest


def _is_list(line: str) -> bool:
    return _list_marker(line) is not None


def _is_heading(line: str) -> bool:
    return len(line) >= 2 and line[0] == "#" and line[1] in " \t" and line.strip() != "#"


def _is_old_heading(line: str, lines: list[str], at: int) -> bool:
    if at <= 0 or lines[at - 1] != "" or at + 2 >= len(lines) or lines[at + 1] != "":
        return False
    if _leading_space(lines[at + 2]) != "":
        return False
    line = line.strip()
    first, last = line[0], line[-1]
    if not (first.isalpha() and unicodedata.category(first) == "Lu"):
        return False
    if not (last.isalpha() or unicodedata.category(last) == "Nd"):
        return False
    if any(c in _NOT_IN_HEADING for c in line):
        return False
    after_quotes = line.split("'")[1:]
    if any(rest != "s" and not rest.startswith("s ") for rest in after_quotes):
        return False
    after_dots = line.split(".")[1:]
    return not any(rest == "" or rest.startswith(" ") for rest in after_dots)


def _spans(lines: list[str]) -> list[_Span]:
    spans: list[_Span] = []
    i, force_indent = 0, 0
    while True:
        while i < len(lines) and lines[i] == "":
            i += 1
        if i >= len(lines):
            return spans
        start = i
        if i < force_indent or _indented(lines[i]):
            i, span = _indented_span(lines, i, force_indent)
        else:
            i, force_indent, found = _unindented_span(lines, i, force_indent)
            if found is None:
                i = start
                continue
            span = found
        spans.append(span)
        i = span.end


def _indented_span(lines: list[str], i: int, force_indent: int) -> tuple[int, _Span]:
    start = i
    list_ok = _is_list(lines[i]) and i < force_indent
    i += 1
    while i < len(lines) and (
        lines[i] == ""
        or i < force_indent
        or _indented(lines[i])
        or (list_ok and _is_list(lines[i]))
    ):
        if lines[i] == "":
            list_ok = False
        i += 1
    end = i
    while end > start and lines[end - 1] == "":
        end -= 1
    if end < len(lines) and lines[end].startswith("}"):
        end += 1
    return i, _Span(start, end, "list" if _is_list(lines[start]) else "code")


def _unindented_span(lines: list[str], i: int, force_indent: int) -> tuple[int, int, _Span | None]:
    """The paragraph or heading at `i`; None when its lines go to an indented span."""
    start = i
    i += 1
    while i < len(lines) and lines[i] != "" and not _indented(lines[i]):
        i += 1
    end = i
    if i < len(lines) and lines[i] != "" and not _is_list(lines[i]):
        if _is_list(lines[i - 1]):
            force_indent = end
            end -= 1
            while end > start and _is_list(lines[end - 1]):
                end -= 1
        elif lines[i - 1].endswith(("{", "\\")):
            force_indent = end
            end -= 1
        if start == end and force_indent > start:
            return i, force_indent, None
    if end - start == 1 and _is_heading(lines[start]):
        kind = "heading"
    elif end - start == 1 and _is_old_heading(lines[start], lines, start):
        kind = "old_heading"
    else:
        kind = "para"
    return i, force_indent, _Span(start, end, kind)


def _parse(lines: list[str]) -> _Doc:
    doc = _Doc()
    previous_end = 0
    for span in _spans(lines):
        block = lines[span.start : span.end]
        if span.kind == "para":
            _paragraph(doc, block)
        elif span.kind == "heading":
            doc.blocks.append(("heading", block[0][1:].strip()))
        elif span.kind == "old_heading":
            doc.blocks.append(("heading", block[0].strip()))
        elif span.kind == "code":
            doc.blocks.append(("code", "\n".join([*_unindent(block), ""])))
        else:
            doc.blocks.append(("list", _list(block, previous_end < span.start)))
        previous_end = span.end
    return doc


def _link_definition(line: str) -> tuple[str, str] | None:
    if not line.startswith("["):
        return None
    close = line.find("]:")
    if close < 0 or close + 3 >= len(line) or line[close + 2] not in " \t":
        return None
    url = line[close + 3 :].strip()
    scheme, found, _ = url.partition("://")
    if not found or not _SCHEME.match(scheme):
        return None
    return line[1:close], url


def _paragraph(doc: _Doc, lines: list[str]) -> None:
    definitions = [_link_definition(line) for line in lines]
    if all(d is not None for d in definitions):
        doc.links += [d for d in definitions if d is not None]
    else:
        doc.blocks.append(("para", "\n".join(lines)))


def _list(lines: list[str], blank_before: bool) -> _List:
    first = _list_marker(lines[0])
    numbered = first is not None and first[0] != ""
    items: list[tuple[str, list[str]]] = []
    text: list[str] = []
    blank_between = False

    def flush() -> None:
        if items and text:
            items[-1][1].append("\n".join(text))
        text.clear()

    for line in lines:
        marker = _list_marker(line)
        if marker is not None and (marker[0] != "") == numbered:
            flush()
            items.append((marker[0], []))
            line = marker[1]
        line = line.strip(" \t\r\n\v\f")
        if line == "":
            blank_between = True
            flush()
            continue
        text.append(line)
    flush()
    done = tuple(_Item(number, tuple(paragraphs)) for number, paragraphs in items)
    loose = blank_between or any(len(item.paragraphs) != 1 for item in done)
    return _List(done, blank_before or loose, loose)


def _print(doc: _Doc) -> str:
    out: list[str] = []
    for index, (kind, block) in enumerate(doc.blocks):
        blank = block.blank_before if isinstance(block, _List) else True
        if index > 0 and blank:
            out.append("\n")
        if isinstance(block, _List):
            out.append(_print_list(block))
        elif kind == "heading":
            out.append(f"# {block}\n")
        elif kind == "code":
            out.append("".join(f"\t{line}\n" if line else "\n" for line in block.split("\n")[:-1]))
        else:
            out.append(block + "\n")
    text = "".join(out)
    if doc.links:
        used = [link for link in doc.links if _used(link[0], text)]
        unused = [link for link in doc.links if link not in used]
        for group in (used, unused):
            if group:
                text += "\n" + "".join(f"[{name}]: {url}\n" for name, url in group)
    return text


def _used(name: str, text: str) -> bool:
    """Whether a paragraph refers to a link definition as `[name]`."""
    return f"[{name}]" in text


def _print_list(block: _List) -> str:
    out: list[str] = []
    for index, item in enumerate(block.items):
        if index > 0 and block.blank_between:
            out.append("\n")
        out.append("  - " if item.number == "" else f" {item.number}. ")
        for number, paragraph in enumerate(item.paragraphs):
            if number > 0:
                out.append("\n    ")
            out.append(paragraph.replace("\n", "\n    ") + "\n")
    return "".join(out)
