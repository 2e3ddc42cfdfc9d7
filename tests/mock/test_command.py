"""`sdkgen mock` as users run it: it says what it serves, answers, logs each request with its
verdict, and refuses a spec that does not load."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import ROOT
from tests.support.extend import API_VERSION, extend_spec


def test_the_command_serves_and_logs() -> None:
    spec, _document = extend_spec()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "mock", str(spec), "--port", "0", "--seed", "5"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.match(
            r"mock of .+ on (http://127\.0\.0\.1:\d+): (\d+) operations$", first.strip()
        )
        assert match is not None, first
        base, count = match.group(1), int(match.group(2))
        listing = [process.stdout.readline() for _ in range(count + 1)]
        assert any("GET /files " in line and "listFiles" in line for line in listing)
        headers = {"x-extend-api-version": API_VERSION, "Authorization": "Bearer any"}
        assert httpx.get(f"{base}/files/file_1", headers=headers).status_code == 200
        wrong = httpx.post(f"{base}/extract_runs", json={"priority": "x"}, headers=headers)
        assert wrong.status_code == 400
        logged = [process.stdout.readline().strip() for _ in range(2)]
        assert logged[0] == "GET /files/file_1 -> retrieveFile: ok"
        assert logged[1].startswith(
            "POST /extract_runs -> createExtractRun: request body at /priority"
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_spec_that_does_not_load_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "mock", str(broken), "--port", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "broken.yaml" in result.stdout + result.stderr
