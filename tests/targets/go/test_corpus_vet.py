"""The Go SDK of each corpus document is gofmt-clean, builds and is vet clean, offline. The
sample in `make test`; the whole corpus under the `conformance` marker."""

from __future__ import annotations

import subprocess
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
from tests.targets.go.tooling import go, run_go

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_the_corpus_go_sdk_is_gofmt_and_vet_clean(name: str, tmp_path: Path) -> None:
    go()
    document = next(d for d in corpus_documents(shared_path("corpus")) if d.name == name)
    config = default_api(document.path, tmp_path)
    api, _version, _sha, diagnostics = load_api(config)
    assert api is not None, diagnostics
    given = TargetInput(
        api, config.name, document.path, {}, environment(), Release("0.1.0", HEADER)
    )
    sdk = tmp_path / "go"
    for path, text in get_target("go").sdk(given).render().items():
        (sdk / path).parent.mkdir(parents=True, exist_ok=True)
        (sdk / path).write_text(text, encoding="utf-8")
    gofmt = Path(go()).resolve().with_name("gofmt")
    listed = subprocess.run(
        [str(gofmt), "-l", str(sdk)], capture_output=True, text=True, check=False
    )
    assert listed.returncode == 0 and listed.stdout == "", listed.stdout + listed.stderr
    vetted = run_go(["vet", "./..."], sdk, tmp_path)
    assert vetted.returncode == 0, vetted.stdout[-3000:] + vetted.stderr[-3000:]
