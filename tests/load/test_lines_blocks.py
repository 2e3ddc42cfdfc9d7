"""Stepping over a block by searching the text lands where reading every line's indentation
does: blank lines, comments at any indentation, tabs and carriage returns are not content."""

from __future__ import annotations

from generator.load.lines import YamlLines, _indent_or_blank

TEXT = (
    "a:\n"
    "  b: 1\n"
    "# a comment at the margin\n"
    "\n"
    "   \n"
    "  c:\n"
    "    d: 2\n"
    "\t\r\n"
    "  # an indented comment\n"
    "    e: 3\n"
    "  \tf: tab after spaces\n"
    "g: 4\r\n"
    "h:\n"
    "  - 1\n"
    "  -\n"
    "    i: 5\n"
    "j: 6"
)


def _read_line_by_line(lines: list[str], index: int, column: int) -> int:
    for later in range(index + 1, len(lines)):
        indent = _indent_or_blank(lines[later])
        if 0 <= indent <= column:
            return later
    return len(lines)


def test_block_ends_match_reading_every_line() -> None:
    scanned = YamlLines(TEXT)
    lines = TEXT.split("\n")
    for index, line in enumerate(lines):
        column = _indent_or_blank(line)
        if column < 0:
            continue
        expected = _read_line_by_line(lines, index, column)
        assert scanned._block_end(index, column) == expected, (index, line)
        assert scanned._block_end(index, column) == expected  # remembered, the same
