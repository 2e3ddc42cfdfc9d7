"""Webhook verification and parsing of the generated Extend SDK (deliveries signed here)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from tests.support.extend import TOKEN, extend_spec, import_sdk
from tests.support.spec_server import SpecModel

SECRET = "wss_test_signing_secret"
SIG = "x-extend-request-signature"
TS = "x-extend-request-timestamp"


@cache
def event_body(event_type: str, schema: str) -> str:
    payload = SpecModel(extend_spec()[1]).synthesize([f"/components/schemas/{schema}"])
    return json.dumps({"eventId": "evt_1", "eventType": event_type, "payload": payload})


def sign(body: str, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"x-extend-request-timestamp": stamp, "x-extend-request-signature": digest}


@pytest.fixture(scope="module")
def client() -> Any:
    return import_sdk().Extend(token=TOKEN)


def test_a_signed_event_verifies_and_parses_into_its_model(client: Any) -> None:
    sdk = import_sdk()
    body = event_body("extract_run.processed", "ExtractRun")
    headers = sign(body)
    assert client.webhooks.verify(body, headers, SECRET) is True
    event = client.webhooks.verify_and_parse(body=body, headers=headers, signing_secret=SECRET)
    assert isinstance(event, sdk.models.ExtractRunProcessedWebhookEvent)
    assert isinstance(event.payload, sdk.ExtractRun)
    assert event.event_type == "extract_run.processed"


def official_events() -> list[tuple[str, str, str]]:
    """(event type, model, payload schema) for every event the spec's `webhooks` section has."""
    found = []
    for event_type, item in extend_spec()[1]["webhooks"].items():
        ref = item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        model = ref.rsplit("/", 1)[1]
        schemas = extend_spec()[1]["components"]["schemas"]
        payload = schemas[model]["properties"]["payload"]
        found.append((event_type, model, payload.get("$ref", "").rsplit("/", 1)[-1]))
    return found


def test_every_event_parses_into_its_own_class(client: Any) -> None:
    """Each event type, resource events included (`extractor.created`, `workflow.deployed`),
    comes back as its own model with a typed payload; the names of the official event union
    (`WebhookEventExtractorCreated`) are models with the same fields."""
    sdk = import_sdk()
    events = official_events()
    assert len(events) == 34
    assert {"extractor.created", "classifier.version.published", "workflow.deployed"} <= {
        e[0] for e in events
    }
    for event_type, model, payload_schema in events:
        assert model.endswith("WebhookEvent")
        body = (
            event_body(event_type, payload_schema)
            if payload_schema
            else json.dumps({"eventId": "evt_1", "eventType": event_type, "payload": {}})
        )
        event = client.webhooks.verify_and_parse(
            body=body, headers=sign(body), signing_secret=SECRET
        )
        assert type(event) is getattr(sdk.models, model), event_type
        assert event.event_type == event_type and event.event_id == "evt_1"
        expected = getattr(sdk.models, payload_schema) if payload_schema else None
        if isinstance(expected, type):
            assert isinstance(event.payload, expected), event_type
        else:  # a union of step runs: one of its members, not a dict
            assert isinstance(event.payload, sdk.models.StepRunParse.__mro__[1]), event_type
        variant = "WebhookEvent" + model.removesuffix("WebhookEvent")
        same = getattr(sdk.models, variant).model_validate_json(body)
        assert same.event_type == event_type


def test_bytes_bodies_and_header_case_are_accepted(client: Any) -> None:
    body = event_body("workflow_run.completed", "WorkflowRun")
    headers = {k.upper(): v for k, v in sign(body).items()}
    assert client.webhooks.verify(body.encode(), headers, SECRET)


def test_unknown_event_types_come_back_generic(client: Any) -> None:
    sdk = import_sdk()
    body = json.dumps({"eventId": "evt_9", "eventType": "brand_new.event", "payload": {"x": 1}})
    event = client.webhooks.verify_and_parse(body=body, headers=sign(body), signing_secret=SECRET)
    assert isinstance(event, sdk.UnknownWebhookEvent)
    assert event.event_type == "brand_new.event" and event.payload == {"x": 1}


Headers = dict[str, str]
BAD_CASES: list[tuple[str, Callable[[str, int], Headers]]] = [
    ("no headers", lambda body, now: {}),
    ("no signature", lambda body, now: {"x-extend-request-timestamp": str(now)}),
    ("no timestamp", lambda body, now: {"x-extend-request-signature": sign(body)[SIG]}),
    ("wrong secret", lambda body, now: sign(body, secret="wss_other")),
    ("stale", lambda body, now: sign(body, now - 400)),
    ("future", lambda body, now: sign(body, now + 400)),
    ("malformed timestamp", lambda body, now: {**sign(body), TS: "12ab"}),
    ("non-ascii signature", lambda body, now: {**sign(body), SIG: "é" * 64}),
    ("truncated signature", lambda body, now: {**sign(body), SIG: sign(body)[SIG][:-2]}),
    ("timestamp swapped", lambda body, now: {**sign(body), TS: str(now - 1)}),
]


@pytest.mark.parametrize("case", BAD_CASES, ids=[label for label, _ in BAD_CASES])
def test_bad_signatures_are_false_and_verification_errors(
    client: Any, case: tuple[str, Callable[[str, int], Headers]]
) -> None:
    sdk = import_sdk()
    body = event_body("parse_run.processed", "ParseRun")
    headers = case[1](body, int(time.time()))
    assert client.webhooks.verify(body, headers, SECRET) is False
    with pytest.raises(sdk.WebhookVerificationError):
        client.webhooks.verify_and_parse(body=body, headers=headers, signing_secret=SECRET)


def test_a_tampered_body_fails(client: Any) -> None:
    body = event_body("split_run.failed", "SplitRun")
    headers = sign(body)
    assert client.webhooks.verify(body.replace("evt_1", "evt_2"), headers, SECRET) is False


def test_within_tolerance_both_ways(client: Any) -> None:
    body = event_body("edit_run.processed", "EditRun")
    now = int(time.time())
    assert client.webhooks.verify(body, sign(body, now - 290), SECRET)
    assert client.webhooks.verify(body, sign(body, now + 290), SECRET)


def test_a_signed_body_that_is_not_an_event_is_a_verification_error(client: Any) -> None:
    sdk = import_sdk()
    for body in (
        "not json",
        "[1, 2]",
        json.dumps({"eventType": "parse_run.processed", "payload": 5}),
    ):
        with pytest.raises(sdk.WebhookVerificationError):
            client.webhooks.verify_and_parse(body=body, headers=sign(body), signing_secret=SECRET)


def test_async_client_has_webhooks_too() -> None:
    sdk = import_sdk()
    body = event_body("classify_run.processed", "ClassifyRun")
    assert sdk.AsyncExtend(token=TOKEN).webhooks.verify(body, sign(body), SECRET)


def test_sign_gives_the_headers_the_api_would_send(client: Any) -> None:
    body = json.dumps({"eventId": "evt_1", "eventType": "something.new", "payload": {}})
    headers = client.webhooks.sign(body, SECRET, timestamp=1_700_000_000)
    assert headers == sign(body, 1_700_000_000)
    fresh = client.webhooks.sign(body.encode(), SECRET)
    assert client.webhooks.verify(body, fresh, SECRET)
    assert not client.webhooks.verify(body, fresh, "another secret")
    with pytest.raises(import_sdk().WebhookVerificationError):
        client.webhooks.sign(body, "")
