"""Standard Webhooks in the Python SDK: the streams spec has a `webhooks` section and no
`x-sdk-webhooks`, so its deliveries are verified the Standard Webhooks way (`webhook-id`,
`webhook-timestamp`, `webhook-signature: v1,<base64>`, `whsec_` secrets). Deliveries are
signed here with the standard library, independently of the SDK."""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import default_api
from generator.pipeline import render_api

SPEC = Path(__file__).parents[3] / "support" / "streams_spec.yaml"
KEY = b"a key of thirty-two bytes, made!"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
BODY = json.dumps({"type": "completion.done", "data": {"id": "cmpl_1", "text": "done"}})


def signed(body: str, key: bytes = KEY, stamp: int | None = None) -> dict[str, str]:
    timestamp = str(int(time.time()) if stamp is None else stamp)
    payload = f"msg_1.{timestamp}.{body}".encode()
    mac = base64.b64encode(hmac.new(key, payload, hashlib.sha256).digest()).decode()
    return {"webhook-id": "msg_1", "webhook-timestamp": timestamp, "webhook-signature": f"v1,{mac}"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("standard-webhooks")
    rendered = render_api(default_api(SPEC, folder / "out", "signed_sdk"))
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    package = folder / "out" / "python"
    sys.path.insert(0, str(package))
    try:
        yield importlib.import_module("signed_sdk").Signed(token="t")
    finally:
        sys.path.remove(str(package))
        for name in [m for m in sys.modules if m.startswith("signed_sdk")]:
            del sys.modules[name]


def test_a_signed_delivery_verifies_and_parses_into_its_event(client: Any) -> None:
    event = client.webhooks.verify_and_parse(body=BODY, headers=signed(BODY), signing_secret=SECRET)
    assert type(event).__name__ == "CompletionDone" and event.data.text == "done"


def test_one_of_several_signatures_is_enough(client: Any) -> None:
    headers = signed(BODY)
    old = signed(BODY, key=b"the key before it was rotated!!!")["webhook-signature"]
    headers["webhook-signature"] = f"{old} v2,ignored {headers['webhook-signature']}"
    assert client.webhooks.verify(BODY, headers, SECRET)


CASES: dict[str, tuple[Callable[[], dict[str, str]], str]] = {
    "another secret": (lambda: signed(BODY, key=b"not the key at all, not at all!!"), SECRET),
    "stale": (lambda: signed(BODY, stamp=int(time.time()) - 600), SECRET),
    "from the future": (lambda: signed(BODY, stamp=int(time.time()) + 600), SECRET),
    "a changed body": (lambda: signed(BODY.replace("done", "dome")), SECRET),
    "no id": (lambda: {k: v for k, v in signed(BODY).items() if k != "webhook-id"}, SECRET),
    "a secret that is not base64": (lambda: signed(BODY), "whsec_not base64!"),
    "hex instead of base64": (
        lambda: {**signed(BODY), "webhook-signature": "v1," + "ab" * 32},
        SECRET,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_what_does_not_verify(client: Any, case: str) -> None:
    make_headers, secret = CASES[case]
    assert not client.webhooks.verify(BODY, make_headers(), secret)


def test_sign_makes_deliveries_that_verify(client: Any) -> None:
    headers = client.webhooks.sign(BODY, SECRET)
    assert set(headers) == {"webhook-id", "webhook-timestamp", "webhook-signature"}
    assert headers["webhook-signature"].startswith("v1,")
    mac = hmac.new(
        KEY,
        f"{headers['webhook-id']}.{headers['webhook-timestamp']}.{BODY}".encode(),
        hashlib.sha256,
    ).digest()
    assert headers["webhook-signature"] == "v1," + base64.b64encode(mac).decode()
    assert client.webhooks.verify(BODY, headers, SECRET)
