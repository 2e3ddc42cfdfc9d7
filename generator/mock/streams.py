"""Bodies the mock sends as they are made: server-sent events and large binary bodies.

An operation that can answer with `text/event-stream` gets a few events synthesised from the
event schema (OAS 3.2's `itemSchema`, else `schema`), then the `[DONE]` sentinel, when the
request asks for the stream (a `"stream": true` body field, or an `Accept` of event streams)
or when events are all it answers. A binary answer is as long as the request's
`Mock-Body-Size` header asks (up to `MAX_BODY_SIZE`), sent in blocks, never held whole.
"""

from __future__ import annotations

import json
from typing import Any

from generator.load.document import MediaType
from generator.mock.exchange import RecordedRequest

EVENT_STREAM = "text/event-stream"
EVENT_COUNT = 3
DONE = b"data: [DONE]\n\n"
BODY_SIZE_HEADER = "mock-body-size"
"""The request header by which a test asks for a binary body of that many bytes."""
MAX_BODY_SIZE = 4 * 1024**3


def is_event_stream(media_type: str) -> bool:
    return media_type.split(";", 1)[0].strip().lower() == EVENT_STREAM


def event_stream_media(content: tuple[MediaType, ...], rec: RecordedRequest) -> MediaType | None:
    """The `text/event-stream` media type to answer with, if the request asks for events or
    the operation answers with nothing else."""
    media = next((m for m in content if is_event_stream(m.name)), None)
    if media is None:
        return None
    asked = isinstance(rec.json, dict) and rec.json.get("stream") is True
    accepts = EVENT_STREAM in rec.headers.get("accept", "")
    return media if asked or accepts or len(content) == 1 else None


def event_schema_pointer(media: MediaType) -> str | None:
    schema = media.item_schema or media.schema
    return schema.pointer if schema is not None else None


def event_stream_body(events: list[Any]) -> bytes:
    """The events, each with its id, then the `[DONE]` sentinel."""
    parts = []
    for number, value in enumerate(events, start=1):
        data = value if isinstance(value, str) else json.dumps(value)
        lines = "".join(f"data: {line}\n" for line in data.split("\n"))
        parts.append(f"id: {number}\n{lines}\n".encode())
    return b"".join(parts) + DONE


def binary_size(rec: RecordedRequest) -> int | None:
    """The binary body size the request asks for, if it asks for one the mock can send."""
    text = rec.headers.get(BODY_SIZE_HEADER, "")
    if not text.isdigit() or int(text) > MAX_BODY_SIZE:
        return None
    return int(text)
