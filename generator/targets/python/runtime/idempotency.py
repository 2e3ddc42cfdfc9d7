"""Idempotency keys: one per call, the same on every retry, so the API can tell a retry from
a new request and a retried POST never does the work twice."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from .types import NotGiven


def with_idempotency_key(
    headers: Mapping[str, Any] | None, header: str | None
) -> Mapping[str, Any] | None:
    """`headers` with a new key under `header`, unless the caller passed one; unchanged when
    the operation takes no key (`header` is None)."""
    if header is None:
        return headers
    given = (headers or {}).get(header)
    if given is not None and not isinstance(given, NotGiven):
        return headers
    return {**(headers or {}), header: new_idempotency_key()}


def new_idempotency_key() -> str:
    """A key no other call sends."""
    return str(uuid.uuid4())
