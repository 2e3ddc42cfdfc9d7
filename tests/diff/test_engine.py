"""The engine: shared things reported once, SDK names, order, the suggested bump."""

from __future__ import annotations

from typing import Any

import pytest

from generator.diff.model import Bump, Level
from tests.diff.cases import CREATE, GET_OP, ITEM, LIST, LIST_OP, PET, PET_OPS, S
from tests.diff.specs import Drop, Set, apply, diff, pets


def test_a_change_to_a_shared_schema_is_reported_once_with_every_operation() -> None:
    report = diff(pets(), apply(pets(), Drop(f"{PET}/tag")))
    assert len(report.changes) == 1
    change = report.changes[0]
    assert change.operations == PET_OPS
    assert change.methods == ("client.pets.list", "client.pets.create", "client.pets.retrieve")
    assert change.models == ("Pet",)
    assert change.old.pointer == f"{S}/Pet/properties/tag"
    assert change.new.pointer == f"{S}/Pet"


def test_a_change_to_a_shared_parameter_is_reported_once() -> None:
    locale = "/components/parameters/Locale"
    report = diff(pets(), apply(pets(), Set(f"{locale}/schema/maxLength", 5)))
    [change] = report.changes
    assert change.rule == "request-parameter-max-length-tightened"
    assert change.operations == ("GET /pets", "POST /pets", "GET /pets/{petId}")
    assert change.old.pointer == change.new.pointer == f"{locale}/schema"


def test_a_shared_response_added_to_several_operations_is_one_change() -> None:
    problem = {"$ref": "#/components/responses/Problem"}
    revision = apply(
        pets(),
        Set(f"{LIST}/responses/404", problem),
        Set(f"{CREATE}/responses/404", problem),
        Set(f"{ITEM}/get/responses/404", problem),
    )
    [change] = diff(pets(), revision).changes
    assert change.rule == "response-non-success-status-added"
    assert change.operations == PET_OPS
    assert change.new.pointer == "/components/responses/Problem"


def test_the_same_edit_in_inline_schemas_is_one_change_per_place() -> None:
    inline = {"type": "object", "properties": {"a": {"type": "string"}}}
    base = apply(
        pets(),
        Set(f"{ITEM}/get/responses/200/content/application~1json/schema", inline),
        Set(f"{LIST}/responses/200/content/application~1json/schema", inline),
    )
    other = {"type": "object", "properties": {"b": {"type": "string"}}}
    revision = apply(
        pets(),
        Set(f"{ITEM}/get/responses/200/content/application~1json/schema", other),
        Set(f"{LIST}/responses/200/content/application~1json/schema", other),
    )
    changes = diff(base, revision).changes
    removed = [c for c in changes if c.rule == "response-optional-property-removed"]
    assert sorted(c.operations for c in removed) == [(LIST_OP,), (GET_OP,)]
    assert {c.rule for c in changes} == {
        "response-optional-property-removed",
        "response-property-added",
    }


def test_renaming_a_path_parameter_is_one_change_that_names_both() -> None:
    spec = pets()
    item = spec["paths"].pop("/pets/{petId}")
    item["parameters"][0]["name"] = "id"
    spec["paths"]["/pets/{id}"] = item
    changes = diff(pets(), spec).changes
    assert [(c.rule, c.level, c.message) for c in changes] == [
        (
            "request-path-parameter-renamed",
            Level.POSSIBLY_BREAKING,
            "path parameter 'petId' renamed to 'id'",
        )
    ]
    assert changes[0].operations == ("GET /pets/{id}", "DELETE /pets/{id}")


def test_a_renamed_path_parameter_declared_per_operation_is_named_right() -> None:
    def document(path: str, name: str) -> dict[str, object]:
        parameter = {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        operation = {"parameters": [parameter], "responses": {"204": {"description": "ok"}}}
        return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                "paths": {path: {"get": operation}}}  # fmt: skip

    changes = diff(document("/test/{id}", "id"), document("/test/{testId}", "testId")).changes
    assert [c.message for c in changes] == ["path parameter 'id' renamed to 'testId'"]
    assert not any("new required" in c.message or "removed" in c.message for c in changes)


def test_read_only_properties_are_not_part_of_requests() -> None:
    revision = apply(
        pets(),
        Set(f"{S}/NewPet/properties/created", {"type": "string", "readOnly": True}),
        Set(f"{S}/NewPet/required/-", "created"),
        Set(f"{S}/NewPet/properties/id/type", "string"),
    )
    assert diff(pets(), revision).changes == ()


def test_changes_come_most_severe_first_and_the_bump_is_the_largest() -> None:
    revision = apply(
        pets(),
        Set(f"{PET}/color", {"type": "string"}),
        Drop(f"{ITEM}/delete"),
        Set(f"{PET}/tag/deprecated", True),
    )
    report = diff(pets(), revision)
    assert [c.level for c in report.changes] == [
        Level.BREAKING,
        Level.NON_BREAKING,
        Level.NON_BREAKING,
    ]
    assert report.bump is Bump.MAJOR
    assert report.changes[0].methods == ("client.pets.delete",)


def test_additions_ask_for_a_minor_release_small_fixes_a_patch_and_nothing_none() -> None:
    assert diff(pets(), apply(pets(), Set(f"{PET}/color", {"type": "string"}))).bump is Bump.MINOR
    deprecated = apply(pets(), Set(f"{PET}/tag/deprecated", True))
    assert diff(pets(), deprecated).bump is Bump.PATCH
    described = apply(pets(), Set(f"{PET}/tag/description", "A free label."))
    report = diff(pets(), described)
    assert report.changes == () and report.bump is Bump.NONE


def test_a_document_the_sdk_cannot_be_named_from_is_still_diffed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.ir.build import build_api

    def refuse(document: Any, name: str) -> Any:
        if "delete" not in document["paths"]["/pets/{petId}"]:
            raise TypeError("an input the IR cannot take")
        return build_api(document, name)

    monkeypatch.setattr("generator.diff.sdk.build_api", refuse)
    revision = apply(pets(), Drop(f"{ITEM}/delete"))
    report = diff(pets(), revision)
    assert [c.rule for c in report.changes] == ["endpoint-removed"]
    assert report.changes[0].methods == ("client.pets.delete",)
    [note] = report.notes
    assert note.startswith("SDK methods and models of new.yaml are not named: TypeError")
