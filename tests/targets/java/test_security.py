"""Each operation of the Java SDK sends the credentials its own requirement names, in the
document's order among what the caller configured: the Java SDK of
`tests/support/security_spec.py` (Stripe's basic-or-bearer, Plaid's keys together, query and
cookie keys, `security: []`, OAuth2 client credentials, OpenID Connect, server variables) is
generated, compiled with its JUnit tests in one javac run, and run once against local servers
the tests script and the spec-checking mock, which checks every scheme."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.config import default_api
from generator.mock.server import SpecServer
from generator.pipeline import render_api
from tests.support.security_spec import SECURITY_SPEC
from tests.targets.java.tooling import classpath, javac, junit_console, sources

JUNIT_TEST = Path(__file__).parent / "security" / "VaultSecurityTest.java"
EXPECTED = {"basicAuth": "sk_test_123:", "clientId": "id-1", "secret": "s-1"}
"""The credentials the mock requires of the schemes it checks by value."""
ENVIRONMENT = {
    "VAULT_OIDC_TOKEN": "from-env",
    **dict.fromkeys(
        ("VAULT_API_KEY", "VAULT_USERNAME", "VAULT_PASSWORD", "VAULT_PLAID_CLIENT_ID",
         "VAULT_PLAID_SECRET", "VAULT_SESSION_ID", "VAULT_CLIENT_ID", "VAULT_CLIENT_SECRET",
         "VAULT_QUERY_KEY_API_KEY"),
        "",
    ),
}  # fmt: skip
"""The runner's environment: the OpenID Connect token comes from its variable, no other does."""


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    console = junit_console()
    folder = tmp_path_factory.mktemp("vault-java")
    spec = folder / "vault.yaml"
    spec.write_text(yaml.safe_dump(SECURITY_SPEC))
    config = default_api(spec, folder / "out", "vault")
    config = replace(config, targets=("java",), settings={"java": {"package": "com.example.vault"}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    out = folder / "classes"
    done = javac(out, [*sources(folder / "out" / "java"), JUNIT_TEST], str(console))
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    return out


@pytest.mark.slow
def test_the_java_sdk_sends_every_scheme_where_the_spec_says(compiled: Path) -> None:
    quick = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    with SpecServer(SECURITY_SPEC, credentials=EXPECTED) as mock:
        env = {**os.environ, **ENVIRONMENT, "VAULT_MOCK_URL": mock.base_url}
        command = ["java", *quick, "-jar", str(junit_console()),
                   "--class-path", f"{compiled}:{classpath()}",
                   "--select-class", "com.example.vault.VaultSecurityTest",
                   "--disable-banner", "--details=summary"]  # fmt: skip
        run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600,
                             check=False)  # fmt: skip
        checked = [r.errors for r in mock.requests]
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    passed = re.search(r"(\d+) tests successful", output)
    assert passed is not None and int(passed.group(1)) == 14, output[-3000:]
    assert checked[:6] == [[]] * 6  # the six calls with the right credentials
    assert len(checked) == 7 and "Basic credentials are not the expected ones" in checked[6][0]
