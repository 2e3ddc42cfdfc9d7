"""Responses read as they arrive: server-sent events (`Stream`, `AsyncStream`) and bodies of
bytes (`BinaryResponse`, `AsyncBinaryResponse`).

The core opens the response and hands it here unread (see `StreamFactory`); each object
closes the connection when it has been read to the end, when its `with` block ends, or on
`close()`. Memory stays bounded: nothing here holds more than one chunk or one event.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx

from .errors import APIError
from .sse import ServerSentEvent, aiter_events, iter_events

T = TypeVar("T")

DONE = "[DONE]"
"""The data of the event by which APIs say a stream is over (not itself an event)."""
CHUNK_SIZE = 64 * 1024

StreamFactory = Callable[[httpx.Response, bool], Any]
"""What a streaming call gives back, made from the open response and whether responses are
validated strictly (`strict_response_validation`)."""


class StreamError(APIError):
    """The stream sent an error event (`event: error`, or data that is only an `error`)."""

    def __init__(self, message: str, *, event: ServerSentEvent, body: Any) -> None:
        super().__init__(message)
        self.event = event
        self.body = body


def decode_event(event: ServerSentEvent, item: Any, strict: bool) -> Any:
    """The event's data as `item`: JSON parsed and shaped like a response (leniently unless
    `strict`), data that is not JSON kept as text; an error event raises `StreamError`."""
    try:
        body: Any = json.loads(event.data)
    except ValueError:
        body = event.data
    if event.event == "error" or (isinstance(body, dict) and body.keys() == {"error"}):
        raise StreamError(_error_message(body), event=event, body=body)
    if isinstance(body, str) and item is not str:
        return body
    from .models import parse_as  # pydantic loads with the first event, not at import

    return parse_as(item, body, strict=strict)


def _error_message(body: Any) -> str:
    detail = body.get("error", body) if isinstance(body, dict) else body
    if isinstance(detail, dict):
        detail = detail.get("message", detail)
    return f"the stream sent an error: {detail}"


class _Closing:
    """A `with` block that closes the response it holds."""

    response: httpx.Response

    def __enter__(self: Any) -> Any:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.response.close()

    def close(self) -> None:
        """Close the connection; what was not read is dropped."""
        self.response.close()


class _AsyncClosing:
    """An `async with` block that closes the response it holds."""

    response: httpx.Response

    async def __aenter__(self: Any) -> Any:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.response.aclose()

    async def close(self) -> None:
        """Close the connection; what was not read is dropped."""
        await self.response.aclose()


class Stream(_Closing, Generic[T]):
    """The events of a streaming call, each typed `T`; iterate it once, in a `with` block to
    close the connection if you stop early."""

    def __init__(self, response: httpx.Response, item: Any, strict: bool) -> None:
        self.response = response
        self._item = item
        self._strict = strict

    @classmethod
    def of(cls, item: Any) -> StreamFactory:
        """What the core calls to make the stream of `item` events."""
        return lambda response, strict: cls(response, item, strict)

    def __iter__(self) -> Iterator[T]:
        try:
            for event in iter_events(self.response.iter_bytes()):
                if event.data == DONE:
                    break
                yield decode_event(event, self._item, self._strict)
        finally:
            self.response.close()


class AsyncStream(_AsyncClosing, Generic[T]):
    """The events of a streaming call, each typed `T`; iterate it once with `async for`, in
    an `async with` block to close the connection if you stop early."""

    def __init__(self, response: httpx.Response, item: Any, strict: bool) -> None:
        self.response = response
        self._item = item
        self._strict = strict

    @classmethod
    def of(cls, item: Any) -> StreamFactory:
        """What the core calls to make the stream of `item` events."""
        return lambda response, strict: cls(response, item, strict)

    async def __aiter__(self) -> AsyncIterator[T]:
        try:
            async for event in aiter_events(self.response.aiter_bytes()):
                if event.data == DONE:
                    break
                yield decode_event(event, self._item, self._strict)
        finally:
            await self.response.aclose()


class BinaryResponse(_Closing):
    """A body of bytes, read as it arrives: `iter_bytes()`, `write_to_file(path)`, or
    `read()` for all of it at once."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @classmethod
    def of(cls) -> StreamFactory:
        """What the core calls to wrap the open response (bytes have no schema to check)."""
        return lambda response, _strict: cls(response)

    @property
    def content_type(self) -> str | None:
        value: str | None = self.response.headers.get("content-type")
        return value

    def iter_bytes(self, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
        """The body in chunks of at most `chunk_size` bytes; the connection closes at the end."""
        try:
            yield from self.response.iter_bytes(chunk_size)
        finally:
            self.response.close()

    def read(self) -> bytes:
        """The whole body in memory."""
        try:
            return self.response.read()
        finally:
            self.response.close()

    def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the body to `path`, one chunk at a time."""
        with open(path, "wb") as file:
            for chunk in self.iter_bytes():
                file.write(chunk)


class AsyncBinaryResponse(_AsyncClosing):
    """A body of bytes, read as it arrives: `async for chunk in iter_bytes()`,
    `await write_to_file(path)`, or `await read()` for all of it at once."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @classmethod
    def of(cls) -> StreamFactory:
        """What the core calls to wrap the open response (bytes have no schema to check)."""
        return lambda response, _strict: cls(response)

    @property
    def content_type(self) -> str | None:
        value: str | None = self.response.headers.get("content-type")
        return value

    async def iter_bytes(self, chunk_size: int = CHUNK_SIZE) -> AsyncIterator[bytes]:
        """The body in chunks of at most `chunk_size` bytes; the connection closes at the end."""
        try:
            async for chunk in self.response.aiter_bytes(chunk_size):
                yield chunk
        finally:
            await self.response.aclose()

    async def read(self) -> bytes:
        """The whole body in memory."""
        try:
            return await self.response.aread()
        finally:
            await self.response.aclose()

    async def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the body to `path`, one chunk at a time."""
        with open(path, "wb") as file:
            async for chunk in self.iter_bytes():
                file.write(chunk)
