"""OpenAI's chat completions and responses stream through the Go SDK of the corpus spec from
sdkgen's mock, which checks every request against the spec (`openai/openai_test.go`). It
builds the whole OpenAI SDK, so it runs in `make conformance`."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import default_api
from generator.mock.serve import start
from generator.pipeline import render_api
from tests.conftest import shared_path
from tests.targets.go.tooling import consumer_module, go, run_go

GO_TESTS = Path(__file__).parent / "openai" / "openai_test.go"
MODULE = "example.com/openai-go"


@pytest.mark.conformance
def test_openai_streams_from_the_mock_through_go(tmp_path: Path, go_cache: Path) -> None:
    go()
    spec = shared_path("corpus", "openai.yaml")
    config = default_api(spec, tmp_path / "out", "openai")
    config = replace(config, targets=("go",), settings={"go": {"module": MODULE}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = tmp_path / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    module = consumer_module(tmp_path / "consumer", MODULE, tmp_path / "out" / "go")
    shutil.copy(GO_TESTS, module / GO_TESTS.name)
    mock, diagnostics = start(spec, token="sk-test")
    assert mock is not None, diagnostics
    try:
        done = run_go(["test", "-count=1", "-v", "./..."], module, go_cache,
                      SPEC_SERVER_URL=mock.base_url)  # fmt: skip
    finally:
        mock.stop()
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert len(re.findall(r"^--- PASS: (\w+)", done.stdout, re.MULTILINE)) == 2, output
    assert mock.errors() == []
