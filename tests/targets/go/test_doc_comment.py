"""Doc comments come out as gofmt (Go 1.19) reformats them: headings, lists, code blocks and
link definitions, so generated code is gofmt-clean without Go installed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.targets.go.doc_comment import doc_comment
from tests.targets.go.tooling import go

CASES = {
    "an old-style heading": (
        "Create calls POST /files.\n\nCreate a File\n\nSend the file.",
        ["// Create calls POST /files.", "//", "// # Create a File", "//", "// Send the file."],
    ),
    "an unindented list after a paragraph": (
        "Para:\n- one\n  cont\n- two\n1) x",
        ["// Para:", "//   - one", "//     cont", "//   - two", "//     1) x"],
    ),
    "an indented numbered list": (
        "Steps.\n\n  1. first\n  2. second",
        ["// Steps.", "//", "//  1. first", "//  2. second"],
    ),
    "an unindented list alone stays a paragraph": (
        "Steps.\n\n1. first\n2. second",
        ["// Steps.", "//", "// 1. first", "// 2. second"],
    ),
    "a code block": (
        "Example:\n\n    x := 1\n      y := 2\nAfter.",
        ["// Example:", "//", "//\tx := 1", "//\t  y := 2", "//", "// After."],
    ),
    "a loose list": (
        " - a\n\n - b\nEnd.",
        ["//   - a", "//", "//   - b", "//", "// End."],
    ),
    "link definitions move to the end": (
        "See [docs].\n\n[docs]: https://example.com/docs\n\nMore.",
        ["// See [docs].", "//", "// More.", "//", "// [docs]: https://example.com/docs"],
    ),
    "a sentence is no heading": (
        "A.\n\nThis is fine.\n\nB.",
        ["// A.", "//", "// This is fine.", "//", "// B."],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_doc_comments_are_laid_out_as_gofmt_does(name: str) -> None:
    text, expected = CASES[name]
    assert doc_comment(text) == expected


def test_gofmt_leaves_every_case_as_it_is(tmp_path: Path) -> None:
    gofmt = Path(go()).resolve().with_name("gofmt")
    source = ["package cases", ""]
    for number, (text, _expected) in enumerate(CASES.values()):
        source += [*doc_comment(text), f"const C{number} = {number}", ""]
    path = tmp_path / "cases.go"
    path.write_text("\n".join(source), encoding="utf-8")
    done = subprocess.run(
        [str(gofmt), "-d", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
