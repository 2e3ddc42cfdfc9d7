"""OpenAI's chat completions and responses stream through the Java SDK of the corpus spec from
sdkgen's mock, which checks every request against the spec (`openai/OpenaiStreamsTest.java`).
It compiles the whole OpenAI SDK, so it runs in `make conformance`."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import default_api
from generator.mock.serve import start
from generator.pipeline import render_api
from tests.conftest import shared_path
from tests.targets.java.tooling import classpath, javac, junit_console, sources

JUNIT_TESTS = Path(__file__).parent / "openai"


@pytest.mark.conformance
def test_openai_streams_from_the_mock_through_java(tmp_path: Path) -> None:
    console = junit_console()
    spec = shared_path("corpus", "openai.yaml")
    rendered = render_api(replace(default_api(spec, tmp_path / "out", "openai"), targets=("java",)))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = tmp_path / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    out = tmp_path / "classes"
    files = [*sources(tmp_path / "out" / "java"), *sorted(JUNIT_TESTS.glob("*.java"))]
    done = javac(out, files, str(console))
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    command = ["java", "-XX:+UseSerialGC", "-jar", str(console), "--class-path",
               f"{out}:{classpath()}", "--select-class", "OpenaiStreamsTest", "--disable-banner",
               "--details=summary"]  # fmt: skip
    mock, diagnostics = start(spec, token="sk-test")
    assert mock is not None, diagnostics
    try:
        env = {**os.environ, "SPEC_SERVER_URL": mock.base_url}
        run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600,
                             check=False)  # fmt: skip
    finally:
        mock.stop()
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert re.search(r"\b2 tests successful", output), output[-3000:]
    assert mock.errors() == []
