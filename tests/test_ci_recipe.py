"""The README's CI recipe, run: its pull-request gate on a scratch git repository fails on a
breaking change shipped as a new version file (in JSON), or as an edit of a `.yml` file, and
passes additions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.diff.cases import ITEM, PET
from tests.diff.specs import Drop, Set, apply, pets

SDKGEN = Path(sys.executable).parent / "sdkgen"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def gate_commands() -> list[str]:
    """The `run` of every pull-request step of the README's recipe."""
    text = (ROOT / "README.md").read_text()
    start = text.index("<!-- ci recipe: start -->")
    block = text[start : text.index("<!-- ci recipe: end -->")]
    workflow = yaml.safe_load(block.split("```yaml\n", 1)[1].split("```", 1)[0])
    steps = workflow["jobs"]["sdk"]["steps"]
    return [step["run"] for step in steps if "pull_request" in step.get("if", "") and "run" in step]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, check=True, capture_output=True
    )


def _gate(repo: Path) -> tuple[int, str]:
    """The recipe's gate commands, as the workflow would run them against base `main`."""
    output = ""
    for command in gate_commands():
        script = command.replace("${{ github.base_ref }}", "main").replace(
            ".venv/bin/sdkgen", str(SDKGEN)
        )
        done = subprocess.run(
            ["bash", "-e", "-c", script], cwd=repo, capture_output=True, text=True, check=False
        )
        output += done.stdout + done.stderr
        if done.returncode:
            return done.returncode, output
    return 0, output


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project on `main` (one version, `.yml`) with `origin/main` where a fetch leaves it,
    and a branch `change` checked out."""
    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.skip("git and bash are needed to run the recipe")
    if not SDKGEN.is_file():
        pytest.skip(f"{SDKGEN} is missing: `make` installs the console script")
    (tmp_path / "specs" / "pets").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n[tool.sdkgen.apis.pets]\nspecs = "specs/pets"\n'
    )
    _write(tmp_path / "specs" / "pets" / "2026-01-01.yml", pets())
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "first version")
    _git(tmp_path, "update-ref", "refs/remotes/origin/main", "main")
    _git(tmp_path, "checkout", "-q", "-b", "change")
    return tmp_path


def _write(path: Path, document: dict[str, Any]) -> None:
    if path.suffix == ".json":
        path.write_text(json.dumps(document, indent=2))
    else:
        path.write_text(yaml.safe_dump(document, sort_keys=False))


def test_the_recipe_has_a_gate_that_names_no_spec_format() -> None:
    (command,) = gate_commands()
    assert "--base origin/${{ github.base_ref }}" in command and "*.yaml" not in command


def test_a_breaking_change_shipped_as_a_new_version_file_fails(repo: Path) -> None:
    _write(repo / "specs" / "pets" / "2026-06-01.json", apply(pets(), Drop(f"{ITEM}/delete")))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "new version")
    code, output = _gate(repo)
    assert code == 1, output
    assert "::error file=specs/pets/2026-06-01.json" in output
    assert "endpoint-removed" in output


def test_a_breaking_edit_of_a_yml_file_fails_and_an_addition_passes(repo: Path) -> None:
    spec = repo / "specs" / "pets" / "2026-01-01.yml"
    _write(spec, apply(pets(), Set(f"{PET}/color", {"type": "string"})))
    _git(repo, "commit", "-q", "-am", "an addition")
    code, output = _gate(repo)
    assert code == 0, output
    assert "::notice file=specs/pets/2026-01-01.yml" in output
    _write(spec, apply(pets(), Drop(f"{ITEM}/delete")))
    _git(repo, "commit", "-q", "-am", "a removal")
    code, output = _gate(repo)
    assert code == 1 and "::error file=specs/pets/2026-01-01.yml" in output


def test_a_branch_without_spec_changes_passes(repo: Path) -> None:
    (repo / "notes.md").write_text("no spec here\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "docs")
    code, output = _gate(repo)
    assert code == 0 and "no spec file changed since origin/main" in output
