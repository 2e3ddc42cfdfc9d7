"""Rendered files held as UTF-8 (in memory or spilled to disk): read as the same texts, written,
hashed and compared as the plain texts are, refused where the plain texts are."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.emit.encoded import EncodedFiles, Held, Spill, utf8
from generator.emit.write import compare_tree, with_manifest, write_tree

TEXTS = {
    "docs/models.md": "| name | default |\n| --- | --- |\n| `limit` | — |\n",
    "python/a.py": "x = 'é 𝄞'\n",
    "empty.txt": "",
}


def _files(tree: Path) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes() for p in tree.rglob("*") if p.is_file()}


def test_the_files_read_back_as_the_texts_and_keep_their_utf8() -> None:
    files = EncodedFiles.of(TEXTS)
    assert files == TEXTS and list(files) == list(TEXTS) and len(files) == 3
    assert {path: utf8(files, path) for path in files} == {
        path: text.encode("utf-8") for path, text in TEXTS.items()
    }
    files["new.md"] = "—"
    assert files.encoded("new.md") == b"\xe2\x80\x94" and "new.md" in files
    del files["new.md"]
    assert "new.md" not in files and EncodedFiles.of(files) == files


def test_a_copy_shares_the_bytes_and_changes_apart() -> None:
    files = EncodedFiles.of(TEXTS)
    copy = EncodedFiles.of(files)
    assert copy.encoded("python/a.py") is files.encoded("python/a.py")
    copy["python/a.py"] = "changed\n"
    assert files["python/a.py"] == TEXTS["python/a.py"]


def test_written_hashed_and_compared_as_the_plain_texts(tmp_path: Path) -> None:
    plain = with_manifest(TEXTS, "spec.yaml", "abc")
    encoded = with_manifest(EncodedFiles.of(TEXTS), "spec.yaml", "abc")
    assert encoded == plain
    write_tree(tmp_path / "plain", dict(plain))
    write_tree(tmp_path / "encoded", encoded)
    assert _files(tmp_path / "encoded") == _files(tmp_path / "plain")
    assert compare_tree(tmp_path / "plain", encoded) == []
    (tmp_path / "plain" / "docs" / "models.md").write_text("| `limit` | - |\n", encoding="utf-8")
    assert compare_tree(tmp_path / "plain", encoded) == compare_tree(
        tmp_path / "plain", dict(plain)
    )
    [changed] = compare_tree(tmp_path / "plain", encoded)
    assert changed.kind == "changed" and "+| `limit` | — |" in changed.diff


def test_spilled_files_are_read_written_and_hashed_as_the_ones_in_memory(tmp_path: Path) -> None:
    spill = Spill()
    held: dict[str, Held] = {path: spill.append(text.encode()) for path, text in TEXTS.items()}
    spill.flush()
    spilled = EncodedFiles(held)
    assert spilled == TEXTS and spilled.encoded("python/a.py") == TEXTS["python/a.py"].encode()
    assert with_manifest(spilled, "spec.yaml", "abc") == with_manifest(TEXTS, "spec.yaml", "abc")
    write_tree(tmp_path / "spilled", spilled)
    write_tree(tmp_path / "plain", TEXTS)
    assert _files(tmp_path / "spilled") == _files(tmp_path / "plain")
    assert compare_tree(tmp_path / "plain", spilled) == []


def test_refused_as_the_plain_texts_are(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"protected folder: 'python/lib/x\.py'"):
        with_manifest(EncodedFiles.of({"python/lib/x.py": ""}), "s", "1", ("python/lib/",))
    with pytest.raises(ValueError, match=r"outside the output folder: '\.\./x\.py'"):
        write_tree(tmp_path / "out", EncodedFiles.of({"../x.py": ""}))
