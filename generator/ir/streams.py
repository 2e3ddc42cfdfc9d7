"""Streams and retry keys an operation declares: whether a call answers with server-sent
events (always, or when its `stream` body field asks), and which header carries its
idempotency key. Decided here once, so every target streams the same calls."""

from __future__ import annotations

from generator.ir.model import Body, EventStream, Nullable, Operation, Primitive, TypeNode

EVENT_STREAM_MEDIA_TYPE = "text/event-stream"
STREAM_SELECTOR = "stream"
"""The body field by which APIs that answer with JSON or events let the caller choose."""
IDEMPOTENCY_HEADERS = frozenset({"idempotency-key", "x-idempotency-key"})
"""Header names (lower case) that carry an idempotency key, by the IETF draft and its
common `x-` form."""


def is_event_stream(media_type: str) -> bool:
    """Whether a media type is `text/event-stream` (parameters aside)."""
    return media_type.split(";", 1)[0].strip().lower() == EVENT_STREAM_MEDIA_TYPE


def event_stream_of(op: Operation) -> EventStream | None:
    """How `op` streams: always when its success response is only an event stream; on request
    when the stream sits beside JSON and the body has an optional boolean `stream` field.
    An event stream the caller cannot choose (beside bytes, chosen by an enum) is left out."""
    success = op.success
    if success.event_type is None:
        return None
    if success.kind == "event_stream":
        return EventStream(success.event_type)
    if success.kind == "json" and _has_selector(op.body):
        return EventStream(success.event_type, STREAM_SELECTOR)
    return None


def _has_selector(body: Body | None) -> bool:
    if body is None or body.kind != "json" or body.fields is None:
        return False
    field = next((f for f in body.fields if f.wire_name == STREAM_SELECTOR), None)
    return field is not None and not field.required and _is_boolean(field.type)


def _is_boolean(node: TypeNode) -> bool:
    if isinstance(node, Nullable):
        node = node.inner
    return isinstance(node, Primitive) and node.kind == "boolean"


def idempotency_header_of(op: Operation, client_headers: tuple[str, ...]) -> str | None:
    """The wire name of the header `op` takes for an idempotency key (its own header
    parameter, or a header every operation takes), if any."""
    names = [p.wire_name for p in op.params if p.location == "header"]
    names.extend(client_headers)
    return next((n for n in names if n.lower() in IDEMPOTENCY_HEADERS), None)
