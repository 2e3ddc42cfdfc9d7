"""Credentials per operation in TypeScript, end to end: the SDK of the security spec is
generated, compiled and called (`node --test`) with a recording fetch and against the
spec-checking server, which checks every scheme of each operation's requirement."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.config import default_api
from generator.mock.server import SpecServer
from generator.pipeline import render_api
from tests.support.security_spec import SECURITY_SPEC
from tests.targets.typescript.tooling import compile_sdk, node

NODE_TESTS = Path(__file__).parent / "security" / "security.test.mjs"
EXPECTED = {"basicAuth": "sk_test_123:", "clientId": "id-1", "secret": "s-1"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("security-ts")
    spec = folder / "vault.yaml"
    spec.write_text(yaml.safe_dump(SECURITY_SPEC))
    config = default_api(spec, folder / "out", "vault_sdk")
    config = replace(config, targets=("typescript",), settings={"typescript": {}})
    rendered = render_api(config)
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    built = compile_sdk(folder / "out" / "typescript", "--outDir", str(folder / "dist"))
    assert built.returncode == 0, built.stdout + built.stderr
    return folder / "dist"


@pytest.fixture
def server() -> Iterator[SpecServer]:
    with SpecServer(SECURITY_SPEC, credentials=EXPECTED) as running:
        yield running


@pytest.mark.slow
def test_each_operation_sends_its_own_credentials(dist: Path, server: SpecServer) -> None:
    env = {**os.environ, "SDK_DIST": str(dist), "SPEC_SERVER_URL": server.base_url}
    env.pop("VAULT_API_KEY", None)
    result = subprocess.run(
        [node(), "--test", "--test-reporter=tap", str(NODE_TESTS)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed is not None and int(passed.group(1)) == 9, output
    verdicts = [(r.operation_id, r.errors) for r in server.requests]
    assert [errors for _, errors in verdicts[:6]] == [[]] * 6, verdicts
    assert "Basic credentials are not the expected ones" in verdicts[6][1][0]
