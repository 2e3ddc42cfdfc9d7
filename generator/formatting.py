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
from collections.abc import Mapping
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


def _black_all(sources: dict[str, str]) -> list[tuple[str, str | None, str]]:
    items = sorted(sources.items(), key=lambda item: (-len(item[1]), item[0]))
    workers = min(os.cpu_count() or 1, 4)
    if workers > 1 and sum(len(source) for source in sources.values()) > PARALLEL_BYTES:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_format_one, items, chunksize=1))
    return [_format_one(item) for item in items]


def format_files(files: Mapping[str, str], cache_dir: Path | None) -> dict[str, str]:
    """Format every `.py` file; other files pass through. Raises FormattingError."""
    result = dict(files)
    plans: dict[str, Plan] = {}
    for path, text in files.items():
        if path.endswith(".py"):
            try:
                found = plan(text)
            except ValueError as error:
                raise FormattingError(path, str(error)) from error
            if found is not None:
                plans[path] = found
    formatted: dict[str, str] = {}
    todo: dict[str, str] = {}
    keys = {path: _cache_key(found.source) for path, found in plans.items()}
    for path, found in plans.items():
        if not found.source:
            formatted[path] = ""
            continue
        cached = cache_dir / keys[path][:2] / keys[path] if cache_dir is not None else None
        if cached is not None and cached.is_file():
            formatted[path] = cached.read_text(encoding="utf-8")
        else:
            todo[path] = found.source
    for path, result_text, reason in _black_all(todo):
        if result_text is None:
            raise FormattingError(path, reason)
        formatted[path] = result_text
        if cache_dir is not None:
            _store(cache_dir, keys[path], result_text)
    for path, found in plans.items():
        try:
            result[path] = apply(found, formatted[path])
        except ValueError as error:
            raise FormattingError(path, str(error)) from error
    return result


def _store(cache_dir: Path, key: str, text: str) -> None:
    target = cache_dir / key[:2] / key
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs time
