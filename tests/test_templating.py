from __future__ import annotations

import ast

import pytest

from generator.templating import md, md_cell, py_comment, py_doc, py_str

HOSTILE = [
    "plain",
    'quote " and \' and """ triple',
    "back\\slash at end\\",
    "new\nline\r\nand\rcarriage",
    "nul\x00byte",
    "{{ jinja }} {% block %}",
    "line\u2028separator\u2029paragraph",
    'ends with quote"',
    "emoji 😀 and ünïcode",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_py_str_is_a_literal_of_the_cleaned_text(text: str) -> None:
    literal = py_str(text)
    value = ast.literal_eval(literal)
    assert isinstance(value, str)
    assert "\x00" not in value and "\u2028" not in value


@pytest.mark.parametrize("text", HOSTILE)
def test_py_doc_stays_inside_its_docstring(text: str) -> None:
    source = f'def f():\n    """{py_doc(text)}"""\n    return 1\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 2
    assert isinstance(function.body[1], ast.Return)


@pytest.mark.parametrize("text", HOSTILE)
def test_py_comment_is_one_line(text: str) -> None:
    source = f"# {py_comment(text)}\nx = 1\n"
    assert len(ast.parse(source).body) == 1
    assert "\n" not in py_comment(text)


def test_markdown_filters_escape_html_and_pipes() -> None:
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md_cell("a | b\nc") == "a \\| b c"
