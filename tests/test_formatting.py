"""Black in pieces: long generated modules are formatted a class run at a time, in parallel,
and the result is what black makes of the whole module."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.formatting import (
    format_chunked,
    format_files,
    format_python,
    join_formatted,
    split_at_classes,
)
from tests.conftest import ROOT

MODELS = [
    ROOT / "output" / "extend" / "python" / "extend_sdk" / "models.py",
    ROOT / "tests" / "golden" / "shelter" / "expected" / "python" / "shelter_sdk" / "models.py",
]


def unformatted(path: Path) -> str:
    """The module as templates emit it: single quotes and one long line black must split."""
    text = path.read_text().replace('"', "'").replace("'''", '"""')
    long = "\n\nclass Long(BaseModel):\n    " + ", ".join(f"a{i}" for i in range(40)) + " = 1\n"
    return text + long


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("lines", [5, 400])
def test_pieces_formatted_apart_equal_the_whole(path: Path, lines: int) -> None:
    text = unformatted(path)
    pieces = split_at_classes(text, lines)
    assert "".join(pieces[:1]) + "".join("\n\n" + p for p in pieces[1:]) == text
    assert format_chunked(text, lines) == format_python(text)


def test_a_class_line_inside_a_docstring_is_no_boundary() -> None:
    text = 'X = 1\n"""Doc.\n\n\nclass Inside\n"""\n\n\nclass A:\n    pass\n'
    assert split_at_classes(text, 1) == [
        'X = 1\n"""Doc.\n\n\nclass Inside\n"""\n',
        "class A:\n    pass\n",
    ]
    assert join_formatted(["a\n", "b\n"]) == "a\n\n\nb\n"


def test_format_files_splits_long_modules_and_keeps_their_text(tmp_path: Path) -> None:
    long = unformatted(MODELS[1])
    files = {"pkg/models.py": long, "README.md": "# hi\n"}
    formatted = format_files(files, tmp_path / "cache", chunk_lines=10)
    assert formatted["README.md"] == "# hi\n"
    assert formatted["pkg/models.py"] == format_python(long)
    assert format_files(files, tmp_path / "cache", chunk_lines=10) == formatted
