"""Specs split over files load as one document: shared parts move into components under names
from their files, the rest is copied in place, and nothing leaves the spec's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Severity
from generator.ir.build import build_api
from generator.ir.model import Array, ModelDef, Ref
from generator.ir.names import Name
from generator.load.bundle import bundle, child_kind, iter_schema_refs
from generator.load.loader import load_document

ROOT_SPEC = """openapi: 3.0.3
info: {title: Split, version: '1'}
paths:
  /pets:
    $ref: paths/pets.yaml
  /owners/{id}:
    get:
      parameters:
        - $ref: 'parameters.yaml#/owner_id'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: 'owners/models/item.yaml'
        '404':
          $ref: 'shared/responses/not_found.yaml'
components:
  schemas:
    Local:
      type: object
      properties:
        pet: {$ref: 'pets/models/item.yaml'}
"""

FILES = {
    "paths/pets.yaml": """get:
  operationId: listPets
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema:
            type: array
            items: {$ref: '../pets/models/item.yaml'}
""",
    "pets/models/item.yaml": """type: object
properties:
  name: {type: string}
  owner: {$ref: '../../owners/models/item.yaml'}
  attributes:
    $ref: 'attributes.yaml#/pet_attributes'
  tags:
    type: array
    items: {$ref: '#/definitions/tag'}
definitions:
  tag: {type: string, example: {$ref: not-a-ref}}
""",
    "pets/models/attributes.yaml": """pet_attributes:
  type: object
  properties:
    legs: {type: integer}
""",
    "owners/models/item.yaml": """type: object
properties:
  name: {type: string}
  pets:
    type: array
    items: {$ref: '../../pets/models/item.yaml'}
  local: {$ref: '../../split.yaml#/components/schemas/Local'}
""",
    "parameters.yaml": """owner_id:
  name: id
  in: path
  required: true
  schema: {type: string}
""",
    "shared/responses/not_found.yaml": """description: not found
content:
  application/json:
    schema:
      type: object
      properties:
        message: {type: string}
""",
}


@pytest.fixture
def split_spec(tmp_path: Path) -> Path:
    for relative, text in FILES.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    root = tmp_path / "split.yaml"
    root.write_text(ROOT_SPEC)
    return root


def test_a_split_spec_loads_as_one_document(split_spec: Path) -> None:
    loaded = load_document(split_spec)
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    document = loaded.document
    assert document is not None
    schemas = document["components"]["schemas"]
    # two files named item.yaml: their folders tell them apart
    assert {"Local", "pets_item", "owners_item", "pet_attributes", "tag"} <= set(schemas)
    assert "not_found" in document["components"]["responses"]
    assert "owner_id" in document["components"]["parameters"]
    assert document["paths"]["/pets"]["get"]["operationId"] == "listPets", "path items inline"
    assert not any(not ref.startswith("#") for ref, _ in iter_schema_refs(document))
    assert schemas["tag"]["example"] == {"$ref": "not-a-ref"}, "examples are data"

    api = build_api(document, "split")
    types = {t.name: t for t in api.types}
    pet = types[Name(("pets", "item"))]
    assert isinstance(pet, ModelDef)
    fields = {f.wire_name: f.type for f in pet.fields}
    assert fields["owner"] == Ref(Name(("owners", "item")))
    assert fields["tags"] == Array(Ref(Name(("tag",))))
    owner = types[Name(("owners", "item"))]
    assert isinstance(owner, ModelDef)
    assert {f.wire_name: f.type for f in owner.fields}["local"] == Ref(Name(("local",)))


def test_diagnostics_name_the_file_and_line_they_come_from(split_spec: Path) -> None:
    attributes = split_spec.parent / "pets" / "models" / "attributes.yaml"
    attributes.write_text("pet_attributes:\n  type: object\n  properties:\n    legs: 5\n")
    loaded = load_document(split_spec)
    assert loaded.document is not None
    api = build_api(loaded.document, "split", str(split_spec))
    located = [loaded.locate(d) for d in api.diagnostics if d.code == "invalid-schema"]
    assert [(Path(d.file or "").name, d.line, d.pointer) for d in located] == [
        ("attributes.yaml", 4, "/pet_attributes/properties/legs")
    ]


def test_refs_that_cannot_be_followed(split_spec: Path) -> None:
    outside = split_spec.parent.parent / "outside.yaml"
    outside.write_text("type: string\n")
    (split_spec.parent / "parameters.yaml").write_text(
        "owner_id:\n  name: id\n  in: path\n  required: true\n"
        f"  schema: {{$ref: '../{outside.name}'}}\n"
    )
    (split_spec.parent / "pets" / "models" / "attributes.yaml").write_text(
        "pet_attributes: {$ref: 'https://example.test/attributes.yaml'}\n"
    )
    (split_spec.parent / "shared" / "responses" / "not_found.yaml").unlink()
    loaded = load_document(split_spec)
    found = {(d.code, Path(d.file or "").name, d.severity) for d in loaded.diagnostics}
    assert found == {
        ("ref-outside-root", "parameters.yaml", Severity.ERROR),
        ("remote-ref", "attributes.yaml", Severity.ERROR),
        ("external-ref-unreadable", "split.yaml", Severity.ERROR),
    }
    assert not loaded.ok


@pytest.mark.parametrize(
    ("ref", "code"),
    [
        ("file:///etc/hostname", "remote-ref"),
        ("http://example.test/a.yaml#/A", "remote-ref"),
        ("//example.test/a.yaml", "remote-ref"),
        ("/etc/hostname", "ref-absolute-path"),
        ("../outside.yaml", "ref-outside-root"),
        ("sub/../../outside.yaml", "ref-outside-root"),
        ("linked/outside.yaml", "ref-outside-root"),
    ],
)
def test_refused_refs_are_errors(tmp_path: Path, ref: str, code: str) -> None:
    spec_dir = tmp_path / "spec"
    (spec_dir / "sub").mkdir(parents=True)
    (tmp_path / "outside.yaml").write_text("type: string\n")
    (spec_dir / "linked").symlink_to(tmp_path, target_is_directory=True)
    spec = spec_dir / "api.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        f"components:\n  schemas:\n    A: {{$ref: '{ref}'}}\n"
    )
    loaded = load_document(spec)
    assert [(d.code, d.severity, d.line) for d in loaded.diagnostics] == [(code, Severity.ERROR, 6)]
    assert not loaded.ok


def test_a_cycle_through_copied_parts_is_cut_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("description: {$ref: 'b.yaml'}\n")
    (tmp_path / "b.yaml").write_text("$ref: 'a.yaml'\n")
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "x-doc": {}}
    document["x-doc"] = {"$ref": "a.yaml"}
    root = tmp_path / "root.yaml"
    root.write_text("openapi: 3.1.0\n")

    def read(path: Path) -> tuple[object, str | None]:
        import yaml

        return yaml.safe_load(path.read_text()), None

    result = bundle(root, document, read)
    assert [p.code for p in result.problems] == ["ref-cycle"]


def test_recursion_across_files_ends_in_components(tmp_path: Path) -> None:
    (tmp_path / "node.yaml").write_text(
        "type: object\nproperties:\n  children:\n    type: array\n    items: {$ref: 'node.yaml'}\n"
    )
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Tree": {"$ref": "node.yaml"}}},
    }
    root = tmp_path / "root.yaml"

    def read(path: Path) -> tuple[object, str | None]:
        import yaml

        return yaml.safe_load(path.read_text()), None

    result = bundle(root, document, read)
    schemas = result.document["components"]["schemas"]
    assert schemas["Tree"] == {"$ref": "#/components/schemas/node"}
    assert schemas["node"]["properties"]["children"]["items"] == {
        "$ref": "#/components/schemas/node"
    }


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("document", "paths", "path_item"),
        ("path_item", "get", "operation"),
        ("operation", "requestBody", "request_body"),
        ("media", "schema", "schema"),
        ("schema", "properties", "schema"),
        ("schema", "example", "data"),
        ("schema", "discriminator", "other"),
        ("response", "headers", "header"),
    ],
)
def test_where_refs_sit_decides_what_they_refer_to(kind: str, key: str, expected: str) -> None:
    assert child_kind(kind, key, swagger2=False) == expected  # type: ignore[arg-type]


def test_the_hash_of_a_split_spec_covers_every_file(split_spec: Path) -> None:
    before = load_document(split_spec).sha256
    attributes = split_spec.parent / "pets" / "models" / "attributes.yaml"
    attributes.write_text(attributes.read_text() + "    tail: {type: string}\n")
    assert load_document(split_spec).sha256 != before
