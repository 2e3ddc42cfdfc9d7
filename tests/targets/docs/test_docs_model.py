"""The docs model: error classes, example values, example calls."""

from __future__ import annotations

import pytest

from generator.ir.model import Array, Const, EnumType, Map, Nullable, Primitive, Union
from generator.ir.names import Name
from generator.targets.docs.examples import Code, ExampleValues, string_for
from generator.targets.docs.model import DocsModel
from generator.targets.python.docs_language import (
    ERROR_CLASSES,
    PythonDocsLanguage,
    error_class,
    python_code,
)
from tests.support.extend import extend_renderer


def test_error_classes_match_the_runtime() -> None:
    from generator.targets.python.runtime import errors

    runtime = {status: cls.__name__ for status, cls in errors._BY_STATUS.items()}
    assert runtime == ERROR_CLASSES


@pytest.mark.parametrize(
    ("status", "expected"),
    [("404", "NotFoundError"), ("503", "InternalServerError"), ("5XX", "InternalServerError"),
     ("418", "APIStatusError"), ("default", "APIStatusError")],
)  # fmt: skip
def test_error_class(status: str, expected: str) -> None:
    assert error_class(status) == expected


@pytest.mark.parametrize(
    ("node", "hint", "expected"),
    [
        (Primitive("string", "uri"), "link", "https://example.com/document.pdf"),
        (Primitive("string"), "extractorId", "extractor_123"),
        (Primitive("string"), "fileName", "File name"),
        (Primitive("integer"), None, 1),
        (Const("list"), None, "list"),
        (EnumType(("b", "a")), None, "b"),
        (Array(Primitive("boolean")), None, [True]),
        (Map(Primitive("number")), None, {"key": 1.5}),
        (Nullable(Primitive("string", "date")), None, "2025-01-01"),
        (Union((Const(None), Primitive("integer"))), None, 1),
    ],
)
def test_example_values(node: object, hint: str | None, expected: object) -> None:
    assert (
        ExampleValues({}, file_sample=PythonDocsLanguage.file_sample).value(node, hint) == expected
    )  # type: ignore[arg-type]


def test_python_code_wraps_long_values() -> None:
    assert python_code({"a": [1, None, True]}) == '{"a": [1, None, True]}'
    long = {"key_" + str(i): "value " * 3 for i in range(5)}
    lines = python_code(long).split("\n")
    assert lines[0] == "{" and lines[-1] == "}" and len(lines) == 7
    assert python_code(Code("Path('x')")) == "Path('x')"
    assert string_for(Name(("id",))) == "object_123"


def test_every_method_has_an_example_and_pollers_a_poll_example() -> None:
    docs = DocsModel(extend_renderer())
    assert len(docs.methods) == len({m.anchor for m in docs.methods})
    for method in docs.methods:
        assert (
            method.qualified + "(" in method.example or method.qualified + "(\n" in method.example
        )
        assert (method.poll_example is not None) == (method.view.poll is not None)
    quick = [m.qualified for m in docs.quickstarts]
    assert "client.parse_runs.create" in quick and "client.split_runs.create" in quick
