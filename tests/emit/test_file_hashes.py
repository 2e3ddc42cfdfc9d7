"""The stat memo of file hashes: reused only while a file's stat is unchanged and older than the
memo, so no edit (same size, restored mtime, or within the memo's own clock tick) goes unseen."""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

from generator.emit.file_hashes import MEMO_NAME, FileHashes


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def forge(cache: Path, file: Path, digest: str, memo_mtime_ns: int) -> None:
    """A memo claiming `digest` for `file` as it is now, saved at `memo_mtime_ns`."""
    stat = file.stat()
    entry = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, digest)
    memo = cache / MEMO_NAME
    memo.write_bytes(marshal.dumps({str(file): entry}))
    os.utime(memo, ns=(memo_mtime_ns, memo_mtime_ns))


def test_hashes_are_read_then_remembered(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"one")
    first = FileHashes(str(tmp_path / "cache"))
    assert first.sha256(str(file)) == sha(b"one")
    first.save()
    memo = marshal.loads((tmp_path / "cache" / MEMO_NAME).read_bytes())
    assert memo[str(file)][4] == sha(b"one")
    assert FileHashes(str(tmp_path / "cache")).sha256(str(file)) == sha(b"one")


def test_an_entry_older_than_the_memo_is_trusted_without_reading(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"one")
    later = file.stat().st_ctime_ns + 10**9
    forge(tmp_path, file, sha(b"what the memo says"), later)
    assert FileHashes(str(tmp_path)).sha256(str(file)) == sha(b"what the memo says")


def test_a_racy_entry_is_read_again(tmp_path: Path) -> None:
    """A file changed in the clock tick the memo was saved in keeps its stat: its ctime is not
    older than the memo's, so its content is read."""
    file = tmp_path / "a.txt"
    file.write_bytes(b"one")
    forge(tmp_path, file, sha(b"what the memo says"), file.stat().st_ctime_ns)
    assert FileHashes(str(tmp_path)).sha256(str(file)) == sha(b"one")


def test_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"one")
    before = file.stat()
    hashes = FileHashes(str(tmp_path))
    hashes.sha256(str(file))
    hashes.save()
    os.utime(tmp_path / MEMO_NAME, ns=(before.st_ctime_ns + 10**9,) * 2)
    file.write_bytes(b"two")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert file.stat().st_mtime_ns == before.st_mtime_ns
    assert FileHashes(str(tmp_path)).sha256(str(file)) == sha(b"two")


def test_a_broken_memo_is_ignored(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"one")
    (tmp_path / MEMO_NAME).write_bytes(marshal.dumps({str(file): (1, 2)})[:-3])  # cut short
    assert FileHashes(str(tmp_path)).sha256(str(file)) == sha(b"one")
    (tmp_path / MEMO_NAME).write_bytes(marshal.dumps({str(file): (1, 2, 3, 4, 5), 7: "x"}))
    assert FileHashes(str(tmp_path)).sha256(str(file)) == sha(b"one")
    (tmp_path / MEMO_NAME).write_text('{"written": "by an older version, as JSON"}')
    assert FileHashes(str(tmp_path)).sha256(str(file)) == sha(b"one")


def test_the_memo_keeps_only_the_files_asked_for(tmp_path: Path) -> None:
    kept, dropped = tmp_path / "kept.txt", tmp_path / "dropped.txt"
    kept.write_bytes(b"k")
    dropped.write_bytes(b"d")
    first = FileHashes(str(tmp_path / "cache"))
    first.sha256(str(kept))
    first.sha256(str(dropped))
    first.save()
    dropped.unlink()
    kept.write_bytes(b"K")
    second = FileHashes(str(tmp_path / "cache"))
    second.sha256(str(kept))
    second.save()
    assert list(marshal.loads((tmp_path / "cache" / MEMO_NAME).read_bytes())) == [str(kept)]
