"""How the runtime builds requests: the same requests httpx's own `Client.build_request` builds,
with the user's `http_client` settings (headers, cookies, query parameters, an overridden
build_request) kept, offline through `httpx.MockTransport`."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.support.extend import TOKEN, import_sdk

FILE = {"object": "file", "id": "file_1", "name": "a.pdf", "type": "PDF"}


class Recorder:
    """A mock transport's handler that keeps every request and answers with a file."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=FILE)


class OwnBuildRequest(httpx.Client):
    """A client whose build_request is its own: the runtime must go through it."""

    built = 0

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        OwnBuildRequest.built += 1
        return super().build_request(*args, **kwargs)


CALLS: dict[str, Callable[[Any], object]] = {
    "get": lambda c: c.files.retrieve("file_1"),
    "get, path escaped": lambda c: c.files.retrieve("a/b c?d"),
    "query": lambda c: c.files.retrieve("file_1", raw_text=True, markdown=False),
    "header parameter": lambda c: c.files.retrieve("file_1", api_version="2025-04-21"),
    "per-call options": lambda c: c.files.retrieve(
        "file_1", extra_headers={"x-trace": "t1"}, extra_query={"a": ["1", "2"]}, timeout=2.5
    ),
    "json body": lambda c: c.extract_runs.create(
        file={"url": "https://example.com/a.pdf"},
        extractor={"id": "ex_1"},
        extra_body={"metadata": {"k": "v"}},
    ),
    "multipart": lambda c: c.files.upload(file=("a.pdf", b"%PDF-1.4", "application/pdf")),
}


def comparable(request: httpx.Request) -> dict[str, Any]:
    headers = sorted((k.lower(), v) for k, v in request.headers.multi_items())
    content = request.read()
    boundary = request.headers.get("content-type", "").partition("boundary=")[2]
    if boundary:  # multipart boundaries are random: compare the parts around them
        content = content.replace(boundary.encode(), b"BOUNDARY")
        headers = [(k, v.replace(boundary, "BOUNDARY")) for k, v in headers]
    return {
        "method": request.method,
        "url": str(request.url),
        "headers": headers,
        "content": content,
        "timeout": request.extensions["timeout"],
    }


@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
def test_requests_are_what_httpx_builds(call: str) -> None:
    sdk = import_sdk()
    built: list[dict[str, Any]] = []
    for http_class in (httpx.Client, OwnBuildRequest):
        recorder = Recorder()
        http = http_class(transport=httpx.MockTransport(recorder))
        client = sdk.Extend(token=TOKEN, base_url="https://api.test/v1", http_client=http)
        CALLS[call](client)
        built.append(comparable(recorder.requests[0]))
    direct, through_httpx = built
    assert direct == through_httpx
    assert direct["url"].startswith("https://api.test/v1/")
    assert ("authorization", f"Bearer {TOKEN}") in direct["headers"]


def test_an_overridden_build_request_is_used() -> None:
    sdk = import_sdk()
    OwnBuildRequest.built = 0
    http = OwnBuildRequest(transport=httpx.MockTransport(Recorder()))
    sdk.Extend(token=TOKEN, base_url="https://api.test", http_client=http).files.retrieve("f")
    assert OwnBuildRequest.built == 1


def test_the_http_clients_headers_cookies_and_params_are_sent() -> None:
    sdk = import_sdk()
    recorder = Recorder()
    http = httpx.Client(
        transport=httpx.MockTransport(recorder),
        headers={"x-proxy": "p1", "User-Agent": "theirs", "Accept": "text/plain"},
    )
    client = sdk.Extend(token=TOKEN, base_url="https://api.test", http_client=http)
    client.files.retrieve("f1")
    http.headers["x-later"] = "added after the client"
    http.headers["x-proxy"] = "p2"
    client.files.retrieve("f2")
    http.params = httpx.QueryParams({"tenant": "t1"})
    http.cookies.set("session", "s1", domain="api.test")
    client.files.retrieve("f3", raw_text=True)
    first, second, third = recorder.requests
    assert first.headers["x-proxy"] == "p1" and "x-later" not in first.headers
    # the SDK's own headers win over the client's, as with httpx's merge
    assert first.headers["user-agent"].startswith("extend_sdk-python/")
    assert first.headers["accept"] == "application/json"
    assert second.headers["x-proxy"] == "p2"
    assert second.headers["x-later"] == "added after the client"
    assert third.url.params["tenant"] == "t1" and third.url.params["rawText"] == "true"
    assert third.headers["cookie"] == "session=s1"
    assert third.headers["authorization"] == f"Bearer {TOKEN}"


def test_a_token_callable_is_asked_on_every_request() -> None:
    sdk = import_sdk()
    recorder = Recorder()
    tokens = iter(["first", "second"])
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = sdk.Extend(token=lambda: next(tokens), base_url="https://api.test", http_client=http)
    client.files.retrieve("f1")
    client.files.retrieve("f2")
    seen = [r.headers["authorization"] for r in recorder.requests]
    assert seen == ["Bearer first", "Bearer second"]


def test_a_bad_fixed_token_is_refused_on_every_call() -> None:
    sdk = import_sdk()
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = sdk.Extend(token="sk\r\nx: y", base_url="https://api.test", http_client=http)
    for _ in range(2):
        with pytest.raises(sdk.ConfigurationError, match="line break"):
            client.files.retrieve("f1")
    assert recorder.requests == []


def test_timeouts_per_client_and_per_call() -> None:
    sdk = import_sdk()
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder), timeout=99)
    client = sdk.Extend(token=TOKEN, base_url="https://api.test", timeout=7, http_client=http)
    client.files.retrieve("f1")
    client.files.retrieve("f2", timeout=None)
    client.files.retrieve("f3", timeout=0.5)
    client.files.retrieve("f4")
    seen = [r.extensions["timeout"]["read"] for r in recorder.requests]
    assert seen == [7, None, 0.5, 7]
    recorder.requests[0].extensions["timeout"]["read"] = 1  # a hook changing one request
    client.files.retrieve("f5")
    assert recorder.requests[-1].extensions["timeout"]["read"] == 7


def test_raw_views_and_retries_send_the_same_request(monkeypatch: pytest.MonkeyPatch) -> None:
    sdk = import_sdk()
    monkeypatch.setattr(sdk._runtime.transport, "INITIAL_RETRY_DELAY", 0.0)
    answers = iter([httpx.Response(503), httpx.Response(200, json=FILE)])
    requests: list[httpx.Request] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return next(answers)

    http = httpx.Client(transport=httpx.MockTransport(flaky))
    client = sdk.Extend(token=TOKEN, base_url="https://api.test", http_client=http)
    raw = client.with_raw_response.files.retrieve("f1", workspace_id="ws_1")
    assert raw.status_code == 200 and len(requests) == 2
    assert comparable(requests[0]) == comparable(requests[1])
    assert requests[1].headers["x-extend-workspace-id"] == "ws_1"


def test_the_async_client_builds_the_same_requests() -> None:
    sdk = import_sdk()
    sync_recorder, async_recorder = Recorder(), Recorder()
    sync_client = sdk.Extend(
        token=TOKEN,
        base_url="https://api.test",
        http_client=httpx.Client(transport=httpx.MockTransport(sync_recorder)),
    )
    async_client = sdk.AsyncExtend(
        token=TOKEN,
        base_url="https://api.test",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(async_recorder)),
    )
    sync_client.files.upload(file=io.BytesIO(b"%PDF"), extra_query={"a": 1})
    asyncio.run(async_client.files.upload(file=io.BytesIO(b"%PDF"), extra_query={"a": 1}))
    sync_request, async_request = sync_recorder.requests[0], async_recorder.requests[0]
    assert comparable(sync_request)["url"] == comparable(async_request)["url"]
    assert sorted(sync_request.headers.keys()) == sorted(async_request.headers.keys())
