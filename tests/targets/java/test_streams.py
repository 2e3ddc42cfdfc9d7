"""Streams in the Java SDK, end to end: the Java SDK of `tests/support/streams_spec.yaml` is
generated, compiled with `streams/*.java` (javac -Xlint:all -Werror --release 11), and its
JUnit tests read events and downloads from the scripted server of
`tests/support/stream_server.py` (lines cut across chunks, an error event, drifting events, a
held stream closed early, charges whose first attempt loses its connection) and from sdkgen's
mock, which checks every request against the spec; `KeysTest` also checks idempotency keys and
raw calls against a server of its own."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import default_api
from generator.mock.serve import start
from generator.pipeline import render_api
from tests.support.stream_server import StreamServer
from tests.targets.java.tooling import classpath, javac, junit_console, sources

SPEC = Path(__file__).parents[2] / "support" / "streams_spec.yaml"
JUNIT_TESTS = Path(__file__).parent / "streams"


@pytest.mark.slow
def test_java_streams_events_and_downloads(tmp_path: Path) -> None:
    console = junit_console()
    config = replace(default_api(SPEC, tmp_path / "out", "streams"), targets=("java",))
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = tmp_path / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    out = tmp_path / "classes"
    files = [*sources(tmp_path / "out" / "java"), *sorted(JUNIT_TESTS.glob("*.java"))]
    done = javac(out, files, str(console))
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    assert "warning" not in done.stderr
    command = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(console),
               "--class-path", f"{out}:{classpath()}", "--select-class", "StreamsTest",
               "--select-class", "KeysTest",
               "--disable-banner", "--details=summary"]  # fmt: skip
    mock, diagnostics = start(SPEC, token="t")
    assert mock is not None, diagnostics
    try:
        with StreamServer() as scripted:
            env = {**os.environ, "STREAM_SERVER_URL": scripted.base_url,
                   "SPEC_SERVER_URL": mock.base_url}  # fmt: skip
            run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600,
                                 check=False)  # fmt: skip
            completions = [r for r in scripted.requests if r.target == "/v1/completions"]
            charges = [r for r in scripted.requests if r.target == "/v1/charges"]
    finally:
        mock.stop()
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert re.search(r"\b17 tests successful", output), output[-3000:]
    assert re.search(r"\b0 tests failed", output), output[-3000:]
    bodies = sorted((json.loads(r.body) for r in completions), key=len)
    assert bodies == [
        {"prompt": "hi"},
        {"prompt": "hi", "stream": True},
        {"prompt": "hi", "stream": True},
    ]
    streamed = [r for r in completions if b'"stream"' in r.body]
    assert {r.headers["accept"] for r in streamed} == {"text/event-stream"}
    keys = [r.headers.get("idempotency-key") for r in charges]
    assert len(keys) == 4 and keys[0] == keys[1] and keys[2] == keys[3] and keys[0] != keys[2]
    assert mock.errors() == []
    assert len(mock.requests) == 4
