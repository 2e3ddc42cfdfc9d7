"""The only code that writes what the generator renders: output/ (atomic replacement, manifest,
the staleness check) and build folders such as the docs site."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.emit.encoded import EncodedFiles, utf8
from generator.emit.spread import run_name, spread_subfolders

MANIFEST = "manifest.json"
_AT_FDCWD = -100


def manifest_text(
    files: Mapping[str, str], spec_label: str, spec_sha256: str, protected: tuple[str, ...] = ()
) -> str:
    manifest: dict[str, object] = {
        "generator": f"sdkgen {__version__}",
        "spec": {"path": spec_label, "sha256": spec_sha256},
        "files": {path: hashlib.sha256(utf8(files, path)).hexdigest() for path in sorted(files)},
    }
    if protected:
        manifest["protected"] = sorted(protected)
    return json.dumps(manifest, indent=2, sort_keys=True) + "\n"


def with_manifest(
    files: Mapping[str, str], spec_label: str, spec_sha256: str, protected: tuple[str, ...] = ()
) -> EncodedFiles:
    """The files and their manifest. `protected` folders (each SDK's `lib/`) hold hand-written
    code: nothing is rendered there (ValueError), and the manifest lists them."""
    for path in files:
        if any(path.startswith(folder) for folder in protected):
            raise ValueError(f"refusing to generate into a protected folder: {path!r}")
    result = EncodedFiles.of(files)
    result[MANIFEST] = manifest_text(files, spec_label, spec_sha256, protected)
    return result


def _owned_files(target: Path) -> set[str]:
    """Files the generator wrote last time, from the manifest on disk."""
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = manifest.get("files") if isinstance(manifest, dict) else None
    return set(files) | {MANIFEST} if isinstance(files, dict) else set()


def _disk_files(target: Path) -> set[str]:
    if not target.is_dir():
        return set()
    return {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}


def _safe_relative(path: str) -> bool:
    parts = Path(path).parts
    return bool(parts) and not Path(path).is_absolute() and ".." not in parts


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories in one atomic step (Linux renameat2 RENAME_EXCHANGE).

    Returns False where the platform or file system cannot, and the caller falls back.
    """
    import ctypes  # only when a tree is replaced

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), 2)
    return bool(result == 0)


def _remove_leftovers(target: Path) -> None:
    """Staging folders of an earlier run that was killed: never part of the output."""
    for leftover in target.parent.glob(f".{target.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in target.parent.glob(f".{target.name}.old-*"):
        if target.exists():
            shutil.rmtree(leftover, ignore_errors=True)
        else:  # killed between the two renames of the fallback: put the old tree back
            leftover.rename(target)


def _write_files(staging: Path, files: Mapping[str, str]) -> None:
    """Every file written into a new `staging` folder. Each top-level folder is written under
    a name of its own for this run, then renamed: the file system places it by that name
    (see `emit/spread.py`)."""
    staging.mkdir(exist_ok=True)
    spread_subfolders(staging)
    made: set[Path] = {staging}
    tops = {path.split("/", 1)[0] for path in files if "/" in path}
    placed = {top: run_name(top, tops) for top in sorted(tops)}
    for path in sorted(files):
        top, _, rest = path.partition("/")
        destination = staging / placed[top] / rest if rest else staging / path
        if destination.parent not in made:
            destination.parent.mkdir(parents=True, exist_ok=True)
            made.add(destination.parent)
        destination.write_bytes(utf8(files, path))
    for top, name in placed.items():
        (staging / name).rename(staging / top)


def write_tree(target: Path, files: Mapping[str, str]) -> None:
    """Replace `target` with exactly `files`, keeping files the generator does not own.

    The new tree is built beside the old one and swapped in atomically, so an interruption
    (an error, Ctrl-C, a killed process) leaves either the old tree or the new one, never a mix.
    """
    for path in files:
        if not _safe_relative(path):
            raise ValueError(f"refusing to write outside the output folder: {path!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    staging = target.parent / f".{target.name}.new-{os.getpid()}"
    retired = target.parent / f".{target.name}.old-{os.getpid()}"
    try:
        _write_files(staging, files)
        if target.exists():
            owned = _owned_files(target)
            for path in sorted(_disk_files(target) - owned - set(files)):
                destination = staging / path
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(target / path, destination)
            if _exchange(staging, target):
                staging, retired = retired, staging
            else:
                target.rename(retired)
                staging.rename(target)
        else:
            staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not target.exists():
            retired.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def replace_folder(folder: Path, files: Mapping[str, str]) -> None:
    """A build folder (the docs site) replaced whole: written beside, then swapped in."""
    staging = folder.with_name(f".{folder.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for path in sorted(files):
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(utf8(files, path))
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


@dataclass(frozen=True, slots=True)
class Difference:
    path: str
    kind: str  # added, changed, removed
    diff: str


def compare_tree(
    target: Path, files: Mapping[str, str], max_diff_lines: int = 40
) -> list[Difference]:
    """How `target` on disk differs from `files` (added = missing on disk, and so on)."""
    import difflib  # only `check` and `patches` compare trees

    differences: list[Difference] = []
    for path in sorted(files):
        on_disk = target / path
        try:
            found = on_disk.read_bytes()
        except OSError:
            differences.append(Difference(path, "added", ""))
            continue
        if found != utf8(files, path):
            actual = found.decode("utf-8", errors="replace")
            expected = files[path]
            lines = list(
                difflib.unified_diff(
                    actual.splitlines(keepends=True),
                    expected.splitlines(keepends=True),
                    f"{path} (on disk)",
                    f"{path} (rendered now)",
                    n=2,
                )
            )
            if len(lines) > max_diff_lines:
                more = len(lines) - max_diff_lines
                lines = [*lines[:max_diff_lines], f"... {more} more diff lines\n"]
            differences.append(Difference(path, "changed", "".join(lines)))
    for path in sorted(_owned_files(target) - set(files)):
        if (target / path).exists():
            differences.append(Difference(path, "removed", ""))
    return differences
