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
CHUNK_LINES = 2000
"""Modules longer than twice this are formatted in pieces of about this many lines."""
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


_CLASS_BOUNDARY = "\n\n\nclass "


def split_at_classes(text: str, lines: int = CHUNK_LINES) -> list[str]:
    """A long module as pieces of at least `lines` lines, each cut just before a top-level
    `class` that follows two blank lines, so that every piece is whole statements.

    Black formats a top-level class the same wherever it starts and puts exactly two blank
    lines before it, so formatting the pieces apart and joining them with two blank lines
    gives what formatting the whole would (tested on generated modules), in parallel.
    """
    pieces: list[str] = []
    start = 0
    while True:
        at = start
        for _ in range(lines):
            at = text.find("\n", at + 1)
            if at < 0:
                break
        cut = text.find(_CLASS_BOUNDARY, at) if at >= 0 else -1
        # a boundary inside a docstring (an odd number of triple quotes before it) is text
        while cut >= 0 and text.count('"""', start, cut) % 2:
            cut = text.find(_CLASS_BOUNDARY, cut + 1)
        if cut < 0:
            pieces.append(text[start:])
            return pieces
        pieces.append(text[start : cut + 1])
        start = cut + 3


def join_formatted(pieces: list[str]) -> str:
    return "\n\n".join(pieces)


def format_chunked(text: str, lines: int = CHUNK_LINES) -> str:
    """`format_python`, piece by piece (see `split_at_classes`); in one process."""
    return join_formatted([format_python(piece) for piece in split_at_classes(text, lines)])


def _cache_key(text: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + text.encode("utf-8")).hexdigest()


def format_files(
    files: Mapping[str, str], cache_dir: Path | None, chunk_lines: int = CHUNK_LINES
) -> dict[str, str]:
    """Format every `.py` file; other files pass through. Raises FormattingError.

    Modules longer than twice `chunk_lines` are formatted in pieces (`split_at_classes`)."""
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
    pieces: dict[str, list[str]] = {
        path: split_at_classes(text, chunk_lines) if text.count("\n") > 2 * chunk_lines else [text]
        for path, text in todo.items()
    }
    items = [
        (f"{path}\0{i}", piece) for path in sorted(pieces) for i, piece in enumerate(pieces[path])
    ]
    if len(items) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
        # Largest first, one at a time: the biggest piece must not start last.
        by_size = sorted(items, key=lambda item: (-len(item[1]), item[0]))
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 4)) as pool:
            done = list(pool.map(_format_one, by_size, chunksize=1))
    else:
        done = [_format_one(item) for item in items]
    formatted_pieces: dict[str, str | None] = {}
    failures: dict[str, str] = {}
    for key, formatted, reason in done:
        formatted_pieces[key] = formatted
        if formatted is None:
            failures[key.split("\0")[0]] = reason
    outcomes: list[tuple[str, str | None, str]] = []
    for path in sorted(pieces):
        if path in failures:
            outcomes.append((path, None, failures[path]))
            continue
        parts = [formatted_pieces[f"{path}\0{i}"] or "" for i in range(len(pieces[path]))]
        outcomes.append((path, join_formatted(parts), ""))
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
