"""The TypeScript runtime's request hooks (`node --test`, in `hooks/`) against a scripted
server on 127.0.0.1; only the runtime is compiled."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.support.fault_server import FaultServer
from tests.support.run_folder import Built
from tests.targets.typescript.tooling import node

TESTS = Path(__file__).parent / "hooks"
EXPECTED_TESTS = 3


@pytest.mark.slow  # tsc and node: seconds, so `make test` (not test-fast) runs it
def test_node_hook_suite_passes(runtime_build: Built) -> None:
    assert runtime_build.returncode == 0, runtime_build.output
    dist = runtime_build.folder / "dist"
    with FaultServer() as server:
        env = {**os.environ, "RUNTIME_DIST": str(dist), "FAULT_A": str(server.port)}
        result = subprocess.run(
            [node(), "--test", "--test-reporter=tap", str(TESTS / "hooks.test.mjs")],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
            check=False,
        )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed is not None and int(passed.group(1)) == EXPECTED_TESTS, output
