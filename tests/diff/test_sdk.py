"""SDK names: the method of each operation and the model that holds a pointer."""

from __future__ import annotations

import pytest

from generator.diff.document import match_key
from generator.diff.sdk import SdkIndex
from tests.diff.cases import ITEM
from tests.diff.specs import Set, apply, pets


def test_methods_are_named_as_the_python_target_names_them() -> None:
    index = SdkIndex(apply(pets(), Set(f"{ITEM}/get/x-sdk-name", "fetch")))
    assert index.problem is None
    assert index.methods[match_key("GET", "/pets")] == "client.pets.list"
    assert index.methods[match_key("POST", "/pets")] == "client.pets.create"
    assert index.methods[match_key("DELETE", "/pets/{petId}")] == "client.pets.delete"
    assert index.methods[match_key("POST", "/pets/{id}/adopt")] == "client.pets.adopt"
    assert index.methods[match_key("GET", "/pets/{petId}")] == "client.fetch"


def test_the_model_at_a_pointer_is_the_closest_named_type_around_it() -> None:
    index = SdkIndex(pets())
    assert index.model_at("/components/schemas/Pet/properties/tag") == "Pet"
    assert index.model_at("/components/schemas/Pet") == "Pet"
    assert index.model_at("/components/schemas/PetList/properties/data/items") == "PetList"
    assert index.model_at("/paths/~1pets/get/parameters/0") is None
    assert index.classes()["NewKind"] == "/components/schemas/NewKind"


def test_the_models_an_operation_takes_and_returns() -> None:
    index = SdkIndex(pets())
    assert index.operation_models[match_key("GET", "/pets")] == ("PetList",)
    assert index.operation_models[match_key("POST", "/pets")] == ("NewKind", "Pet")
    assert index.operation_models[match_key("DELETE", "/pets/{petId}")] == ()


def test_a_document_the_ir_cannot_take_gives_no_names_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(document: object, name: str) -> object:
        raise TypeError("an input the IR cannot take")

    monkeypatch.setattr("generator.diff.sdk.build_api", refuse)
    spec = pets()
    index = SdkIndex(spec)
    assert index.methods == {} and index.models == {}
    assert index.problem is not None and index.problem.startswith("TypeError")
