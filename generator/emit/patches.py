"""Hand edits of generated files, kept as patches and replayed on every render.

An API's patches live in `patches/<api>/` beside pyproject.toml, reviewed like code: one
unified diff per edited file at `<path in output/<api>>.patch` (so `patches/extend/python/...`,
`patches/extend/typescript/...`), and the exact render it was made on at `.base/<path>`. The
stored base is what makes the replay a true three-way merge: a later render is merged with the
edit against that base, so a spec change elsewhere in the same file merges cleanly and one that
touches the edited lines is a conflict naming the file and the hunk. (Re-rendering the base
from a recorded spec hash and generator version would need that old generator; a stored base
needs nothing.)

This module reads and writes `patches/` only; `write.py` stays the only writer of output/.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from enum import Enum
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.emit.encoded import EncodedFiles
from generator.emit.merge3 import ConflictRegion, merge3
from generator.emit.unidiff import Hunk, PatchFormatError, apply_patch, make_patch, parse_hunks
from generator.load.records import record

BASE_DIR = ".base"
SUFFIX = ".patch"
UNPATCHABLE = frozenset({"manifest.json"})
"""Files a patch may not change: the manifest records what was written, patches included."""


@record
class Patch:
    """One edited file: its saved diff and the render the diff was made on."""

    path: str
    """The file, relative to the API's output folder."""
    patch_file: Path
    base: str
    hunks: tuple[Hunk, ...]
    edited: str
    """The base with the edit applied: what the file looked like when it was saved."""


class State(Enum):
    APPLIED = "applies"
    IN_RENDER = "already in the render (the patch can go)"
    CONFLICT = "conflicts"
    GONE = "no longer applies: the file is not rendered any more"


@record
class Status:
    patch: Patch
    state: State
    detail: str = ""


@record
class Replay:
    """A render with every patch merged in, and what became of each patch."""

    files: EncodedFiles
    statuses: tuple[Status, ...]

    @property
    def failures(self) -> tuple[Status, ...]:
        return tuple(s for s in self.statuses if s.state in (State.CONFLICT, State.GONE))


def _patch_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(f"*{SUFFIX}") if p.is_file() and BASE_DIR not in p.parts)


def load_patches(folder: Path) -> tuple[tuple[Patch, ...], tuple[Diagnostic, ...]]:
    """Every patch under `folder` (`patches/<api>`), or a diagnostic naming the bad one."""
    patches: list[Patch] = []
    problems: list[Diagnostic] = []
    for patch_file in _patch_files(folder):
        path = patch_file.relative_to(folder).as_posix().removesuffix(SUFFIX)
        base_file = folder / BASE_DIR / path
        try:
            base = base_file.read_bytes().decode("utf-8")
        except OSError:
            message = f"the render this patch was made on is missing: {base_file}"
            problems.append(Diagnostic("patch-invalid", message, file=str(patch_file)))
            continue
        try:
            hunks = parse_hunks(patch_file.read_bytes().decode("utf-8"))
            edited = apply_patch(base, hunks)
        except PatchFormatError as error:
            problems.append(Diagnostic("patch-invalid", str(error), file=str(patch_file)))
            continue
        patches.append(Patch(path, patch_file, base, hunks, edited))
    return tuple(patches), tuple(problems)


def _hunks_in(patch: Patch, conflict: ConflictRegion) -> str:
    """The patch's hunks that touch the conflicting base lines, as their headers."""
    low, high = conflict.base.start, max(conflict.base.end, conflict.base.start + 1)
    touching = [
        h.header
        for h in patch.hunks
        if h.base_start < high and low < h.base_start + max(h.base_count, 1)
    ]
    return ", ".join(touching) or "(no hunk: lines next to the edit)"


def _conflict_detail(patch: Patch, conflicts: tuple[ConflictRegion, ...]) -> str:
    parts = [
        f"hunk {_hunks_in(patch, c)}: the render now changes {c.ours.describe()} "
        f"({c.base.describe()} of the render the patch was saved on), which the edit changes too"
        for c in conflicts
    ]
    return "; ".join(parts)


def replay(rendered: Mapping[str, str], patches: tuple[Patch, ...]) -> Replay:
    """`rendered` with each patch merged in three ways (base, new render, edit)."""
    files = EncodedFiles.of(rendered)
    statuses: list[Status] = []
    for patch in patches:
        ours = rendered.get(patch.path)
        if ours is None or patch.path in UNPATCHABLE:
            statuses.append(Status(patch, State.GONE))
            continue
        result = merge3(
            patch.base.splitlines(keepends=True),
            ours.splitlines(keepends=True),
            patch.edited.splitlines(keepends=True),
        )
        if result.conflicts:
            detail = _conflict_detail(patch, result.conflicts)
            statuses.append(Status(patch, State.CONFLICT, detail))
            continue
        merged = "".join(result.lines)
        statuses.append(Status(patch, State.IN_RENDER if merged == ours else State.APPLIED))
        files[patch.path] = merged
    return Replay(files, tuple(statuses))


def failure_diagnostics(replayed: Replay, output: Path) -> tuple[Diagnostic, ...]:
    """Each patch that does not apply, as an error naming the file (and the hunk)."""
    found: list[Diagnostic] = []
    for status in replayed.failures:
        target = output / status.patch.path
        if status.state is State.CONFLICT:
            message = f"patch {status.patch.patch_file} conflicts with the new render of {target}: "
            message += status.detail
            code = "patch-conflict"
        else:
            message = f"patch {status.patch.patch_file}: {target} is not rendered any more"
            code = "patch-stale"
        found.append(Diagnostic(code, message, file=str(status.patch.patch_file)))
    return tuple(found)


def save_patches(folder: Path, rendered: Mapping[str, str], on_disk: Mapping[str, str]) -> int:
    """Write the patches of `patches/<api>/` afresh: one patch (and its base) per rendered file
    whose text on disk differs from the render; files equal to the render have none (their old
    patch goes). Other files in the folder (a README) are kept. Returns the count saved."""
    for old in _patch_files(folder):
        old.unlink()
    shutil.rmtree(folder / BASE_DIR, ignore_errors=True)
    saved = 0
    for path in sorted(rendered):
        edited = on_disk.get(path)
        if path in UNPATCHABLE or edited is None or edited == rendered[path]:
            continue
        for destination, text in (
            (folder / f"{path}{SUFFIX}", make_patch(path, rendered[path], edited)),
            (folder / BASE_DIR / path, rendered[path]),
        ):
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(text.encode("utf-8"))
        saved += 1
    _remove_empty_folders(folder)
    return saved


def _remove_empty_folders(folder: Path) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()


def read_texts(target: Path, paths: Mapping[str, str]) -> dict[str, str]:
    """The text on disk under `target` of each of `paths` that exists there."""
    texts: dict[str, str] = {}
    for path in paths:
        try:
            texts[path] = (target / path).read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue
    return texts
