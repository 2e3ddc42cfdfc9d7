"""Rendered files held as UTF-8 until they are written.

A Python string takes one byte per character only while every character is Latin-1: one dash
(the docs' "—" for "no default") makes a whole page two bytes per character. Held as UTF-8, a
big API's output costs its size on disk (Kubernetes with every target: 98 MB instead of 140 MB
of strings), and the writer and the manifest's hashes take the bytes as they are.

A big render's files may also wait on disk (`Spill`): the forked copy of a big API's render
writes its files into an unnamed temporary file rather than sending them through a pipe, and
the parent holds where each one lies. They are bound for the disk anyway; held in memory they
were a third of Kubernetes' peak with every target.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import BinaryIO


class Spill:
    """An unnamed temporary file that files' UTF-8 is appended to, to be read back when written
    (it disappears with the last file that lies in it). Made before a fork, it is shared: the
    copy appends, the parent reads."""

    __slots__ = ("_end", "_file")

    def __init__(self) -> None:
        # Open as long as a file lies in it: closed when the last Spilled goes.
        self._file: BinaryIO = tempfile.TemporaryFile()  # noqa: SIM115
        self._end = 0

    def append(self, data: bytes) -> Spilled:
        """Writes `data` after the last (one process appends; `flush` before others read)."""
        spilled = Spilled(self, self._end, len(data))
        self._file.write(data)
        self._end += len(data)
        return spilled

    def flush(self) -> None:
        self._file.flush()

    def read(self, offset: int, size: int) -> bytes:
        return os.pread(self._file.fileno(), size, offset)


@dataclass(frozen=True, slots=True)
class Spilled:
    """Where one file's UTF-8 lies in a spill."""

    spill: Spill
    offset: int
    size: int

    def read(self) -> bytes:
        data = self.spill.read(self.offset, self.size)
        if len(data) != self.size:
            raise OSError(f"a spilled file is cut short ({len(data)} of {self.size} bytes)")
        return data


Held = bytes | Spilled
"""A file's UTF-8, in memory or spilled."""


class EncodedFiles(MutableMapping[str, str]):
    """Files' texts by path, kept as UTF-8: reading one decodes it, setting one encodes it;
    `encoded` gives the bytes themselves. A file may lie in a spill, read when asked for."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Held] | None = None) -> None:
        self._data: dict[str, Held] = {} if data is None else data
        """Owned: the caller gives it up."""

    @classmethod
    def of(cls, files: Mapping[str, str]) -> EncodedFiles:
        """A copy of `files` (the bytes of an `EncodedFiles` are shared, not copied)."""
        if isinstance(files, EncodedFiles):
            return cls(dict(files._data))
        return cls({path: text.encode("utf-8") for path, text in files.items()})

    def encoded(self, path: str) -> bytes:
        held = self._data[path]
        return held if isinstance(held, bytes) else held.read()

    def set_encoded(self, path: str, data: bytes) -> None:
        """Store a file's UTF-8 as it is (the caller vouches that it is UTF-8)."""
        self._data[path] = data

    def __getitem__(self, path: str) -> str:
        return self.encoded(path).decode("utf-8")

    def __setitem__(self, path: str, text: str) -> None:
        self._data[path] = text.encode("utf-8")

    def __delitem__(self, path: str) -> None:
        del self._data[path]

    def __contains__(self, path: object) -> bool:
        return path in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"EncodedFiles({sorted(self._data)!r})"


def utf8(files: Mapping[str, str], path: str) -> bytes:
    """A file's UTF-8 bytes, without decoding and encoding again when `files` holds them."""
    if isinstance(files, EncodedFiles):
        return files.encoded(path)
    return files[path].encode("utf-8")
