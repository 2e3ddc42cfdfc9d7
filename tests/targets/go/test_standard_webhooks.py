"""Standard Webhooks in the Go SDK: the streams spec has a `webhooks` section and no
`x-sdk-webhooks`, so its deliveries are verified the Standard Webhooks way (`webhook-id`,
`webhook-timestamp`, `webhook-signature: v1,<base64>`, `whsec_` secrets). Deliveries are
signed here with Python's standard library, independently of the SDK, and `go test` checks
each one."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.config import default_api
from generator.pipeline import render_api
from tests.targets.go.tooling import consumer_module, go, run_go

SPEC = Path(__file__).parents[2] / "support" / "streams_spec.yaml"
GO_TESTS = Path(__file__).parent / "standard" / "standard_test.go"
MODULE = "example.com/signed-go"
KEY = b"a key of thirty-two bytes, made!"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
BODY = json.dumps({"type": "completion.done", "data": {"id": "cmpl_1", "text": "done"}})


def signed(body: str, key: bytes = KEY, stamp: int | None = None) -> dict[str, str]:
    timestamp = str(int(time.time()) if stamp is None else stamp)
    payload = f"msg_1.{timestamp}.{body}".encode()
    mac = base64.b64encode(hmac.new(key, payload, hashlib.sha256).digest()).decode()
    return {"webhook-id": "msg_1", "webhook-timestamp": timestamp, "webhook-signature": f"v1,{mac}"}


def _cases() -> dict[str, dict[str, Any]]:
    rotated = signed(BODY)
    old = signed(BODY, key=b"the key before it was rotated!!!")["webhook-signature"]
    rotated["webhook-signature"] = f"{old} v2,ignored {rotated['webhook-signature']}"
    cases: dict[str, tuple[dict[str, str], str, bool]] = {
        "signed": (signed(BODY), SECRET, True),
        "one of several signatures": (rotated, SECRET, True),
        "another secret": (signed(BODY, key=b"not the key at all, not at all!!"), SECRET, False),
        "stale": (signed(BODY, stamp=int(time.time()) - 600), SECRET, False),
        "from the future": (signed(BODY, stamp=int(time.time()) + 600), SECRET, False),
        "a changed body": (signed(BODY.replace("done", "dome")), SECRET, False),
        "no id": ({k: v for k, v in signed(BODY).items() if k != "webhook-id"}, SECRET, False),
        "a secret that is not base64": (signed(BODY), "whsec_not base64!", False),
        "hex instead of base64": (
            {**signed(BODY), "webhook-signature": "v1," + "ab" * 32}, SECRET, False
        ),
    }  # fmt: skip
    return {
        name: {"body": BODY, "headers": headers, "secret": secret, "valid": valid}
        for name, (headers, secret, valid) in cases.items()
    }


@pytest.mark.slow
def test_the_go_sdk_verifies_standard_webhooks(tmp_path: Path, go_cache: Path) -> None:
    go()
    config = default_api(SPEC, tmp_path / "out", "signed")
    config = replace(config, targets=("go",), settings={"go": {"module": MODULE}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = tmp_path / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    module = consumer_module(tmp_path / "consumer", MODULE, tmp_path / "out" / "go")
    shutil.copy(GO_TESTS, module / GO_TESTS.name)
    cases = json.dumps(_cases())
    done = run_go(["test", "-count=1", "-v", "./..."], module, go_cache, WEBHOOK_CASES=cases)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert len(re.findall(r"^--- PASS: (\w+)", done.stdout, re.MULTILINE)) == 2, output
