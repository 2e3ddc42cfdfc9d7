"""Wait for a long-running run to reach a terminal status.

The schedule follows the API's guidance: poll quickly for the first 30 seconds, then back off
gradually up to 30 seconds between polls.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import APIError

T = TypeVar("T")


class PollingTimeoutError(APIError):
    """The run did not reach a terminal status within `max_wait`; `last` is its last state."""

    def __init__(self, waited: float, last: Any) -> None:
        super().__init__(f"the run did not finish within {waited:.1f}s")
        self.waited = waited
        self.last = last


@dataclass(frozen=True, slots=True)
class PollingOptions:
    """How to poll. Milliseconds, as the API's other SDKs take them."""

    max_wait_ms: int | None = None
    initial_delay_ms: int = 1_000
    max_delay_ms: int = 30_000
    fast_phase_ms: int = 30_000
    backoff: float = 1.5


def _options(max_wait: float | None, polling_options: PollingOptions | None) -> PollingOptions:
    options = polling_options or PollingOptions()
    if max_wait is not None:
        options = PollingOptions(
            max_wait_ms=int(max_wait * 1000),
            initial_delay_ms=options.initial_delay_ms,
            max_delay_ms=options.max_delay_ms,
            fast_phase_ms=options.fast_phase_ms,
            backoff=options.backoff,
        )
    return options


def delays(options: PollingOptions, elapsed: Callable[[], float]) -> Iterator[float]:
    """Seconds to wait before each poll: constant during the fast phase, then growing."""
    delay = options.initial_delay_ms / 1000
    ceiling = options.max_delay_ms / 1000
    while True:
        if elapsed() >= options.fast_phase_ms / 1000:
            delay = min(delay * options.backoff, ceiling)
        yield min(delay, ceiling)


def status_of(run: Any, field: str) -> Any:
    return run.get(field) if isinstance(run, dict) else getattr(run, field, None)


def poll(
    first: T,
    retrieve: Callable[[], T],
    *,
    status_field: str,
    terminal: Collection[str],
    max_wait: float | None = None,
    polling_options: PollingOptions | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    options = _options(max_wait, polling_options)
    started = clock()
    run = first
    for delay in delays(options, lambda: clock() - started):
        if status_of(run, status_field) in terminal:
            return run
        waited = clock() - started
        if options.max_wait_ms is not None and waited + delay > options.max_wait_ms / 1000:
            raise PollingTimeoutError(waited, run)
        sleep(delay)
        run = retrieve()
    raise AssertionError("unreachable")  # pragma: no cover - delays() never ends


async def poll_async(
    first: T,
    retrieve: Callable[[], Awaitable[T]],
    *,
    status_field: str,
    terminal: Collection[str],
    max_wait: float | None = None,
    polling_options: PollingOptions | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    options = _options(max_wait, polling_options)
    started = clock()
    run = first
    for delay in delays(options, lambda: clock() - started):
        if status_of(run, status_field) in terminal:
            return run
        waited = clock() - started
        if options.max_wait_ms is not None and waited + delay > options.max_wait_ms / 1000:
            raise PollingTimeoutError(waited, run)
        import asyncio  # only async polling needs it

        await asyncio.sleep(delay)
        run = await retrieve()
    raise AssertionError("unreachable")  # pragma: no cover - delays() never ends
