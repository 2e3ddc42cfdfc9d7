"""3.1 `$id` and `$anchor`: refs rewritten as local pointers, never fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import resolve_pointer
from generator.load.loader import load_document
from generator.load.schema_ids import rebase_refs

FILE = "file:///specs/api.yaml"


def doc(schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "components": {"schemas": schemas},
    }


def ref_at(document: dict[str, Any], *path: str) -> Any:
    node: Any = document["components"]["schemas"]
    for key in path:
        node = node[key]
    return node.get("$ref")


PET = {"$id": "https://x.test/schemas/pet", "type": "object"}


# (id, schemas, path to the ref, the ref after rewriting)
CASES = [
    (
        "relative-name",
        {"Pet": {**PET, "properties": {"o": {"$ref": "owner"}}},
         "Owner": {"$id": "https://x.test/schemas/owner"}},
        ("Pet", "properties", "o"),
        "#/components/schemas/Owner",
    ),
    (
        "defs-of-the-enclosing-schema",
        {"Pet": {**PET, "properties": {"t": {"$ref": "#/$defs/Tag"}}, "$defs": {"Tag": {}}}},
        ("Pet", "properties", "t"),
        "#/components/schemas/Pet/$defs/Tag",
    ),
    (
        "absolute-uri-with-a-pointer",
        {"Pet": {**PET, "properties": {"c": {"$ref": "https://x.test/schemas/vet#/$defs/C"}}},
         "Vet": {"$id": "https://x.test/schemas/vet", "$defs": {"C": {}}}},
        ("Pet", "properties", "c"),
        "#/components/schemas/Vet/$defs/C",
    ),
    (
        "anchor",
        {"Pet": {**PET, "properties": {"h": {"$ref": "#home"}},
                 "$defs": {"Home": {"$anchor": "home"}}}},
        ("Pet", "properties", "h"),
        "#/components/schemas/Pet/$defs/Home",
    ),
    (
        "anchor-without-ids",
        {"A": {"properties": {"h": {"$ref": "#home"}}}, "Home": {"$anchor": "home"}},
        ("A", "properties", "h"),
        "#/components/schemas/Home",
    ),
    (
        "nested-relative-id",
        {"Pet": {**PET, "$defs": {"Toy": {"$id": "toys/toy", "properties": {
            "m": {"$ref": "maker"}}}, "Maker": {"$id": "toys/maker"}}}},
        ("Pet", "$defs", "Toy", "properties", "m"),
        "#/components/schemas/Pet/$defs/Maker",
    ),
    (
        "document-pointer-inside-an-id-keeps-its-meaning",
        {"Pet": {**PET, "properties": {"o": {"$ref": "#/components/schemas/Owner"}}},
         "Owner": {}},
        ("Pet", "properties", "o"),
        "#/components/schemas/Owner",
    ),
    (
        "relative-id-makes-a-file-ref",
        {"Pet": {"$id": "models/pet.yaml", "properties": {"o": {"$ref": "owner.yaml#/O"}}}},
        ("Pet", "properties", "o"),
        "models/owner.yaml#/O",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("schemas", "path", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refs_are_rewritten(schemas: dict[str, Any], path: tuple[str, ...], expected: str) -> None:
    document = doc(schemas)
    rebased, problems = rebase_refs(document, FILE, is_document=True)
    assert problems == []
    assert ref_at(rebased, *path) == expected


def test_the_input_is_not_changed() -> None:
    document = doc({"Pet": {**PET, "properties": {"t": {"$ref": "#/$defs/T"}}, "$defs": {"T": {}}}})
    rebase_refs(document, FILE, is_document=True)
    assert ref_at(document, "Pet", "properties", "t") == "#/$defs/T"


def test_what_resolves_nowhere_is_an_error_naming_the_uri() -> None:
    document = doc(
        {"Pet": {**PET, "properties": {"o": {"$ref": "owner"}, "t": {"$ref": "#/$defs/No"}}}}
    )
    rebased, problems = rebase_refs(document, FILE, is_document=True)
    assert sorted((code, pointer) for code, pointer, _ in problems) == [
        ("dangling-ref", "/components/schemas/Pet/properties/t"),
        ("remote-ref", "/components/schemas/Pet/properties/o"),
    ]
    assert any("'https://x.test/schemas/owner'" in message for _, _, message in problems)
    assert "$ref" not in rebased["components"]["schemas"]["Pet"]["properties"]["o"]


def test_documents_without_ids_are_returned_as_they_are() -> None:
    document = doc({"A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}}, "B": {}})
    assert rebase_refs(document, FILE, is_document=True) == (document, [])


def test_ids_in_another_file(tmp_path: Path) -> None:
    (tmp_path / "pet.yaml").write_text(
        yaml.safe_dump(
            {
                "$id": "https://x.test/pet",
                "type": "object",
                "properties": {"tag": {"$ref": "#/$defs/Tag"}},
                "$defs": {"Tag": {"type": "object", "properties": {"x": {"type": "string"}}}},
            }
        )
    )
    spec = tmp_path / "api.yaml"
    spec.write_text(
        yaml.safe_dump(
            {
                "openapi": "3.1.0",
                "info": {"title": "t", "version": "1"},
                "paths": {},
                "components": {"schemas": {"Pet": {"$ref": "pet.yaml"}}},
            }
        )
    )
    loaded = load_document(spec)
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    assert loaded.document is not None
    schemas = loaded.document["components"]["schemas"]
    pet = next(s for s in schemas.values() if "$defs" in s)
    tag = resolve_pointer(loaded.document, pet["properties"]["tag"]["$ref"][1:])[1]
    assert tag["properties"] == {"x": {"type": "string"}}
