"""`split_union` cuts an annotation at its top-level bars: checked against a plain reading of
the text one character at a time, on examples and on many random texts."""

from __future__ import annotations

import random

import pytest

from generator.targets.python.types import split_union


def _reference(text: str) -> list[str]:
    """The same cut, one character at a time: quotes (with escapes), bracket depth, bars."""
    parts: list[str] = []
    depth = 0
    start = 0
    quote: str | None = None
    escaped = False
    for position, char in enumerate(text):
        if quote is not None:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char in "[{(":
            depth += 1
        elif char in "]})":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:position].strip())
            start = position + 1
    parts.append(text[start:].strip())
    return parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("str", ["str"]),
        ("str | None", ["str", "None"]),
        ("A | list[B | C] | D", ["A", "list[B | C]", "D"]),
        ('Literal["a|b", "c"] | None', ['Literal["a|b", "c"]', "None"]),
        ("Literal['it\\'s | x'] | int", ["Literal['it\\'s | x']", "int"]),
        ('a | "b | c', ["a", '"b | c']),  # a string that never ends holds the rest
        ("dict[str, Any] | None | X", ["dict[str, Any]", "None", "X"]),
    ],
)
def test_examples(text: str, expected: list[str]) -> None:
    assert split_union(text) == expected
    assert _reference(text) == expected


def test_random_texts_cut_as_one_character_at_a_time() -> None:
    alphabet = ["a", "B", " ", "|", " | ", "[", "]", "(", ")", "{", "}", '"', "'", "\\", "\n"]
    chooser = random.Random(29)
    for _ in range(20_000):
        text = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 24)))
        assert split_union(text) == _reference(text), text
