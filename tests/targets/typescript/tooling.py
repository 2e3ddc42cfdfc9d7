"""The Node tools the TypeScript tests run: tsc from the project's dev tools, node itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

TSC = ROOT / "node_modules" / ".bin" / "tsc"


def tsc() -> Path:
    """The project's TypeScript compiler; skips when it is not installed."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the TypeScript SDK cannot be compiled or run here")
    if not TSC.exists():
        pytest.skip("TypeScript is not installed: `make test` installs it (npm ci)")
    return TSC


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.skip("node is not installed: the TypeScript SDK cannot be run here")
    return found


def compile_sdk(sdk: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`tsc --strict -p <sdk>` with extra arguments (`--noEmit`, `--outDir`)."""
    return subprocess.run(
        [str(tsc()), "--strict", "-p", str(sdk / "tsconfig.json"), *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
