"""The Extend Go SDK of output/: gofmt-clean, vetted, and its `go test` behaviour tests pass
against sdkgen's mock (every request checked against the spec) and scripted servers. The SDK
compiles once per module: every test shares one build cache."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.mock.serve import start
from generator.targets.go.target import versioned_module
from tests.conftest import ROOT
from tests.support.extend import API_VERSION, TOKEN, extend_spec
from tests.targets.go.tooling import consumer_module, go, run_go

SDK = ROOT / "output" / "extend" / "go"
MODULE = "example.com/extend-go/v2"
GO_TESTS = Path(__file__).parent / "gotest"


@pytest.fixture
def cache(go_cache: Path) -> Path:
    return go_cache


def test_the_sdk_is_gofmt_clean() -> None:
    gofmt = Path(go()).resolve().with_name("gofmt")
    done = subprocess.run(
        [str(gofmt), "-l", str(SDK)], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


@pytest.mark.slow
def test_the_sdk_builds_and_is_vet_clean(cache: Path) -> None:
    done = run_go(["vet", "./..."], SDK, cache)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (SDK / "go.mod").read_text(encoding="utf-8").startswith(f"module {MODULE}\n")
    assert "require" not in (SDK / "go.mod").read_text(encoding="utf-8")


@pytest.mark.slow
def test_go_behaviour_tests_pass(cache: Path, tmp_path: Path) -> None:
    module = consumer_module(tmp_path / "gotest", MODULE, SDK)
    for source in GO_TESTS.glob("*_test.go"):
        shutil.copy(source, module / source.name)
    spec, _document = extend_spec()
    server, diagnostics = start(spec, token=TOKEN)
    assert server is not None, diagnostics
    try:
        env = {"SPEC_SERVER_URL": server.base_url, "SPEC_SERVER_TOKEN": TOKEN,
               "SPEC_SERVER_API_VERSION": API_VERSION, "EXTEND_API_KEY": ""}  # fmt: skip
        done = run_go(["test", "-count=1", "-v", "./..."], module, cache, **env)
    finally:
        server.stop()
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    passed = re.findall(r"^--- PASS: (\w+)", done.stdout, re.MULTILINE)
    assert len(passed) >= 25, output
    deliberate = "does not carry the expected bearer token"  # the wrong-token test's request
    mismatches = [e for e in server.errors() if deliberate not in e]
    assert mismatches == [], mismatches
    assert len(server.requests) >= 10


@pytest.mark.parametrize(
    ("module", "version", "expected"),
    [
        ("example.com/x-go", "0.3.0", "example.com/x-go"),
        ("example.com/x-go", "1.9.0", "example.com/x-go"),
        ("example.com/x-go", "2.0.0", "example.com/x-go/v2"),
        ("example.com/x-go/v2", "2.1.0", "example.com/x-go/v2"),
        ("example.com/x-go/v2", "3.0.0", "example.com/x-go/v3"),
    ],
)
def test_a_major_version_from_2_on_ends_the_module_path(
    module: str, version: str, expected: str
) -> None:
    assert versioned_module(module, version) == expected
