"""The Go runtime's server-sent events parser and stream, in Go: `go test` over the runtime of
`generator/targets/go/runtime/` with `coretest/sse_test.go` beside it, reading every case of
`tests/support/sse_cases.py` (the format's rules, the scripted stream cut everywhere) as
Python's parser reads it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.targets.go.render import RUNTIME_DIR
from tests.support.sse_cases import parser_cases
from tests.targets.go.tooling import go, run_go

GO_TESTS = Path(__file__).parent / "coretest"


@pytest.mark.slow
def test_the_go_parser_reads_every_case_as_python_does(tmp_path: Path, go_cache: Path) -> None:
    go()
    module = tmp_path / "core"
    module.mkdir()
    (module / "go.mod").write_text("module example.com/core\n\ngo 1.19\n", encoding="utf-8")
    for source in [*RUNTIME_DIR.glob("*.go"), *GO_TESTS.glob("*_test.go")]:
        shutil.copy(source, module / source.name)
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(parser_cases()), encoding="utf-8")
    done = run_go(["test", "-count=1", "-v", "."], module, go_cache, SSE_CASES=str(cases))
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert len(re.findall(r"^--- PASS: (\w+)", done.stdout, re.MULTILINE)) == 9, output
