"""Redirects the SDK follows itself, so the credentials it adds never leave their origin.

httpx's own redirect handling drops `Authorization` on a cross-origin hop but keeps every other
header, so an API key in `X-Api-Key` would reach whatever host a redirect names. Here each hop is
built from the previous request: to another scheme, host or port (an `https` -> `http` downgrade
included) it loses every credential the SDK added.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from .errors import APIConnectionError

MAX_REDIRECTS = 10
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
ALWAYS_CREDENTIALS = frozenset({"authorization", "proxy-authorization", "cookie"})
_BODY_HEADERS = ("content-length", "content-type", "transfer-encoding", "content-encoding")


@dataclass(frozen=True, slots=True)
class Credentials:
    """Where the SDK puts its credentials: header names (lower case), and the query parameters
    of API keys sent in the URL."""

    headers: frozenset[str] = ALWAYS_CREDENTIALS
    query: tuple[str, ...] = ()


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)


def follow(
    request: httpx.Request, response: httpx.Response, credentials: Credentials
) -> httpx.Request | None:
    """The request a redirect response asks for, or None when `response` is not one to follow.

    303 (and 301/302 after a POST) become a GET without a body; 307 and 308 repeat the method
    and the body.
    """
    location = response.headers.get("location")
    if response.status_code not in REDIRECT_STATUSES or not location:
        return None
    try:
        url = request.url.join(location)
    except httpx.InvalidURL as error:
        raise APIConnectionError(
            f"the server redirected to an invalid URL: {location[:200]!r}", request=request
        ) from error
    if url.scheme not in _DEFAULT_PORTS:
        raise APIConnectionError(
            f"the server redirected to a {url.scheme!r} URL, which is not followed", request=request
        )
    method = request.method
    if (response.status_code == 303 and method != "HEAD") or (
        response.status_code in (301, 302) and method == "POST"
    ):
        method = "GET"
    keep_body = response.status_code in (307, 308)
    headers = request.headers.copy()
    headers["Host"] = url.netloc.decode("ascii")
    if not keep_body:
        for name in _BODY_HEADERS:
            headers.pop(name, None)
    if origin(url) != origin(request.url):
        for name in credentials.headers:
            headers.pop(name, None)
        for name in credentials.query:
            url = url.copy_remove_param(name)
    else:
        for name in credentials.query:
            if name not in url.params:
                for value in request.url.params.get_list(name):
                    url = url.copy_add_param(name, value)
    return httpx.Request(
        method,
        url,
        headers=headers,
        stream=request.stream if keep_body else None,
        extensions=request.extensions,
    )


def too_many(request: httpx.Request) -> APIConnectionError:
    return APIConnectionError(f"more than {MAX_REDIRECTS} redirects", request=request)
