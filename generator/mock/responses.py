"""The answer to a valid request that no test scripted: the operation's lowest 2xx response,
its headers and body synthesised from the schemas (or the spec's example), with the API's state
over several calls applied."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from generator.diagnostics import join_pointer
from generator.load.document import MediaType, Response
from generator.mock.exchange import LargeBody, RecordedRequest, Reply
from generator.mock.media import is_json_media
from generator.mock.operations import Route
from generator.mock.paging import PageRequest
from generator.mock.state import MockState
from generator.mock.streams import (
    EVENT_COUNT,
    EVENT_STREAM,
    binary_size,
    event_schema_pointer,
    event_stream_body,
    event_stream_media,
)
from generator.mock.synthesis import Synthesis

BINARY_BODY = b"%SPEC-SERVER-BINARY\x00\x01\x02\x03\xfe\xff"
"""The body of a binary response."""
_OWN_HEADERS = ("content-type", "content-length", "x-request-id")


class Responder:
    """Synthesised replies for one document."""

    def __init__(self, synthesis: Synthesis, state: MockState) -> None:
        self._synthesis = synthesis
        self._document = synthesis.document
        self._validation = synthesis.validation
        self.state = state

    def reply(self, route: Route, rec: RecordedRequest, request_id: str, origin: str) -> Reply:
        """`origin` (`http://host:port`) is where the client sent the request: the base of the
        next-page URLs the answer gives."""
        status, response = _pick_response(route)
        headers = {"x-request-id": request_id, **self._headers(response)}
        if response is None or not response.content or status in (204, 304):
            return status, headers, b"", 0.0
        events = event_stream_media(response.content, rec)
        if events is not None:
            pointer = event_schema_pointer(events)
            values = [self._synthesis.synthesize([pointer]) if pointer else "message"] * EVENT_COUNT
            return status, {**headers, "Content-Type": EVENT_STREAM}, event_stream_body(values), 0.0
        media_type = _pick_media_type(response.content)
        key = media_type.name
        schema_ptr = media_type.schema.pointer if media_type.schema is not None else None
        media = key.split(";")[0].strip().lower()
        if is_json_media(media):
            content_type = "application/json" if "*" in media else key
            if schema_ptr is None:
                return status, {**headers, "Content-Type": content_type}, b"{}", 0.0
            value, more = self._json_body(route, rec, media_type, schema_ptr, origin)
            payload = json.dumps(value).encode()
            return status, {**headers, **more, "Content-Type": content_type}, payload, 0.0
        if media.startswith("text/") or media in ("application/xml", "application/yaml"):
            text = self._synthesis.synthesize_text(schema_ptr)
            return status, {**headers, "Content-Type": key}, text.encode(), 0.0
        content_type = "application/octet-stream" if "*" in media else key
        size = binary_size(rec)
        body = BINARY_BODY if size is None else LargeBody(size)
        return status, {**headers, "Content-Type": content_type}, body, 0.0

    def _headers(self, response: Response | None) -> dict[str, str]:
        """The response headers the spec declares, each with a synthesised value."""
        headers: dict[str, str] = {}
        for header in response.headers if response is not None else ():
            if header.name.lower() in _OWN_HEADERS or header.schema is None:
                continue
            value = self._synthesis.synthesize([header.schema.pointer])
            headers[header.name] = (
                json.dumps(value) if isinstance(value, bool) else _header_text(value)
            )
        return headers

    def _json_body(
        self,
        route: Route,
        rec: RecordedRequest,
        media_type: MediaType,
        schema_ptr: str,
        origin: str,
    ) -> tuple[Any, dict[str, str]]:
        """The body, and the headers the API's state adds (a `Link` to the next page)."""
        validation = self._validation
        value = self._media_example(media_type, schema_ptr)
        if value is None:
            value = self._synthesis.synthesize([schema_ptr])
        if rec.path_params and isinstance(value, dict) and isinstance(value.get("id"), str):
            last = list(rec.path_params.values())[-1]
            candidate = {**value, "id": last}
            if validation.is_valid(schema_ptr, candidate):
                value = candidate
        request = PageRequest(origin, rec.path, rec.query)
        value, headers = self.state.adjust(
            route.method, route.template, request, rec.path_params, value,
            lambda v: validation.is_valid(schema_ptr, v),
        )  # fmt: skip
        problems = validation.validate(schema_ptr, value, "response", "synthesized response body")
        rec.errors.extend(f"server bug: {p}" for p in problems)
        return value, headers

    def _media_example(self, media_type: MediaType, schema_ptr: str) -> Any:
        """A media-type level ``example`` / first of ``examples``, if valid (else None)."""
        media_obj = media_type.node
        if not isinstance(media_obj, dict):
            return None
        candidates: list[Any] = []
        if "example" in media_obj:
            candidates.append(media_obj["example"])
        examples = media_obj.get("examples")
        if isinstance(examples, dict):
            model = self._document.model
            for name, raw in examples.items():
                pointer = join_pointer(media_type.pointer, "examples", name)
                example = model.resolve(raw, pointer).node
                if isinstance(example, dict) and "value" in example:
                    candidates.append(example["value"])
                    break
        for cand in candidates:
            if cand is not None and self._validation.is_valid(schema_ptr, cand):
                return copy.deepcopy(cand)
        return None


def _pick_response(route: Route) -> tuple[int, Response | None]:
    """The lowest 2xx response (`2XX` counts as 200), else `default` as a 200."""
    ranked: list[tuple[int, int, int]] = []
    responses = route.operation.responses
    for position, response in enumerate(responses):
        if re.fullmatch(r"2\d\d", response.status):
            ranked.append((int(response.status), 0, position))
        elif response.status.upper() == "2XX":
            ranked.append((200, 1, position))
    if ranked:
        status, _, position = min(ranked)
        return status, responses[position]
    return 200, route.operation.response("default")


def _pick_media_type(content: tuple[MediaType, ...]) -> MediaType:
    """`application/json`, else another JSON media type, else the first declared."""
    for media_type in content:
        if media_type.name.split(";")[0].strip().lower() == "application/json":
            return media_type
    return next((m for m in content if is_json_media(m.name)), content[0])


def _header_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ",".join(_header_text(v) for v in value)
    return json.dumps(value)
