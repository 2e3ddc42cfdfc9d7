"""The server-sent events parser of the Python runtime, table-driven: every way a network can
cut a stream gives the same events, and each rule of the format holds."""

from __future__ import annotations

import pytest

from generator.targets.python.runtime.sse import EventDecoder, ServerSentEvent
from generator.targets.python.runtime.streaming import DONE, StreamError, decode_event
from tests.support.sse_cases import RULES, decode
from tests.support.stream_server import TICKS_SCRIPT

WHOLE = decode(TICKS_SCRIPT)


def test_the_script_parses_as_written() -> None:
    assert [(e.event, e.id, e.retry) for e in WHOLE] == [
        ("tick", "1", 1500),
        ("message", "1", 1500),
        ("message", "1", 1500),
        ("message", "4", 1500),
        ("message", "4", 1500),
        ("message", "4", 1500),
    ]
    assert WHOLE[1].data == '{"sequence": 2,\n"note": "café ☕"}'
    assert WHOLE[4].data == DONE


def test_every_cut_in_two_gives_the_same_events() -> None:
    for cut in range(len(TICKS_SCRIPT) + 1):
        assert decode(TICKS_SCRIPT[:cut], TICKS_SCRIPT[cut:]) == WHOLE, cut


def test_one_byte_at_a_time_gives_the_same_events() -> None:
    pieces = [TICKS_SCRIPT[i : i + 1] for i in range(len(TICKS_SCRIPT))]
    assert decode(*pieces) == WHOLE


@pytest.mark.parametrize("chunks, expected", list(RULES.values()), ids=list(RULES))
def test_rules_of_the_format(chunks: tuple[bytes, ...], expected: list[tuple[str, str]]) -> None:
    assert [(e.event, e.data) for e in decode(*chunks)] == expected


def test_a_retry_that_is_not_a_number_is_ignored() -> None:
    events = decode(b"retry: soon\ndata: x\n\nretry: 20\ndata: y\n\n")
    assert [e.retry for e in events] == [None, 20]


def test_a_decoder_keeps_what_it_has_not_finished() -> None:
    decoder = EventDecoder()
    assert decoder.feed(b"data: hal") == []
    assert decoder.feed(b"f\n") == []
    assert [e.data for e in decoder.feed(b"\n")] == ["half"]
    assert decoder.finish() == []


def test_an_error_event_raises_the_sdks_error() -> None:
    event = ServerSentEvent("error", '{"error": {"message": "overloaded"}}')
    with pytest.raises(StreamError, match="overloaded") as raised:
        decode_event(event, dict, strict=False)
    assert raised.value.body == {"error": {"message": "overloaded"}}


def test_data_that_is_only_an_error_raises_too() -> None:
    with pytest.raises(StreamError, match="quota"):
        decode_event(ServerSentEvent("message", '{"error": "quota"}'), dict, strict=False)


def test_data_that_is_not_json_is_kept_as_text() -> None:
    assert decode_event(ServerSentEvent("message", "plain words"), dict, strict=False) == (
        "plain words"
    )
