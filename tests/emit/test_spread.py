"""The "top of a hierarchy" mark a written tree's staging folder gets (`emit/spread.py`)."""

from __future__ import annotations

import array
import fcntl
import os
from pathlib import Path

from generator.emit.spread import GET_FLAGS, TOP_OF_HIERARCHY, run_name, spread_subfolders
from generator.emit.write import write_tree


def _flags(folder: Path) -> int | None:
    """The folder's inode attributes, or None where the file system has none."""
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(handle, GET_FLAGS, flags, True)
        return flags[0]
    except OSError:
        return None
    finally:
        os.close(handle)


def test_the_mark_is_set_where_the_file_system_has_it(tmp_path: Path) -> None:
    folder = tmp_path / "tree"
    folder.mkdir()
    before = _flags(folder)
    marked = spread_subfolders(folder)
    after = _flags(folder)
    if marked:
        assert after is not None and after & TOP_OF_HIERARCHY
        assert before is not None and after == before | TOP_OF_HIERARCHY  # nothing else moved
        assert spread_subfolders(folder)  # marking again changes nothing
        assert _flags(folder) == after
    else:  # a file system without the attribute: the folder is as it was
        assert after == before


def test_no_folder_is_no_mark(tmp_path: Path) -> None:
    assert not spread_subfolders(tmp_path / "missing")
    (tmp_path / "file").write_text("x")
    assert not spread_subfolders(tmp_path / "file")


def test_a_run_name_is_new_each_time_and_never_a_taken_one() -> None:
    names = {run_name("python", ()) for _ in range(50)}
    assert len(names) == 50
    assert all(name.startswith(".python.") for name in names)
    taken = names | {"python"}
    assert run_name("python", taken) not in taken


def test_a_written_tree_is_the_same_with_the_mark(tmp_path: Path) -> None:
    files = {
        "a.txt": "1\n",
        "pkg/b.txt": "2\n",
        "pkg/deep/c.txt": "3\n",
        ".github/ci.yml": "4\n",
        "docs/d.md": "5\n",
    }
    write_tree(tmp_path / "out", files)
    written = {
        p.relative_to(tmp_path / "out").as_posix(): p.read_text()
        for p in (tmp_path / "out").rglob("*")
        if p.is_file()
    }
    assert written == files  # each top-level folder under its own name again, nothing else
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".github",
        "a.txt",
        "docs",
        "pkg",
    ]
    assert not list(tmp_path.glob(".out.*"))
    probe = tmp_path / "probe"
    probe.mkdir()
    if spread_subfolders(probe):  # where the file system has the mark, the tree carries it
        flags = _flags(tmp_path / "out")
        assert flags is not None and flags & TOP_OF_HIERARCHY
