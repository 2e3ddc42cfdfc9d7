from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.emit.write import MANIFEST, compare_tree, with_manifest, write_tree


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


KILLED_WRITER = """
import json, shutil, sys
from pathlib import Path
from generator.emit import write


def stepping(original):
    # Each file operation says so and waits for the test's go-ahead: the test kills the
    # writer at a chosen step, whatever the machine's speed.
    def step(*args, **kwargs):
        print("step", flush=True)
        if sys.stdin.readline() != "go\\n":
            raise SystemExit(3)
        return original(*args, **kwargs)

    return step


Path.write_bytes = stepping(Path.write_bytes)
Path.rename = stepping(Path.rename)
shutil.copy2 = stepping(shutil.copy2)
write._exchange = stepping(write._exchange)
files = json.loads(Path(sys.argv[2]).read_text())
print("ready", flush=True)
write.write_tree(Path(sys.argv[1]), files)
print("done", flush=True)
"""


def _run_writer(script: Path, target: Path, files: Path, kill_at: int | None) -> int:
    """Run the writer, killing it as it reaches file operation `kill_at` (None: let it
    finish); the number of operations it was let through."""
    import signal
    import subprocess
    import sys

    child = subprocess.Popen(
        [sys.executable, str(script), str(target), str(files)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    steps = 0
    for line in child.stdout:
        if line != "step\n":
            break
        if steps == kill_at:
            child.send_signal(signal.SIGKILL)
            break
        child.stdin.write("go\n")
        child.stdin.flush()
        steps += 1
    child.wait()
    return steps


@pytest.mark.slow
def test_a_killed_writer_leaves_the_old_tree_or_the_new_one(tmp_path: Path) -> None:
    target = tmp_path / "out"
    old = with_manifest({f"pkg/m{i}.py": f"old {i}\n" for i in range(40)}, "s", "1")
    new = with_manifest({f"pkg/m{i}.py": f"new {i}\n" for i in range(45)}, "s", "2")
    (tmp_path / "new.json").write_text(json.dumps(dict(new)))
    script = tmp_path / "writer.py"
    script.write_text(KILLED_WRITER)

    def fresh_old() -> None:
        write_tree(target, old)
        (target / "pkg" / "hand_written.py").write_text("mine\n")

    fresh_old()
    total = _run_writer(script, target, tmp_path / "new.json", None)
    assert total > len(new)  # every file, the kept file, the swap
    finished = tree(target)
    assert finished.pop("pkg/hand_written.py") == "mine\n" and finished == new
    outcomes = []
    for kill_at in sorted({0, 1, total // 2, total - 2, total - 1}):
        fresh_old()
        assert _run_writer(script, target, tmp_path / "new.json", kill_at) == kill_at
        found = tree(target)
        assert found.pop("pkg/hand_written.py") == "mine\n"
        assert found in (old, new), f"mixed tree after a kill at file operation {kill_at}"
        outcomes.append("new" if found == new else "old")
    assert outcomes == ["old"] * len(outcomes)  # killed before the swap: nothing changed
    write_tree(target, new)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
