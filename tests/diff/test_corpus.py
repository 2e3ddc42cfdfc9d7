"""Real-world documents: each one against itself has no changes; a changed copy is diffed."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from generator.diff.bench import change_copy
from generator.diff.engine import diff_versions
from generator.diff.model import Level
from generator.diff.version import Version
from generator.load.loader import load_document
from tests.conftest import SHARED, shared_path
from tests.corpus.sample import sampled

# Stripe's document is the bench's large case (tests/diff/test_bench.py).
CORPUS = sorted(
    p.name
    for p in (SHARED / "corpus").glob("*")
    if p.suffix in (".yaml", ".json") and p.name != "stripe.yaml"
) or ["(absent)"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(CORPUS))
def test_a_document_against_itself_and_against_a_changed_copy(name: str) -> None:
    path: Path = shared_path("corpus", name)
    loaded = load_document(path)
    if loaded.document is None:
        codes = sorted({d.code for d in loaded.diagnostics})
        assert codes == ["unsupported-version"], codes  # Swagger 2.0 is not diffed
        return
    revision = copy.deepcopy(loaded.document)
    same = diff_versions(Version(name, loaded.document), Version(name, revision))
    assert same.changes == ()
    change_copy(revision)
    changed = diff_versions(Version(name, loaded.document), Version(name, revision))
    assert changed.count(Level.BREAKING) >= 1
    # The IR may not take every document (then the SDK is not named); the diff still runs.
    assert all(note.startswith(f"SDK methods and models of {name}") for note in changed.notes)
