"""Rendered files held as UTF-8 until they are written.

A Python string takes one byte per character only while every character is Latin-1: one dash
(the docs' "—" for "no default") makes a whole page two bytes per character. Held as UTF-8, a
big API's output costs its size on disk (Kubernetes with every target: 98 MB instead of 140 MB
of strings), and the writer and the manifest's hashes take the bytes as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping


class EncodedFiles(MutableMapping[str, str]):
    """Files' texts by path, kept as UTF-8: reading one decodes it, setting one encodes it;
    `encoded` gives the bytes themselves."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, bytes] | None = None) -> None:
        self._data: dict[str, bytes] = {} if data is None else data
        """Owned: the caller gives it up."""

    @classmethod
    def of(cls, files: Mapping[str, str]) -> EncodedFiles:
        """A copy of `files` (the bytes of an `EncodedFiles` are shared, not copied)."""
        if isinstance(files, EncodedFiles):
            return cls(dict(files._data))
        return cls({path: text.encode("utf-8") for path, text in files.items()})

    def encoded(self, path: str) -> bytes:
        return self._data[path]

    def set_encoded(self, path: str, data: bytes) -> None:
        """Store a file's UTF-8 as it is (the caller vouches that it is UTF-8)."""
        self._data[path] = data

    def __getitem__(self, path: str) -> str:
        return self._data[path].decode("utf-8")

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
