"""Descriptions as the docs' Markdown: HTML sanitised by an allow-list, links resolved against
the API's documentation URL or shown as text, code left as written."""

from __future__ import annotations

import pytest

from generator.targets.docs.text import DescriptionText

BASE = DescriptionText("https://developer.example.com/docs/")
NO_BASE = DescriptionText(None)

CASES = [
    ("plain", "Hello & <id> and List<String>", "Hello &amp; &lt;id&gt; and List&lt;String&gt;"),
    ("entities stay", "a&nbsp;b &amp; c", "a&nbsp;b &amp; c"),
    ("inline tags pass", "<b>bold</b><br/>next", "<b>bold</b><br>next"),
    ("unclosed tags close", "<strong>open", "<strong>open</strong>"),
    ("stray closing tags go", "text</em>", "text"),
    ("script goes whole", "a<script>alert(1)</script>b", "ab"),
    ("style goes whole", "a<style>p{}</style>b", "ab"),
    ("attributes are dropped", '<b onclick="x()">x</b>', "<b>x</b>"),
    ("other HTML keeps its text", "<span class='x'>kept</span><img src=x>", "kept"),
    ("javascript links are text", '<a href="javascript:alert(1)">x</a>', "x"),
    ("data links are text", "[x](data:text/html,hi)", "x"),
    (
        "relative HTML links resolve",
        '<a href="/concepts/ids">IDs</a>',
        '<a href="https://developer.example.com/concepts/ids">IDs</a>',
    ),
    (
        "relative Markdown links resolve",
        "see [the guide](guides/paging#more)",
        "see [the guide](https://developer.example.com/docs/guides/paging#more)",
    ),
    (
        "autolinks become links",
        "<https://x.example/a>",
        "[https://x.example/a](https://x.example/a)",
    ),
    (
        "bare URLs become links, trailing punctuation stays text",
        "See https://x.example/concepts/runs.",
        "See [https://x.example/concepts/runs](https://x.example/concepts/runs).",
    ),
    (
        "reference links become links",
        "See [the concept][runs].\n\n[runs]: https://x.example/concepts/runs",
        "See [the concept](https://x.example/concepts/runs).",
    ),
    (
        "scheme-relative links go to the other site",
        "[c](//x.example/concepts)",
        "[c](https://x.example/concepts)",
    ),
    ("a reference with no definition stays", "[a][b] and [c][]", "[a][b] and [c][]"),
    ("images show their text", "![diagram](https://x.example/a.png)", "diagram"),
    ("code spans are verbatim", "use `<T>` here", "use `<T>` here"),
    ("comments go", "a<!-- hidden -->b", "ab"),
]


@pytest.mark.parametrize(("what", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_block(what: str, source: str, expected: str) -> None:
    assert BASE.block(source) == expected, what


def test_without_a_documentation_url_relative_links_are_text() -> None:
    assert NO_BASE.block('<a href="/x">the x</a> [y](/y) [z](#z)') == "the x y z"
    assert NO_BASE.block("[abs](https://e.example/)") == "[abs](https://e.example/)"


def test_block_tags_become_markdown_breaks() -> None:
    assert BASE.block("<p>one</p><p>two</p>") == "one\n\ntwo"
    assert BASE.block("<ul><li>a</li><li>b</li></ul>") == "- a\n\n- b"


def test_cells_are_one_line_with_pipes_escaped() -> None:
    assert BASE.cell("a<br/>b\n<p>c | d</p>") == "a<br>b c \\| d"


def test_an_open_fence_is_closed_inside_its_description() -> None:
    rendered = BASE.block("Grammar:\n``` <quantity> ::= <number>\nmore")
    assert rendered.count("```") == 2
    assert rendered.endswith("```")
    assert "&lt;quantity&gt;" in rendered  # the info string is text
