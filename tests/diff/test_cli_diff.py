"""`sdkgen diff`: formats, --fail-on exit codes, --base from git, bad input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from tests.diff.cases import ITEM, PET
from tests.diff.specs import Drop, Set, apply, pets


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(pets(), sort_keys=False))
    revision = apply(pets(), Set(f"{PET}/color", {"type": "string"}))
    new.write_text(yaml.safe_dump(revision, sort_keys=False))
    return old, new


def test_help() -> None:
    code, output = run("diff", "--help")
    assert code == 0 and "--fail-on" in output and "--base" in output


def test_text_by_default_with_lines_and_exit_0(pair: tuple[Path, Path]) -> None:
    old, new = pair
    code, output = run("diff", str(old), str(new))
    assert code == 0
    assert "non-breaking [response-property-added] Pet: new optional property 'color'" in output
    assert f"{new}:" in output and "#/components/schemas/Pet/properties/color" in output
    assert "\x1b[" not in output


@pytest.mark.parametrize(
    ("level", "code"), [("breaking", 0), ("possibly-breaking", 0), ("non-breaking", 1)]
)
def test_fail_on_sets_the_exit_code(pair: tuple[Path, Path], level: str, code: int) -> None:
    old, new = pair
    assert run("diff", str(old), str(new), "--fail-on", level)[0] == code


def test_breaking_changes_fail_on_breaking(tmp_path: Path) -> None:
    old, new = tmp_path / "a.json", tmp_path / "b.json"
    old.write_text(json.dumps(pets()))
    new.write_text(json.dumps(apply(pets(), Drop(f"{ITEM}/delete"))))
    code, output = run("diff", str(old), str(new), "--fail-on", "breaking", "--format", "json")
    assert code == 1
    assert json.loads(output)["changes"][0]["id"] == "endpoint-removed"


@pytest.mark.parametrize("name", ["markdown", "github", "json"])
def test_every_format(pair: tuple[Path, Path], name: str) -> None:
    old, new = pair
    code, output = run("diff", str(old), str(new), "--format", name)
    assert code == 0 and "response-property-added" in output


def test_usage_errors_exit_2(pair: tuple[Path, Path]) -> None:
    old, new = pair
    assert run("diff", str(old))[0] == 2
    assert run("diff", str(old), str(new), str(new))[0] == 2
    assert run("diff", "--base", "HEAD", str(old), str(new))[0] == 2
    assert run("diff", str(old), str(new), "--format", "html")[0] == 2
    assert run("diff", str(old), str(new), "--fail-on", "err")[0] == 2


def test_bad_input_exits_2_with_a_diagnostic_naming_file_and_line(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    old, _new = pair
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: {title: x\n")
    code, output = run("diff", str(old), str(broken))
    assert code == 2
    assert f"{broken}:3#: error [invalid-yaml]" in output
    assert "Traceback" not in output
    code, output = run("diff", str(tmp_path / "missing.yaml"), str(old))
    assert code == 2 and "error [unreadable]" in output


def test_validate_checks_the_documents_against_openapi(
    tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    old, _new = pair
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(yaml.safe_dump({"openapi": "3.1.0", "paths": {}}))
    assert run("diff", str(old), str(invalid))[0] == 0
    code, output = run("diff", str(old), str(invalid), "--validate")
    # Schema findings are warnings (real documents break the letter of the specification in
    # ways that generate fine): reported, and the diff still runs.
    assert code == 0 and "warning [invalid-openapi]" in output


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_base_takes_old_from_git(tmp_path: Path) -> None:
    spec = tmp_path / "api" / "spec.yaml"
    spec.parent.mkdir()
    spec.write_text(yaml.safe_dump(pets(), sort_keys=False))
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "first")
    spec.write_text(yaml.safe_dump(apply(pets(), Drop(f"{ITEM}/delete")), sort_keys=False))
    code, output = run("diff", "--base", "HEAD", str(spec), "--fail-on", "breaking")
    assert code == 1
    assert f"HEAD:{spec} -> {spec}" in output
    assert "[endpoint-removed] DELETE /pets/{petId}" in output
    code, output = run("diff", "--base", "no-such-ref", str(spec))
    assert code == 2 and f"no-such-ref:{spec}: error [git-failed]" in output


def test_color_is_forced_on_or_off(pair: tuple[Path, Path]) -> None:
    old, new = pair
    assert "\x1b[" in run("diff", str(old), str(new), "--color")[1]
    assert "\x1b[" not in run("diff", str(old), str(new), "--no-color")[1]


def test_what_stops_only_generation_is_a_warning_and_the_documents_still_diff(
    tmp_path: Path,
) -> None:
    """A path parameter the operation does not declare, two operations with one operationId:
    generation refuses them, a comparison does not need to."""

    def broken(document: dict[str, Any]) -> dict[str, Any]:
        del document["paths"]["/pets/{petId}/adopt"]["parameters"]
        document["paths"]["/pets"]["post"]["operationId"] = "listPets"
        return document

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(broken(pets()), sort_keys=False))
    revised = apply(pets(), Drop(f"{ITEM}/delete"))
    new.write_text(yaml.safe_dump(broken(revised), sort_keys=False))
    code, output = run("diff", str(old), str(new), "--fail-on", "breaking")
    assert code == 1, output
    assert "warning [path-param-undeclared]" in output
    assert "warning [duplicate-operation-id]" in output
    assert "breaking [endpoint-removed] DELETE /pets/{petId}" in output
