"""The HTTP core of a generated client: auth, headers, encoding, retries, errors, parsing.

Generated resource methods call `SyncCore.request` / `AsyncCore.request`; everything that is
the same for every API lives here, so generated code stays small.
"""

from __future__ import annotations

import copy
import email.utils
import functools
import logging
import platform
import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, TypeVar

import httpx

from .auth import OAuth2Tokens, Requirement, Scheme, Security
from .encoding import to_jsonable
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    ResponseValidationError,
    bounded,
    error_from_response,
)
from .files import file_part, to_multipart
from .hooks import NO_HOOKS, Hooks
from .idempotency import with_idempotency_key
from .pagination import AsyncPage, AsyncPager, NextRequest, Paging, SyncPage, request_target
from .redirects import MAX_REDIRECTS, follow, too_many
from .streaming import StreamFactory
from .styles import Style, cookie_text, encode_path, header_text, multipart_fields, query_pairs
from .types import NotGiven, RequestOptions, strip_not_given

logger = logging.getLogger(__package__.rsplit(".", 1)[0] if __package__ else "sdk")
logger.addHandler(logging.NullHandler())

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
REDACTED = "<redacted>"
_OPTION_NAMES = frozenset(RequestOptions.__annotations__)


def _check_header_value(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise ConfigurationError(f"header {name!r} contains a line break")
    return value


@dataclass(frozen=True, slots=True)
class _Shared:
    """The parts of a request that stay the same from call to call (see `_CoreBase._shared`)."""

    client: httpx.Client | httpx.AsyncClient
    client_headers: list[tuple[bytes, bytes]]
    core_headers: dict[str, str]
    timeout: float | None
    headers: httpx.Headers  # the client's headers, the core's over them, fixed credentials'
    fixed_auth: list[tuple[str, str]]
    per_call_auth: bool  # credentials a default call works out each time (callables, query)
    timeout_extension: dict[str, float | None]
    direct: bool  # the client builds requests as httpx does: build them without it


def _timeout_extension(timeout: float | None) -> dict[str, float | None]:
    """The `timeout` request extension httpx's transports read."""
    return httpx.Timeout(timeout).as_dict()


T = TypeVar("T")


@dataclass(slots=True)
class RawResponse(Generic[T]):
    """An HTTP response with its parsed body, for `with_raw_response` calls."""

    status_code: int
    headers: httpx.Headers
    request_id: str | None
    parsed: T
    http_response: httpx.Response

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, request_id={self.request_id!r})"


class _CoreBase:
    def __init__(
        self,
        *,
        base_url: str,
        security: Security,
        client_headers: Mapping[str, str | None],
        default_headers: Mapping[str, str] | None,
        timeout: float | None,
        max_retries: int,
        user_agent: str,
        strict_response_validation: bool = False,
        hooks: Hooks | None = None,
    ) -> None:
        if not base_url:
            raise ConfigurationError("no base URL: pass environment= or base_url=")
        if max_retries < 0:
            raise ConfigurationError("max_retries must be 0 or more")
        self.base_url = base_url.rstrip("/")
        self.security = security
        self._credentials = security.redirect_credentials()
        self._default_choice = security.choose(security.default)
        self.timeout = timeout
        self.max_retries = max_retries
        self.strict_response_validation = strict_response_validation
        self.hooks = hooks or NO_HOOKS
        headers: dict[str, str] = {
            "User-Agent": f"{user_agent} python/{platform.python_version()}",
            "Accept": "application/json",
        }
        self._protected = {name.lower() for name in client_headers}
        for name, text in (default_headers or {}).items():
            self._refuse_protected(name)
            headers[name] = _check_header_value(name, text)
        for name, option in client_headers.items():
            if option is not None:
                headers[name] = _check_header_value(name, option)
        self.headers = headers
        self._raw = False
        self._shared_parts: _Shared | None = None

    def _refuse_protected(self, name: str) -> None:
        """Client-option headers are set through their option, never clobbered by a raw header."""
        if name.lower() in self._protected:
            raise ConfigurationError(
                f"header {name!r} is set by a client option; pass that option instead"
            )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, token={REDACTED!r})"

    def raw(self) -> Any:
        """A view of this core whose requests return `RawResponse`s; it shares the client."""
        view = copy.copy(self)
        view._raw = True
        return view

    def _shared(self, client: httpx.Client | httpx.AsyncClient) -> _Shared:
        """What every request through `client` shares, worked out again only when one of its
        inputs changed: the client's own headers, this core's headers, the timeout.
        """
        shared = self._shared_parts
        client_headers = client.headers.raw
        if (
            shared is not None
            and shared.client is client
            and shared.timeout == self.timeout
            and shared.client_headers == client_headers
            and shared.core_headers == self.headers
        ):
            return shared
        # httpx's own merge, done once: the client's headers, then the core's over them.
        headers = httpx.Headers(client.headers)
        headers.update(self.headers)
        choice = self._default_choice
        fixed = self.security.fixed(choice) if choice else None
        for name, value in fixed or ():  # fixed credentials are the same every time
            headers[name] = value
        shared = self._shared_parts = _Shared(
            client=client,
            client_headers=client_headers,
            core_headers=dict(self.headers),
            timeout=self.timeout,
            headers=headers,
            fixed_auth=fixed or [],
            per_call_auth=fixed is None,
            timeout_extension=_timeout_extension(self.timeout),
            direct=type(client).build_request is httpx.Client.build_request,
        )
        return shared

    def _choice(self, requirement: Requirement | None) -> tuple[Scheme, ...]:
        """The schemes a call sends (`requirement`: its operation's, None for the API's)."""
        choice = self.security.choose(self.security.default if requirement is None else requirement)
        if choice is None:
            raise self.security.missing(
                self.security.default if requirement is None else requirement
            )
        return choice

    def _oauth2(self, requirement: Requirement | None) -> list[OAuth2Tokens]:
        if not self.security.oauth2:
            return []
        return self.security.oauth2_of(self._choice(requirement))

    def build_request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, Any] | None,
        json: Any,
        data: Mapping[str, Any] | None,
        files: Sequence[tuple[str, tuple[str | None, bytes, str]]] | None,
        content: bytes | str | None,
        options: RequestOptions,
        cookies: Mapping[str, Any] | None = None,
        security: Requirement | None = None,
        fetched: Mapping[str, str] | None = None,
        styles: Mapping[str, Style] | None = None,
        accept: str | None = None,
        content_type: str | None = None,
    ) -> httpx.Request:
        shared = self._shared(client)
        merged_headers = _merge_headers(shared, headers, cookies, styles)
        if accept is not None:
            merged_headers["Accept"] = accept
        if content_type is not None and (content is not None or json is not None):
            merged_headers["Content-Type"] = content_type
        params: list[tuple[str, Any]] = query_pairs(query, styles) if query else []
        if security is not None:
            for name, _value in shared.fixed_auth:  # this operation sends its own
                del merged_headers[name]
        if security is not None or shared.per_call_auth:
            self.security.apply(self._choice(security), fetched or {}, merged_headers, params)
        extra_body: Mapping[str, Any] | None = None
        if options:
            for name, text in (options.get("extra_headers") or {}).items():
                self._refuse_protected(name)
                merged_headers[name] = _check_header_value(name, text)
            params.extend(query_pairs(options.get("extra_query") or {}))
            extra_body = options.get("extra_body")
        body_json, body_data = _body(json, data, files is not None, content, extra_body)
        if files is not None and body_data:
            # Objects without a style of their own travel as JSON parts.
            body_data, json_parts = multipart_fields(body_data, styles)
            files = [*files, *json_parts]
        elif body_data:
            body_data = _form_fields(body_data, styles)
        timeout = options.get("timeout", self.timeout) if options else self.timeout
        url = self.base_url + path
        if shared.direct and not client.cookies and not client.params:
            # What client.build_request would build, without its second parse of the URL
            # and its header merge, both done once in `_shared`.
            return httpx.Request(
                method,
                httpx.URL(url, params=params) if params else httpx.URL(url),
                headers=merged_headers,
                json=body_json,
                data=body_data,
                files=files,
                content=content,
                extensions={
                    "timeout": (
                        dict(shared.timeout_extension)
                        if timeout == shared.timeout
                        else _timeout_extension(timeout)
                    )
                },
            )
        # A client with cookies or query parameters of its own, or its own build_request.
        return client.build_request(
            method,
            url,
            params=params,
            headers=merged_headers,
            json=body_json,
            data=body_data,
            files=files,
            content=content,
            timeout=httpx.Timeout(timeout) if timeout is not None else None,
        )

    def _retries(self, options: RequestOptions) -> int:
        if not options:
            return self.max_retries
        if not _OPTION_NAMES.issuperset(options):
            # a misspelled argument lands in **options: say so, as Python would
            unknown = sorted(set(options) - _OPTION_NAMES)
            raise TypeError(f"unexpected keyword argument(s): {', '.join(unknown)}")
        return options.get("max_retries", self.max_retries)

    def _should_retry(
        self,
        request: httpx.Request,
        response: httpx.Response | None,
        error: Exception | None,
        keyed: bool = False,
    ) -> bool:
        """Retry only where repeating the request cannot duplicate work: an idempotent
        method, or a request that carries an idempotency key (`keyed`)."""
        idempotent = keyed or request.method in IDEMPOTENT_METHODS
        if isinstance(error, httpx.ConnectError):
            return True  # the server never saw the request
        if error is not None:
            # A reset or a cut-off body, before the headers or after them.
            retryable = httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError
            return idempotent and isinstance(error, retryable)
        assert response is not None
        should = response.headers.get("x-should-retry")
        if should in ("true", "false"):
            return bool(should == "true")
        if response.status_code == 429:
            return True
        if response.status_code not in RETRYABLE_STATUSES:
            return False
        return idempotent or _says_retryable(response)

    def _retry_delay(self, attempt: int, response: httpx.Response | None) -> float:
        if response is not None:
            after = _retry_after(response.headers)
            if after is not None and 0 <= after <= MAX_RETRY_AFTER:
                return after
        delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * random.random())

    def _finish(
        self, response: httpx.Response, cast_to: Any, raw: bool, stream: StreamFactory | None
    ) -> Any:
        if response.status_code >= 400:
            raise error_from_response(response)
        strict = self.strict_response_validation
        parsed = _parse(response, cast_to, strict) if stream is None else stream(response, strict)
        if raw:
            request_id = response.headers.get("x-request-id")
            return RawResponse(response.status_code, response.headers, request_id, parsed, response)
        return parsed

    def _failed(self, request: httpx.Request, failure: Exception) -> Exception:
        """An attempt without a response: logged, shown to the hooks, returned to raise."""
        self._log(request, None)
        self.hooks.error(request, failure)
        return failure

    def _answered(self, request: httpx.Request, response: httpx.Response) -> None:
        """An attempt with a response: logged and shown to the hooks (an error status as the
        error it raises)."""
        self._log(request, response)
        self.hooks.response(request, response)
        if response.status_code >= 400 and self.hooks.on_error:
            self.hooks.error(request, error_from_response(response))

    def _log(self, request: httpx.Request, response: httpx.Response | None) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            status = response.status_code if response is not None else "error"
            logger.debug(
                "%s %s -> %s", request.method, request.url.copy_remove_param("key"), status
            )


def _merge_headers(
    shared: _Shared,
    headers: Mapping[str, Any] | None,
    cookies: Mapping[str, Any] | None,
    styles: Mapping[str, Style] | None,
) -> httpx.Headers:
    """The shared headers with a call's header and cookie parameters over them."""
    merged = shared.headers.copy()
    if headers:
        given = False
        for name, value in headers.items():
            if value is not None and not isinstance(value, NotGiven):
                explode = styles is not None and styles.get(name, ("simple", False))[1]
                merged[name] = _check_header_value(name, header_text(value, explode))
                given = True
        for name, value in shared.fixed_auth if given else ():  # the credentials win
            merged[name] = value
    if cookies:
        cookie = cookie_text(cookies, styles)
        if cookie:
            merged["Cookie"] = cookie
    return merged


def _body(
    json: Any,
    data: Mapping[str, Any] | None,
    has_files: bool,
    content: bytes | str | None,
    extra_body: Mapping[str, Any] | None,
) -> tuple[Any, Any]:
    """The JSON body and the form fields of a request, `extra_body` merged into either."""
    body_json: Any = None
    body_data: Any = None
    if json is not None and not isinstance(json, NotGiven):
        body_json = to_jsonable(strip_not_given(json) if isinstance(json, Mapping) else json)
        if extra_body and isinstance(body_json, dict):
            body_json.update(to_jsonable(dict(extra_body)))
    elif extra_body and not has_files and data is None and content is None:
        body_json = to_jsonable(dict(extra_body))
    if has_files or data is not None:
        fields = strip_not_given(data or {})
        if extra_body:
            fields.update(extra_body)
        body_data = {k: v for k, v in fields.items() if v is not None}
    return body_json, body_data


def _says_retryable(response: httpx.Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    if isinstance(body, dict):
        nested = body.get("error")
        details = nested if isinstance(nested, dict) else body
        return bool(details.get("retryable") is True)
    return False


def _retry_after(headers: httpx.Headers) -> float | None:
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        if parsed is None:
            return None
        return parsed.timestamp() - time.time()


def _form_fields(data: Mapping[str, Any], styles: Mapping[str, Style] | None) -> dict[str, Any]:
    """A form-urlencoded body's fields by their style (bracket names for `deepObject`, a
    repeated name for an exploded array), each name with its texts in order."""
    fields: dict[str, list[str]] = {}
    for name, text in query_pairs(data, styles):
        fields.setdefault(name, []).append(text)
    return {name: texts[0] if len(texts) == 1 else texts for name, texts in fields.items()}


def _parse(response: httpx.Response, cast_to: Any, strict: bool) -> Any:
    """The body as `cast_to`: leniently, or validated and raising with `strict`; a body that is
    not JSON where JSON is declared raises either way."""
    if cast_to is None or cast_to is type(None):
        return None
    if cast_to is bytes:
        return response.content
    if cast_to is str:
        return response.text
    models = _models()
    try:
        body = response.json() if response.content else None
    except ValueError as error:
        text = response.text
        kind = response.headers.get("content-type", "no content type")
        message = f"the response is not the JSON the API declares ({kind}): {bounded(text)}"
        raise _invalid(response, text, message) from error
    try:
        return models.parse_as(cast_to, body, strict=strict)
    except models.pydantic.ValidationError as error:
        count = error.error_count()
        message = f"the response does not match the API description ({count} error(s)):\n{error}"
        raise _invalid(response, body, message) from None


@functools.cache
def _models() -> ModuleType:
    """The models runtime, with pydantic: loaded with the first response, not at import, and
    looked up once."""
    from . import models

    return models


def _invalid(response: httpx.Response, body: Any, message: str) -> ResponseValidationError:
    return ResponseValidationError(
        message,
        status_code=response.status_code,
        request_id=response.headers.get("x-request-id"),
        headers=response.headers,
        body=body,
    )


async def _sleep(seconds: float) -> None:
    import asyncio  # only async clients need it; importing the SDK does not

    await asyncio.sleep(seconds)


class SyncCore(_CoreBase):
    """Sends requests with an `httpx.Client`, retrying as `_should_retry` allows."""

    def __init__(self, *, http_client: httpx.Client | None = None, **settings: Any) -> None:
        super().__init__(**settings)
        self._owns_client = http_client is None
        self.http = http_client or httpx.Client()

    def close(self) -> None:
        if self._owns_client:
            self.http.close()

    def _exchange(self, request: httpx.Request, keep_open: bool = False) -> httpx.Response:
        """Send `request`, follow its redirects, read the body: all of it inside one attempt,
        so a connection lost while reading the body is retried like one lost before. With
        `keep_open`, a successful response is returned unread and open, to be streamed."""
        for _ in range(MAX_REDIRECTS + 1):
            response = self.http.send(request, stream=True, follow_redirects=False)
            kept = False
            try:
                following = follow(request, response, self._credentials)
                if following is None:
                    kept = keep_open and response.status_code < 300
                    if not kept:
                        response.read()
                    return response
            finally:
                if not kept:
                    response.close()
            request = following
        raise too_many(request)

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: Any,
        options: RequestOptions,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        content: Any = None,
        raw: bool = False,
        cookies: Mapping[str, Any] | None = None,
        stream: StreamFactory | None = None,
        idempotency_header: str | None = None,
        security: Requirement | None = None,
        styles: Mapping[str, Style] | None = None,
        accept: str | None = None,
        content_type: str | None = None,
    ) -> Any:
        """Send one call, retrying as `_should_retry` allows; `stream` makes what a
        successful response becomes while still unread (see `streaming`), and
        `idempotency_header` names the header of the call's one idempotency key."""
        retries = self._retries(options)
        attempt = 0
        headers = with_idempotency_key(headers, idempotency_header)
        keyed = idempotency_header is not None
        # Read every file once, so each retry sends the same parts again in full.
        parts = to_multipart(strip_not_given(files)) if files is not None else None
        if content is not None and not isinstance(content, bytes | str):
            content = file_part(content)[1]
        tokens = self._oauth2(security)
        refreshed = False
        while True:
            fetched = {c.scheme.name: c.get(self.http, self.base_url) for c in tokens}
            request = self.build_request(
                self.http, method, path, query=query, headers=headers, json=json,
                data=data, files=parts, content=content, options=options, cookies=cookies,
                security=security, fetched=fetched,
                styles=styles, accept=accept, content_type=content_type,
            )  # fmt: skip
            request = self.hooks.request(request)
            try:
                response = self._exchange(request, stream is not None)
            except httpx.TimeoutException as error:
                failure: Exception = self._failed(request, APITimeoutError(request=request))
                if attempt < retries and self._should_retry(request, None, error, keyed):
                    time.sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise failure from error
            except httpx.RequestError as error:
                failure = self._failed(request, APIConnectionError(request=request))
                if attempt < retries and self._should_retry(request, None, error, keyed):
                    time.sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise failure from error
            self._answered(request, response)
            if response.status_code == 401 and tokens and not refreshed:
                refreshed = True  # the token was revoked or expired early: fetch it again
                for cache in tokens:
                    cache.forget(fetched[cache.scheme.name])
                continue
            retry = response.status_code >= 400 and attempt < retries
            if retry and self._should_retry(request, response, None, keyed):
                time.sleep(self._retry_delay(attempt, response))
                attempt += 1
                continue
            return self._finish(response, cast_to, raw or self._raw, stream)

    def paginate(
        self,
        method: str,
        path: str,
        *,
        cast_to: Any,
        options: RequestOptions,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        security: Requirement | None = None,
        styles: Mapping[str, Style] | None = None,
        accept: str | None = None,
        **paging: Any,
    ) -> Any:
        """The first page of a paginated list (`paging`: the fields of `Paging`); the page
        fetches the ones after it."""
        rule = Paging(**paging)

        def fetch(following: NextRequest | None, raw: bool = False) -> Any:
            page_path, page_query = path, strip_not_given(query or {})
            if following is not None and following.url is not None:
                page_path, page_query = request_target(following.url, self.base_url)
            elif following is not None:
                page_query.update(following.query)
            result = self.request(
                method, page_path, cast_to=cast_to, options=options, query=page_query,
                headers=headers, raw=True, security=security, styles=styles, accept=accept,
            )  # fmt: skip
            page = SyncPage[Any](
                result.parsed, paging=rule, fetch=fetch, query=page_query, headers=result.headers
            )
            if raw:
                result.parsed = page
                return result
            return page

        return fetch(None, self._raw)


class AsyncCore(_CoreBase):
    """Sends requests with an `httpx.AsyncClient`, retrying as `_should_retry` allows."""

    def __init__(self, *, http_client: httpx.AsyncClient | None = None, **settings: Any) -> None:
        super().__init__(**settings)
        self._owns_client = http_client is None
        self.http = http_client or httpx.AsyncClient()

    async def close(self) -> None:
        if self._owns_client:
            await self.http.aclose()

    async def _exchange(self, request: httpx.Request, keep_open: bool = False) -> httpx.Response:
        """Send `request`, follow its redirects, read the body: all of it inside one attempt,
        so a connection lost while reading the body is retried like one lost before. With
        `keep_open`, a successful response is returned unread and open, to be streamed."""
        for _ in range(MAX_REDIRECTS + 1):
            response = await self.http.send(request, stream=True, follow_redirects=False)
            kept = False
            try:
                following = follow(request, response, self._credentials)
                if following is None:
                    kept = keep_open and response.status_code < 300
                    if not kept:
                        await response.aread()
                    return response
            finally:
                if not kept:
                    await response.aclose()
            request = following
        raise too_many(request)

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: Any,
        options: RequestOptions,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        content: Any = None,
        raw: bool = False,
        cookies: Mapping[str, Any] | None = None,
        stream: StreamFactory | None = None,
        idempotency_header: str | None = None,
        security: Requirement | None = None,
        styles: Mapping[str, Style] | None = None,
        accept: str | None = None,
        content_type: str | None = None,
    ) -> Any:
        """Send one call, retrying as `_should_retry` allows; `stream` makes what a
        successful response becomes while still unread (see `streaming`), and
        `idempotency_header` names the header of the call's one idempotency key."""
        retries = self._retries(options)
        attempt = 0
        headers = with_idempotency_key(headers, idempotency_header)
        keyed = idempotency_header is not None
        # Read every file once, so each retry sends the same parts again in full.
        parts = to_multipart(strip_not_given(files)) if files is not None else None
        if content is not None and not isinstance(content, bytes | str):
            content = file_part(content)[1]
        tokens = self._oauth2(security)
        refreshed = False
        while True:
            fetched = {c.scheme.name: await c.aget(self.http, self.base_url) for c in tokens}
            request = self.build_request(
                self.http, method, path, query=query, headers=headers, json=json,
                data=data, files=parts, content=content, options=options, cookies=cookies,
                security=security, fetched=fetched,
                styles=styles, accept=accept, content_type=content_type,
            )  # fmt: skip
            request = self.hooks.request(request)
            try:
                response = await self._exchange(request, stream is not None)
            except httpx.TimeoutException as error:
                failure: Exception = self._failed(request, APITimeoutError(request=request))
                if attempt < retries and self._should_retry(request, None, error, keyed):
                    await _sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise failure from error
            except httpx.RequestError as error:
                failure = self._failed(request, APIConnectionError(request=request))
                if attempt < retries and self._should_retry(request, None, error, keyed):
                    await _sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise failure from error
            self._answered(request, response)
            if response.status_code == 401 and tokens and not refreshed:
                refreshed = True  # the token was revoked or expired early: fetch it again
                for cache in tokens:
                    cache.forget(fetched[cache.scheme.name])
                continue
            retry = response.status_code >= 400 and attempt < retries
            if retry and self._should_retry(request, response, None, keyed):
                await _sleep(self._retry_delay(attempt, response))
                attempt += 1
                continue
            return self._finish(response, cast_to, raw or self._raw, stream)

    def paginate(
        self,
        method: str,
        path: str,
        *,
        cast_to: Any,
        options: RequestOptions,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        security: Requirement | None = None,
        styles: Mapping[str, Style] | None = None,
        accept: str | None = None,
        **paging: Any,
    ) -> Any:
        """An `AsyncPager`: await it for the first page, or `async for` over every item."""
        rule = Paging(**paging)

        async def fetch(following: NextRequest | None, raw: bool = False) -> Any:
            page_path, page_query = path, strip_not_given(query or {})
            if following is not None and following.url is not None:
                page_path, page_query = request_target(following.url, self.base_url)
            elif following is not None:
                page_query.update(following.query)
            result = await self.request(
                method, page_path, cast_to=cast_to, options=options, query=page_query,
                headers=headers, raw=True, security=security, styles=styles, accept=accept,
            )  # fmt: skip
            page = AsyncPage[Any](
                result.parsed, paging=rule, fetch=fetch, query=page_query, headers=result.headers
            )
            if raw:
                result.parsed = page
                return result
            return page

        raw = self._raw
        return AsyncPager[Any](lambda: fetch(None, raw))


__all__ = [
    "APIStatusError",
    "AsyncCore",
    "Hooks",
    "RawResponse",
    "Scheme",
    "Security",
    "SyncCore",
    "encode_path",
]
