"""Work done in a forked child process, its value sent back through a pipe.

The load stage shares its biggest steps between two cores this way: the halves of a big YAML
text (`yamlsplit`), the spec parsed while the command imports (`earlyparse`), the document's
checks while the IR is built (`loader.load_document_while`). A fork copies the process as it
is, so the child has its input already and only its value travels: with `marshal` when it
is made of Python's own types only (a parsed document: four times faster to write than with
`pickle`), else pickled.
"""

from __future__ import annotations

import marshal
import os
import pickle
import signal
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from generator.load.records import record


class ChildFailed(Exception):
    """The forked child did not send a value (its work raised, or it was killed)."""


def can_fork() -> bool:
    """Whether this platform starts processes by forking (where a forked child is safe)."""
    import multiprocessing  # only a process that forks pays for its import

    return multiprocessing.get_start_method() == "fork"


@record
class InChild:
    """Work started in a forked child, whose value comes through a pipe."""

    child: int
    """The child's process id."""
    pipe: int
    """The pipe's reading end."""

    def value(self) -> Any:
        """The work's value, once the child ends (ChildFailed when it failed); reaps it."""
        with os.fdopen(self.pipe, "rb") as pipe:
            payload = pipe.read()
        _pid, status = os.waitpid(self.child, 0)
        if status != 0:
            raise ChildFailed
        return _decoded(payload)

    def stop(self) -> None:
        """Ends the child without its value, and reaps it."""
        os.close(self.pipe)
        with suppress(ProcessLookupError):
            os.kill(self.child, signal.SIGKILL)
        os.waitpid(self.child, 0)


def in_child(work: Callable[[], Any]) -> InChild:
    """Start `work()` in a forked child."""
    read_end, write_end = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if child == 0:  # the child: never returns to the caller, runs no exit handlers
        status = 1
        try:
            os.close(read_end)
            payload = _encoded(work())
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return InChild(child, read_end)


_MARSHALLED, _PICKLED = b"m", b"p"


def _encoded(value: Any) -> bytes:
    """`value` as bytes, marked with how it was written."""
    try:
        return _MARSHALLED + marshal.dumps(value)
    except ValueError:  # a value of another type than Python's own
        return _PICKLED + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _decoded(payload: bytes) -> Any:
    """The value `_encoded` wrote (EOFError for an empty payload, as `pickle` says)."""
    if payload[:1] == _MARSHALLED:
        return marshal.loads(payload[1:])
    if payload[:1] == _PICKLED:
        return pickle.loads(payload[1:])
    raise EOFError("the child sent no value")
