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

from generator.targets.python.runtime.auth import Scheme, Security
from generator.targets.python.runtime.errors import APIConnectionError
from generator.targets.python.runtime.redirects import MAX_REDIRECTS, Credentials, follow
from generator.targets.python.runtime.transport import AsyncCore, SyncCore
from tests.support.fault_server import FaultServer

SECRET = "s3cret-token-value"
SCHEMES: dict[str, tuple[Scheme, ...]] = {
    "bearer": (Scheme("bearer", "bearer", ("token",), (None,)),),
    "basic": (Scheme("basic", "basic", ("username", "password"), (None, None)),),
    "api-key-header": (Scheme("key", "api_key", ("x_api_key",), (None,), parameter="X-Api-Key"),),
    "api-key-query": (
        Scheme("query", "api_key", ("api_key",), (None,), place="query", parameter="api_key"),
    ),
    "api-key-cookie": (
        Scheme("jar", "api_key", ("key",), (None,), place="cookie", parameter="session_key"),
    ),
    "keys-together": (
        Scheme("id", "api_key", ("client_id",), (None,), parameter="X-Client-Id"),
        Scheme("secret", "api_key", ("secret",), (None,), parameter="X-Secret"),
        Scheme("q", "api_key", ("key",), (None,), place="query", parameter="key"),
    ),
}
STATUSES = (301, 302, 303, 307, 308)


@pytest.fixture(scope="module")
def origins() -> Iterator[tuple[FaultServer, FaultServer]]:
    with FaultServer() as first, FaultServer() as second:
        yield first, second


def settings(schemes: tuple[Scheme, ...], base_url: str) -> dict[str, Any]:
    """Core settings with every scheme of `schemes` configured with SECRET and required
    together (a basic scheme: SECRET as username and as password)."""
    given = {scheme.name: tuple(SECRET for _ in scheme.options) for scheme in schemes}
    security = Security(
        schemes, given, token=None, token_env=None,
        default=(tuple(scheme.name for scheme in schemes),), required=True,
    )  # fmt: skip
    return {
        "base_url": base_url, "security": security, "client_headers": {},
        "default_headers": None, "timeout": 10.0, "max_retries": 0, "user_agent": "faults-test",
    }  # fmt: skip


@contextlib.contextmanager
def make_core(base_url: str, schemes: tuple[Scheme, ...]) -> Iterator[SyncCore]:
    core = SyncCore(**settings(schemes, base_url))
    try:
        yield core
    finally:
        core.close()


def credentials_seen(echo: dict[str, Any], schemes: tuple[Scheme, ...]) -> list[str | None]:
    """Each scheme's credential as the server received it (None where it did not)."""
    headers: dict[str, str] = echo["headers"]
    target = httpx.URL(echo["target"])
    found: list[str | None] = []
    for scheme in schemes:
        if scheme.place == "query":
            found.append(target.params.get(scheme.parameter))
        elif scheme.place == "cookie":
            found.append(headers.get("cookie"))
        else:
            found.append(headers.get(scheme.parameter.lower()))
    return found


def expected_credentials(schemes: tuple[Scheme, ...]) -> list[str]:
    expected: list[str] = []
    for scheme in schemes:
        if scheme.kind == "bearer":
            expected.append(f"Bearer {SECRET}")
        elif scheme.kind == "basic":
            expected.append("Basic " + base64.b64encode(f"{SECRET}:{SECRET}".encode()).decode())
        elif scheme.place == "cookie":
            expected.append(f"{scheme.parameter}={SECRET}")
        else:
            expected.append(SECRET)
    return expected


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
    schemes = SCHEMES[scheme]
    with make_core(first.base_url, schemes) as core:
        echo = post_through_redirect(core, status, first.port, bare=True)
    assert echo["port"] == first.port
    assert credentials_seen(echo, schemes) == expected_credentials(schemes)
    check_method_and_body(echo, status)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_cross_origin_redirect_drops_every_credential(
    origins: tuple[FaultServer, FaultServer], scheme: str, status: int
) -> None:
    first, second = origins
    schemes = SCHEMES[scheme]
    with make_core(first.base_url, schemes) as core:
        echo = post_through_redirect(core, status, second.port, bare=False)
    assert echo["port"] == second.port
    assert credentials_seen(echo, schemes) == [None] * len(schemes)
    seen = json.dumps(echo)
    assert SECRET not in seen
    assert not any(credential in seen for credential in expected_credentials(schemes))
    assert "page=2" in echo["target"]  # the server's own query string still arrives
    check_method_and_body(echo, status)


def test_the_async_client_drops_credentials_across_origins(
    origins: tuple[FaultServer, FaultServer],
) -> None:
    first, second = origins

    async def call() -> Any:
        core = AsyncCore(**settings(SCHEMES["api-key-header"], first.base_url))
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
        core = SyncCore(**settings(SCHEMES["api-key-header"], first.base_url), http_client=http)
        echo = core.request(
            "GET", f"/redirect/302/{second.port}", cast_to=dict[str, Any], options={}
        )
    assert echo["port"] == second.port and "x-api-key" not in echo["headers"]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_https_to_http_downgrade_carries_no_credential(scheme: str) -> None:
    schemes = SCHEMES[scheme]
    with make_core("https://api.example.test", schemes) as core:
        request = core.build_request(
            core.http, "GET", "/v1/files", query=None, headers=None, json=None, data=None,
            files=None, content=None, options={},
        )  # fmt: skip
        credentials = core.security.redirect_credentials()
    sent = str(request.url) + repr(request.headers.raw)
    assert all(credential in sent for credential in expected_credentials(schemes))
    moved = httpx.Response(301, headers={"location": "http://api.example.test/v1/files"})
    following = follow(request, moved, credentials)
    assert following is not None and following.url.scheme == "http"
    sent = str(following.url) + repr(following.headers.raw)
    assert SECRET not in sent


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
        follow(request, moved, Credentials())
