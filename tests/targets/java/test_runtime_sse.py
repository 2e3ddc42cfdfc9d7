"""The Java runtime's server-sent events parser and stream, in JUnit: the runtime of
`generator/targets/java/runtime/` compiled with `runtimetest/SseTest.java` (javac -Xlint:all
-Werror --release 11), which reads every case of `tests/support/sse_cases.py` (the format's
rules, the scripted stream cut everywhere) as Python's parser reads it."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from generator.targets.java.render import RUNTIME_DIR
from tests.support.sse_cases import parser_cases
from tests.targets.java.tooling import classpath, javac, junit_console

JUNIT_TESTS = Path(__file__).parent / "runtimetest"


@pytest.mark.slow
def test_the_java_parser_reads_every_case_as_python_does(tmp_path: Path) -> None:
    console = junit_console()
    out = tmp_path / "classes"
    files = [*sorted(RUNTIME_DIR.glob("*.java")), *sorted(JUNIT_TESTS.glob("*.java"))]
    done = javac(out, files, str(console))
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    assert "warning" not in done.stderr
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(parser_cases()), encoding="utf-8")
    command = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(console),
               "--class-path", f"{out}:{classpath()}", "--select-class", "sdkgen.runtime.SseTest",
               "--disable-banner", "--details=summary"]  # fmt: skip
    env = {**os.environ, "SSE_CASES": str(cases)}
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert re.search(r"\b7 tests successful", output), output[-3000:]
    assert re.search(r"\b0 tests failed", output), output[-3000:]
