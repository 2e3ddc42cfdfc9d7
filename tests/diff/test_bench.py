"""The bench: its table, its changed copy, and the large-document bound."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.diff.bench import Row, change_copy, main, measure, table
from tests.conftest import shared_path
from tests.diff.specs import diff, pets


def test_the_changed_copy_has_the_changes_the_bench_promises() -> None:
    copy = pets()
    change_copy(copy)
    assert sorted(copy["paths"]) == ["/pets/{petId}", "/pets/{petId}/adopt", "/sdkgen-bench/added"]
    assert copy["components"]["schemas"]["NewPet"]["properties"].get("tag") is None
    assert copy["components"]["schemas"]["NewPet"]["properties"]["status"]["enum"] == ["available"]
    rules = sorted({c.rule for c in diff(pets(), copy).changes})
    # NewPet's changes reach no operation left on both sides (POST /pets moved), so only these:
    assert rules == ["endpoint-added", "endpoint-removed", "request-parameter-added-required"]


def test_the_table_has_a_row_per_case() -> None:
    text = table([Row("a -> b", 0.5, 0.25, 7, 2)])
    header, rule, row = text.splitlines()
    assert header.split() == ["case", "load", "both", "(s)", "diff", "(s)", "diff", "/", "load",
                              "changes", "breaking"]  # fmt: skip
    assert set(rule) == {"-", " "}
    assert row.split() == ["a", "->", "b", "0.500", "0.250", "0.50x", "7", "2"]


def test_main_measures_the_newest_pair_of_each_api(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "specs" / "pets"
    folder.mkdir(parents=True)
    for name in ("2024-01-01", "2025-01-01", "2026-01-01"):
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(pets()))
    absent = tmp_path / "absent.yaml"
    assert main(["--specs", str(tmp_path / "specs"), "--large", str(absent), "--repeat", "1"]) == 0
    output = capsys.readouterr().out
    assert f"{absent} is not present" in output
    assert "pets 2025-01-01 -> 2026-01-01" in output


@pytest.mark.slow
@pytest.mark.conformance
def test_the_bench_measures_a_large_document_against_its_changed_copy() -> None:
    """The bench's Stripe row finds the changes; its timings are `make bench`'s to judge."""
    stripe = shared_path("corpus", "stripe.yaml")
    row = measure("stripe", stripe, stripe, 1, change_copy)
    assert row.breaking >= 3
    assert row.diff_seconds > 0 and row.load_seconds > 0
