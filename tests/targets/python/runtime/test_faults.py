"""Fault injection: every failure of the server or the network is a typed error of the SDK, in
bounded time, and retried only where repeating the request is safe. The server is scripted on
127.0.0.1 (tests/support/fault_server.py); no assertion depends on the machine's speed: a stall
ends at the server after STALL_LIMIT seconds with another error than a timeout, and sleeps
between retries are recorded, not timed."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from typing import Any

import pytest

from generator.targets.python.runtime import transport
from generator.targets.python.runtime.auth import Scheme, Security
from generator.targets.python.runtime.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InternalServerError,
    ResponseValidationError,
)
from generator.targets.python.runtime.models import BaseModel
from generator.targets.python.runtime.transport import AsyncCore, SyncCore
from tests.support.extend import import_sdk
from tests.support.fault_server import (
    BROKEN_JSON,
    HUGE_BODY,
    SECRET_PAGE,
    FaultServer,
    refused_url,
)

Json = dict[str, Any]


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the client waits between attempts, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr(time, "sleep", recorded.append)  # the name transport calls
    return recorded


BEARER = Security(
    (Scheme("bearer", "bearer", ("token",), (None,)),), {"bearer": ("t0ken",)},
    token=None, token_env=None, default=(("bearer",),), required=True,
)  # fmt: skip


@contextlib.contextmanager
def client(base_url: str, *, max_retries: int = 2, timeout: float = 10.0) -> Iterator[SyncCore]:
    core = SyncCore(
        base_url=base_url, security=BEARER, client_headers={}, default_headers=None,
        timeout=timeout, max_retries=max_retries, user_agent="faults-test",
    )  # fmt: skip
    try:
        yield core
    finally:
        core.close()


def get(core: SyncCore, path: str, cast_to: Any = Json) -> Any:
    return core.request("GET", path, cast_to=cast_to, options={})


@pytest.mark.parametrize("fault", ["reset-before", "reset-during", "truncated"])
def test_a_get_cut_once_anywhere_in_the_exchange_is_retried(
    server: FaultServer, sleeps: list[float], fault: str
) -> None:
    path = f"/fault/{fault}/once"
    with client(server.base_url) as core:
        echo = core.request("GET", path, cast_to=Json, options={}, query={"fail": "1"})
    assert echo["method"] == "GET" and server.hits(path) == 2 and len(sleeps) == 1


@pytest.mark.parametrize("fault", ["reset-before", "reset-during", "truncated"])
def test_a_get_cut_every_time_is_a_connection_error_after_its_retries(
    server: FaultServer, sleeps: list[float], fault: str
) -> None:
    path = f"/fault/{fault}/always"
    with client(server.base_url) as core, pytest.raises(APIConnectionError) as caught:
        get(core, path)
    assert not isinstance(caught.value, APITimeoutError)
    assert server.hits(path) == 3 and len(sleeps) == 2


@pytest.mark.parametrize("fault", ["reset-during", "truncated"])
def test_a_post_cut_after_the_server_saw_it_is_not_repeated(
    server: FaultServer, sleeps: list[float], fault: str
) -> None:
    path = f"/fault/{fault}/post"
    with client(server.base_url) as core, pytest.raises(APIConnectionError):
        core.request("POST", path, cast_to=Json, options={}, json={"n": 1})
    assert server.hits(path) == 1 and sleeps == []


@pytest.mark.parametrize(
    ("fault", "raw"),
    [("not-json", SECRET_PAGE.decode()), ("broken-json", BROKEN_JSON.decode())],
)
def test_a_body_that_is_not_the_declared_json_is_a_typed_error(
    server: FaultServer, fault: str, raw: str
) -> None:
    path = f"/fault/{fault}/declared"
    with client(server.base_url) as core, pytest.raises(ResponseValidationError) as caught:
        get(core, path)
    error = caught.value
    assert isinstance(error, APIError)
    assert (error.status_code, error.request_id, error.body) == (200, "req_page", raw)
    assert "content-type" in error.headers and raw[:20] in str(error)
    assert server.hits(path) == 1  # not retried: the answer would be the same


def test_a_proxy_page_where_a_model_is_declared_never_comes_back_as_a_str(
    server: FaultServer,
) -> None:
    """The issue's case: `client.files.retrieve` is annotated `-> File`."""
    sdk = import_sdk()
    base = f"{server.base_url}/fault/not-json/extend"
    with (
        sdk.Extend(token="t0ken", base_url=base) as extend,
        pytest.raises(sdk.ResponseValidationError) as caught,
    ):
        extend.files.retrieve("file_1")
    assert caught.value.body == SECRET_PAGE.decode()


def test_text_and_bytes_declared_bodies_are_returned_as_sent(server: FaultServer) -> None:
    with client(server.base_url) as core:
        assert get(core, "/fault/not-json/text", str) == SECRET_PAGE.decode()
        assert get(core, "/fault/not-json/bytes", bytes) == SECRET_PAGE


class Echo(BaseModel):
    method: int  # the server sends a string: drift, read leniently
    port: int


def test_json_that_drifts_field_by_field_is_still_read_leniently(server: FaultServer) -> None:
    with client(server.base_url) as core:
        echo = get(core, "/echo", Echo)
    assert isinstance(echo, Echo) and echo.port == server.port


@pytest.mark.parametrize("fault", ["stall-headers", "stall-body"])
def test_a_stall_ends_in_a_timeout_error(server: FaultServer, fault: str) -> None:
    with (
        client(server.base_url, timeout=0.3, max_retries=0) as core,
        pytest.raises(APITimeoutError),
    ):
        get(core, f"/fault/{fault}/timeout")


def test_a_retry_after_far_beyond_the_cap_is_not_waited_for(
    server: FaultServer, sleeps: list[float]
) -> None:
    path = "/fault/retry-after-hour/capped"
    with client(server.base_url) as core:
        echo = core.request("GET", path, cast_to=Json, options={}, query={"fail": "1"})
    assert echo["method"] == "GET" and len(sleeps) == 1
    assert 0 < sleeps[0] <= transport.MAX_RETRY_DELAY


def test_a_refused_connection_is_retried_then_a_connection_error(sleeps: list[float]) -> None:
    with client(refused_url()) as core, pytest.raises(APIConnectionError) as caught:
        core.request("POST", "/anything", cast_to=Json, options={}, json={})
    assert not isinstance(caught.value, APITimeoutError) and len(sleeps) == 2


def test_headers_too_large_to_read_are_a_connection_error(
    server: FaultServer, sleeps: list[float]
) -> None:
    with client(server.base_url, max_retries=0) as core, pytest.raises(APIConnectionError):
        get(core, "/fault/huge-header/once")


@pytest.mark.parametrize("fault", ["huge-error", "huge-html-error"])
def test_a_huge_error_body_gives_a_short_message_and_keeps_the_whole_body(
    server: FaultServer, fault: str
) -> None:
    with (
        client(server.base_url, max_retries=0) as core,
        pytest.raises(InternalServerError) as caught,
    ):
        get(core, f"/fault/{fault}/big")
    error = caught.value
    assert len(str(error)) < 2500 and len(repr(error)) < 2500
    body = error.body["message"] if isinstance(error.body, dict) else error.body
    assert len(body) >= HUGE_BODY


def test_the_async_client_retries_a_get_cut_in_its_body(
    server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transport, "INITIAL_RETRY_DELAY", 0.001)
    path = "/fault/reset-during/async"

    async def call() -> Any:
        core = AsyncCore(
            base_url=server.base_url, security=BEARER, client_headers={}, default_headers=None,
            timeout=10.0, max_retries=2,
            user_agent="faults-test",
        )  # fmt: skip
        try:
            return await core.request("GET", path, cast_to=Json, options={}, query={"fail": "1"})
        finally:
            await core.close()

    assert asyncio.run(call())["method"] == "GET" and server.hits(path) == 2
