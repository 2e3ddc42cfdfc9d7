"""Format generated Python with black, in-process, with a content-addressed cache.

The cache lives in `.sdkgen-cache/black/` at the project root (git-ignored): a file is keyed by
the sha256 of black's version, its mode and the unformatted text, so any change to any of them
misses the cache and formats afresh.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

import black
from black.mode import TargetVersion
from black.report import NothingChanged

LINE_LENGTH = 100
PARALLEL_THRESHOLD = 40
_MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
_KEY_PREFIX = f"black {version('black')} {LINE_LENGTH} py311\n".encode()


class FormattingError(Exception):
    """Generated code black could not parse: a generator bug, reported with the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: black could not format the generated code: {reason}")
        self.path = path


def format_python(text: str) -> str:
    try:
        return black.format_str(text, mode=_MODE)
    except NothingChanged:
        return text


def _format_one(item: tuple[str, str]) -> tuple[str, str | None, str]:
    path, text = item
    try:
        return path, format_python(text), ""
    except Exception as error:  # black's parse errors have many types
        return path, None, str(error).splitlines()[0] if str(error) else type(error).__name__


def _cache_key(text: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + text.encode("utf-8")).hexdigest()


def format_files(files: Mapping[str, str], cache_dir: Path | None) -> dict[str, str]:
    """Format every `.py` file; other files pass through. Raises FormattingError."""
    result = dict(files)
    todo: dict[str, str] = {}
    keys: dict[str, str] = {}
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        key = keys[path] = _cache_key(text)
        cached = cache_dir / key[:2] / key if cache_dir is not None else None
        if cached is not None and cached.is_file():
            result[path] = cached.read_text(encoding="utf-8")
        else:
            todo[path] = text
    items = sorted(todo.items())
    if len(items) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 4)) as pool:
            outcomes = list(pool.map(_format_one, items, chunksize=8))
    else:
        outcomes = [_format_one(item) for item in items]
    for path, formatted, reason in outcomes:
        if formatted is None:
            raise FormattingError(path, reason)
        result[path] = formatted
        if cache_dir is not None:
            key = keys[path]
            target = cache_dir / key[:2] / key
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temporary = target.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text(formatted, encoding="utf-8")
                temporary.replace(target)
            except OSError:
                pass  # a cache that cannot be written only costs time
    return result
