"""A parser of server-sent events (the `text/event-stream` format of the HTML standard).

Bytes arrive in chunks that split lines, and even a CRLF pair, anywhere; `EventDecoder`
keeps what it has not finished and yields each event once its blank line arrives. Lines end
with LF, CR or CRLF; a line starting with `:` is a comment; `data:` lines of one event are
joined with newlines; `event:`, `id:` and `retry:` are kept with the event.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One event as the stream sent it: its type, data, last event id and retry delay."""

    event: str
    data: str
    id: str | None = None
    retry: int | None = None
    """The reconnection delay (milliseconds) the stream asked for, if it did."""


class EventDecoder:
    """Turns chunks of bytes into events; feed it chunks in order, then call `finish`."""

    def __init__(self) -> None:
        self._pending = b""
        self._started = False
        self._event = ""
        self._data: list[str] = []
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """The events that `chunk` completes."""
        buffer = self._pending + chunk
        held = b""
        if buffer.endswith(b"\r"):
            buffer, held = buffer[:-1], b"\r"  # maybe the first half of a CRLF
        if b"\r" in buffer:
            buffer = buffer.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        end = buffer.rfind(b"\n")
        self._pending = buffer[end + 1 :] + held
        events: list[ServerSentEvent] = []
        if end == -1:
            return events
        # Whole lines only: no character is cut, so the text decodes in one go.
        for line in buffer[:end].decode("utf-8", errors="replace").split("\n"):
            if line.startswith("data: ") and self._started:
                self._data.append(line[6:])  # the common line, without the general rules
                continue
            event = self._line(line)
            if event is not None:
                events.append(event)
        return events

    def finish(self) -> list[ServerSentEvent]:
        """The events the end of the stream completes (a last line without its newline is
        a line; an event without its blank line is dropped, as the standard says)."""
        events: list[ServerSentEvent] = []
        if self._pending:
            pending, self._pending = self._pending.rstrip(b"\r"), b""
            event = self._line(pending.decode("utf-8", errors="replace"))
            if event is not None:
                events.append(event)
        return events

    def _line(self, line: str) -> ServerSentEvent | None:
        if not self._started:
            self._started = True
            line = line.removeprefix(_BOM)
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        if not self._data:
            self._event = ""
            return None
        event = ServerSentEvent(
            self._event or "message", "\n".join(self._data), self._id, self._retry
        )
        self._event, self._data = "", []
        return event


def iter_events(chunks: Iterable[bytes]) -> Iterator[ServerSentEvent]:
    """The events of a stream of byte chunks, in order."""
    decoder = EventDecoder()
    for chunk in chunks:
        yield from decoder.feed(chunk)
    yield from decoder.finish()


async def aiter_events(chunks: AsyncIterable[bytes]) -> AsyncIterator[ServerSentEvent]:
    """The events of an asynchronous stream of byte chunks, in order."""
    decoder = EventDecoder()
    async for chunk in chunks:
        for event in decoder.feed(chunk):
            yield event
    for event in decoder.finish():
        yield event
