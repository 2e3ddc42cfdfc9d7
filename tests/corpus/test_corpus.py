"""The real-world corpus, whole: every document of ../shared/corpus generates an SDK that
imports, has a method for every operation, passes `mypy --strict` and ruff, and round-trips the
examples its schemas carry. `make test` checks a sample (tests/corpus/sample.py), `make
conformance` the rest. Each document is checked once, in a worker process: two at a time, all
selected documents up front, when the cores allow; one at a time, as its test asks, when
pytest-xdist workers already fill the cores (then xdist spreads the documents)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import SHARED, shared_path
from tests.corpus.documents import CorpusDocument, corpus_documents
from tests.corpus.runner import DocumentResult, check_document
from tests.corpus.sample import sampled

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


def _pool_workers() -> int:
    """Two processes, fewer when pytest-xdist workers already share the machine's cores."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    xdist_workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    return max(1, min(2, (cores or 1) // max(1, xdist_workers)))


def _size(document: CorpusDocument) -> int:
    folder = document.path.parent
    if document.name.endswith("-multifile"):
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return document.path.stat().st_size


def _check(document: CorpusDocument, base: Path) -> DocumentResult:
    """`check_document` in a folder of this pool process's own. Its mypy cache is then shared
    only by documents checked one after another: two mypy processes writing one fresh cache at
    once can fail with an INTERNAL ERROR."""
    work = base / f"process-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    return check_document(document, work)


class Results:
    """Each document's result, checked at most once in this process's pool."""

    def __init__(self, pool: ProcessPoolExecutor, work: Path) -> None:
        self.pool = pool
        self.work = work
        self.documents = {d.name: d for d in corpus_documents(shared_path("corpus"))}
        self.futures: dict[str, Future[DocumentResult]] = {}

    def submit(self, names: Iterable[str]) -> None:
        """Queue the documents, largest first, so two workers finish together."""
        for document in sorted((self.documents[n] for n in names), key=_size, reverse=True):
            if document.name not in self.futures:
                self.futures[document.name] = self.pool.submit(_check, document, self.work)

    def __getitem__(self, name: str) -> DocumentResult:
        self.submit([name])
        return self.futures[name].result()


@pytest.fixture(scope="module")
def results(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Results]:
    workers = _pool_workers()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        found = Results(pool, tmp_path_factory.mktemp("corpus"))
        if workers > 1:  # every document this session selected (after -m and -k), up front
            found.submit(
                str(item.callspec.params["name"])
                for item in request.session.items
                if isinstance(item, pytest.Function)
                and item.originalname == "test_document_generates_whole"
            )
        yield found
        pool.shutdown(cancel_futures=True)


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_document_generates_whole(name: str, results: Results) -> None:
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
