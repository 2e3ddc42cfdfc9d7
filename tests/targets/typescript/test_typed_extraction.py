"""Extend's typed extraction in TypeScript (`client.extractTyped`: the SDK's `src/lib/`, wired
onto the client by `patches/extend/typescript/`): `node --test` against `sdkgen mock`, and
`tsc --strict` over type-level assertions of what `FromSchema` infers."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.mock.serve import start
from generator.mock.server import SpecServer
from tests.conftest import ROOT
from tests.support.extend import API_VERSION, TOKEN, extend_spec
from tests.support.run_folder import Built
from tests.support.spec_server import ScriptedResponse
from tests.targets.typescript.tooling import node, tsc

SDK = ROOT / "output" / "extend" / "typescript"
TESTS = Path(__file__).parent / "extraction"
SCHEMA = json.loads((TESTS / "invoice.schema.json").read_text(encoding="utf-8"))
EXPECTED_TESTS = 4


def pending_run(server: SpecServer) -> dict[str, Any]:
    """A run as the mock creates it (then forgotten: the tests' requests are recorded alone)."""
    headers = {
        "authorization": f"Bearer {TOKEN}",
        "content-type": "application/json",
        "x-extend-api-version": API_VERSION,
    }
    body = json.dumps({"file": {"url": "https://x.test/a.pdf"}}).encode()
    status, _headers, answer, _delay = server.handle("POST", "/extract_runs", headers, body)
    assert status == 200 and isinstance(answer, bytes), answer
    server.reset()
    run: dict[str, Any] = json.loads(answer)
    return run


def finished_runs(server: SpecServer) -> list[dict[str, Any]]:
    """The retrieve answers of the node tests, in their order: processed, failed, wrong output."""
    base = pending_run(server)
    citation = {"referenceText": "Total: 12.50", "page": {"number": 1}}
    processed = {
        **base,
        "status": "PROCESSED",
        "output": {
            "value": {"invoiceNumber": "INV-7", "total": 12.5, "lines": [{"sku": "A-1"}]},
            "metadata": {"total": {"ocrConfidence": 0.97, "citations": [citation]}},
        },
    }
    failed = {**base, "status": "FAILED", "output": None}
    failed["failureMessage"] = "the file is not a document"
    wrong = copy.deepcopy(processed)
    wrong["output"]["value"] = {"invoiceNumber": "INV-8", "total": "twelve", "lines": [{}]}
    return [processed, failed, wrong]


@pytest.mark.slow  # tsc and node: seconds, so `make test` (not test-fast) runs it
def test_extract_typed_against_the_mock(extend_build: Built) -> None:
    assert extend_build.returncode == 0, extend_build.output
    dist = extend_build.folder / "dist"
    spec, _document = extend_spec()
    server, diagnostics = start(spec, token=TOKEN)
    assert server is not None, diagnostics
    try:
        runs = finished_runs(server)
        server.script("retrieveExtractRun", *(ScriptedResponse(json=run) for run in runs))
        output = _run_node(dist, server.base_url)
        recorded = list(server.requests)
        creates = [r for r in recorded if r.method == "POST"]
        errors = server.errors()
    finally:
        server.stop()
    passed = re.search(r"^# pass (\d+)$", output, re.MULTILINE)
    assert passed is not None and int(passed.group(1)) == EXPECTED_TESTS, output
    assert errors == [], errors
    assert len(creates) == EXPECTED_TESTS
    for create in creates:
        sent = json.loads(create.body)
        assert sent == {"file": {"url": "https://x.test/a.pdf"}, "config": {"schema": SCHEMA}}
    polls = [r for r in recorded if r.method == "GET"]
    assert len(polls) >= len(runs) + 2  # the last run: PENDING, PROCESSING, then finished


def _run_node(dist: Path, base_url: str) -> str:
    env = {
        **os.environ,
        "SDK_DIST": str(dist),
        "SPEC_SERVER_URL": base_url,
        "SPEC_SERVER_TOKEN": TOKEN,
        "SPEC_SERVER_API_VERSION": API_VERSION,
    }
    result = subprocess.run(
        [node(), "--test", "--test-reporter=tap", str(TESTS / "extraction.test.mjs")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return result.stdout


def readme_example() -> str:
    """The README's typed extraction example (its guide section), importing the SDK's source."""
    readme = (SDK / "README.md").read_text(encoding="utf-8")
    blocks: list[str] = re.findall(r"^```ts\n(.*?)^```$", readme, re.MULTILINE | re.DOTALL)
    (example,) = [block for block in blocks if ".extractTyped(" in block]
    source = (SDK / "src" / "index.js").as_posix()
    return example.replace('from "extend-sdk"', f"from {json.dumps(source)}")


@pytest.mark.slow
def test_the_inferred_types_are_exact(tmp_path: Path) -> None:
    """`types.check.mts` compiles only when every inferred type is the one it writes out; the
    README's example compiles as written."""
    options = json.loads((SDK / "tsconfig.json").read_text(encoding="utf-8"))["compilerOptions"]
    options.update(noEmit=True, strict=True)
    for emitted in ("outDir", "rootDir", "declaration"):
        options.pop(emitted, None)
    example = tmp_path / "readme_example.mts"
    example.write_text(readme_example(), encoding="utf-8")
    files = [str(TESTS / "types.check.mts"), str(example)]
    config = {"compilerOptions": options, "files": files}
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(tsc()), "-p", str(tmp_path / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
