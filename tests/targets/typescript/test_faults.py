"""The TypeScript runtime's fault-injection and redirect suite (`node --test`, in `faults/`),
against two scripted servers on 127.0.0.1 (tests/support/fault_server.py; their ports make them
two origins). Only the runtime is compiled, which keeps the suite to a few seconds."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.support.fault_server import FaultServer, refused_url
from tests.support.run_folder import Built
from tests.targets.typescript.tooling import node

TESTS = Path(__file__).parent / "faults"
# Each scheme (and three sent together) x each status x both origins, a downgrade and a loop;
# then the faults.
EXPECTED_TESTS = 6 * 5 * 2 + 2 + 16


@pytest.mark.slow  # tsc and node: seconds, so `make test` (not test-fast) runs it
def test_node_fault_suite_passes(runtime_build: Built) -> None:
    assert runtime_build.returncode == 0, runtime_build.output
    dist = runtime_build.folder / "dist"
    with FaultServer() as first, FaultServer() as second:
        env = {
            **os.environ,
            "RUNTIME_DIST": str(dist),
            "FAULT_A": str(first.port),
            "FAULT_B": str(second.port),
            "REFUSED_URL": refused_url(),
        }
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
    assert passed is not None and int(passed.group(1)) == EXPECTED_TESTS, output
