"""The project cache's own files: what is saved reads back the same; absent, damaged or foreign
files read as absent; a save that cannot be written says so and leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

from generator.emit import cache_file


def test_a_saved_value_reads_back_the_same(tmp_path: Path) -> None:
    value = {"files": {"/a/b.py": "ab" * 32}, "memo": {"x": (1, 2, 3, 4, "h")}, "n": None}
    path = str(tmp_path / "cache" / "record.marshal")
    assert cache_file.save(path, value)
    assert cache_file.load(path) == value
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["record.marshal"]


def test_absent_damaged_or_foreign_files_read_as_absent(tmp_path: Path) -> None:
    path = tmp_path / "record.marshal"
    assert cache_file.load(str(path)) is None
    assert cache_file.save(str(path), {"k": "v" * 100})
    path.write_bytes(path.read_bytes()[:20])
    assert cache_file.load(str(path)) is None
    path.write_text('{"written": "as JSON by an older version"}', encoding="utf-8")
    assert cache_file.load(str(path)) is None


def test_a_save_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert not cache_file.save(str(blocker / "record.marshal"), {"k": 1})
    assert not cache_file.save(str(tmp_path / "record.marshal"), {"k": object()})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
