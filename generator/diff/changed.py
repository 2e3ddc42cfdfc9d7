"""Which spec files a branch changed since a base revision, and what each is compared with.

The release gate of a pull request: a spec file that existed at the base is compared with
itself there; a new file (a new API version) with the version before it in its folder, so a
breaking change shipped as a new version file is caught like an edit.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


class GitError(Exception):
    """git could not answer (not a repository, an unknown revision)."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """NEW compared with OLD: a file of the working tree (`old_path`) or NEW itself at the
    base (`old_path` None)."""

    new: Path
    old_path: Path | None


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise GitError(lines[-1] if lines else f"git {args[0]} exited with {done.returncode}")
    return done.stdout


def merge_base(root: Path, ref: str) -> str:
    """The commit the branch left `ref` at: what a pull request's changes are measured from."""
    return _git(root, "merge-base", ref, "HEAD").strip()


def _versions(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SPEC_SUFFIXES and p.is_file())


def changed_specs(root: Path, base: str, folders: tuple[Path, ...]) -> list[Comparison]:
    """Every spec file in `folders` (each format) added or changed since commit `base`,
    committed or not, with what it is compared with; a first version has nothing before it
    and is left out."""
    listed = _git(root, "diff", "--name-only", "--diff-filter=AMR", base, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    wanted = {folder.resolve() for folder in folders}
    found: list[Comparison] = []
    for name in sorted(set(listed.splitlines()) | set(untracked.splitlines())):
        path = root / name
        if path.suffix not in SPEC_SUFFIXES or path.parent.resolve() not in wanted:
            continue
        if not path.is_file():
            continue
        existed = subprocess.run(
            ["git", "-C", str(root), "cat-file", "-e", f"{base}:{name}"],
            capture_output=True,
            check=False,
        )
        if existed.returncode == 0:
            found.append(Comparison(path, None))
            continue
        earlier = [p for p in _versions(path.parent) if p.stem < path.stem]
        if earlier:
            found.append(Comparison(path, earlier[-1]))
    return found
