"""Generated models: validation, unions, open enums, timestamps, unknown fields."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pydantic
import pytest

from tests.golden.regenerate import GOLDEN_DIR
from tests.support.extend import import_sdk

SHELTER_DIR = GOLDEN_DIR / "shelter" / "expected" / "python"


@pytest.fixture(scope="module")
def shelter() -> Any:
    if str(SHELTER_DIR) not in sys.path:
        sys.path.insert(0, str(SHELTER_DIR))
    import shelter_sdk  # type: ignore[import-not-found, unused-ignore]

    return shelter_sdk


def animal(**extra: Any) -> dict[str, Any]:
    return {
        "id": "a1",
        "name": "Tom",
        "species": "cat",
        "admittedAt": "2025-03-01T10:00:00",
        **extra,
    }


def test_wire_names_python_names_and_round_trip(shelter: Any) -> None:
    model = shelter.Animal.model_validate(animal(weightKg=4.5))
    assert model.weight_kg == 4.5
    assert model.to_dict()["weightKg"] == 4.5
    again = shelter.Animal.model_validate(model.to_dict())
    assert again == model


def test_timestamps_are_timezone_aware(shelter: Any) -> None:
    naive = shelter.Animal.model_validate(animal())
    assert naive.admitted_at == datetime(2025, 3, 1, 10, tzinfo=UTC)
    offset = shelter.Animal.model_validate(animal(admittedAt="2025-03-01T10:00:00+02:00"))
    assert offset.admitted_at.utcoffset() == timedelta(hours=2)
    assert offset.admitted_at.tzinfo is not None and offset.admitted_at.tzinfo != UTC


def test_unknown_fields_are_kept(shelter: Any) -> None:
    model = shelter.Animal.model_validate(animal(newField={"x": 1}))
    assert model.model_extra == {"newField": {"x": 1}}
    assert model.to_dict()["newField"] == {"x": 1}


def test_open_enums_keep_unknown_values_per_instance(shelter: Any) -> None:
    first = shelter.Animal.model_validate(animal(species="axolotl"))
    second = shelter.Animal.model_validate(animal(species="dog"))
    assert first.species == "axolotl"
    assert second.species == "dog"
    assert first.species == "axolotl"


def test_required_fields_are_enforced(shelter: Any) -> None:
    with pytest.raises(pydantic.ValidationError, match="admittedAt"):
        shelter.Animal.model_validate({"id": "a", "name": "n", "species": "cat"})


def test_recursive_models(shelter: Any) -> None:
    model = shelter.Animal.model_validate(animal(parent=animal(id="p")))
    assert model.parent is not None and model.parent.id == "p"


def test_discriminated_union_picks_by_tag(shelter: Any) -> None:
    wet = shelter.Animal.model_validate(animal(diet={"kind": "WetFood", "cansPerDay": 2}))
    dry = shelter.Animal.model_validate(animal(diet={"kind": "DryFood", "gramsPerDay": 80}))
    assert isinstance(wet.diet, shelter.WetFood) and wet.diet.cans_per_day == 2
    assert isinstance(dry.diet, shelter.DryFood) and dry.diet.grams_per_day == 80
    assert dry.to_dict()["diet"] == {"kind": "DryFood", "gramsPerDay": 80}


def test_union_without_discriminator_takes_the_one_member_that_fits() -> None:
    sdk = import_sdk()
    adapter = pydantic.TypeAdapter(sdk.models.FileInput)
    assert isinstance(adapter.validate_python({"url": "https://x/a.pdf"}), sdk.FileFromUrl)
    assert isinstance(adapter.validate_python({"id": "file_1"}), sdk.FileFromId)
    assert isinstance(adapter.validate_python({"text": "hello"}), sdk.FileFromText)


def test_a_value_fitting_several_members_takes_the_first_best_fit() -> None:
    sdk = import_sdk()
    adapter = pydantic.TypeAdapter(sdk.models.FileInput)
    # anyOf allows a value to fit several members: never an error, the first that fits best.
    both = adapter.validate_python({"url": "https://x/a.pdf", "id": "file_1"})
    assert isinstance(both, sdk.FileFromUrl | sdk.FileFromId)
    assert both.to_dict() == {"url": "https://x/a.pdf", "id": "file_1"}


def test_a_value_fitting_no_member_is_an_error_naming_them() -> None:
    sdk = import_sdk()
    adapter = pydantic.TypeAdapter(sdk.models.FileInput)
    with pytest.raises(pydantic.ValidationError, match="fits none of"):
        adapter.validate_python({"nothing": True})
