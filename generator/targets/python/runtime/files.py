"""Multipart file parts from paths, bytes or binary file objects."""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import ConfigurationError


def _read(content: Any) -> tuple[str | None, bytes]:
    if isinstance(content, bytes | bytearray | memoryview):
        return None, bytes(content)
    if isinstance(content, str | os.PathLike):
        path = Path(content)
        try:
            return path.name, path.read_bytes()
        except OSError as error:
            raise ConfigurationError(f"cannot read file {str(path)!r}: {error.strerror}") from error
    if isinstance(content, io.IOBase) or hasattr(content, "read"):
        data = content.read()
        if isinstance(data, str):
            raise ConfigurationError("open the file in binary mode ('rb')")
        name = getattr(content, "name", None)
        return (os.path.basename(name) if isinstance(name, str) else None), data
    raise ConfigurationError(f"unsupported file content of type {type(content).__name__}")


def file_part(value: Any) -> tuple[str, bytes, str]:
    """(filename, bytes, content type) for one file field. Read fresh on every attempt."""
    filename: str | None = None
    content_type: str | None = None
    if isinstance(value, tuple):
        if len(value) == 2:
            filename, content = value
        elif len(value) == 3:
            filename, content, content_type = value
        else:
            raise ConfigurationError("a file tuple is (filename, content[, content_type])")
    else:
        content = value
    found_name, data = _read(content)
    filename = filename or found_name or "upload"
    if content_type is None:
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return filename, data, content_type


def to_multipart(files: Mapping[str, Any]) -> list[tuple[str, tuple[str, bytes, str]]]:
    parts: list[tuple[str, tuple[str, bytes, str]]] = []
    for name, value in files.items():
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        parts.extend((name, file_part(item)) for item in values)
    return parts
