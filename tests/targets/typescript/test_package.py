"""The generated package.json and README: buildable with `npm install && npm run build`,
TypeScript pinned to the project's own, a licence, and both ES modules and CommonJS."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.targets.typescript.tooling import node, tsc

SDK = ROOT / "output" / "extend" / "typescript"


def test_the_package_pins_the_projects_typescript_and_has_a_licence() -> None:
    manifest = json.loads((SDK / "package.json").read_text())
    ours = json.loads((ROOT / "package.json").read_text())["devDependencies"]["typescript"]
    assert manifest["devDependencies"] == {"typescript": ours}
    assert manifest["license"] == "UNLICENSED"
    assert manifest["exports"]["."] == {
        "types": "./dist/index.d.ts",
        "import": "./dist/index.js",
        "require": "./dist/cjs/index.js",
    }
    assert manifest["main"] == "./dist/cjs/index.js"


def test_the_readme_builds_with_npm_not_npx_tsc() -> None:
    readme = (SDK / "README.md").read_text()
    assert "npm install && npm run build" in readme
    assert "npx tsc" not in readme
    assert 'require("extend-sdk")' in readme


@pytest.mark.slow
def test_npm_run_build_gives_a_package_both_imported_and_required(tmp_path: Path) -> None:
    """The package's own build script (with the project's tsc on PATH, as `npm install` would
    put its own), then `import` and `require` of the folder by Node."""
    compiler = tsc()
    copy = tmp_path / "extend-sdk"
    shutil.copytree(SDK, copy)
    path = f"{compiler.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    built = subprocess.run(
        ["npm", "run", "--silent", "build"],
        cwd=copy,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    version = json.loads((copy / "package.json").read_text())["version"]
    required = (
        f"const m = require({json.dumps(str(copy))}); console.log(m.VERSION, typeof m.ExtendClient)"
    )
    imported = (
        f"import({json.dumps(str(copy / 'dist' / 'index.js'))}).then((m) => console.log(m.VERSION))"
    )
    for code in (required, imported):
        done = subprocess.run([node(), "-e", code], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split()[0] == version
    assert (
        "function"
        in subprocess.run(
            [node(), "-e", required], capture_output=True, text=True, check=True
        ).stdout
    )
