"""Streams in the Go SDK, end to end: the Go SDK of `tests/support/streams_spec.yaml` is
generated and its `go test` (`streams/*_test.go`) reads events and downloads from the
scripted server of `tests/support/stream_server.py` (lines cut across chunks, an error event,
drifting events, a stream held open and cancelled, charges whose first attempt loses its
connection) and from sdkgen's mock, which checks every request against the spec; its
`keys_test.go` also checks idempotency keys and raw calls against a server of its own."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import default_api
from generator.mock.serve import start
from generator.pipeline import render_api
from tests.support.stream_server import StreamServer
from tests.targets.go.tooling import consumer_module, go, run_go

SPEC = Path(__file__).parents[2] / "support" / "streams_spec.yaml"
GO_TESTS = sorted((Path(__file__).parent / "streams").glob("*_test.go"))
MODULE = "example.com/streams-go"


@pytest.mark.slow
def test_go_streams_events_and_downloads(tmp_path: Path, go_cache: Path) -> None:
    go()
    config = default_api(SPEC, tmp_path / "out", "streams")
    config = replace(config, targets=("go",), settings={"go": {"module": MODULE}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = tmp_path / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    module = consumer_module(tmp_path / "consumer", MODULE, tmp_path / "out" / "go")
    for test_file in GO_TESTS:
        shutil.copy(test_file, module / test_file.name)
    mock, diagnostics = start(SPEC, token="t")
    assert mock is not None, diagnostics
    try:
        with StreamServer() as scripted:
            env = {"STREAM_SERVER_URL": scripted.base_url, "SPEC_SERVER_URL": mock.base_url}
            done = run_go(["test", "-count=1", "-v", "./..."], module, go_cache, **env)
            completions = [r for r in scripted.requests if r.target == "/v1/completions"]
            events = [r for r in scripted.requests if r.target == "/v1/events"]
            charges = [r for r in scripted.requests if r.target == "/v1/charges"]
    finally:
        mock.stop()
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert len(re.findall(r"^--- PASS: (\w+)", done.stdout, re.MULTILINE)) == 18, output
    assert [json.loads(r.body) for r in completions] == [
        {"prompt": "hi", "stream": True},
        {"prompt": "hi"},
    ]
    assert [r.headers.get("accept") for r in completions] == [
        "text/event-stream",
        "application/json",
    ]
    assert {r.headers.get("accept") for r in events} == {"text/event-stream"}
    keys = [r.headers.get("idempotency-key") for r in charges]
    assert len(keys) == 4 and keys[0] == keys[1] and keys[2] == keys[3] and keys[0] != keys[2]
    assert mock.errors() == []
    assert len(mock.requests) == 4
