"""The Python docs language: exception names, values as Python source, signatures."""

from __future__ import annotations

import pytest

from generator.targets.docs.examples import Code
from generator.targets.python.docs_language import ERROR_CLASSES, error_class, python_code
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


def test_python_code_wraps_long_values() -> None:
    assert python_code({"a": [1, None, True]}) == '{"a": [1, None, True]}'
    long = {"key_" + str(i): "value " * 3 for i in range(5)}
    lines = python_code(long).split("\n")
    assert lines[0] == "{" and lines[-1] == "}" and len(lines) == 7
    assert python_code(Code("Path('x')")) == "Path('x')"


def test_signatures_and_names_are_python() -> None:
    renderer = extend_renderer()
    language = renderer.docs_language
    files = next(v for v in renderer.resource_views if v.attribute == "files")
    retrieve = next(m for m in files.methods if m.name == "retrieve")
    assert language.qualified(files, retrieve) == "client.files.retrieve"
    assert language.client_title(None) == "client"
    signature = language.signature("client.files.retrieve", retrieve)
    assert signature.startswith("client.files.retrieve(") and "**options" in signature
    table = language.error_table(polling=True, webhooks=False)
    assert [e.name for e in table][-1] == "PollingTimeoutError"
