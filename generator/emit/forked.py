"""Independent parts of one render (each target's SDK, the docs) run by this process and one
forked copy of it, on a machine with a core to spare.

The copy shares the IR the parent built (fork copies nothing up front), takes parts from the
same queue as the parent, and writes the files it rendered into a spill the parent made (an
unnamed temporary file), telling the parent through a pipe where each lies. The result is the
serial one: each part's files in the parts' order, as UTF-8 (each process encodes a part's
files as soon as it is done; the copy's stay on disk until written: see `emit/encoded.py`),
and a part that raises in the copy raises the same exception here. A
copy that dies without answering costs nothing but time: its parts are rendered again here.
Where fork is unavailable the parts run one after another.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import BinaryIO

from generator.emit.encoded import Held, Spill, Spilled

Files = dict[str, str]
Encoded = dict[str, Held]
"""A part's files as UTF-8 (the copy's spilled)."""
Finish = Callable[[], Files]
"""Waits for work started on some files and returns them, finished."""
Part = Callable[[], Finish]
"""Starts one part of a render: what it returns finishes it (formatting may still run in
worker processes when it returns, so the serial path overlaps it with the next part)."""

Message = int | tuple[int, str, int, int]
"""What the copy sends back: a part's index before its files (so a part with none arrives
too), then each file as its part, its path and where its UTF-8 lies in the spill (offset,
size)."""

MAX_PARTS = 255
"""The queue holds one byte per part."""


def can_fork() -> bool:
    """Whether a forked copy could run beside this process: fork exists and a second core
    is there to run it."""
    if not hasattr(os, "fork"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) > 1


def run_parts(parts: Sequence[Part], *, parallel: bool) -> list[Encoded]:
    """Every part's files as UTF-8, in the parts' order. `parallel`: a forked copy takes a share
    of them (the caller decides it pays; see `can_fork`)."""
    if not parallel or len(parts) < 2 or len(parts) > MAX_PARTS or not can_fork():
        started = [part() for part in parts]
        return [_encode(finish()) for finish in started]
    return _run_forked(parts)


def _encode(files: Files) -> Encoded:
    """A part's files as UTF-8; each text is dropped once encoded."""
    return {path: files.pop(path).encode("utf-8") for path in list(files)}


def _claim(queue: int) -> int | None:
    """The next part nobody has taken: reads of one byte from a pipe never split."""
    taken = os.read(queue, 1)
    return taken[0] if taken else None


def _take_parts(parts: Sequence[Part], queue: int) -> dict[int, Encoded]:
    done: dict[int, Encoded] = {}
    while (index := _claim(queue)) is not None:
        done[index] = _encode(parts[index]()())
        release_free_heap()
    return done


def release_free_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's malloc_trim; elsewhere nothing).

    A part's texts, freed once encoded, leave holes between the bytes kept; the files the copy
    sends back arrive in sizes that seldom fit them, so without this the holes (about 20 MB
    for Kubernetes with every target) would add to the process's peak."""
    import ctypes  # only a big API's render forks and comes here

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)


def _run_forked(parts: Sequence[Part]) -> list[Encoded]:
    queue, queue_end = os.pipe()
    os.write(queue_end, bytes(range(len(parts))))
    os.close(queue_end)
    answer, answer_end = os.pipe()
    spill = Spill()
    gc.freeze()  # the copy's collector leaves the shared objects (and their pages) alone
    child = os.fork()
    if child == 0:
        os.close(answer)
        _serve(parts, queue, answer_end, spill)  # never returns
    gc.unfreeze()
    os.close(answer_end)
    finished = False
    try:
        done = _take_parts(parts, queue)
        outcome = _receive(answer, spill)
        finished = True
    finally:
        os.close(queue)
        os.close(answer)
        if not finished:
            os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    if isinstance(outcome, BaseException):
        raise outcome
    done.update(outcome)
    for index in range(len(parts)):
        if index not in done:  # the copy died with parts it had claimed
            done[index] = _encode(parts[index]()())
    return [done[index] for index in range(len(parts))]


def _serve(parts: Sequence[Part], queue: int, answer: int, spill: Spill) -> None:
    """The forked copy: renders parts until none is left, spills what it rendered and says
    where (or sends what it raised), and exits without running the parent's exit handlers."""
    status = 0
    try:
        with os.fdopen(answer, "wb") as stream:
            try:
                done = _take_parts(parts, queue)
            except BaseException as error:  # the parent raises it, as the serial path would
                status = 1
                stream.write(_pickled_error(error))
            else:
                _send(done, stream, spill)
    finally:
        os._exit(status)


def _send(done: dict[int, Encoded], stream: BinaryIO, spill: Spill) -> None:
    """Each file spilled and dropped here, its place sent; the spill is flushed before the
    closing None, so every place the parent was told of can be read once the answer is whole."""
    for index, files in done.items():
        pickle.dump(index, stream, pickle.HIGHEST_PROTOCOL)
        for path in list(files):
            held = files.pop(path)
            spilled = spill.append(held if isinstance(held, bytes) else held.read())
            message: Message = (index, path, spilled.offset, spilled.size)
            pickle.dump(message, stream, pickle.HIGHEST_PROTOCOL)
    spill.flush()
    pickle.dump(None, stream, pickle.HIGHEST_PROTOCOL)


def _pickled_error(error: BaseException) -> bytes:
    try:
        return pickle.dumps(error, pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that cannot travel still says what it was
        return pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))


def _receive(answer: int, spill: Spill) -> dict[int, Encoded] | BaseException:
    """The copy's files by part (in the order it rendered them, each where it lies in the
    spill), its exception, or nothing (it died: an answer empty or cut short)."""
    received: dict[int, Encoded] = {}
    try:
        with os.fdopen(answer, "rb", closefd=False) as stream:
            while (message := pickle.load(stream)) is not None:
                if isinstance(message, BaseException):
                    return message
                if isinstance(message, int):
                    received[message] = {}
                    continue
                index, path, offset, size = message
                received[index][path] = Spilled(spill, offset, size)
    except Exception:  # no answer, or one cut short: the copy died
        return {}
    return received
