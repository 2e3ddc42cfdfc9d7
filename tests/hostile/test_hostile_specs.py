"""Broken and hostile specs: each gets its diagnostics (golden text), never a traceback."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.runner import (
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
