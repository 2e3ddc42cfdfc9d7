"""One sample per string format, shared by the mock and the docs: each is valid for its
format, the mock answers it and the docs show it."""

from __future__ import annotations

import pytest

from generator.ir.samples import FORMAT_SAMPLES
from generator.mock.model import SpecModel
from generator.targets.docs.examples import string_for

FORMATS = sorted(FORMAT_SAMPLES)


@pytest.fixture(scope="module")
def model() -> SpecModel:
    schemas = {f"Of_{i}": {"type": "string", "format": fmt} for i, fmt in enumerate(FORMATS)}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Formats", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    return SpecModel(spec)


@pytest.mark.parametrize(("index", "fmt"), list(enumerate(FORMATS)))
def test_the_mock_answers_the_shared_sample_and_it_is_valid(
    model: SpecModel, index: int, fmt: str
) -> None:
    pointer = f"/components/schemas/Of_{index}"
    value = model.synthesize([pointer])
    assert value == FORMAT_SAMPLES[fmt]
    assert model.validate(pointer, value, "response", fmt) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_docs_show_the_shared_sample(fmt: str) -> None:
    assert string_for("anything", fmt) == FORMAT_SAMPLES[fmt]


def test_a_sample_that_breaks_its_format_is_refused(model: SpecModel) -> None:
    byte = FORMATS.index("byte")
    problems = model.validate(f"/components/schemas/Of_{byte}", "not base64!", "response", "b")
    assert problems and "is not a 'byte'" in problems[0]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("12:00:00Z", True),
        ("23:59:60.5+02:00", True),
        ("12:00:00", True),
        ("24:00:00Z", False),
        ("12:00", False),
        ("12:00:00+2", False),
    ],
)
def test_a_time_is_read_as_rfc_3339(model: SpecModel, value: str, valid: bool) -> None:
    pointer = f"/components/schemas/Of_{FORMATS.index('time')}"
    assert (model.validate(pointer, value, "request", "t") == []) is valid
