"""The mock's event streams and large binary bodies (generator/mock/streams.py), served for the
spec of `tests/support/streams_spec.yaml`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import SpecServer
from generator.targets.python.runtime.sse import iter_events

SPEC = Path(__file__).parents[1] / "support" / "streams_spec.yaml"
AUTH = {"Authorization": "Bearer t"}


@pytest.fixture(scope="module")
def server() -> Iterator[SpecServer]:
    document: Any = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    with SpecServer(document) as running:
        yield running


def data_of(response: httpx.Response) -> list[str]:
    return [event.data for event in iter_events([response.content])]


def test_a_stream_asked_for_is_events_then_done(server: SpecServer) -> None:
    body = {"prompt": "hi", "stream": True}
    response = httpx.post(f"{server.base_url}/completions", json=body, headers=AUTH)
    assert response.headers["content-type"] == "text/event-stream"
    data = data_of(response)
    assert data[-1] == "[DONE]" and len(data) == 4
    assert all(set(json.loads(d)) >= {"id", "delta"} for d in data[:-1])


def test_without_stream_the_same_call_answers_json(server: SpecServer) -> None:
    response = httpx.post(f"{server.base_url}/completions", json={"prompt": "hi"}, headers=AUTH)
    assert response.headers["content-type"] == "application/json"
    assert set(response.json()) >= {"id", "text"}


def test_an_accept_of_event_streams_asks_for_one(server: SpecServer) -> None:
    headers = {**AUTH, "Accept": "text/event-stream"}
    response = httpx.post(f"{server.base_url}/completions", json={"prompt": "x"}, headers=headers)
    assert data_of(response)[-1] == "[DONE]"


def test_an_operation_that_only_streams_streams_its_item_schema(server: SpecServer) -> None:
    response = httpx.get(f"{server.base_url}/events", headers=AUTH)
    data = data_of(response)
    assert data[-1] == "[DONE]"
    assert all(isinstance(json.loads(d)["sequence"], int) for d in data[:-1])
    assert server.errors() == []


def test_a_binary_body_as_long_as_asked(server: SpecServer) -> None:
    size = 5 * 65536 + 17
    headers = {**AUTH, "Mock-Body-Size": str(size)}
    with httpx.stream("GET", f"{server.base_url}/files/f1/content", headers=headers) as response:
        total = sum(len(chunk) for chunk in response.iter_bytes())
    assert total == size and response.headers["content-length"] == str(size)
