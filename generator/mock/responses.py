"""The answer to a valid request that no test scripted: the operation's lowest 2xx response,
its headers and body synthesised from the schemas (or the spec's example), with the API's state
over several calls applied."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from generator.mock.exchange import RecordedRequest, Reply
from generator.mock.media import is_json_media
from generator.mock.operations import Route
from generator.mock.paging import PageRequest
from generator.mock.pointers import join
from generator.mock.state import MockState
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
        status, response, resp_ptr = self._pick_response(route)
        headers = {"x-request-id": request_id, **self._headers(response, resp_ptr)}
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or not content or status in (204, 304):
            return status, headers, b"", 0.0
        keys = [str(k) for k in content]
        key = next((k for k in keys if k.split(";")[0].strip().lower() == "application/json"), None)
        key = key or next((k for k in keys if is_json_media(k)), None) or keys[0]
        media_obj = content[key] if isinstance(content[key], dict) else {}
        schema_ptr = join(resp_ptr, "content", key, "schema") if "schema" in media_obj else None
        media = key.split(";")[0].strip().lower()
        if is_json_media(media):
            content_type = "application/json" if "*" in media else key
            if schema_ptr is None:
                return status, {**headers, "Content-Type": content_type}, b"{}", 0.0
            media_ptr = join(resp_ptr, "content", key)
            value, more = self._json_body(route, rec, media_obj, schema_ptr, media_ptr, origin)
            payload = json.dumps(value).encode()
            return status, {**headers, **more, "Content-Type": content_type}, payload, 0.0
        if media == "text/event-stream":
            value = self._synthesis.synthesize([schema_ptr]) if schema_ptr else "message"
            data = value if isinstance(value, str) else json.dumps(value)
            return status, {**headers, "Content-Type": key}, f"data: {data}\n\n".encode(), 0.0
        if media.startswith("text/") or media in ("application/xml", "application/yaml"):
            text = self._synthesis.synthesize_text(schema_ptr)
            return status, {**headers, "Content-Type": key}, text.encode(), 0.0
        content_type = "application/octet-stream" if "*" in media else key
        return status, {**headers, "Content-Type": content_type}, BINARY_BODY, 0.0

    def _headers(self, response: Any, resp_ptr: str) -> dict[str, str]:
        """The response headers the spec declares, each with a synthesised value."""
        headers: dict[str, str] = {}
        if not isinstance(response, dict) or not isinstance(response.get("headers"), dict):
            return headers
        for name, raw in response["headers"].items():
            if str(name).lower() in _OWN_HEADERS:
                continue
            hdr, hdr_ptr = self._document.deref(raw, join(resp_ptr, "headers", name))
            if isinstance(hdr, dict) and "schema" in hdr:
                value = self._synthesis.synthesize([join(hdr_ptr, "schema")])
                headers[str(name)] = (
                    json.dumps(value) if isinstance(value, bool) else _header_text(value)
                )
        return headers

    def _json_body(
        self,
        route: Route,
        rec: RecordedRequest,
        media_obj: dict[str, Any],
        schema_ptr: str,
        media_ptr: str,
        origin: str,
    ) -> tuple[Any, dict[str, str]]:
        """The body, and the headers the API's state adds (a `Link` to the next page)."""
        validation = self._validation
        value = self._media_example(media_obj, schema_ptr, media_ptr)
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

    def _media_example(self, media_obj: Any, schema_ptr: str, media_ptr: str) -> Any:
        """A media-type level ``example`` / first of ``examples``, if valid (else None)."""
        if not isinstance(media_obj, dict):
            return None
        candidates: list[Any] = []
        if "example" in media_obj:
            candidates.append(media_obj["example"])
        examples = media_obj.get("examples")
        if isinstance(examples, dict):
            for name, raw in examples.items():
                example, _ = self._document.deref(raw, join(media_ptr, "examples", name))
                if isinstance(example, dict) and "value" in example:
                    candidates.append(example["value"])
                    break
        for cand in candidates:
            if cand is not None and self._validation.is_valid(schema_ptr, cand):
                return copy.deepcopy(cand)
        return None

    def _pick_response(self, route: Route) -> tuple[int, Any, str]:
        responses = route.node.get("responses")
        responses_ptr = join(route.pointer, "responses")
        if not isinstance(responses, dict):
            return 200, None, responses_ptr
        ranked: list[tuple[int, int, str]] = []
        for code in responses:
            text = str(code)
            if re.fullmatch(r"2\d\d", text):
                ranked.append((int(text), 0, text))
            elif text.upper() == "2XX":
                ranked.append((200, 1, text))
        if ranked:
            status, _, chosen = min(ranked)
        elif "default" in responses:
            status, chosen = 200, "default"
        else:
            return 200, None, responses_ptr
        response, ptr = self._document.deref(responses[chosen], join(responses_ptr, chosen))
        return status, response, ptr


def _header_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ",".join(_header_text(v) for v in value)
    return json.dumps(value)
