"""Request hooks against a scripted server on 127.0.0.1: a header added, a request signed (the
server sees the signature of the body it received), every attempt logged across a retry, and
each failed attempt shown to `on_error` as the error it raises."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from generator.targets.python.runtime import transport
from generator.targets.python.runtime.auth import Scheme, Security
from generator.targets.python.runtime.errors import APIConnectionError, InternalServerError
from generator.targets.python.runtime.hooks import Hooks
from generator.targets.python.runtime.transport import AsyncCore, SyncCore
from tests.support.fault_server import FaultServer

KEY = b"signing-key"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.setattr(transport, "INITIAL_RETRY_DELAY", 0.0)
    with FaultServer() as running:
        yield running


BEARER = Security(
    (Scheme("bearer", "bearer", ("token",), (None,)),), {"bearer": ("t0ken",)},
    token=None, token_env=None, default=(("bearer",),), required=True,
)  # fmt: skip


def settings(base_url: str, hooks: Hooks, retries: int = 2) -> dict[str, Any]:
    return {
        "base_url": base_url, "security": BEARER,
        "client_headers": {}, "default_headers": None, "timeout": 10.0,
        "max_retries": retries, "user_agent": "hooks-test", "hooks": hooks,
    }  # fmt: skip


def signature(request: httpx.Request) -> str:
    message = f"{request.method} {request.url.raw_path.decode()}\n".encode() + request.content
    return hmac.new(KEY, message, hashlib.sha256).hexdigest()


def sign(request: httpx.Request) -> None:
    request.headers["X-Signature"] = signature(request)


def test_a_before_hook_adds_a_header_and_signs_the_body(server: FaultServer) -> None:
    def tag(request: httpx.Request) -> None:
        request.headers["X-Tenant"] = "acme"

    core = SyncCore(**settings(server.base_url, Hooks(before_request=[tag, sign])))
    echo = core.request("POST", "/echo", cast_to=dict[str, Any], options={}, json={"a": 1})
    seen = echo["headers"]
    assert seen["x-tenant"] == "acme"
    message = b"POST /echo\n" + echo["body"].encode()
    assert seen["x-signature"] == hmac.new(KEY, message, hashlib.sha256).hexdigest()
    assert seen["authorization"] == "Bearer t0ken"  # the hook saw the request the SDK built


def test_a_before_hook_may_send_another_request(server: FaultServer) -> None:
    def reroute(request: httpx.Request) -> httpx.Request:
        return httpx.Request(request.method, request.url.copy_with(path="/echo/rerouted"))

    core = SyncCore(**settings(server.base_url, Hooks(before_request=[reroute])))
    echo = core.request("GET", "/echo", cast_to=dict[str, Any], options={})
    assert echo["target"] == "/echo/rerouted"


def test_every_attempt_of_a_retried_call_reaches_the_hooks(server: FaultServer) -> None:
    log: list[str] = []
    hooks = Hooks(
        before_request=[lambda request: log.append(f"send {request.url.path}")],
        after_response=[lambda request, response: log.append(f"got {response.status_code}")],
        on_error=[lambda request, error: log.append(f"error {type(error).__name__}")],
    )
    core = SyncCore(**settings(server.base_url, hooks))
    core.request("GET", "/fault/reset-before/retry?fail=1", cast_to=dict[str, Any], options={})
    path = "/fault/reset-before/retry"
    assert log == [f"send {path}", "error APIConnectionError", f"send {path}", "got 200"]


def test_an_error_status_reaches_on_error_as_the_error_raised(server: FaultServer) -> None:
    errors: list[Exception] = []
    hooks = Hooks(on_error=[lambda request, error: errors.append(error)])
    core = SyncCore(**settings(server.base_url, hooks, retries=0))
    with pytest.raises(InternalServerError):
        core.request("GET", "/fault/retry-after-hour/x", cast_to=dict[str, Any], options={})
    assert [type(e) for e in errors] == [InternalServerError]


def test_the_async_client_runs_the_same_hooks(server: FaultServer) -> None:
    log: list[str] = []
    hooks = Hooks(
        before_request=[sign, lambda request: log.append("send")],
        on_error=[lambda request, error: log.append(type(error).__name__)],
    )

    async def call() -> Any:
        core = AsyncCore(**settings(server.base_url, hooks, retries=0))
        try:
            return await core.request(
                "GET", "/fault/reset-before/async", cast_to=dict[str, Any], options={}
            )
        finally:
            await core.close()

    with pytest.raises(APIConnectionError):
        asyncio.run(call())
    assert log == ["send", "APIConnectionError"]
