"""Unified diffs of one file: written from two texts, read back and applied to their base.

A saved patch is only ever applied to the exact base it was made on (kept beside it), so
applying is strict: every context and removed line must be where the hunk says, or the patch
file was edited by hand into something that no longer describes its base.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

NO_NEWLINE = "\\ No newline at end of file"
_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


class PatchFormatError(ValueError):
    """A patch that cannot be read or does not fit its base; the message names the line."""


@dataclass(frozen=True, slots=True)
class Hunk:
    header: str
    """`@@ -12,7 +12,9 @@` as written in the patch."""
    base_start: int
    """0-based index of the hunk's first base line."""
    base_count: int
    lines: tuple[str, ...]
    """The hunk's body: lines starting with ' ', '-' or '+', each with its line end."""
    line_number: int
    """Where the header sits in the patch file (1-based)."""


def make_patch(path: str, base: str, edited: str) -> str:
    """The unified diff from `base` to `edited`, named `a/<path>` and `b/<path>`."""
    diff = difflib.unified_diff(
        base.splitlines(keepends=True),
        edited.splitlines(keepends=True),
        f"a/{path}",
        f"b/{path}",
    )
    out: list[str] = []
    for line in diff:
        out.append(line)
        if not line.endswith("\n"):
            out.append(f"\n{NO_NEWLINE}\n")
    return "".join(out)


def parse_hunks(text: str) -> tuple[Hunk, ...]:
    """The hunks of a one-file unified diff."""
    hunks: list[Hunk] = []
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines) and not lines[index].startswith("@@"):
        index += 1
    while index < len(lines):
        header = lines[index].rstrip("\n")
        match = _HUNK.match(header)
        if match is None:
            raise PatchFormatError(f"line {index + 1}: expected a hunk header, found {header!r}")
        start, count = int(match.group(1)), int(match.group(2) or "1")
        body: list[str] = []
        number = index + 1
        index += 1
        while index < len(lines) and not lines[index].startswith("@@"):
            line = lines[index]
            if line.rstrip("\n") == NO_NEWLINE:
                if not body:
                    raise PatchFormatError(f"line {index + 1}: {NO_NEWLINE!r} follows no line")
                body[-1] = body[-1].removesuffix("\n")
            elif line[:1] in (" ", "-", "+"):
                body.append(line)
            else:
                raise PatchFormatError(f"line {index + 1}: not a diff line: {line.rstrip()!r}")
            index += 1
        first = start - 1 if count else start
        hunks.append(Hunk(header, first, count, tuple(body), number))
    return tuple(hunks)


def apply_patch(base: str, hunks: tuple[Hunk, ...]) -> str:
    """`base` with the hunks applied; PatchFormatError when a hunk does not fit it."""
    source = base.splitlines(keepends=True)
    result: list[str] = []
    position = 0
    for hunk in hunks:
        if hunk.base_start < position or hunk.base_start > len(source):
            raise PatchFormatError(f"line {hunk.line_number}: hunk {hunk.header} is out of place")
        result.extend(source[position : hunk.base_start])
        position = hunk.base_start
        for line in hunk.lines:
            if line[0] == "+":
                result.append(line[1:])
                continue
            if position >= len(source) or source[position] != line[1:]:
                raise PatchFormatError(
                    f"line {hunk.line_number}: hunk {hunk.header} does not match its base at "
                    f"line {position + 1}"
                )
            if line[0] == " ":
                result.append(source[position])
            position += 1
    result.extend(source[position:])
    return "".join(result)
