"""The Java SDK of each corpus document compiles with `javac -Xlint:all -Werror --release 11`,
offline. The sample in `make test`; the whole corpus under the `conformance` marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import default_api
from generator.pipeline import HEADER, load_api
from generator.targets.base import Release, TargetInput
from generator.targets.registry import get_target
from generator.templating import environment
from tests.conftest import SHARED, shared_path
from tests.corpus.documents import corpus_documents
from tests.corpus.sample import sampled
from tests.targets.java.tooling import classpath, javac, sources

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_the_corpus_java_sdk_compiles_with_every_lint_on(name: str, tmp_path: Path) -> None:
    classpath()
    document = next(d for d in corpus_documents(shared_path("corpus")) if d.name == name)
    config = default_api(document.path, tmp_path)
    api, _version, _sha, diagnostics = load_api(config)
    assert api is not None, diagnostics
    given = TargetInput(
        api, config.name, document.path, {}, environment(), Release("0.1.0", HEADER)
    )
    sdk = tmp_path / "java"
    for path, text in get_target("java").sdk(given).render().items():
        (sdk / path).parent.mkdir(parents=True, exist_ok=True)
        (sdk / path).write_text(text, encoding="utf-8")
    done = javac(tmp_path / "classes", sources(sdk))
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
