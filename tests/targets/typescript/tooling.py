"""The Node tools the TypeScript tests run: tsc from the project's dev tools, node itself."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.targets.typescript.render import RUNTIME_DIR
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


RUNTIME_OPTIONS = {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "types": [],
    "strict": True,
    "outDir": "dist",
    "rootDir": "src",
    "skipLibCheck": True,
    "noEmitOnError": True,
}
"""How the runtime alone is compiled: strict, ES modules, into `dist/` beside `src/`."""


def compile_runtime(folder: Path) -> subprocess.CompletedProcess[str]:
    """The TypeScript runtime's sources copied into `folder/src` and compiled to `folder/dist`."""
    (folder / "src").mkdir()
    for source in RUNTIME_DIR.glob("*.ts"):
        shutil.copy(source, folder / "src" / source.name)
    config = {"compilerOptions": RUNTIME_OPTIONS, "include": ["src"]}
    (folder / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    (folder / "package.json").write_text('{"type": "module"}', encoding="utf-8")  # ESM output
    return subprocess.run(
        [str(tsc()), "-p", str(folder / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
