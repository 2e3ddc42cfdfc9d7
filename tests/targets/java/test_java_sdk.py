"""The Extend Java SDK of output/: `javac -Xlint:all -Werror --release 11` clean, and its JUnit
behaviour tests pass against sdkgen's mock (every request checked against the spec) and scripted
local servers. The SDK compiles once per run (`conftest.py`), the tests against it."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from generator.mock.serve import start
from tests.support.extend import API_VERSION, TOKEN, extend_spec
from tests.support.run_folder import Built
from tests.targets.java.tooling import classpath, javac, junit_console

JUNIT_TESTS = Path(__file__).parent / "junit"


@pytest.fixture(scope="module")
def compiled(
    tmp_path_factory: pytest.TempPathFactory, extend_java_build: Built
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The JUnit tests compiled against the run's build of the SDK (`conftest.py`)."""
    console = junit_console()
    out = tmp_path_factory.mktemp("java-classes")
    sdk_classes = extend_java_build.folder / "classes"
    done = javac(out, sorted(JUNIT_TESTS.glob("*.java")), f"{console}:{sdk_classes}")
    return out, done


@pytest.mark.slow
def test_the_sdk_and_its_tests_compile_with_every_lint_on(
    extend_java_build: Built, compiled: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    assert extend_java_build.returncode == 0, extend_java_build.output[-4000:]
    assert "warning" not in extend_java_build.output
    _out, done = compiled
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    assert "warning" not in done.stderr


@pytest.mark.slow
def test_junit_behaviour_tests_pass(
    extend_java_build: Built, compiled: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    assert extend_java_build.returncode == 0, extend_java_build.output[-4000:]
    out, done = compiled
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    sdk_classes = extend_java_build.folder / "classes"
    spec, _document = extend_spec()
    server, diagnostics = start(spec, token=TOKEN)
    assert server is not None, diagnostics
    env = {**os.environ, "SPEC_SERVER_URL": server.base_url, "SPEC_SERVER_TOKEN": TOKEN,
           "SPEC_SERVER_API_VERSION": API_VERSION, "EXTEND_API_KEY": ""}  # fmt: skip
    quick = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    path = f"{out}:{sdk_classes}:{classpath()}"
    command = ["java", *quick, "-jar", str(junit_console()), "--class-path", path,
               "--select-class", "ExtendTest", "--disable-banner", "--details=summary"]  # fmt: skip
    try:
        run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600,
                             check=False)  # fmt: skip
    finally:
        server.stop()
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    passed = re.search(r"(\d+) tests successful", output)
    assert passed is not None and int(passed.group(1)) >= 25, output[-3000:]
    assert re.search(r"\b0 tests failed", output), output[-3000:]
    deliberate = "does not carry the expected bearer token"  # the wrong-token test's request
    mismatches = [e for e in server.errors() if deliberate not in e]
    assert mismatches == [], mismatches
    assert len(server.requests) >= 10
