"""The cases every runtime's server-sent events parser is held to: the rules of the format
(`RULES`, each with the events it gives) and the scripted stream `TICKS_SCRIPT` cut in every
way a network can cut it. Python's parser is checked against the table
(`tests/targets/python/runtime/test_sse.py`); the Go and Java parsers are checked against
what Python's gives for each case (`parser_cases`), so the three read every stream alike."""

from __future__ import annotations

import base64
from typing import Any

from generator.targets.python.runtime.sse import ServerSentEvent, iter_events
from tests.support.stream_server import TICKS_SCRIPT

RULES: dict[str, tuple[tuple[bytes, ...], list[tuple[str, str]]]] = {
    "crlf cut between cr and lf": ((b"data: a\r", b"\n\r", b"\n"), [("message", "a")]),
    "lone cr ends lines": ((b"data: a\rdata: b\r\r",), [("message", "a\nb")]),
    "comment only": ((b": ping\n\n",), []),
    "field without a colon": ((b"data\n\n",), [("message", "")]),
    "no space after the colon": ((b"data:x\n\n",), [("message", "x")]),
    "one space only is stripped": ((b"data:  x\n\n",), [("message", " x")]),
    "unknown field ignored": ((b"foo: bar\ndata: x\n\n",), [("message", "x")]),
    "event without data is dropped": ((b"event: ping\n\ndata: x\n\n",), [("message", "x")]),
    "unfinished event at the end is dropped": ((b"data: x\n\ndata: y",), [("message", "x")]),
    "byte order mark stripped": ((b"\xef\xbb\xbfdata: x\n\n",), [("message", "x")]),
    "character cut across chunks": ((b"data: \xe2\x98", b"\x95\n\n"), [("message", "☕")]),
    "a retry that is not a number is ignored": (
        (b"retry: soon\ndata: x\n\nretry: 20\ndata: y\n\n",),
        [("message", "x"), ("message", "y")],
    ),
    "a last cr ends the stream's last line": ((b"data: x\n\r",), [("message", "x")]),
}


def decode(*chunks: bytes) -> list[ServerSentEvent]:
    return list(iter_events(chunks))


def _script_cuts() -> dict[str, tuple[bytes, ...]]:
    cuts: dict[str, tuple[bytes, ...]] = {"script whole": (TICKS_SCRIPT,)}
    for cut in range(1, len(TICKS_SCRIPT)):
        cuts[f"script cut at {cut}"] = (TICKS_SCRIPT[:cut], TICKS_SCRIPT[cut:])
    pieces = tuple(TICKS_SCRIPT[i : i + 1] for i in range(len(TICKS_SCRIPT)))
    cuts["script one byte at a time"] = pieces
    return cuts


def parser_cases() -> list[dict[str, Any]]:
    """Every case as JSON for another runtime's test: its name, its chunks (base64) and the
    events Python's parser reads from them (`[event, data, id or null, retry or null]`)."""
    chunked = {**{name: chunks for name, (chunks, _) in RULES.items()}, **_script_cuts()}
    return [
        {
            "name": name,
            "chunks": [base64.b64encode(c).decode() for c in chunks],
            "events": [[e.event, e.data, e.id, e.retry] for e in decode(*chunks)],
        }
        for name, chunks in chunked.items()
    ]
