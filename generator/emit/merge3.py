"""Three-way merge of lines: a hand edit (made on an old render) replayed onto a new render.

The classic diff3 walk, written here on `difflib`: lines of the base that both sides kept in
place are stable; between two stable lines each side either left the base alone (the other
side's text wins), made the same change (taken once), or changed it differently (a conflict,
reported with where it sits on every side). Needs no git.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from generator.load.records import record


@record
class Region:
    """Lines `start` (0-based) up to `end` (exclusive) of one side."""

    start: int
    end: int

    def describe(self) -> str:
        """Human line numbers: `12-15`, `12`, or `after line 11` for an empty region."""
        if self.end <= self.start:
            return f"after line {self.start}"
        if self.end - self.start == 1:
            return f"line {self.start + 1}"
        return f"lines {self.start + 1}-{self.end}"


@record
class ConflictRegion:
    """Where the new render and the edit changed the same base lines differently."""

    base: Region
    ours: Region
    theirs: Region


@record
class MergeResult:
    lines: tuple[str, ...]
    """The merged text's lines (ours wherever a region conflicts)."""
    conflicts: tuple[ConflictRegion, ...]


def _matched(base: Sequence[str], other: Sequence[str]) -> dict[int, int]:
    """Each base line kept in `other`, with its index there (strictly increasing)."""
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    kept: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            kept[block.a + offset] = block.b + offset
    return kept


def merge3(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> MergeResult:
    """Merge the change base -> theirs into ours (each a sequence of lines)."""
    to_ours = _matched(base, ours)
    to_theirs = _matched(base, theirs)
    merged: list[str] = []
    conflicts: list[ConflictRegion] = []
    i = j = k = 0
    while True:
        while i < len(base) and to_ours.get(i) == j and to_theirs.get(i) == k:
            merged.append(base[i])
            i, j, k = i + 1, j + 1, k + 1
        sync = i
        while sync < len(base) and not (sync in to_ours and sync in to_theirs):
            sync += 1
        if sync == len(base):
            next_j, next_k = len(ours), len(theirs)
        else:
            next_j, next_k = to_ours[sync], to_theirs[sync]
        if (i, j, k) == (sync, next_j, next_k):
            break
        old, mine, edit = base[i:sync], ours[j:next_j], theirs[k:next_k]
        if mine == edit or edit == old:
            merged.extend(mine)
        elif mine == old:
            merged.extend(edit)
        else:
            merged.extend(mine)
            regions = Region(i, sync), Region(j, next_j), Region(k, next_k)
            conflicts.append(ConflictRegion(*regions))
        i, j, k = sync, next_j, next_k
    return MergeResult(tuple(merged), tuple(conflicts))
