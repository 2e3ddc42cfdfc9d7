"""Every Go and Java docs example of every corpus document builds against its generated SDK:
the Go ones vetted in one module, the Java ones compiled with the SDK in one javac (the Extend
docs are built in `make test`; the corpus only under the `conformance` marker)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, shared_path
from tests.corpus.documents import corpus_documents
from tests.targets.go.test_docs_examples import build_go_examples
from tests.targets.go.tooling import go
from tests.targets.java.test_docs_examples import compile_java_examples
from tests.targets.java.tooling import classpath

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


@pytest.mark.conformance
@pytest.mark.parametrize("name", NAMES)
def test_the_corpus_go_and_java_docs_examples_build(name: str, tmp_path: Path) -> None:
    go()
    classpath()
    document = next(d for d in corpus_documents(shared_path("corpus")) if d.name == name)
    out = tmp_path / "out"
    generated = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(document.path), "-o", str(out),
         "-t", "go", "-t", "java"],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert generated.returncode == 0, generated.stdout + generated.stderr
    count, vetted = build_go_examples(out / "go", out / "docs", tmp_path / "go", tmp_path)
    assert count > 0 and vetted.returncode == 0, vetted.stderr
    count, compiled = compile_java_examples(out / "java", out / "docs" / "java", tmp_path / "j")
    assert count > 0 and compiled.returncode == 0, compiled.stderr
