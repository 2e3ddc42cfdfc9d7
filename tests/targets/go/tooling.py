"""The Go toolchain the Go tests run, offline: `make go` installs it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.targets.go.package import go_environment


def go() -> str:
    """The `go` command; skips the test naming `make go` when it is missing."""
    found = shutil.which("go")
    if found is None:
        pytest.skip("the Go toolchain is not installed: run `make go`")
    return found


def run_go(args: list[str], cwd: Path, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`go <args>` in `cwd`, offline (GOPROXY=off), with its build cache in `cache`."""
    environment = {**go_environment(cache), "GOCACHE": str(cache / "gocache"), **env}
    return subprocess.run(
        [go(), *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=600,
        check=False,
    )  # fmt: skip


def consumer_module(folder: Path, module: str, sdk: Path) -> Path:
    """A throwaway module in `folder` that imports the SDK at `sdk` through `replace`."""
    folder.mkdir(parents=True, exist_ok=True)
    major = re.search(r"/v([2-9][0-9]*)$", module)
    version = f"v{major.group(1)}.0.0" if major else "v0.0.0"  # Go checks a /vN path's major
    (folder / "go.mod").write_text(
        f"module example.com/consumer\n\ngo 1.19\n\nrequire {module} {version}\n\n"
        f"replace {module} => {sdk}\n",
        encoding="utf-8",
    )
    return folder
