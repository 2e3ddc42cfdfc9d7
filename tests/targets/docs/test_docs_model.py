"""The docs model: example values, example calls, what the guide shows."""

from __future__ import annotations

import pytest

from generator.ir.model import Array, Const, EnumType, Map, Nullable, Primitive, Union
from generator.ir.names import Name
from generator.targets.docs.examples import Code, ExampleValues, string_for
from generator.targets.docs.model import DocsModel
from tests.support.extend import extend_renderer


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
    values = ExampleValues({}, file_sample=Code("upload()"))
    assert values.value(node, hint) == expected  # type: ignore[arg-type]


def test_a_file_upload_is_the_languages_sample() -> None:
    from generator.ir.model import Binary

    sample = Code("upload('document.pdf')", ("import upload",))
    assert ExampleValues({}, file_sample=sample).value(Binary()) is sample
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
