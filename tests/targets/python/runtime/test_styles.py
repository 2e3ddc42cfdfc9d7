"""Each parameter style and explode, in each location, as the Python runtime writes it: the
examples of OpenAPI's style table (array `[3, 4, 5]`, object `{R: 100, G: 200}`), plus the
bracket notation of nested values and booleans as `true`/`false`."""

from __future__ import annotations

from typing import Any

import pytest

from generator.targets.python.runtime.styles import (
    cookie_text,
    encode_path,
    header_text,
    multipart_fields,
    query_pairs,
)

ARRAY = [3, 4, 5]
OBJECT = {"R": 100, "G": 200}

PATH_CASES = [
    ("simple", False, 5, "5"),
    ("simple", False, ARRAY, "3,4,5"),
    ("simple", True, ARRAY, "3,4,5"),
    ("simple", False, OBJECT, "R,100,G,200"),
    ("simple", True, OBJECT, "R=100,G=200"),
    ("label", False, 5, ".5"),
    ("label", False, ARRAY, ".3,4,5"),
    ("label", True, ARRAY, ".3.4.5"),
    ("label", False, OBJECT, ".R,100,G,200"),
    ("label", True, OBJECT, ".R=100.G=200"),
    ("matrix", False, 5, ";color=5"),
    ("matrix", False, ARRAY, ";color=3,4,5"),
    ("matrix", True, ARRAY, ";color=3;color=4;color=5"),
    ("matrix", False, OBJECT, ";color=R,100,G,200"),
    ("matrix", True, OBJECT, ";R=100;G=200"),
    ("simple", False, True, "true"),
    ("simple", False, "a/b?c", "a%2Fb%3Fc"),
]


@pytest.mark.parametrize(("style", "explode", "value", "expected"), PATH_CASES)
def test_path(style: str, explode: bool, value: Any, expected: str) -> None:
    assert encode_path(value, style, explode, "color") == expected


QUERY_CASES = [
    ("form", True, 5, [("color", "5")]),
    ("form", True, ARRAY, [("color", "3"), ("color", "4"), ("color", "5")]),
    ("form", False, ARRAY, [("color", "3,4,5")]),
    ("form", True, OBJECT, [("R", "100"), ("G", "200")]),
    ("form", False, OBJECT, [("color", "R,100,G,200")]),
    ("spaceDelimited", False, ARRAY, [("color", "3 4 5")]),
    ("pipeDelimited", False, ARRAY, [("color", "3|4|5")]),
    ("spaceDelimited", True, ARRAY, [("color", "3"), ("color", "4"), ("color", "5")]),
    ("deepObject", True, OBJECT, [("color[R]", "100"), ("color[G]", "200")]),
    ("deepObject", True, {"a": {"b": [1, False]}}, [("color[a][b][0]", "1"),
                                                     ("color[a][b][1]", "false")]),
    ("deepObject", False, ARRAY, [("color[0]", "3"), ("color[1]", "4"), ("color[2]", "5")]),
    ("deepObject", True, 7, [("color", "7")]),
    ("json", False, OBJECT, [("color", '{"R":100,"G":200}')]),
    ("form", True, False, [("color", "false")]),
    ("form", True, [{"a": 1}], [("color", '{"a":1}')]),
]  # fmt: skip


@pytest.mark.parametrize(("style", "explode", "value", "expected"), QUERY_CASES)
def test_query_and_form_fields(
    style: str, explode: bool, value: Any, expected: list[tuple[str, str]]
) -> None:
    assert query_pairs({"color": value}, {"color": (style, explode)}) == expected


HEADER_CASES = [
    (False, 5, "5"),
    (False, True, "true"),
    (False, ARRAY, "3,4,5"),
    (False, OBJECT, "R,100,G,200"),
    (True, OBJECT, "R=100,G=200"),
]


@pytest.mark.parametrize(("explode", "value", "expected"), HEADER_CASES)
def test_header(explode: bool, value: Any, expected: str) -> None:
    assert header_text(value, explode) == expected


COOKIE_CASES = [
    ("form", True, True, "color=true"),
    ("form", False, ARRAY, "color=3%2C4%2C5"),  # RFC 6265 keeps commas out
    ("form", True, ARRAY, "color=3; color=4; color=5"),
    ("form", True, "a b", "color=a%20b"),
]


@pytest.mark.parametrize(("style", "explode", "value", "expected"), COOKIE_CASES)
def test_cookie(style: str, explode: bool, value: Any, expected: str) -> None:
    assert cookie_text({"color": value}, {"color": (style, explode)}) == expected


def test_multipart_fields_by_style() -> None:
    fields, parts = multipart_fields(
        {"tags": ["a", "b"], "link": {"create": True}, "meta": {"k": 1}, "n": 2, "gone": None},
        {"link": ("deepObject", True)},
    )
    assert fields == {"tags": ["a", "b"], "link[create]": ["true"], "n": ["2"]}
    assert parts == [("meta", (None, b'{"k":1}', "application/json"))]
