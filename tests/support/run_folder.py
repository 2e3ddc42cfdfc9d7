"""What every test of one run shares: a folder of the run's own, and builds made once in it.

Under pytest-xdist each worker's temporary folder lies in the run's (`pytest-N/popen-gwK`), so
the run's folder is that parent; without xdist it is the session's temporary folder. Either way
it is made for this run and nothing outside it is written.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


def run_folder(factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of this run sees (see the module)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@dataclass(frozen=True, slots=True)
class Built:
    """A build's folder and how its command ended."""

    folder: Path
    returncode: int
    output: str


def built_once(
    factory: pytest.TempPathFactory,
    name: str,
    build: Callable[[Path], subprocess.CompletedProcess[str]],
) -> Built:
    """`build(folder)` run once per test run: the first worker to ask builds into the run's
    folder while holding a lock on it; the others wait, then read how it ended."""
    root = run_folder(factory)
    folder = root / name
    outcome = root / f"{name}.json"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            folder.mkdir(exist_ok=True)
            done = build(folder)
            ended = {"returncode": done.returncode, "output": done.stdout + done.stderr}
            outcome.write_text(json.dumps(ended), encoding="utf-8")
        recorded = json.loads(outcome.read_text(encoding="utf-8"))
    return Built(folder, int(recorded["returncode"]), str(recorded["output"]))
