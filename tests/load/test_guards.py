"""The shape guard's quick pass lets through only documents the full walk finds no breach in."""

from __future__ import annotations

from typing import Any

import pytest

from generator.load.guards import MAX_DEPTH, _first_breach, _plainly_within, check_shape


def _nested(depth: int) -> dict[str, Any]:
    document: dict[str, Any] = {"leaf": 1}
    for _ in range(depth):
        document = {"a": [document]}
    return document


def _shared() -> dict[str, Any]:
    common = {"type": "string"}
    return {"a": common, "b": [common, common]}


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
    "an alias bomb": _bomb(),
    "a cycle": _cycle(),
    "a scalar": 7,
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_quick_pass_agrees_with_the_full_walk(name: str) -> None:
    document = DOCUMENTS[name]
    assert check_shape(document) == _first_breach(document)
    if _plainly_within(document):
        assert _first_breach(document) is None


def test_what_the_quick_pass_sends_on() -> None:
    assert _plainly_within(DOCUMENTS["a tree"])
    assert _plainly_within(DOCUMENTS["deep within the limit"])
    assert not _plainly_within(DOCUMENTS["too deep"])
    assert not _plainly_within(DOCUMENTS["a shared mapping"])
    assert not _plainly_within(DOCUMENTS["a cycle"])
    breach = check_shape(DOCUMENTS["an alias bomb"])
    assert breach is not None and breach.code == "alias-bomb"
    deep = check_shape(DOCUMENTS["too deep"])
    assert deep is not None and deep.code == "nesting-too-deep"
