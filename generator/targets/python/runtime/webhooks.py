"""Webhook signature verification and typed event parsing.

A delivery is signed with HMAC-SHA256 over a payload built from its timestamp header and raw
body: in hex over the payload the spec describes (`scheme="hmac"`), or the Standard Webhooks
way (`scheme="standard"`, see `standard_webhooks`). Verification compares in constant time
and rejects timestamps outside the tolerance in either direction (stale replays and
clock-skewed futures alike).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import pydantic

from . import standard_webhooks
from .errors import WebhookVerificationError

E = TypeVar("E")
_PREFIXES = ("v0=", "v1=", "sha256=")


@dataclass(frozen=True, slots=True)
class Signing:
    signature_header: str
    timestamp_header: str
    signed_payload: str
    tolerance_seconds: int = 300
    scheme: str = "hmac"
    """`hmac` (hex of the signed payload) or `standard` (Standard Webhooks)."""
    id_header: str | None = None


def _header(headers: Mapping[str, Any], name: str) -> str:
    wanted = name.lower()
    for key, value in headers.items():
        if str(key).lower() == wanted:
            if isinstance(value, list | tuple):
                value = value[0] if value else ""
            return str(value)
    raise WebhookVerificationError(f"missing the {name} header")


def _text(body: str | bytes) -> str:
    if isinstance(body, str):
        return body
    try:
        return bytes(body).decode("utf-8")
    except UnicodeDecodeError as error:
        raise WebhookVerificationError("the body is not UTF-8") from error


def _signature(signing: Signing, timestamp: str, body: str, signing_secret: str) -> str:
    """HMAC-SHA256 of the signed payload (`v0:{timestamp}:{body}` and the like), in hex."""
    payload = signing.signed_payload.replace("{timestamp}", timestamp).replace("{body}", body)
    return hmac.new(
        signing_secret.encode("utf-8"), payload.encode("utf-8"), hashlib.sha256
    ).hexdigest()


class WebhookVerifier(Generic[E]):
    """`verify`, `parse` and `verify_and_parse` for one API's webhook deliveries, and `sign`
    for tests."""

    def __init__(
        self,
        *,
        signing: Signing | None,
        events: Mapping[str, type[pydantic.BaseModel]],
        fallback: type[pydantic.BaseModel],
        type_property: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._signing = signing
        self._events = dict(events)
        self._fallback = fallback
        self._type_property = type_property
        self._clock = clock

    def __repr__(self) -> str:
        return f"{type(self).__name__}(events={len(self._events)})"

    def _check(self, body: str | bytes, headers: Mapping[str, Any], signing_secret: str) -> str:
        signing = self._signing
        if signing is None:
            raise WebhookVerificationError("this API declares no webhook signing scheme")
        if not signing_secret:
            raise WebhookVerificationError("no signing secret")
        text = _text(body)
        timestamp = _header(headers, signing.timestamp_header).strip()
        if not timestamp.isascii() or not timestamp.isdigit():
            raise WebhookVerificationError("the timestamp header is not a Unix time")
        if abs(self._clock() - int(timestamp)) > signing.tolerance_seconds:
            raise WebhookVerificationError("the timestamp is outside the allowed tolerance")
        given = _header(headers, signing.signature_header)
        if signing.scheme == "standard":
            message_id = _header(headers, signing.id_header or "webhook-id")
            expected = standard_webhooks.signature(signing_secret, message_id, timestamp, text)
            if standard_webhooks.matches(given, expected):
                return text
            raise WebhookVerificationError("the signature does not match")
        expected = _signature(signing, timestamp, text, signing_secret)
        for candidate in given.replace(",", " ").split():
            for prefix in _PREFIXES:
                candidate = candidate.removeprefix(prefix)
            if candidate.isascii() and hmac.compare_digest(candidate.lower(), expected):
                return text
        raise WebhookVerificationError("the signature does not match")

    def sign(
        self, body: str | bytes, signing_secret: str, timestamp: int | None = None
    ) -> dict[str, str]:
        """The headers the API would sign `body` with: for tests of your own webhook handler.
        `timestamp` is a Unix time, now by default."""
        signing = self._signing
        if signing is None:
            raise WebhookVerificationError("this API declares no webhook signing scheme")
        if not signing_secret:
            raise WebhookVerificationError("no signing secret")
        stamp = str(int(self._clock()) if timestamp is None else int(timestamp))
        if signing.scheme == "standard":
            message_id = standard_webhooks.new_message_id()
            signed = standard_webhooks.signature(signing_secret, message_id, stamp, _text(body))
            return {
                signing.id_header or "webhook-id": message_id,
                signing.timestamp_header: stamp,
                signing.signature_header: f"{standard_webhooks.VERSION},{signed}",
            }
        return {
            signing.timestamp_header: stamp,
            signing.signature_header: _signature(signing, stamp, _text(body), signing_secret),
        }

    def verify(self, body: str | bytes, headers: Mapping[str, Any], signing_secret: str) -> bool:
        """True when the delivery is signed with `signing_secret` and recent; never raises."""
        try:
            self._check(body, headers, signing_secret)
        except WebhookVerificationError:
            return False
        return True

    def parse(self, body: str | bytes) -> E:
        """The event as its typed model; an event type the SDK does not know yet comes back as
        the generic event model."""
        try:
            data = json.loads(_text(body))
        except ValueError as error:
            raise WebhookVerificationError("the body is not JSON") from error
        if not isinstance(data, dict):
            raise WebhookVerificationError("the body is not a JSON object")
        model = self._events.get(str(data.get(self._type_property)), self._fallback)
        try:
            return model.model_validate(data)  # type: ignore[return-value]
        except pydantic.ValidationError as error:
            raise WebhookVerificationError(f"the event does not match {model.__name__}") from error

    def verify_and_parse(
        self, *, body: str | bytes, headers: Mapping[str, Any], signing_secret: str
    ) -> E:
        """Verify the delivery, then parse it; raises `WebhookVerificationError` on any failure."""
        self._check(body, headers, signing_secret)
        return self.parse(body)
