"""ruff over generated code, with the rules users commonly run over a whole tree (vendored
SDKs included): pyflakes, pycodestyle's errors and warnings, pyupgrade."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

RUFF_SELECT = "F,E4,E7,E9,W,UP"
_FOUND = re.compile(r"Found (\d+) errors?")


def ruff_findings(folder: Path) -> tuple[int, str]:
    """(how many findings, ruff's report) for every Python file under `folder`; ruff's own
    configuration files are ignored, as a user's tree would not carry ours."""
    command = [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache"]
    checked = subprocess.run(
        [*command, "--select", RUFF_SELECT, "--output-format", "concise", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if checked.returncode == 0:
        return 0, ""
    found = _FOUND.search(checked.stdout)
    report = (checked.stdout + checked.stderr)[-4000:]
    return (int(found.group(1)) if found else 1), report
