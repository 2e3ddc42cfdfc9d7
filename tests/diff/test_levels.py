"""The reasons behind levels that were judged against oasdiff's, held on the SDKs themselves:
what a change does to an SDK's types, and what a release gate does with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diff.model import Level
from generator.ir.build import build_api_indexed
from generator.ir.model import TypeNode
from generator.targets.java.types import JavaTypes
from generator.targets.python.types import Mode, TypeRenderer
from tests.diff.cases import CASES, Case
from tests.diff.specs import apply, diff, pets

BY_RULE = {case.rule: case for case in CASES}


def _documents(case: Case) -> tuple[dict[str, object], dict[str, object]]:
    base = apply(pets(), *case.base)
    return base, apply(apply(pets(), *case.base), *case.revise)


def _types_at(case: Case, pointer: str) -> tuple[TypeNode, TypeNode]:
    """The IR type of the schema at `pointer` in the case's base and revision."""
    old, new = (build_api_indexed(document, "pets")[1][pointer] for document in _documents(case))
    return old, new


def _python(node: TypeNode, mode: Mode = "input") -> str:
    """The annotation of an argument (what callers pass) or, in "output" mode, of a model field."""
    return TypeRenderer({}, {}).annotation(node, mode)


def _java(node: TypeNode) -> str:
    return JavaTypes({}, {}).annotation(node)


def test_a_format_change_changes_the_type_callers_pass_or_read() -> None:
    """Breaking, as oasdiff judges it: the SDKs' types follow the format (date or date-time in
    Python and Java; Java's Long or Integer, where Python's int stays)."""
    date = _types_at(
        BY_RULE["request-parameter-format-changed"], "/paths/~1pets/get/parameters/4/schema"
    )
    assert (_python(date[0]), _python(date[1])) == ("date", "datetime")
    assert (_java(date[0]), _java(date[1])) == ("LocalDate", "OffsetDateTime")
    pet_id = _types_at(
        BY_RULE["response-property-format-changed"], "/components/schemas/Pet/properties/id"
    )
    assert (_java(pet_id[0]), _java(pet_id[1])) == ("Long", "Integer")
    assert (_python(pet_id[0], "output"), _python(pet_id[1], "output")) == ("int", "int")


_REQUEST_TAG = "/components/schemas/NewPet/properties/tag"
_RESPONSE_TAG = "/components/schemas/Pet/properties/tag"


@pytest.mark.parametrize(
    ("rule", "pointer", "mode", "binary"),
    [
        ("request-property-content-media-type-added", _REQUEST_TAG, "input", "FileUpload"),
        ("request-property-content-media-type-removed", _REQUEST_TAG, "input", "FileUpload"),
        ("response-property-content-media-type-added", _RESPONSE_TAG, "output", "bytes"),
        ("response-property-content-media-type-removed", _RESPONSE_TAG, "output", "bytes"),
    ],
)
def test_a_content_media_type_set_or_dropped_changes_the_sdk_type(
    rule: str, pointer: str, mode: Mode, binary: str
) -> None:
    """Breaking either way: a string with a media type is binary in the SDKs, text without."""
    old, new = _types_at(BY_RULE[rule], pointer)
    assert {_python(old, mode), _python(new, mode)} == {"str", binary}
    assert {_java(old), _java(new)} == {"String", "byte[]"}


@pytest.mark.parametrize(
    "rule",
    [
        "endpoint-removed-after-sunset",
        "request-parameter-removed-after-sunset",
        "request-property-removed-after-sunset",
        "response-property-removed-after-sunset",
    ],
)
def test_a_removal_after_its_sunset_is_possibly_breaking(rule: str, tmp_path: Path) -> None:
    """Announced, so a `--fail-on breaking` gate lets it through; code that still uses it
    fails, so it is listed as possibly breaking and `--fail-on possibly-breaking` stops it."""
    old, new = _documents(BY_RULE[rule])
    report = diff(old, new)
    assert [c.rule for c in report.changes if c.level is Level.POSSIBLY_BREAKING] == [rule]
    assert report.count(Level.BREAKING) == 0
    paths = []
    for name, document in (("old.json", old), ("new.json", new)):
        path = tmp_path / name
        path.write_text(json.dumps(document))
        paths.append(str(path))
    for fail_on, code in (("breaking", 0), ("possibly-breaking", 1)):
        assert CliRunner().invoke(main, ["diff", *paths, "--fail-on", fail_on]).exit_code == code
