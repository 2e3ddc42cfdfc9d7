"""Streams and escape hatches of the TypeScript SDK, end to end: the SDK of
`tests/support/streams_spec.yaml` is generated, compiled, and run (`node --test`, in
`streams/`) against the scripted server of `tests/support/stream_server.py`; the keys each
retry sent are checked here, on the wire."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pydantic
import pytest

from generator.config import default_api
from generator.pipeline import render_api
from generator.targets.python.runtime.webhooks import Signing, WebhookVerifier
from tests.support.stream_server import StreamServer
from tests.targets.typescript.tooling import compile_sdk, node

SPEC = Path(__file__).parents[2] / "support" / "streams_spec.yaml"
NODE_TESTS = Path(__file__).parent / "streams" / "streams.test.mjs"
EXPECTED_TESTS = 9
SECRET = "whsec_" + base64.b64encode(b"a key of thirty-two bytes, made!").decode()
BODY = json.dumps({"type": "completion.done", "data": {"id": "cmpl_1", "text": "done"}})
STANDARD = Signing(
    signature_header="webhook-signature",
    timestamp_header="webhook-timestamp",
    signed_payload="{id}.{timestamp}.{body}",
    scheme="standard",
    id_header="webhook-id",
)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("streams-ts")
    config = default_api(SPEC, folder / "out", "streams_sdk")
    config = replace(config, targets=("typescript",), settings={"typescript": {}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    built = compile_sdk(folder / "out" / "typescript", "--outDir", str(folder / "dist"))
    assert built.returncode == 0, built.stdout + built.stderr
    return folder / "dist"


@pytest.mark.slow  # tsc and node: seconds, so `make test` (not test-fast) runs it
def test_node_streams_suite_passes(dist: Path) -> None:
    verifier = WebhookVerifier[pydantic.BaseModel](
        signing=STANDARD, events={}, fallback=pydantic.BaseModel, type_property="type"
    )
    delivery = {"body": BODY, "headers": verifier.sign(BODY, SECRET), "secret": SECRET}
    with StreamServer() as server:
        env = {
            **os.environ,
            "SDK_DIST": str(dist),
            "STREAM_URL": server.base_url,
            "WEBHOOK_DELIVERY": json.dumps(delivery),
        }
        result = subprocess.run(
            [node(), "--test", "--test-reporter=tap", "--test-concurrency=1", str(NODE_TESTS)],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
            check=False,
        )
        charges = [
            r.headers.get("idempotency-key") for r in server.requests if "charges" in r.target
        ]
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed is not None and int(passed.group(1)) == EXPECTED_TESTS, output
    # Each keyed call: dropped, then retried with the same key; the unkeyed POST: once.
    generated = charges[0]
    assert charges == [generated, generated, "mine-ts", "mine-ts", "raw-ts"], charges
    # What the TypeScript SDK signed, the Python runtime verifies.
    signed = re.search(r"TS_SIGNED (\{.*\})", result.stdout)
    assert signed is not None, output
    assert verifier.verify(BODY, json.loads(signed.group(1)), SECRET)
