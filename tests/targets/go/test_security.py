"""Each operation of the Go SDK sends the credentials its own requirement names, in the
document's order among what the caller configured: the Go SDK of `tests/support/security_spec.py`
(Stripe's basic-or-bearer, Plaid's keys together, query and cookie keys, `security: []`, OAuth2
client credentials, OpenID Connect, server variables) is generated and its `go test` calls
local servers it scripts itself and the spec-checking mock, which checks every scheme."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.config import default_api
from generator.mock.server import SpecServer
from generator.pipeline import render_api
from tests.support.security_spec import SECURITY_SPEC
from tests.targets.go.tooling import consumer_module, go, run_go

GO_TESTS = Path(__file__).parent / "security" / "security_test.go"
MODULE = "example.com/vault-go"
EXPECTED = {"basicAuth": "sk_test_123:", "clientId": "id-1", "secret": "s-1"}
"""The credentials the mock requires of the schemes it checks by value."""


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go()
    folder = tmp_path_factory.mktemp("vault-go")
    spec = folder / "vault.yaml"
    spec.write_text(yaml.safe_dump(SECURITY_SPEC))
    config = default_api(spec, folder / "out", "vault")
    config = replace(config, targets=("go",), settings={"go": {"module": MODULE}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return folder / "out" / "go"


@pytest.mark.slow
def test_the_go_sdk_sends_every_scheme_where_the_spec_says(
    sdk: Path, tmp_path: Path, go_cache: Path
) -> None:
    module = consumer_module(tmp_path / "consumer", MODULE, sdk)
    shutil.copy(GO_TESTS, module / GO_TESTS.name)
    with SpecServer(SECURITY_SPEC, credentials=EXPECTED) as mock:
        done = run_go(
            ["test", "-count=1", "-v", "./..."], module, go_cache, VAULT_MOCK_URL=mock.base_url
        )
        checked = [r.errors for r in mock.requests]
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    passed = re.findall(r"^--- PASS: (\w+)", done.stdout, re.MULTILINE)
    assert len(passed) == 14, output
    assert checked[:6] == [[]] * 6  # the six calls with the right credentials
    assert len(checked) == 7 and "Basic credentials are not the expected ones" in checked[6][0]
