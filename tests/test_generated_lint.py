"""The generated SDKs are lint-clean: ruff with the rules users run over their whole tree
(tests.support.lint) finds nothing in the Extend SDK of output/ nor in the golden SDK. Every
corpus SDK gets the same check in tests/corpus (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.lint import RUFF_SELECT, ruff_findings

FOLDERS = [
    ROOT / "output" / "extend" / "python",
    ROOT / "tests" / "golden" / "shelter" / "expected" / "python",
]


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.parent.name for f in FOLDERS])
def test_ruff_finds_nothing(folder: Path) -> None:
    assert list(folder.rglob("*.py")), f"no Python files under {folder}"
    count, report = ruff_findings(folder)
    assert count == 0, f"ruff --select {RUFF_SELECT}: {count} finding(s)\n{report}"


def test_the_check_counts_what_it_finds(tmp_path: Path) -> None:
    """A module with an unused import, a star import and `typing.List` is reported: the
    check is not silently passing."""
    (tmp_path / "bad.py").write_text(
        "from os import path\nfrom typing import List\nfrom json import *\n\n"
        "x: List[int] = loads('[1]')\n"
    )
    count, report = ruff_findings(tmp_path)
    assert count >= 4, report
    assert all(code in report for code in ("F401", "F403", "F405", "UP006", "UP035")), report
