"""The two sides of a diff, from files or from git; problems come back as diagnostics."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.diagnostics import Diagnostic, has_errors
from generator.diff.version import Version
from generator.load.loader import load_document


def load_version(
    path: Path,
    *,
    label: str | None = None,
    full_validation: bool = False,
    cache_dir: Path | None = None,
) -> tuple[Version | None, tuple[Diagnostic, ...]]:
    """Load one document as a side of a diff; None when it has errors."""
    loaded = load_document(path, full_validation=full_validation, cache_dir=cache_dir)
    diagnostics = loaded.diagnostics
    if label is not None:
        diagnostics = tuple(replace(d, file=label) for d in diagnostics)
    if loaded.document is None or has_errors(diagnostics):
        return None, diagnostics
    return Version(label or str(path), loaded.document, loaded.source, loaded.model), diagnostics


def load_from_git(
    ref: str, path: Path, *, full_validation: bool = False, cache_dir: Path | None = None
) -> tuple[Version | None, tuple[Diagnostic, ...]]:
    """`path` as it was at git revision `ref` (`git show REF:./path`)."""
    label = f"{ref}:{path}"
    folder = path.parent if str(path.parent) else Path(".")
    try:
        shown = subprocess.run(
            ["git", "-C", str(folder), "show", f"{ref}:./{path.name}"],
            capture_output=True,
            check=False,
        )
    except OSError as error:
        return None, (Diagnostic("git-failed", f"cannot run git: {error}", file=label),)
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        message = reason[-1] if reason else f"git show exited with {shown.returncode}"
        return None, (Diagnostic("git-failed", message, file=label),)
    with tempfile.TemporaryDirectory(prefix="sdkgen-diff-") as folder_name:
        copy = Path(folder_name) / path.name
        copy.write_bytes(shown.stdout)
        return load_version(copy, label=label, full_validation=full_validation, cache_dir=cache_dir)
