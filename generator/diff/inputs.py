"""The two sides of a diff, from files or from git; problems come back as diagnostics."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.diagnostics import Diagnostic, Severity, has_errors
from generator.diff.version import Version
from generator.load.cycles import CODE as ALLOF_CYCLE
from generator.load.loader import load_document
from generator.load.structure import ERROR_CODES

GENERATION_ONLY = ERROR_CODES - {ALLOF_CYCLE}
"""Errors that stop generation but not a comparison (an allOf cycle has no meaning to compare)."""


def load_version(
    path: Path,
    *,
    label: str | None = None,
    full_validation: bool = False,
    cache_dir: Path | None = None,
) -> tuple[Version | None, tuple[Diagnostic, ...]]:
    """Load one document as a side of a diff; None when it cannot be read.

    What stops only generation (`GENERATION_ONLY`: a path template with no parameter, two
    operations with one operationId, a header HTTP cannot send) is a warning here: the document
    still says what changed."""
    loaded = load_document(path, full_validation=full_validation, cache_dir=cache_dir)
    diagnostics = tuple(
        replace(d, severity=Severity.WARNING) if d.code in GENERATION_ONLY else d
        for d in loaded.diagnostics
    )
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
