"""What passes between a client and the mock: a request as recorded, a response scripted by a
test, and the reply the server sends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.mock.media import FilePart

BLOCK_SIZE = 64 * 1024


@dataclass(frozen=True, slots=True)
class LargeBody:
    """A binary body of `size` bytes of a repeating counter, made block by block."""

    size: int

    def __len__(self) -> int:
        return self.size

    def blocks(self) -> Iterator[bytes]:
        block = bytes(range(256)) * (BLOCK_SIZE // 256)
        for start in range(0, self.size, BLOCK_SIZE):
            yield block[: min(BLOCK_SIZE, self.size - start)]


Reply = tuple[int, dict[str, str], bytes | LargeBody, float]
"""(status, headers, body, seconds to wait before sending it); a `LargeBody` is made as it
is sent."""


@dataclass
class RecordedRequest:
    """One request as the server saw it, plus everything wrong with it. Filled in as the request
    is checked."""

    method: str
    path: str
    """The raw path as received (still percent-encoded), without the query."""
    query: dict[str, list[str]]
    headers: dict[str, str]
    """Lower-cased names."""
    body: bytes
    operation_id: str | None
    """The matched operation, None if nothing matched."""
    path_params: dict[str, str]
    """Percent-decoded values."""
    json: Any | None
    """The parsed body when it is JSON."""
    form: dict[str, str] | None
    """Multipart / urlencoded text fields."""
    files: dict[str, FilePart] | None
    errors: list[str]
    """Every way this request deviated from the spec (empty = valid)."""


@dataclass
class ScriptedResponse:
    """A canned answer queued with `SpecServer.script`."""

    status: int = 200
    json: Any = None
    """A body to send as JSON (if not None)."""
    body: bytes | None = None
    """A raw body, used when `json` is None."""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to sleep before answering."""
    content_type: str | None = None


def json_reply(status: int, payload: Any, request_id: str) -> Reply:
    headers = {"x-request-id": request_id, "Content-Type": "application/json"}
    return status, headers, json.dumps(payload).encode(), 0.0


def error_reply(status: int, code: str, message: str, request_id: str) -> Reply:
    return json_reply(status, {"code": code, "message": message, "retryable": False}, request_id)


def scripted_reply(scripted: ScriptedResponse, request_id: str) -> Reply:
    headers: dict[str, str] = {"x-request-id": request_id}
    content_type = scripted.content_type
    if scripted.json is not None:
        payload = json.dumps(scripted.json).encode()
        content_type = content_type or "application/json"
    elif scripted.body is not None:
        payload = scripted.body
        content_type = content_type or "application/octet-stream"
    else:
        payload = b""
    if content_type:
        headers["Content-Type"] = content_type
    lowered = {k.lower() for k in scripted.headers}
    headers = {k: v for k, v in headers.items() if k.lower() not in lowered}
    headers.update(scripted.headers)
    return scripted.status, headers, payload, scripted.delay
