"""Request hooks: your code on every attempt of every request a client sends.

    def sign(request: httpx.Request) -> None:
        request.headers["X-Signature"] = hmac_of(request.method, request.url.raw_path,
                                                 request.content)

    client = Client(hooks=Hooks(before_request=[sign], after_response=[log]))

- `before_request(request)` runs once per attempt, after the SDK built the request (auth,
  headers, body) and before it is sent: change its headers in place, or return another
  `httpx.Request` to send instead.
- `after_response(request, response)` runs once per attempt that got a response, whatever its
  status, before the SDK decides whether to retry: log it, count it.
- `on_error(request, error)` runs once per attempt that failed: no response
  (`APIConnectionError`, `APITimeoutError`) or an error status (`APIStatusError`); a retry
  may follow it.

Hooks are plain functions in both clients; an exception a hook raises ends the call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

BeforeRequest = Callable[[httpx.Request], "httpx.Request | None"]
AfterResponse = Callable[[httpx.Request, httpx.Response], None]
OnError = Callable[[httpx.Request, Exception], None]


@dataclass(frozen=True, slots=True, init=False)
class Hooks:
    """The hooks of a client, each kind run in the order given."""

    before_request: tuple[BeforeRequest, ...]
    after_response: tuple[AfterResponse, ...]
    on_error: tuple[OnError, ...]

    def __init__(
        self,
        *,
        before_request: Sequence[BeforeRequest] = (),
        after_response: Sequence[AfterResponse] = (),
        on_error: Sequence[OnError] = (),
    ) -> None:
        object.__setattr__(self, "before_request", tuple(before_request))
        object.__setattr__(self, "after_response", tuple(after_response))
        object.__setattr__(self, "on_error", tuple(on_error))

    def request(self, request: httpx.Request) -> httpx.Request:
        """The request to send after every `before_request` hook saw it."""
        for hook in self.before_request:
            replaced = hook(request)
            if replaced is not None:
                request = replaced
        return request

    def response(self, request: httpx.Request, response: httpx.Response) -> None:
        for hook in self.after_response:
            hook(request, response)

    def error(self, request: httpx.Request, error: Exception) -> None:
        for hook in self.on_error:
            hook(request, error)


NO_HOOKS = Hooks()
