"""Broken and hostile specs: each gets its diagnostics (golden text), never a traceback."""

from __future__ import annotations

import contextlib
import importlib
import resource
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.targets.files import is_device_name
from tests.hostile.outputs import output_problems
from tests.hostile.runner import (
    CASES,
    EXPECTED,
    case_files,
    describe,
    expected_path,
    make_runtime_cases,
)


@pytest.mark.parametrize("spec", case_files(), ids=lambda p: p.name)
def test_committed_case(spec: Path) -> None:
    outcome = describe(spec, spec.parent)
    assert "uncaught" not in outcome and "Traceback" not in outcome
    assert outcome == expected_path(spec).read_text(encoding="utf-8")


def test_runtime_cases(tmp_path: Path) -> None:
    folder = tmp_path / "runtime"
    for spec in make_runtime_cases(folder):
        outcome = describe(spec, folder)
        assert "uncaught" not in outcome, outcome
        assert outcome == expected_path(spec).read_text(encoding="utf-8"), spec.name


def test_every_failing_case_names_its_place() -> None:
    for expected in sorted(EXPECTED.glob("*.txt")):
        lines = expected.read_text().splitlines()
        if lines[0] != "exit 0":
            assert lines[0] == "exit 1", expected.name
            assert any(": error [" in line for line in lines[1:]), expected.name


def _limit_memory() -> None:
    two_gib = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (two_gib, two_gib))


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "deep-nesting.json", "huge-description.json"])
def test_bounded_time_and_memory(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "runtime"
    specs = {p.name: p for p in [*case_files(), *make_runtime_cases(folder)]}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(specs[name]),
            "-o",
            str(tmp_path / "o"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_memory,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_no_case_that_generates_writes_an_invalid_tree() -> None:
    for expected in sorted(EXPECTED.glob("*.txt")):
        assert "invalid output:" not in expected.read_text(), expected.name


def _generate(spec: Path, out: Path) -> None:
    result = CliRunner().invoke(main, ["generate", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert output_problems(out) == []


@contextlib.contextmanager
def _imported(folder: Path, package: str) -> Iterator[Any]:
    """The generated package, importable from `folder` while the block runs."""
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


def test_names_beyond_ascii_keep_their_wire_names(tmp_path: Path) -> None:
    spec = CASES / "unicode-names.yaml"
    _generate(spec, tmp_path)
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    python = tmp_path / "python"
    project = tomllib.loads((python / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["description"] == f"Python SDK for {document['info']['title']}"
    with _imported(python, "unicode_names_sdk"):
        models = importlib.import_module("unicode_names_sdk.models")
    by_wire: dict[frozenset[str], Any] = {
        frozenset(f.alias or n for n, f in model.model_fields.items()): model
        for model in (getattr(models, name) for name in models.__all__)
    }
    for name, schema in document["components"]["schemas"].items():
        wire = frozenset(schema["properties"])
        assert wire in by_wire, (name, sorted(by_wire, key=sorted))
        fields = by_wire[wire].model_fields
        assert len(fields) == len(wire), name
        assert all(n.isidentifier() and n.isascii() for n in fields), list(fields)
    thing = by_wire[frozenset(document["components"]["schemas"]["Πράγμα"]["properties"])]
    ligature, wide = "\ufb01le", "\uff46\uff49\uff4c\uff45"  # equal under NFKC: 'file'
    sent = {ligature: "ligature", wide: "wide", "\u212b": "angstrom", "\u00c5": "ring"}
    assert thing.model_validate(sent).model_dump(by_alias=True, exclude_none=True) == sent
    resources = "".join(p.read_text() for p in (python / "unicode_names_sdk").rglob("*.py"))
    for wire_name in ("\u03cc\u03bd\u03bf\u03bc\u03b1", "名前", "🔑", ligature, wide):
        assert f'"{wire_name}"' in resources, wire_name


def test_device_names_never_become_paths(tmp_path: Path) -> None:
    _generate(CASES / "windows-device-names.yaml", tmp_path)
    every = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")]
    assert all(not is_device_name(part) for path in every for part in path.split("/"))
    package = tmp_path / "python" / "windows_device_names_sdk"
    assert {p.name for p in (package / "resources").glob("*.py")} >= {
        "con_.py", "aux_.py", "com1_.py", "lpt9_.py", "prn_.py", "models_2.py", "index_2.py"
    }  # fmt: skip
    docs = {p.name for p in (tmp_path / "docs").glob("*.md")}
    # resources named like the fixed pages get pages of their own beside them
    assert {"con_.md", "models.md", "models_2.md", "index.md", "index_2.md"} <= docs
    with _imported(tmp_path / "python", "windows_device_names_sdk") as sdk:
        client = sdk.WindowsDeviceNames(token="k", base_url="http://127.0.0.1:9")
        assert type(client.con).__module__.endswith(".resources.con_")
        assert callable(client.aux.retrieve)


def test_a_package_named_like_a_device_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["generate", str(CASES / "schema-ids.yaml"), "-o", str(tmp_path / "o"), "--package", "aux"],
    )
    assert result.exit_code == 2  # the target refuses --package: a usage error
    assert "--package 'aux': python: package 'aux' is a Windows device name" in result.output
    assert not (tmp_path / "o").exists()
