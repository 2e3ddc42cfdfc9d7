from __future__ import annotations

import pytest

from generator.ir.names import Name, singular, split_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("nextPageToken", ("next", "page", "token")),
        ("parse_runs", ("parse", "runs")),
        ("x-extend-api-version", ("x", "extend", "api", "version")),
        ("HTTPServerError", ("http", "server", "error")),
        ("FileV2", ("file", "v2")),
        ("Über.Größe", ("uber", "grosse")),
        ("already snake case", ("already", "snake", "case")),
        ("GMT+0", ("gmt", "0")),
        ("", ()),
        ("日本", ("x65e5672c",)),
    ],
)
def test_split_words(text: str, words: tuple[str, ...]) -> None:
    assert split_words(text) == words


def test_casings() -> None:
    name = Name.parse("nextPageToken")
    assert (name.snake(), name.pascal(), name.camel(), name.kebab()) == (
        "next_page_token",
        "NextPageToken",
        "nextPageToken",
        "next-page-token",
    )


@pytest.mark.parametrize(
    ("plural", "single"),
    [("versions", "version"), ("entities", "entity"), ("boxes", "box"), ("class", "class")],
)
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single
