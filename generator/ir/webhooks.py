"""How webhook deliveries are signed, decided once: the scheme an `x-sdk-webhooks` extension
describes, or Standard Webhooks, which a `webhooks` section without one is taken to use (as
OpenAI's does) and which the configuration may choose (`webhook_signing = "standard"`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator.ir.model import Api, WebhookSigning

DEFAULT_TOLERANCE_SECONDS = 300

STANDARD_WEBHOOKS = WebhookSigning(
    signature_header="webhook-signature",
    timestamp_header="webhook-timestamp",
    signed_payload="{id}.{timestamp}.{body}",
    algorithm="hmac-sha256",
    tolerance_seconds=DEFAULT_TOLERANCE_SECONDS,
    scheme="standard",
    id_header="webhook-id",
)


def signing_of(settings: Mapping[str, Any]) -> WebhookSigning:
    """The signing an `x-sdk-webhooks` extension describes: its own HMAC scheme when it names
    the signature and timestamp headers (and not `scheme: standard`), else Standard Webhooks."""
    tolerance = int(settings.get("toleranceSeconds") or DEFAULT_TOLERANCE_SECONDS)
    own = settings.get("signatureHeader") and settings.get("timestampHeader")
    if settings.get("scheme") == "standard" or not own:
        return replace(STANDARD_WEBHOOKS, tolerance_seconds=tolerance)
    return WebhookSigning(
        signature_header=str(settings["signatureHeader"]),
        timestamp_header=str(settings["timestampHeader"]),
        signed_payload=str(settings.get("signedPayload") or "{timestamp}.{body}"),
        algorithm=str(settings.get("algorithm") or "hmac-sha256"),
        tolerance_seconds=tolerance,
    )


def with_standard_webhooks(api: Api) -> Api:
    """The API with its webhooks signed the Standard Webhooks way (the configuration's choice)."""
    if api.webhooks is None:
        return api
    tolerance = (
        api.webhooks.signing.tolerance_seconds
        if api.webhooks.signing is not None
        else DEFAULT_TOLERANCE_SECONDS
    )
    signing = replace(STANDARD_WEBHOOKS, tolerance_seconds=tolerance)
    return replace(api, webhooks=replace(api.webhooks, signing=signing))
