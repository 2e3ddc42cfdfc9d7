"""`load_document_while`: work done on the document while its checks run in a forked child
gives the load `load_document` gives; what the work found in a document the checks reject is
thrown away, and a work that fails on an accepted document fails the load."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from generator.load import loader
from generator.load.loader import LoadResult, load_document, load_document_while
from tests.golden.regenerate import GOLDEN_DIR

SHELTER = GOLDEN_DIR / "shelter" / "spec.yaml"
SWAGGER = """swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, type: string}
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Pet"}}
definitions:
  Pet: {type: object, properties: {id: {type: string}}}
"""


@pytest.fixture(autouse=True)
def checks_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "CHECKS_APART_FROM_BYTES", 0)


def _paths(loaded: LoadResult) -> list[str]:
    assert loaded.document is not None
    return sorted(loaded.document["paths"])


def _same(one: LoadResult, other: LoadResult) -> None:
    assert one.document == other.document
    assert one.diagnostics == other.diagnostics
    assert (one.sha256, one.ok) == (other.sha256, other.ok)


def test_the_work_and_the_load_are_what_loading_first_gives() -> None:
    loaded, paths = load_document_while(SHELTER, _paths)
    _same(loaded, load_document(SHELTER))
    assert paths == _paths(loaded)


def test_a_document_the_checks_reject_throws_the_work_away(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    text = SHELTER.read_text(encoding="utf-8") + "x-broken:\n  $ref: '#/nowhere'\n"
    spec.write_text(text, encoding="utf-8")
    seen: list[Any] = []

    def fails(loaded: LoadResult) -> None:
        seen.append(loaded.document)
        raise RuntimeError("the work cannot cope with this document")

    loaded, done = load_document_while(spec, fails)
    assert seen and done is None and not loaded.ok
    _same(loaded, load_document(spec))
    assert "dangling-ref" in {d.code for d in loaded.diagnostics}


def test_a_work_that_fails_on_an_accepted_document_fails_the_load() -> None:
    def fails(loaded: LoadResult) -> None:
        raise RuntimeError("a bug in the work")

    with pytest.raises(RuntimeError, match="a bug in the work"):
        load_document_while(SHELTER, fails)


def test_a_swagger_document_is_converted_once_and_the_same(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(SWAGGER, encoding="utf-8")
    loaded, paths = load_document_while(spec, _paths)
    _same(loaded, load_document(spec))
    assert loaded.ok and paths == ["/pets/{id}"] and loaded.source_maps[1:]


def test_without_a_process_to_spare_the_checks_are_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError("no process to spare")

    monkeypatch.setattr(os, "fork", no_fork)
    loaded, paths = load_document_while(SHELTER, _paths)
    _same(loaded, load_document(SHELTER))
    assert paths == _paths(loaded)


def test_a_document_that_does_not_load_gets_no_work(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text("openapi: 3.0.3\npaths: [1\n", encoding="utf-8")
    loaded, done = load_document_while(spec, _paths)
    assert done is None and [d.code for d in loaded.diagnostics] == ["invalid-yaml"]
