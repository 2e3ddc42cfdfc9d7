"""What packaging steps of every target share: running a tool, and failing with its output."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

from generator.targets.base import ReleaseError


def run(
    command: list[str], what: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> str:
    """The command's standard output; ReleaseError with the end of its output when it fails."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()[-15:]
        raise ReleaseError(f"{what} failed:\n" + "\n".join(output))
    return done.stdout
