"""Golden trees: the generator's output for small specs, regenerated only by `make golden`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden.regenerate import golden_cases, render_case


@pytest.mark.parametrize("case", golden_cases(), ids=lambda p: p.name)
def test_output_matches_the_golden_tree(case: Path) -> None:
    expected_dir = case / "expected"
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(expected_dir.rglob("*"))
        if p.is_file()
    }
    rendered = render_case(case)
    assert sorted(rendered) == sorted(expected), "files differ: run `make golden` and review"
    for path, text in rendered.items():
        assert text == expected[path], f"{path} differs: run `make golden` and review the diff"
