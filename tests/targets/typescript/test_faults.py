"""The TypeScript runtime's fault-injection and redirect suite (`node --test`, in `faults/`),
against two scripted servers on 127.0.0.1 (tests/support/fault_server.py; their ports make them
two origins). Only the runtime is compiled, which keeps the suite to a few seconds."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.targets.typescript.render import RUNTIME_DIR
from tests.support.fault_server import FaultServer, refused_url
from tests.targets.typescript.tooling import node, tsc

TESTS = Path(__file__).parent / "faults"
COMPILER_OPTIONS = {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "types": [],
    "strict": True,
    "outDir": "dist",
    "rootDir": "src",
    "skipLibCheck": True,
    "noEmitOnError": True,
}
# Each scheme (and three sent together) x each status x both origins, a downgrade and a loop;
# then the faults.
EXPECTED_TESTS = 6 * 5 * 2 + 2 + 16


def compile_runtime(folder: Path) -> Path:
    (folder / "src").mkdir()
    for source in RUNTIME_DIR.glob("*.ts"):
        shutil.copy(source, folder / "src" / source.name)
    config = {"compilerOptions": COMPILER_OPTIONS, "include": ["src"]}
    (folder / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    (folder / "package.json").write_text('{"type": "module"}', encoding="utf-8")  # ESM output
    built = subprocess.run(
        [str(tsc()), "-p", str(folder / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return folder / "dist"


@pytest.mark.slow  # tsc and node: seconds, so `make test` (not test-fast) runs it
def test_node_fault_suite_passes(tmp_path: Path) -> None:
    dist = compile_runtime(tmp_path)
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
