"""Credentials: which of the configured ones a call sends, and where each goes.

The API's security schemes (`Scheme`) come from the spec; a client holds what its caller
configured for each (`Security`). Each call names the alternatives its operation accepts
(`Requirement`, in the document's order): the first one whose schemes are all configured is
sent, every scheme of it at once. An empty alternative means "no credentials needed"; an
operation with `security: []` has no alternatives and sends nothing.
"""

from __future__ import annotations

import base64
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote

import httpx

from .errors import ConfigurationError, error_from_response
from .redirects import ALWAYS_CREDENTIALS, Credentials

SchemeKind = Literal["bearer", "basic", "api_key", "oauth2"]
Place = Literal["header", "query", "cookie"]
Requirement = tuple[tuple[str, ...], ...]
"""An operation's alternatives, each the names of the schemes it sends together."""
Secret = str | Callable[[], str]
"""A credential, or a callable returning it for every request."""

EXPIRY_MARGIN = 30.0
"""Seconds before an OAuth2 token expires that a new one is fetched instead."""
_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"


@dataclass(frozen=True, slots=True)
class Scheme:
    """One security scheme of the API and the client options that configure it."""

    name: str
    kind: SchemeKind
    options: tuple[str, ...]
    """The client options of its credentials, in order (username, password; id, secret)."""
    env: tuple[str | None, ...]
    """The environment variable each option is read from when not given."""
    place: Place = "header"
    parameter: str = "Authorization"
    token_alias: bool = False
    """`token=` fills this scheme when its own options are not given."""
    token_url: str | None = None
    scopes: tuple[str, ...] = ()


def _value(secret: Secret) -> str:
    value = secret() if callable(secret) else secret
    if not value:
        raise ConfigurationError("a credential callable returned no credential")
    if "\r" in value or "\n" in value:
        raise ConfigurationError("a credential contains a line break")
    return value


def _from_token(scheme: Scheme, token: Secret) -> tuple[Secret, ...]:
    """The scheme's credentials from `token=`: for basic `user:password`, or a username alone
    (an empty password, as APIs that take a key as the username expect)."""
    if scheme.kind != "basic":
        return (token,)
    text = _value(token)
    username, _, password = text.partition(":")
    return (username, password)


class Security:
    """The credentials a client was configured with, and which of them each call sends."""

    def __init__(
        self,
        schemes: Sequence[Scheme],
        given: Mapping[str, Sequence[Secret | None]],
        *,
        token: Secret | None,
        token_env: str | None,
        default: Requirement,
        required: bool,
    ) -> None:
        if token is None and token_env:
            token = os.environ.get(token_env) or None
        self.schemes = {scheme.name: scheme for scheme in schemes}
        self.default = default
        self.token_env = token_env
        self.values: dict[str, tuple[Secret, ...]] = {}
        for scheme in schemes:
            values = [
                given_value if given_value is not None else _env(env)
                for given_value, env in zip(given.get(scheme.name, ()), scheme.env, strict=False)
            ]
            if scheme.kind == "basic" and values and values[0] is not None:
                values[1:] = [values[1] if len(values) > 1 and values[1] is not None else ""]
            if values and all(v is not None for v in values):
                self.values[scheme.name] = tuple(v for v in values if v is not None)
            elif scheme.token_alias and token is not None:
                self.values[scheme.name] = _from_token(scheme, token)
        self.oauth2 = {
            name: OAuth2Tokens(self.schemes[name], values)
            for name, values in self.values.items()
            if self.schemes[name].kind == "oauth2" and len(values) == 2
        }
        if required and self.choose(default) is None:
            raise self.missing(default)

    def choose(self, requirement: Requirement) -> tuple[Scheme, ...] | None:
        """The schemes a call sends: the first alternative that is configured, () when none
        is needed, None when a needed one is missing."""
        for alternative in requirement:
            if alternative and all(name in self.values for name in alternative):
                return tuple(self.schemes[name] for name in alternative)
        return () if not requirement or () in requirement else None

    def missing(self, requirement: Requirement) -> ConfigurationError:
        """The error of a call whose credentials are not configured, naming what to pass."""
        hints: list[str] = []
        for alternative in requirement:
            wanted = [self.schemes[name] for name in alternative if name not in self.values]
            options = [f"{o}=" for scheme in wanted for o in scheme.options]
            env = [e for scheme in wanted for e in scheme.env if e]
            hint = " and ".join(options)
            hints.append(f"{hint} (or set {', '.join(env)})" if env else hint)
        if len(hints) == 1 and hints[0].startswith("token="):
            where = f" or set the {self.token_env} environment variable" if self.token_env else ""
            return ConfigurationError(f"no API token: pass token={where}")
        return ConfigurationError("no credentials for this call: pass " + "; or ".join(hints))

    def fixed(self, chosen: tuple[Scheme, ...]) -> list[tuple[str, str]] | None:
        """The headers of `chosen` when they are the same for every call (fixed values in
        headers), else None."""
        headers: list[tuple[str, str]] = []
        for scheme in chosen:
            values = self.values[scheme.name]
            if scheme.name in self.oauth2 or scheme.place != "header" or any(map(callable, values)):
                return None
            headers.append(self.header(scheme, {}))
        return headers

    def header(self, scheme: Scheme, fetched: Mapping[str, str]) -> tuple[str, str]:
        values = self.values[scheme.name]
        if scheme.kind == "basic":
            pair = f"{_value(values[0])}:{_value(values[1]) if values[1] else ''}"
            return "Authorization", "Basic " + base64.b64encode(pair.encode()).decode()
        if scheme.name in self.oauth2:
            return "Authorization", f"Bearer {fetched[scheme.name]}"
        if scheme.kind in ("bearer", "oauth2"):  # OAuth2 with a token the caller obtained
            return "Authorization", f"Bearer {_value(values[0])}"
        return scheme.parameter, _value(values[0])

    def apply(
        self,
        chosen: tuple[Scheme, ...],
        fetched: Mapping[str, str],
        headers: httpx.Headers,
        params: list[tuple[str, Any]],
    ) -> None:
        """Put the credentials of `chosen` on one request."""
        for scheme in chosen:
            if scheme.kind == "api_key" and scheme.place == "query":
                params.append((scheme.parameter, _value(self.values[scheme.name][0])))
            elif scheme.kind == "api_key" and scheme.place == "cookie":
                value = quote(_value(self.values[scheme.name][0]), safe=_COOKIE_SAFE)
                pair = f"{scheme.parameter}={value}"
                cookie = headers.get("Cookie")
                headers["Cookie"] = f"{cookie}; {pair}" if cookie else pair
            else:
                name, value = self.header(scheme, fetched)
                headers[name] = value

    def oauth2_of(self, chosen: tuple[Scheme, ...]) -> list[OAuth2Tokens]:
        """The token caches a call through `chosen` fetches from (its OAuth2 schemes configured
        with a client id and secret)."""
        return [self.oauth2[s.name] for s in chosen if s.name in self.oauth2]

    def redirect_credentials(self) -> Credentials:
        """Every header and query parameter that may carry one of these credentials."""
        headers = set(ALWAYS_CREDENTIALS)
        query: list[str] = []
        for scheme in self.schemes.values():
            if scheme.kind == "api_key" and scheme.place == "header":
                headers.add(scheme.parameter.lower())
            elif scheme.kind == "api_key" and scheme.place == "query":
                query.append(scheme.parameter)
        return Credentials(frozenset(headers), tuple(query))


def _env(name: str | None) -> str | None:
    return (os.environ.get(name) or None) if name else None


class OAuth2Tokens:
    """The access token of an OAuth2 client-credentials flow: fetched on first use (once, for
    calls that start together), kept until shortly before it expires, fetched again when the
    API answers 401."""

    def __init__(
        self,
        scheme: Scheme,
        values: tuple[Secret, ...],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.scheme = scheme
        self._client_id, self._client_secret = values
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()
        self._async_lock: Any = None
        self.fetches = 0

    def current(self) -> str | None:
        """The cached token while it is still good."""
        if self._token is not None and self._clock() < self._expires_at:
            return self._token
        return None

    def forget(self, token: str) -> None:
        """Drop `token` (the API refused it), unless another call already replaced it."""
        if self._token == token:
            self._token = None

    def request(self, base_url: str) -> httpx.Request:
        url = httpx.URL(base_url + "/").join(self.scheme.token_url or "")
        pair = f"{_value(self._client_id)}:{_value(self._client_secret)}"
        form = {"grant_type": "client_credentials"}
        if self.scheme.scopes:
            form["scope"] = " ".join(self.scheme.scopes)
        return httpx.Request(
            "POST",
            url,
            data=form,
            headers={
                "Authorization": "Basic " + base64.b64encode(pair.encode()).decode(),
                "Accept": "application/json",
            },
        )

    def keep(self, response: httpx.Response) -> str:
        """The token of a token endpoint's answer, cached with its lifetime."""
        if response.status_code >= 400:
            raise error_from_response(response)
        try:
            body = response.json()
        except ValueError:
            body = None
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise ConfigurationError(
                f"the token endpoint of {self.scheme.name!r} answered without an access_token"
            )
        lifetime = body.get("expires_in") if isinstance(body, dict) else None
        now = self._clock()
        if isinstance(lifetime, int | float) and not isinstance(lifetime, bool):
            self._expires_at = now + max(float(lifetime) - EXPIRY_MARGIN, float(lifetime) / 2)
        else:
            self._expires_at = float("inf")
        self._token = token
        self.fetches += 1
        return token

    def get(self, client: httpx.Client, base_url: str) -> str:
        token = self.current()
        if token is not None:
            return token
        with self._lock:
            token = self.current()
            if token is None:
                response = client.send(self.request(base_url))
                response.read()
                token = self.keep(response)
            return token

    async def aget(self, client: httpx.AsyncClient, base_url: str) -> str:
        token = self.current()
        if token is not None:
            return token
        if self._async_lock is None:
            import asyncio  # only async clients need it

            self._async_lock = asyncio.Lock()
        async with self._async_lock:
            token = self.current()
            if token is None:
                response = await client.send(self.request(base_url))
                await response.aread()
                token = self.keep(response)
            return token
