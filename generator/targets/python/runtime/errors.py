"""The exception hierarchy of a generated SDK. Tokens never appear in any message or repr."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

MAX_QUOTED_CHARS = 2000
"""How much of a response body an error's message quotes; the error keeps the whole body."""


def bounded(text: str, limit: int = MAX_QUOTED_CHARS) -> str:
    """`text` cut to `limit` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit} more characters)"


class APIError(Exception):
    """Base class of every error the SDK raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigurationError(APIError):
    """The client is missing something it needs (a token, a base URL) or got a bad value."""


class WebhookVerificationError(APIError):
    """A webhook delivery's signature, timestamp or body cannot be trusted."""


class APIConnectionError(APIError):
    """The request never got an HTTP response: DNS, refused connection, TLS, reset."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None):
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, *, request: httpx.Request | None = None) -> None:
        super().__init__("Request timed out.", request=request)


class APIStatusError(APIError):
    """The API answered with a non-success status code."""

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None,
        retryable: bool | None,
        request_id: str | None,
        headers: Mapping[str, str],
        body: Any,
    ) -> None:
        super().__init__(bounded(message))
        self.status_code = status_code
        self.code = code
        self.retryable = retryable
        self.request_id = request_id
        self.headers = dict(headers)
        self.body = body

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        request = f" (request {self.request_id})" if self.request_id else ""
        return f"{self.status_code}{code}: {self.message}{request}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class RequestValidationError(APIError, ValueError):
    """An argument does not match the API description; raised before anything is sent."""

    def __init__(self, argument: str, value: Any, cause: Exception) -> None:
        details = str(cause)
        errors = getattr(cause, "errors", None)
        if callable(errors):
            found = errors()
            if found:
                first = found[0]
                where = ".".join(str(part) for part in first.get("loc", ()))
                details = f"{where + ': ' if where else ''}{first.get('msg', cause)}"
        super().__init__(f"argument {argument!r}: {details} (got {type(value).__name__})")
        self.argument = argument
        self.value = value


class ResponseValidationError(APIError):
    """A successful response's body is not what the operation declares: not JSON where JSON is
    declared, or (with `strict_response_validation=True`) JSON of another shape; lenient reading
    keeps JSON that drifts field by field. `body` is what was sent, parsed JSON or the raw text.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None,
        headers: Mapping[str, str],
        body: Any,
    ) -> None:
        super().__init__(bounded(message))
        self.status_code = status_code
        self.request_id = request_id
        self.headers = dict(headers)
        self.body = body

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, "
            f"request_id={self.request_id!r})"
        )


class BadRequestError(APIStatusError):
    status_code = 400


class AuthenticationError(APIStatusError):
    status_code = 401


class PaymentRequiredError(APIStatusError):
    status_code = 402


class PermissionDeniedError(APIStatusError):
    status_code = 403


class NotFoundError(APIStatusError):
    status_code = 404


class ConflictError(APIStatusError):
    status_code = 409


class UnprocessableEntityError(APIStatusError):
    status_code = 422


class RateLimitError(APIStatusError):
    status_code = 429


class InternalServerError(APIStatusError):
    """Any 5xx status."""

    status_code = 500


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _first(body: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if key in body and body[key] is not None:
            return body[key]
    return None


def error_from_response(response: httpx.Response) -> APIStatusError:
    """Build the exception for an error response, reading the common error-body shapes."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text
    details: Mapping[str, Any] = {}
    if isinstance(body, Mapping):
        nested = body.get("error")
        details = nested if isinstance(nested, Mapping) else body
    message = _first(details, "message", "detail", "error_description", "error", "title")
    code = _first(details, "code", "type", "error_code")
    retryable = _first(details, "retryable")
    request_id = _first(details, "requestId", "request_id") or response.headers.get("x-request-id")
    status = response.status_code
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    text = str(message) if message is not None else (response.reason_phrase or "error")
    return cls(
        text,
        status_code=status,
        code=str(code) if code is not None else None,
        retryable=retryable if isinstance(retryable, bool) else None,
        request_id=str(request_id) if request_id is not None else None,
        headers=response.headers,
        body=body,
    )
