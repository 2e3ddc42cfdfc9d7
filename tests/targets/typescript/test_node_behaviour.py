"""The TypeScript SDK's behaviour tests (`node --test`), run against `sdkgen mock`'s server (the
Extend spec, with pages and runs) and scripted local servers; every request the SDK sent the
mock must match the spec."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from generator.mock.serve import start
from tests.conftest import ROOT
from tests.support.extend import API_VERSION, TOKEN, extend_spec
from tests.support.run_folder import Built
from tests.targets.typescript.tooling import node

SDK = ROOT / "output" / "extend" / "typescript"
TESTS = Path(__file__).parent / "node"


@pytest.mark.slow
def test_node_behaviour_tests_pass(extend_build: Built) -> None:
    assert extend_build.returncode == 0, extend_build.output
    dist = extend_build.folder / "dist"
    spec, _document = extend_spec()
    server, diagnostics = start(spec, token=TOKEN)
    assert server is not None, diagnostics
    try:
        _run_node(dist, server.base_url)
    finally:
        server.stop()
    deliberate = "does not carry the expected bearer token"  # the wrong-token test's request
    mismatches = [e for e in server.errors() if deliberate not in e]
    assert mismatches == [], mismatches
    assert len(server.requests) >= 10


def _run_node(dist: Path, base_url: str) -> None:
    env = {
        **os.environ,
        "SDK_DIST": str(dist),
        "SPEC_SERVER_URL": base_url,
        "SPEC_SERVER_TOKEN": TOKEN,
        "SPEC_SERVER_API_VERSION": API_VERSION,
    }
    env.pop("EXTEND_API_KEY", None)
    files = sorted(str(p) for p in TESTS.glob("*.test.mjs"))
    result = subprocess.run(
        [node(), "--test", "--test-reporter=tap", *files],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed is not None and int(passed.group(1)) >= 29, output
