"""Format generated Python as black does, without running black over whole modules.

The templates already write black's layout; `pyformat` splits the lines longer than the line
length, handing black only those it does not model, as one small snippet module per file.
Black's results are cached in `.sdkgen-cache/black/` at the project root (git-ignored), keyed
by the sha256 of black's version, its mode and the snippet module, so any change to any of
them formats afresh. A big SDK's modules are formatted by this process and worker processes,
each a share of about the same size, largest first.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from generator.emit.linefit import LINE_LENGTH
from generator.emit.pyformat import apply, black_format, plan

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

SMALL_MODULE_BYTES = 20_000
PARALLEL_BYTES = 10_000_000
"""Generated Python above which modules are formatted in worker processes: below it,
starting them costs more than they save. Formatting costs about 0.04 s of CPU a MB (OpenAI's
3.5 MB SDK 0.19 s, Stripe's 6.3 MB 0.24 s); a pool's start, its feeder thread and a third
process beside a forked render on two cores cost more than a worker's share there (Stripe:
the formatting waited 0.23-0.34 s with a worker, 0.18-0.21 s without, for 0.18 s more CPU)."""


class FormattingError(Exception):
    """Generated code black could not parse: a generator bug, reported with the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: black could not format the generated code: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[FormattingError], tuple[str, str]]:
        """Rebuilt from its own arguments (it crosses from a forked render to the parent)."""
        return FormattingError, (self.path, self.reason)


def format_python(text: str, path: str = "<module>") -> str:
    """One module, formatted (no cache, in this process). Raises FormattingError."""
    _path, formatted, reason = _format_module((path, text, None))
    if formatted is None:
        raise FormattingError(path, reason)
    return formatted


def _cache_key(text: str) -> str:
    return hashlib.sha256(_key_prefix() + text.encode("utf-8")).hexdigest()


@functools.cache
def _key_prefix() -> bytes:
    from importlib.metadata import version  # only when a line needs black: 30 ms of imports

    return f"black {version('black')} {LINE_LENGTH} py311\n".encode()


def _format_module(item: tuple[str, str, Path | None]) -> tuple[str, str | None, str]:
    """(path, formatted text or None, why not): plan, cached or fresh black, apply."""
    path, text, cache_dir = item
    try:
        found = plan(text)
        if found is None:
            return path, text, ""
        formatted = ""
        if found.source:
            key = _cache_key(found.source) if cache_dir is not None else ""
            cached = _read_cached(cache_dir, key) if cache_dir is not None else None
            if cached is not None:
                formatted = cached
            else:
                formatted = black_format(found.source)
                if cache_dir is not None:
                    _store(cache_dir, key, formatted)
        return path, apply(found, formatted), ""
    except Exception as error:  # black's parse errors have many types
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return path, None, reason


def _read_cached(cache_dir: Path, key: str) -> str | None:
    target = cache_dir / key[:2] / key
    try:
        return target.read_text(encoding="utf-8") if target.is_file() else None
    except OSError:
        return None


class FormatJob:
    """Formatting under way: for a big SDK, worker processes format their share of the modules
    while the caller renders something else; `result()` formats this process's share, waits
    for theirs and returns every file.

    Raises FormattingError from `result()`."""

    def __init__(self, files: Mapping[str, str], cache_dir: Path | None) -> None:
        # each module's text is replaced by its formatted text as it arrives, so the original
        # is freed then, not held beside every formatted module until all are done
        self._files = dict(files)
        items = sorted(
            ((path, text, cache_dir) for path, text in files.items() if path.endswith(".py")),
            key=lambda item: (-len(item[1]), item[0]),
        )
        self._pool: ProcessPoolExecutor | None = None
        self._theirs: Iterator[tuple[str, str | None, str]] = iter(())
        workers = min(os.cpu_count() or 1, 4)
        if workers > 1 and sum(len(item[1]) for item in items) > PARALLEL_BYTES:
            from concurrent.futures import ProcessPoolExecutor  # only for a big SDK

            items, theirs = shares(items, workers - 1)
            self._pool = ProcessPoolExecutor(max_workers=workers - 1)
            # big modules one by one, largest first; the many small ones in batches
            big = [item for item in theirs if len(item[1]) > SMALL_MODULE_BYTES]
            small = theirs[len(big) :]
            self._theirs = itertools.chain(
                self._pool.map(_format_module, big, chunksize=1),
                self._pool.map(_format_module, small, chunksize=64),
            )
        self._mine = _one_by_one(items)

    def result(self) -> dict[str, str]:
        """Every file, the modules formatted; the job hands its files over (call it once)."""
        result, self._files = self._files, {}
        try:
            for path, text, reason in itertools.chain(self._mine, self._theirs):
                if text is None:
                    raise FormattingError(path, reason)
                result[path] = text
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
        return result


Item = tuple[str, str, Path | None]
"""A module to format: its path, its text and the cache folder."""


def shares(items: list[Item], workers: int) -> tuple[list[Item], list[Item]]:
    """(this process's share, the workers' share) of `items` (largest first), each module to
    the share with the fewer characters per process so far: both finish about together. Each
    share keeps the order of `items`."""
    mine: list[Item] = []
    theirs: list[Item] = []
    mine_size = theirs_size = 0
    for item in items:
        if mine_size * workers <= theirs_size:
            mine.append(item)
            mine_size += len(item[1])
        else:
            theirs.append(item)
            theirs_size += len(item[1])
    return mine, theirs


def _one_by_one(items: list[Item]) -> Iterator[tuple[str, str | None, str]]:
    """Each module formatted when asked for, in order, dropping the list's hold on its text."""
    items.reverse()
    while items:
        yield _format_module(items.pop())


def format_files(files: Mapping[str, str], cache_dir: Path | None) -> dict[str, str]:
    """Format every `.py` file; other files pass through. Raises FormattingError."""
    return FormatJob(files, cache_dir).result()


def _store(cache_dir: Path, key: str, text: str) -> None:
    target = cache_dir / key[:2] / key
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs time
