"""Files' sha256, remembered by their stat, so that `check` reads only the files changed since.

As git's index does, the memo holds each file's size, mtime, ctime and inode beside its hash,
and a hash is reused only while all four are unchanged and the file's ctime is older than the
memo file itself. Every write to a file moves its ctime to the present, even one that restores
its size and mtime; a write in the same clock tick as the memo was saved could leave the stat
as it was, which is why a file whose ctime is not older than the memo is read again ("racy").
The memo lives in the project's cache folder and may be deleted at will.
"""

from __future__ import annotations

import os

from generator.emit import cache_file

MEMO_NAME = "file-hashes.marshal"
"""The memo's file in the cache folder."""
_READ_SIZE = 1 << 20

Entry = tuple[int, int, int, int, str]
"""size, mtime (ns), ctime (ns), inode, sha256 hex."""


def sha256_file(path: str) -> str:
    """The sha256 hex digest of a file's bytes."""
    import hashlib  # an unchanged project hashes no file: loading OpenSSL waits until one is read

    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_READ_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def _entries(data: object) -> dict[str, Entry]:
    """The memo's entries of the right shape (a path, five values, a text last); anything else
    in the file is ignored. A stat value of another type never equals a file's stat, so such an
    entry is only ever read again, not trusted."""
    if not isinstance(data, dict):
        return {}
    return {
        path: value
        for path, value in data.items()
        if type(path) is str and type(value) is tuple and len(value) == 5 and type(value[4]) is str
    }


class FileHashes:
    """sha256 of files by path: from the memo in `cache_dir` where a file's stat says it has not
    changed, else read. `save` writes back the entries of the files asked for."""

    def __init__(self, cache_dir: str) -> None:
        self._path = os.path.join(cache_dir, MEMO_NAME)
        self._memo: dict[str, Entry] = {}
        self._saved_ns = 0
        self._asked: dict[str, Entry] = {}
        self._read_any = False
        try:
            self._saved_ns = os.stat(self._path).st_mtime_ns
        except OSError:
            return
        self._memo = _entries(cache_file.load(self._path))

    def sha256(self, path: str) -> str:
        """The file's sha256 hex digest; OSError when it cannot be read."""
        stat = os.stat(path)
        signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        known = self._memo.get(path)
        if known is not None and known[:4] == signature and stat.st_ctime_ns < self._saved_ns:
            digest = known[4]
        else:  # the stat is taken first: a change while reading shows as a new stat next time
            digest = sha256_file(path)
            self._read_any = True
        self._asked[path] = (*signature, digest)
        return digest

    def known(self, path: str) -> Entry | None:
        """The stat (taken before reading) and hash this object gave for `path`, if asked."""
        return self._asked.get(path)

    def save(self) -> None:
        """Write the memo when a file had to be read (atomically; a failure only costs time)."""
        if self._read_any:
            cache_file.save(self._path, self._asked)
