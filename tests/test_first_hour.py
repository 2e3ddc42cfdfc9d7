"""What a new user meets first: a specs folder nobody configured, a version newer than
`current`, a file named for another version, warnings once (not at every place, nor at every
`generate`), a header parameter no request can send, and an install stamp that configuration
edits leave alone."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT
from tests.diff.specs import pets

PYPROJECT = """\
[tool.sdkgen]
output = "output"

[tool.sdkgen.apis.pets]
specs = "specs/pets"
current = "2026-01-01"
"""


def _invoke(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _project(root: Path, document: dict[str, object] | None = None) -> Path:
    folder = root / "specs" / "pets"
    folder.mkdir(parents=True)
    (folder / "2026-01-01.yaml").write_text(yaml.safe_dump(document or pets(), sort_keys=False))
    (root / "pyproject.toml").write_text(PYPROJECT)
    return folder


def test_a_specs_folder_without_a_table_is_reported_with_what_to_add(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path)
    (tmp_path / "specs" / "petstore").mkdir()
    (tmp_path / "specs" / "petstore" / "openapi.json").write_text("{}")
    code, output = _invoke(tmp_path, monkeypatch, "generate")
    assert code == 0, output
    assert (
        "pyproject.toml#/tool/sdkgen/apis/petstore: warning [specs-folder-unconfigured] "
        "specs/petstore/ is not generated: no [tool.sdkgen.apis.petstore] table names it; add "
        '[tool.sdkgen.apis.petstore] with targets = ["python"]'
    ) in output


def test_a_spec_newer_than_current_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _project(tmp_path)
    (folder / "2026-06-01.json").write_text("{}")
    code, output = _invoke(tmp_path, monkeypatch, "generate")
    assert code == 0, output
    assert (
        "#/tool/sdkgen/apis/pets/current: warning [spec-newer-than-current] 2026-06-01.json is "
        "newer than current ('2026-01-01') and is not generated; set current = '2026-06-01'"
    ) in output


def test_validate_in_a_versioned_folder_warns_of_another_info_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _project(tmp_path)
    document = pets()
    document["info"] = {"title": "Pets", "version": "2026-01-01"}
    (folder / "2026-06-01.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    code, output = _invoke(tmp_path, monkeypatch, "validate", "specs/pets/2026-06-01.yaml")
    assert code == 0, output
    assert "warning [api-version-mismatch] info.version is '2026-01-01'" in output
    assert "named for API version '2026-06-01'" in output
    elsewhere = tmp_path / "2026-06-01.yaml"
    shutil.copy(folder / "2026-06-01.yaml", elsewhere)
    code, output = _invoke(tmp_path, monkeypatch, "validate", str(elsewhere))
    assert code == 0 and "api-version-mismatch" not in output  # a lone file names nothing


def _conflicting() -> dict[str, object]:
    """One allOf conflict in a schema that three operations reach."""
    document = pets()
    schemas = document["components"]["schemas"]
    schemas["Clash"] = {
        "allOf": [
            {"type": "object", "properties": {"n": {"type": "string"}}},
            {"type": "object", "properties": {"n": {"type": "integer"}}},
        ]
    }
    for path in ("/a", "/b", "/c"):
        document["paths"][path] = {
            "get": {
                "operationId": f"get{path[1:].upper()}",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Clash"}}
                        },
                    }
                },
            }
        }
    return document


def test_warnings_print_once_and_not_again_while_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, _conflicting())
    code, first = _invoke(tmp_path, monkeypatch, "generate")
    assert code == 0, first
    conflicts = [line for line in first.splitlines() if "[allof-conflict]" in line]
    assert len(conflicts) == len({re.sub(r"^\S+: ", "", line) for line in conflicts}) >= 1
    code, second = _invoke(tmp_path, monkeypatch, "generate")
    assert code == 0 and "[allof-conflict]" not in second
    assert "the same as the last `generate` printed: not repeated" in second
    code, asked = _invoke(tmp_path, monkeypatch, "generate", "--warnings")
    assert [line for line in asked.splitlines() if "[allof-conflict]" in line] == conflicts


def test_a_header_parameter_no_request_can_send_is_left_out_with_a_warning(
    tmp_path: Path,
) -> None:
    document = pets()
    operation = document["paths"]["/pets"]["get"]
    operation.setdefault("parameters", []).append(
        {"name": "header param", "in": "header", "schema": {"type": "string"}}
    )
    spec = tmp_path / "pets.yaml"
    spec.write_text(yaml.safe_dump(document, sort_keys=False))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["generate", str(spec), "-o", str(out), "-t", "python", "-t", "typescript"]
    )
    assert result.exit_code == 0, result.output
    assert "warning [header-parameter-unsendable] header parameter 'header param'" in result.output
    generated = "".join(
        p.read_text()
        for p in out.rglob("*")
        if p.suffix in (".py", ".ts") and "runtime" not in p.parent.name  # per-API code only
    )
    assert "header param" not in generated and "header_param" not in generated
    assert "headerParam" not in generated


def _make_dry_run(folder: Path) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", "generate"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_install_stamp_ignores_configuration_edits(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / ".venv").mkdir()
    stamp = re.search(r"touch (\.venv/\.installed-\w+)", _make_dry_run(tmp_path))
    assert stamp is not None
    (tmp_path / stamp.group(1)).touch()
    assert "pip install" not in _make_dry_run(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '\n[tool.sdkgen.apis.more]\nspecs = "x"\n')
    assert "pip install" not in _make_dry_run(tmp_path)  # [tool.sdkgen] is no dependency
    pyproject.write_text(pyproject.read_text().replace('"click>=8.1,<9"', '"click>=8.2,<9"'))
    assert "pip install" in _make_dry_run(tmp_path)


def test_an_argument_with_a_default_is_not_shown_as_required(tmp_path: Path) -> None:
    document = pets()
    operation = document["paths"]["/pets"]["get"]
    operation.setdefault("parameters", []).append(
        {"name": "per_page", "in": "query", "required": True,
         "schema": {"type": "integer", "default": 10}}
    )  # fmt: skip
    spec = tmp_path / "pets.yaml"
    spec.write_text(yaml.safe_dump(document, sort_keys=False))
    result = CliRunner().invoke(main, ["generate", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    pages = "".join(p.read_text() for p in (tmp_path / "out" / "docs").glob("*.md"))
    (row,) = [line for line in pages.splitlines() if line.startswith("| `per_page` |")]
    assert "| no | `10` |" in row
