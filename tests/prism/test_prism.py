"""The independent validator in the loop: Prism 5 serves corpus documents and the generated
Python and TypeScript SDKs call 40 operations of each with the docs' example arguments. No
request may be rejected for the SDK's fault, no answer Prism gives may fail the SDK's lenient
reader, and `sdkgen mock` must judge every same request as Prism does.

`make conformance` runs eight documents of different shapes in both languages; `make test` runs
one small document through the Python SDK so the harness itself is exercised on every run."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.loader import load_document
from tests.conftest import shared_path
from tests.prism.proof import SPECS, Verdicts, details, prove, table
from tests.prism.verdicts import tally

PROVEN = (
    "openai", "spotify", "box-v2025", "slack", "kubernetes", "stripe", "discord", "digitalocean"
)  # fmt: skip
CALLS = 40


def _operations_in(api: str) -> int:
    loaded = load_document(shared_path("corpus", SPECS[api]))
    assert loaded.model is not None, loaded.diagnostics[:3]
    return len(loaded.model.operations)


def _assert_clean(verdicts: list[Verdicts], least: int) -> None:
    report = table(verdicts) + "\n" + details(verdicts)
    for v in verdicts:
        counts = tally(v.outcomes)
        assert len(v.outcomes) >= least, report
        assert counts["rejected"] == 0, report
        assert counts["reader"] == 0, report
        assert counts["unsent"] == 0, report
        assert v.judged > 0 and v.disagreements == [], report


@pytest.mark.conformance
@pytest.mark.parametrize("api", PROVEN)
def test_prism_accepts_what_both_sdks_send(api: str, tmp_path: Path) -> None:
    least = min(CALLS, _operations_in(api))  # every operation of a smaller document
    _assert_clean(prove(api, ("python", "typescript"), CALLS, tmp_path), least)


@pytest.mark.slow
def test_prism_accepts_what_the_python_sdk_sends_on_a_small_document(tmp_path: Path) -> None:
    _assert_clean(prove("petstore", ("python",), CALLS, tmp_path), 4)
