"""The TypeScript SDK of every real-world document in ../shared/corpus: a method for every
operation, and `tsc --strict --noEmit` clean."""

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
from tests.targets.typescript.tooling import compile_sdk

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_the_typescript_sdk_compiles_strict(name: str, tmp_path: Path) -> None:
    document = next(d for d in corpus_documents(shared_path("corpus")) if d.name == name)
    config = default_api(document.path, tmp_path)
    api, _version, _sha, diagnostics = load_api(config)
    assert api is not None, diagnostics
    target = get_target("typescript")
    given = TargetInput(
        api, config.name, document.path, {}, environment(), Release("0.1.0", HEADER)
    )
    files = target.sdk(given).render()
    for path, text in files.items():
        destination = tmp_path / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
    names = target.names(api)
    assert len(names.methods) == len({(op.method, op.path) for op in api.operations()})
    result = compile_sdk(tmp_path, "--noEmit")
    errors = [line for line in result.stdout.splitlines() if "error TS" in line]
    assert result.returncode == 0 and errors == [], "\n".join(errors[:20]) or result.stderr
