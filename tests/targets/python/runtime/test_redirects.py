"""Redirects never carry the SDK's credentials to another origin: each security scheme against
each redirect status, between two servers on 127.0.0.1 (a different port is another origin)."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from generator.targets.python.runtime.errors import APIConnectionError
from generator.targets.python.runtime.redirects import MAX_REDIRECTS, credentials_of, follow
from generator.targets.python.runtime.transport import AsyncCore, Auth, SyncCore
from tests.support.fault_server import FaultServer

SECRET = "s3cret-token-value"
SCHEMES = {
    "bearer": Auth("bearer"),
    "basic": Auth("basic"),
    "api-key-header": Auth("header", "X-Api-Key"),
    "api-key-query": Auth("query", "api_key"),
    "api-key-cookie": Auth("cookie", "session_key"),
}
STATUSES = (301, 302, 303, 307, 308)


@pytest.fixture(scope="module")
def origins() -> Iterator[tuple[FaultServer, FaultServer]]:
    with FaultServer() as first, FaultServer() as second:
        yield first, second


@contextlib.contextmanager
def make_core(base_url: str, auth: Auth) -> Iterator[SyncCore]:
    core = SyncCore(
        base_url=base_url, token=SECRET, token_env=None, auth=auth, client_headers={},
        default_headers=None, timeout=10.0, max_retries=0, user_agent="faults-test",
    )  # fmt: skip
    try:
        yield core
    finally:
        core.close()


def credential_seen(echo: dict[str, Any], auth: Auth) -> str | None:
    """The credential as the server received it, or None."""
    headers: dict[str, str] = echo["headers"]
    target = httpx.URL(echo["target"])
    if auth.kind == "query":
        found: str | None = target.params.get(auth.name)
        return found
    if auth.kind == "cookie":
        return headers.get("cookie")
    return headers.get(auth.name.lower())


def expected_credential(auth: Auth) -> str:
    if auth.kind == "bearer":
        return f"Bearer {SECRET}"
    if auth.kind == "basic":
        return "Basic " + base64.b64encode(SECRET.encode()).decode()
    if auth.kind == "cookie":
        return f"{auth.name}={SECRET}"
    return SECRET


def post_through_redirect(core: SyncCore, status: int, port: int, bare: bool) -> Any:
    path = f"/redirect/{status}/{port}" + ("/bare" if bare else "")
    return core.request(
        "POST", path, cast_to=dict[str, Any], options={}, query={"page": "2"}, json={"n": 1}
    )


def check_method_and_body(echo: dict[str, Any], status: int) -> None:
    if status in (307, 308):
        assert (echo["method"], json.loads(echo["body"])) == ("POST", {"n": 1})
        assert echo["headers"]["content-type"] == "application/json"
    else:
        assert (echo["method"], echo["body"]) == ("GET", "")
        assert "content-type" not in echo["headers"]
        assert "content-length" not in echo["headers"]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_same_origin_redirect_keeps_the_credentials(
    origins: tuple[FaultServer, FaultServer], scheme: str, status: int
) -> None:
    first, _second = origins
    auth = SCHEMES[scheme]
    with make_core(first.base_url, auth) as core:
        echo = post_through_redirect(core, status, first.port, bare=True)
    assert echo["port"] == first.port
    assert credential_seen(echo, auth) == expected_credential(auth)
    check_method_and_body(echo, status)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_cross_origin_redirect_drops_every_credential(
    origins: tuple[FaultServer, FaultServer], scheme: str, status: int
) -> None:
    first, second = origins
    auth = SCHEMES[scheme]
    with make_core(first.base_url, auth) as core:
        echo = post_through_redirect(core, status, second.port, bare=False)
    assert echo["port"] == second.port
    assert credential_seen(echo, auth) is None
    seen = json.dumps(echo)
    assert SECRET not in seen and expected_credential(auth) not in seen
    assert "page=2" in echo["target"]  # the server's own query string still arrives
    check_method_and_body(echo, status)


def test_the_async_client_drops_credentials_across_origins(
    origins: tuple[FaultServer, FaultServer],
) -> None:
    first, second = origins

    async def call() -> Any:
        core = AsyncCore(
            base_url=first.base_url, token=SECRET, token_env=None, auth=SCHEMES["api-key-header"],
            client_headers={}, default_headers=None, timeout=10.0, max_retries=0,
            user_agent="faults-test",
        )  # fmt: skip
        try:
            path = f"/redirect/307/{second.port}"
            return await core.request("GET", path, cast_to=dict[str, Any], options={})
        finally:
            await core.close()

    echo = asyncio.run(call())
    assert echo["port"] == second.port and "x-api-key" not in echo["headers"]


def test_your_own_client_that_follows_redirects_still_drops_them(
    origins: tuple[FaultServer, FaultServer],
) -> None:
    first, second = origins
    with httpx.Client(follow_redirects=True) as http:
        core = SyncCore(
            base_url=first.base_url, token=SECRET, token_env=None, auth=SCHEMES["api-key-header"],
            client_headers={}, default_headers=None, timeout=10.0, max_retries=0,
            user_agent="faults-test", http_client=http,
        )  # fmt: skip
        echo = core.request(
            "GET", f"/redirect/302/{second.port}", cast_to=dict[str, Any], options={}
        )
    assert echo["port"] == second.port and "x-api-key" not in echo["headers"]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_https_to_http_downgrade_carries_no_credential(scheme: str) -> None:
    auth = SCHEMES[scheme]
    with make_core("https://api.example.test", auth) as core:
        request = core.build_request(
            core.http, "GET", "/v1/files", query=None, headers=None, json=None, data=None,
            files=None, content=None, options={},
        )  # fmt: skip
    assert expected_credential(auth) in str(request.url) + repr(request.headers.raw)
    moved = httpx.Response(301, headers={"location": "http://api.example.test/v1/files"})
    following = follow(request, moved, credentials_of(auth.kind, auth.name))
    assert following is not None and following.url.scheme == "http"
    sent = str(following.url) + repr(following.headers.raw)
    assert SECRET not in sent and expected_credential(auth) not in sent


def test_redirects_are_bounded(origins: tuple[FaultServer, FaultServer]) -> None:
    first, _second = origins
    too_many = f"more than {MAX_REDIRECTS} redirects"
    with (
        make_core(first.base_url, SCHEMES["bearer"]) as core,
        pytest.raises(APIConnectionError, match=too_many),
    ):
        core.request("GET", f"/redirect/302/{first.port}/loop", cast_to=Any, options={})


def test_a_redirect_to_another_scheme_than_http_is_refused() -> None:
    request = httpx.Request("GET", "https://api.example.test/x")
    moved = httpx.Response(302, headers={"location": "file:///etc/passwd"})
    with pytest.raises(APIConnectionError, match="'file' URL"):
        follow(request, moved, credentials_of("bearer", "Authorization"))
