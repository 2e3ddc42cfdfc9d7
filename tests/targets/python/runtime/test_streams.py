"""Streams and escape hatches of the Python SDK, end to end: the SDK of
`tests/support/streams_spec.yaml` is generated and called against the scripted server of
`tests/support/stream_server.py` (events cut across chunks, big downloads, dropped
connections), sync and async."""

from __future__ import annotations

import asyncio
import importlib
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import default_api
from generator.pipeline import render_api
from tests.support.stream_server import (
    CHUNK,
    COMPLETION_DELTAS,
    TICKS_SCRIPT,
    StreamServer,
    pattern,
    send_chunked,
)

SPEC = Path(__file__).parents[3] / "support" / "streams_spec.yaml"
TICKS = [
    (1, None, None),
    (2, "café ☕", None),
    (3, None, None),
    (4, None, "kept"),
]


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("streams")
    rendered = render_api(default_api(SPEC, folder / "out", "streams_sdk"))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    package = folder / "out" / "python"
    sys.path.insert(0, str(package))
    try:
        module = importlib.import_module("streams_sdk")
        module._runtime.transport.INITIAL_RETRY_DELAY = 0.001
        yield module
    finally:
        sys.path.remove(str(package))
        for name in [m for m in sys.modules if m.startswith("streams_sdk")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def running() -> Iterator[StreamServer]:
    with StreamServer() as started:
        yield started


@pytest.fixture
def server(running: StreamServer) -> StreamServer:
    running.reset()
    return running


def ticks(events: list[Any]) -> list[tuple[int, str | None, object]]:
    return [(e.sequence, e.note, (e.model_extra or {}).get("extra")) for e in events]


def test_every_event_arrives_typed_and_in_order(sdk: Any, server: StreamServer) -> None:
    client = sdk.Streams(token="t", base_url=server.base_url)
    with client, client.events.list() as stream:
        events = list(stream)
    assert all(type(e).__name__ == "Tick" for e in events)
    assert ticks(events) == TICKS


def test_every_event_arrives_typed_and_in_order_async(sdk: Any, server: StreamServer) -> None:
    async def run() -> list[Any]:
        async with sdk.AsyncStreams(token="t", base_url=server.base_url) as client:
            stream = await client.events.list()
            async with stream:
                return [event async for event in stream]

    events = asyncio.run(run())
    assert all(type(e).__name__ == "Tick" for e in events)
    assert ticks(events) == TICKS


def test_stream_true_streams_and_stream_false_returns_the_model(
    sdk: Any, server: StreamServer
) -> None:
    with sdk.Streams(token="t", base_url=server.base_url) as client:
        deltas = [chunk.delta for chunk in client.completions.create(prompt="hi", stream=True)]
        whole = client.completions.create(prompt="hi")
    assert deltas == list(COMPLETION_DELTAS)
    assert type(whole).__name__ == "Completion" and whole.text == "".join(COMPLETION_DELTAS)


def test_an_error_event_raises_the_sdks_error(sdk: Any, server: StreamServer) -> None:
    seen: list[int] = []
    with sdk.Streams(token="t", base_url=server.base_url) as client:
        stream = client.events.list(extra_headers={"x-script": "error"})
        with pytest.raises(sdk.APIError, match="the model is overloaded") as raised:
            for event in stream:
                seen.append(event.sequence)
    assert seen == [1]
    assert type(raised.value).__name__ == "StreamError"


def test_a_download_streams_to_a_file(sdk: Any, server: StreamServer, tmp_path: Path) -> None:
    size = 3 * 65536 + 123
    target = tmp_path / "download.bin"
    with sdk.Streams(token="t", base_url=server.base_url) as client:
        client.file_content.list(str(size)).write_to_file(target)
        download = client.file_content.list(str(size))
        chunks = list(download.iter_bytes(4096))
        whole = client.file_content.list("1000").read()
    assert target.read_bytes() == pattern(size)
    assert max(len(c) for c in chunks) <= 4096 and b"".join(chunks) == pattern(size)
    assert whole == pattern(1000)


def test_a_download_streams_to_a_file_async(sdk: Any, server: StreamServer, tmp_path: Path) -> None:
    size = 2 * 65536 + 7
    target = tmp_path / "download.bin"

    async def run() -> bytes:
        async with sdk.AsyncStreams(token="t", base_url=server.base_url) as client:
            await (await client.file_content.list(str(size))).write_to_file(target)
            download = await client.file_content.list(str(size))
            return b"".join([chunk async for chunk in download.iter_bytes()])

    assert asyncio.run(run()) == pattern(size)
    assert target.read_bytes() == pattern(size)


def test_a_retry_after_a_dropped_connection_resends_the_same_key(
    sdk: Any, server: StreamServer
) -> None:
    with sdk.Streams(token="t", base_url=server.base_url, max_retries=2) as client:
        first = client.charges.create(amount=5)
        second = client.charges.create(amount=7)
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert len(keys) == 4 and keys[0] == keys[1] and keys[2] == keys[3] and keys[0] != keys[2]
    assert (first.id, second.id) == (f"ch_{keys[0]}", f"ch_{keys[2]}")


def test_the_callers_key_is_sent_on_every_retry(sdk: Any, server: StreamServer) -> None:
    async def run() -> Any:
        async with sdk.AsyncStreams(token="t", base_url=server.base_url) as client:
            return await client.charges.create(amount=5, idempotency_key="mine")

    assert asyncio.run(run()).id == "ch_mine"
    assert [r.headers["idempotency-key"] for r in server.requests] == ["mine", "mine"]


def test_a_post_the_spec_keys_nowhere_is_not_retried(sdk: Any, server: StreamServer) -> None:
    client = sdk.Streams(token="t", base_url=server.base_url, max_retries=2)
    with client, pytest.raises(sdk.APIConnectionError):
        client.post("/charges", json={"amount": 1}, headers={"Idempotency-Key": "raw"})
    assert len(server.requests) == 1


def test_raw_calls_use_the_clients_settings(sdk: Any, server: StreamServer) -> None:
    with sdk.Streams(token="t", base_url=server.base_url) as client:
        parsed = client.post("/completions", json={"prompt": "x"})
        typed = client.post("/completions", json={"prompt": "x"}, cast_to=sdk.models.Completion)
        with pytest.raises(sdk.NotFoundError):
            client.get("/nowhere")
    assert parsed == {"id": "cmpl_1", "text": "Hello, world"}
    assert type(typed).__name__ == "Completion"
    assert {r.headers["authorization"] for r in server.requests} == {"Bearer t"}


def test_the_server_drops_an_event_stream_quietly_when_its_client_has_gone() -> None:
    """A client that stops at `[DONE]` or an error event hangs up while the scripted server is
    still sending: that ends the answer without the socket server's error report."""
    ours, theirs = socket.socketpair()
    theirs.close()
    with ours:
        send_chunked(ours, TICKS_SCRIPT, CHUNK)  # a broken pipe: returns


def test_the_server_still_reports_a_stream_it_cannot_send_for_another_reason() -> None:
    ours, theirs = socket.socketpair()
    theirs.close()
    ours.close()
    with pytest.raises(OSError) as raised:
        send_chunked(ours, TICKS_SCRIPT, CHUNK)
    assert not isinstance(raised.value, BrokenPipeError | ConnectionResetError)
