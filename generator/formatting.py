"""Format generated Python as black does, without running black over whole modules.

The templates already write black's layout; `pyformat` hands black only the lines longer than
the line length, as small snippet modules. Formatted snippet modules are cached in
`.sdkgen-cache/black/` at the project root (git-ignored), keyed by the sha256 of black's
version, its mode and the snippet module, so any change to any of them formats afresh. Big
batches are formatted in worker processes, largest first.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from generator.pyformat import LINE_LENGTH, Plan, apply, black_format, plan

PARALLEL_BYTES = 60_000
"""Snippet text above which black runs in worker processes: below it, starting them costs
more than they save."""
_KEY_PREFIX = f"black {version('black')} {LINE_LENGTH} py311\n".encode()


class FormattingError(Exception):
    """Generated code black could not parse: a generator bug, reported with the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: black could not format the generated code: {reason}")
        self.path = path


def format_python(text: str) -> str:
    """One module, formatted (no cache, in this process)."""
    found = plan(text)
    if found is None:
        return text
    return apply(found, black_format(found.source) if found.source else "")


def _format_one(item: tuple[str, str]) -> tuple[str, str | None, str]:
    path, source = item
    try:
        return path, black_format(source), ""
    except Exception as error:  # black's parse errors have many types
        return path, None, str(error).splitlines()[0] if str(error) else type(error).__name__


def _cache_key(text: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + text.encode("utf-8")).hexdigest()


class FormatJob:
    """Formatting under way: black runs on the snippets in worker processes (for big batches)
    while the caller renders something else; `result()` waits and returns the files.

    Raises FormattingError, from the constructor or from `result()`."""

    def __init__(self, files: Mapping[str, str], cache_dir: Path | None) -> None:
        self._files = dict(files)
        self._cache_dir = cache_dir
        self._plans: dict[str, Plan] = {}
        for path, text in files.items():
            if path.endswith(".py"):
                try:
                    found = plan(text)
                except ValueError as error:
                    raise FormattingError(path, str(error)) from error
                if found is not None:
                    self._plans[path] = found
        self._keys = {path: _cache_key(found.source) for path, found in self._plans.items()}
        self._formatted: dict[str, str] = {}
        self._todo: dict[str, str] = {}
        for path, found in self._plans.items():
            cached = self._cached(path)
            if not found.source:
                self._formatted[path] = ""
            elif cached is not None:
                self._formatted[path] = cached
            else:
                self._todo[path] = found.source
        self._pool: ProcessPoolExecutor | None = None
        self._pending: Iterator[tuple[str, str | None, str]] | None = None
        items = sorted(self._todo.items(), key=lambda item: (-len(item[1]), item[0]))
        workers = min(os.cpu_count() or 1, 4)
        if workers > 1 and sum(len(source) for source in self._todo.values()) > PARALLEL_BYTES:
            self._pool = ProcessPoolExecutor(max_workers=workers)
            self._pending = self._pool.map(_format_one, items, chunksize=1)
        else:
            self._pending = iter([_format_one(item) for item in items])

    def _cached(self, path: str) -> str | None:
        if self._cache_dir is None:
            return None
        key = self._keys[path]
        target = self._cache_dir / key[:2] / key
        try:
            return target.read_text(encoding="utf-8") if target.is_file() else None
        except OSError:
            return None

    def result(self) -> dict[str, str]:
        try:
            done = list(self._pending or ())
        finally:
            if self._pool is not None:
                self._pool.shutdown()
        for path, text, reason in done:
            if text is None:
                raise FormattingError(path, reason)
            self._formatted[path] = text
            if self._cache_dir is not None:
                _store(self._cache_dir, self._keys[path], text)
        result = dict(self._files)
        for path, found in self._plans.items():
            try:
                result[path] = apply(found, self._formatted[path])
            except ValueError as error:
                raise FormattingError(path, str(error)) from error
        return result


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
