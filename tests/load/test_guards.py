"""The shape guard's quick pass lets through only documents the full walk finds no breach in,
and tells of refs to other files as the bundler would find them."""

from __future__ import annotations

from typing import Any

import pytest

from generator.load.bundle import has_external_refs
from generator.load.guards import MAX_DEPTH, _first_breach, _quick_pass, survey


def _nested(depth: int) -> dict[str, Any]:
    document: dict[str, Any] = {"leaf": 1}
    for _ in range(depth):
        document = {"a": [document]}
    return document


def _shared() -> dict[str, Any]:
    common = {"type": "string"}
    return {"a": common, "b": [common, common]}


def _shared_across_depths() -> dict[str, Any]:
    common = {"type": "string"}
    return {"a": common, "b": {"c": {"d": [common]}}}


def _bomb() -> dict[str, Any]:
    level: Any = ["x"] * 10
    for _ in range(7):
        level = [level] * 10
    return {"x-bomb": level}


def _cycle() -> dict[str, Any]:
    loop: dict[str, Any] = {"name": "loop"}
    loop["self"] = loop
    return {"components": loop}


DOCUMENTS = {
    "a tree": {"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"200": {}}}}}},
    "deep within the limit": _nested(MAX_DEPTH // 2 - 1),
    "too deep": _nested(MAX_DEPTH),
    "a shared mapping": _shared(),
    "a mapping shared across depths": _shared_across_depths(),
    "at the depth limit": _nested(MAX_DEPTH // 2),
    "an alias bomb": _bomb(),
    "a cycle": _cycle(),
    "a scalar": 7,
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_quick_pass_agrees_with_the_full_walk(name: str) -> None:
    document = DOCUMENTS[name]
    surveyed = survey(document)
    assert surveyed.breach == _first_breach(document)
    if surveyed.external_refs is not None:
        assert _first_breach(document) is None
        assert surveyed.external_refs == has_external_refs(document)


def test_what_the_quick_pass_sends_on() -> None:
    assert _quick_pass(DOCUMENTS["a tree"]) is False
    assert _quick_pass(DOCUMENTS["deep within the limit"]) is False
    assert _quick_pass(DOCUMENTS["too deep"]) is None
    assert _quick_pass(DOCUMENTS["a shared mapping"]) is None
    assert _quick_pass(DOCUMENTS["a mapping shared across depths"]) is None
    assert _quick_pass(DOCUMENTS["at the depth limit"]) is False
    assert _quick_pass(_nested(MAX_DEPTH // 2 + 1)) is None
    assert _quick_pass(DOCUMENTS["a cycle"]) is None
    breach = survey(DOCUMENTS["an alias bomb"]).breach
    assert breach is not None and breach.code == "alias-bomb"
    deep = survey(DOCUMENTS["too deep"]).breach
    assert deep is not None and deep.code == "nesting-too-deep"


@pytest.mark.parametrize(
    ("ref", "external"),
    [("#/components/schemas/A", False), ("other.yaml#/A", True), ("./a.json", True)],
)
def test_the_quick_pass_tells_of_refs_to_other_files(ref: str, external: bool) -> None:
    document = {"paths": {"/a": {"get": {"responses": {"200": {"$ref": ref}}}}}}
    assert survey(document).external_refs is external
    assert survey({"examples": [{"deep": document}]}).external_refs is external
