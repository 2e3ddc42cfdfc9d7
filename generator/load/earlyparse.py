"""The spec named on the command line, its greater part parsed while the command starts.

`generate SPEC` spends its first tenth of a second or more importing the generator (click,
jinja2, the stages) on one core while the other idles, and only then reads the spec, whose
parse `yamlsplit` shares between two processes. `start`, which the entry point calls before
those imports, forks that child at once: it reads the file, cuts it as `yamlsplit` does but
at EARLY_HEAD_SHARE of its length (the child, with its head start, takes the greater part)
and parses what follows the cut. When the loader reads that file, `claim` hands over the
child: the loader parses the head itself and joins the two (`parse_claimed`). The child's
value is used only for the same bytes (their SHA-256) cut at the same place; any doubt or
failure leaves the loader to parse as usual. A child nobody claimed is stopped at exit.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from generator.load import yamlsplit
from generator.load.child import ChildFailed, InChild, can_fork, in_child
from generator.load.guards import TreeFacts
from generator.load.records import record
from generator.load.yamlload import load_yaml_surveyed  # before the fork: the child has it

EARLY_HEAD_SHARE = 0.4
"""The share of the text (from the top) the command's own process parses: the child starts
about the imports' time earlier, so both parts end at about the same moment."""
UTF8_MARK = b"\xef\xbb\xbf"


@record
class Started:
    """The child parsing one file's tail, as the process that forked it knows it."""

    path: str
    """The file's real path."""
    owner: int
    """The process that forked the child (a later fork of it inherits this record)."""
    work: InChild
    """Gives the child's (sha256 of the bytes, the head's length, the tail's value)."""


_started: list[Started] = []


def start(spec: str) -> None:
    """Fork a child that parses the tail of the YAML file `spec`, when it is big enough."""
    if _started or not spec.endswith((".yaml", ".yml")):
        return
    if not can_fork():
        return
    try:
        if os.path.getsize(spec) < yamlsplit.SPLIT_ABOVE_BYTES:
            return
        real = os.path.realpath(spec)
        work = in_child(lambda: _parse_tail(real))
    except OSError:  # no such file, no process to spare: the loader parses as usual
        return
    _started.append(Started(real, os.getpid(), work))
    import atexit

    atexit.register(_stop_unclaimed)


def text_of(raw: bytes) -> tuple[str, str]:
    """The text of a file's bytes (a UTF-8 mark dropped) and the SHA-256 of what it decodes;
    UnicodeDecodeError when they are not UTF-8."""
    if raw.startswith(UTF8_MARK):
        raw = raw[len(UTF8_MARK) :]
    return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()


def head_length(text: str) -> int:
    """Where the early cut aims: EARLY_HEAD_SHARE of the text."""
    return int(len(text) * EARLY_HEAD_SHARE)


def _parse_tail(path: str) -> tuple[str, int, tuple[Any, tuple[Any, ...] | None]]:
    """In the child: (sha256, the head's length, the tail's value and facts) of the file at
    `path`."""
    with open(path, "rb") as file:
        text, sha = text_of(file.read())
    halves = yamlsplit.split(text, head_length(text))
    if halves is None:
        raise ValueError("not a text two parts can stand for")
    return sha, len(halves.head), yamlsplit.sent(load_yaml_surveyed(halves.tail))


def claim(path: Path) -> InChild | None:
    """The child started for the file at `path` in this process, handed over once."""
    if not _started:
        return None
    real = os.path.realpath(path)
    for started in _started:
        if started.path == real and started.owner == os.getpid():
            _started.remove(started)
            return started.work
    return None


def parse_claimed(
    work: InChild, text: str, sha256: str, parse: yamlsplit.Parse
) -> tuple[dict[str, Any], TreeFacts | None] | None:
    """The value of `text` (whose bytes hash to `sha256`) and its facts: its head parsed here
    with `parse`, its tail by the claimed child; None when the child's text or cut is not this
    one's, or a part does not parse (the caller then parses the text as usual)."""
    halves = yamlsplit.split(text, head_length(text))
    if halves is None:
        work.stop()
        return None
    head = len(halves.head)

    def tail() -> tuple[Any, TreeFacts | None]:
        child_sha, child_head, parsed = work.value()
        if (child_sha, child_head) != (sha256, head):
            raise ChildFailed
        return yamlsplit.received(parsed)

    return yamlsplit.joined(halves, parse, tail)


def _stop_unclaimed() -> None:
    """Stop the children of this process that no load claimed."""
    for started in [s for s in _started if s.owner == os.getpid()]:
        _started.remove(started)
        started.work.stop()
