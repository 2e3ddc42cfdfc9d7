from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.write import MANIFEST, compare_tree, with_manifest, write_tree


def tree(target: Path) -> dict[str, str]:
    return {
        p.relative_to(target).as_posix(): p.read_text()
        for p in sorted(target.rglob("*"))
        if p.is_file()
    }


def test_write_replaces_owned_files_and_keeps_the_rest(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(target, with_manifest({"a.py": "1\n", "pkg/b.py": "2\n"}, "s.yaml", "abc"))
    (target / "pkg" / "custom.py").write_text("hand-written\n")
    write_tree(target, with_manifest({"a.py": "3\n"}, "s.yaml", "abc"))
    files = tree(target)
    assert files["a.py"] == "3\n"
    assert "pkg/b.py" not in files
    assert files["pkg/custom.py"] == "hand-written\n"
    manifest = json.loads(files[MANIFEST])
    assert manifest["spec"] == {"path": "s.yaml", "sha256": "abc"}
    assert list(manifest["files"]) == ["a.py"]
    assert not list(tmp_path.glob(".out.*"))


def test_write_is_deterministic(tmp_path: Path) -> None:
    files = with_manifest({"b.txt": "x", "a.txt": "y"}, "s.yaml", "abc")
    write_tree(tmp_path / "one", files)
    write_tree(tmp_path / "two", dict(reversed(list(files.items()))))
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


@pytest.mark.parametrize("bad", ["../escape.py", "/etc/passwd", "a/../../b"])
def test_paths_outside_the_target_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="outside the output folder"):
        write_tree(tmp_path / "out", {bad: "x"})
    assert not (tmp_path / "out").exists()


def test_a_failure_mid_write_leaves_the_old_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    write_tree(target, with_manifest({"a.py": "old\n"}, "s", "1"))
    before = tree(target)
    original = Path.write_bytes
    calls = 0

    def failing(self: Path, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(KeyboardInterrupt):
        write_tree(target, with_manifest({"a.py": "new\n", "b.py": "new\n"}, "s", "2"))
    monkeypatch.undo()
    assert tree(target) == before
    assert not list(tmp_path.glob(".out.*"))


def test_compare_reports_added_changed_removed(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(target, with_manifest({"a.py": "1\n", "b.py": "2\n"}, "s", "1"))
    differences = compare_tree(
        target, with_manifest({"a.py": "changed\n", "c.py": "3\n"}, "s", "1")
    )
    kinds = {(d.path, d.kind) for d in differences}
    assert kinds == {
        ("a.py", "changed"),
        ("c.py", "added"),
        ("b.py", "removed"),
        (MANIFEST, "changed"),
    }
    changed = next(d for d in differences if d.path == "a.py")
    assert "-1" in changed.diff and "+changed" in changed.diff


def test_long_diffs_are_capped(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(target, {"a.txt": "".join(f"{i}\n" for i in range(500))})
    differences = compare_tree(target, {"a.txt": "".join(f"{i}!\n" for i in range(500))}, 10)
    assert differences[0].diff.count("\n") == 11
    assert "more diff lines" in differences[0].diff
