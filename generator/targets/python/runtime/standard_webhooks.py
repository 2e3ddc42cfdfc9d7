"""Standard Webhooks signatures: HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` with
the key a `whsec_` secret holds in base64, sent as `v1,<base64>`; a header may carry several
(space-separated) while a secret is being rotated."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import uuid

from .errors import WebhookVerificationError

SECRET_PREFIX = "whsec_"
VERSION = "v1"


def secret_key(secret: str) -> bytes:
    """The key a `whsec_` secret holds (the prefix may be left out)."""
    try:
        return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except (binascii.Error, ValueError) as error:
        raise WebhookVerificationError("the signing secret is not a whsec_ secret") from error


def signature(secret: str, message_id: str, timestamp: str, body: str) -> str:
    """The base64 signature of one delivery."""
    payload = f"{message_id}.{timestamp}.{body}".encode()
    return base64.b64encode(hmac.new(secret_key(secret), payload, hashlib.sha256).digest()).decode()


def matches(header: str, expected: str) -> bool:
    """Whether one of the header's `v1,<base64>` signatures is `expected` (constant time)."""
    found = False
    for part in header.split():
        version, _, given = part.partition(",")
        if version == VERSION and given.isascii():
            found |= hmac.compare_digest(given, expected)
    return found


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"
