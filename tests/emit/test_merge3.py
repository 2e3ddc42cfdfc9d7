"""The three-way merge and the unified diffs patches are kept in, case by case."""

from __future__ import annotations

import re

import pytest

from generator.emit.merge3 import merge3
from generator.emit.unidiff import PatchFormatError, apply_patch, make_patch, parse_hunks

BASE = "a\nb\nc\nd\ne\nf\ng\n"

# name: (ours = the new render, theirs = the saved edit, merged, or None for a conflict)
CASES: dict[str, tuple[str, str, str | None]] = {
    "only the edit": (BASE, "a\nb\nX\nd\ne\nf\ng\n", "a\nb\nX\nd\ne\nf\ng\n"),
    "only the render": ("a\nB\nc\nd\ne\nf\ng\n", BASE, "a\nB\nc\nd\ne\nf\ng\n"),
    "apart": ("A\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nd\ne\nf\nG\n", "A\nb\nc\nd\ne\nf\nG\n"),
    "same change": ("a\nX\nc\nd\ne\nf\ng\n", "a\nX\nc\nd\ne\nf\ng\n", "a\nX\nc\nd\ne\nf\ng\n"),
    "insert and delete apart": (
        "a\nnew\nb\nc\nd\ne\nf\ng\n",
        "a\nb\nc\nd\ne\ng\n",
        "a\nnew\nb\nc\nd\ne\ng\n",
    ),
    "edit appended at the end": (
        "A\nb\nc\nd\ne\nf\ng\n",
        BASE + "tail\n",
        "A\nb\nc\nd\ne\nf\ng\ntail\n",
    ),
    "same line changed twice": ("a\nb\nY\nd\ne\nf\ng\n", "a\nb\nX\nd\ne\nf\ng\n", None),
    "two inserts at one place": ("a\nb\nP\nc\nd\ne\nf\ng\n", "a\nb\nQ\nc\nd\ne\nf\ng\n", None),
}


@pytest.mark.parametrize("name", CASES)
def test_merge(name: str) -> None:
    ours, theirs, merged = CASES[name]
    result = merge3(*(t.splitlines(keepends=True) for t in (BASE, ours, theirs)))
    if merged is None:
        assert result.conflicts and "".join(result.lines) == ours
    else:
        assert not result.conflicts and "".join(result.lines) == merged


def test_a_conflict_says_where_it_is_on_each_side() -> None:
    ours = "a\nb\nY\nd\ne\nf\ng\n".splitlines(keepends=True)
    theirs = "a\nb\nX\nX2\nd\ne\nf\ng\n".splitlines(keepends=True)
    (conflict,) = merge3(BASE.splitlines(keepends=True), ours, theirs).conflicts
    assert conflict.base.describe() == "line 3" and conflict.ours.describe() == "line 3"
    assert conflict.theirs.describe() == "lines 3-4"


@pytest.mark.parametrize(
    "edited",
    ["a\nb\nX\nd\ne\nf\ng\n", "", "a\nb\nc\nd\ne\nf\ng", "new\n" + BASE + "more\n", BASE[2:]],
    ids=["change", "emptied", "no final newline", "both ends", "first line gone"],
)
def test_a_patch_applied_to_its_base_gives_the_edit(edited: str) -> None:
    patch = make_patch("pkg/m.py", BASE, edited)
    assert patch.startswith("--- a/pkg/m.py\n+++ b/pkg/m.py\n")
    assert apply_patch(BASE, parse_hunks(patch)) == edited


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ("@@ -3,1 +3,1 @@\n-Q\n+X\n", "line 1: hunk @@ -3,1 +3,1 @@ does not match its base"),
        ("@@ -3 +3 @@\n-c\n+X\nnonsense\n", "line 4: not a diff line: 'nonsense'"),
        ("@@ bad @@\n", "line 1: expected a hunk header"),
    ],
)
def test_a_patch_that_does_not_fit_its_base_is_refused(patch: str, message: str) -> None:
    with pytest.raises(PatchFormatError, match=re.escape(message)):
        apply_patch(BASE, parse_hunks(patch))
