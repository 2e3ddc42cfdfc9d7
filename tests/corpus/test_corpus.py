"""The real-world corpus, whole: every document of ../shared/corpus generates an SDK that
imports, has a method for every operation, passes `mypy --strict` and ruff, and round-trips the
examples its schemas carry. Documents run two at a time in worker processes."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import SHARED, shared_path
from tests.corpus.documents import CorpusDocument, corpus_documents
from tests.corpus.runner import DocumentResult, check_document

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


def _size(document: CorpusDocument) -> int:
    folder = document.path.parent
    if document.name.endswith("-multifile"):
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return document.path.stat().st_size


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DocumentResult]:
    documents = sorted(corpus_documents(shared_path("corpus")), key=_size, reverse=True)
    work = tmp_path_factory.mktemp("corpus")
    workers = max(1, min(2, os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(check_document, documents, [work] * len(documents)))
    return {result.name: result for result in done}


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_document_generates_whole(name: str, results: dict[str, DocumentResult]) -> None:
    result = results[name]
    assert result.operations > 0, f"{name}: no operations found in the spec"
    problems = result.problems()
    assert not problems, f"{name}:\n" + "\n".join(problems)
    assert result.methods == result.operations
    assert result.imported == result.modules > 0
    assert result.mypy_errors == 0
    assert result.ruff_findings == 0
    assert result.examples_ok == result.examples


def test_corpus_lists_every_document() -> None:
    folder = shared_path("corpus")
    names = {d.name for d in corpus_documents(folder)}
    top_level = {p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json")}
    assert top_level <= names
    multi = [d for d in corpus_documents(folder) if d.name.endswith("-multifile")]
    assert all(Path(d.path).is_file() for d in multi)
