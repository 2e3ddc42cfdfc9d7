"""The docs model: example values, example calls, what the guide shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.config import default_api
from generator.ir.model import Array, Const, EnumType, Map, Nullable, Primitive, Union
from generator.ir.names import Name
from generator.pipeline import prepare
from generator.targets.docs.examples import Code, ExampleValues, string_for
from generator.targets.docs.model import DocsModel
from generator.targets.docs.render import docs_model
from tests.conftest import minimal_spec
from tests.support.extend import extend_renderer


@pytest.mark.parametrize(
    ("node", "hint", "expected"),
    [
        (Primitive("string", "uri"), "link", "https://example.com/document.pdf"),
        (Primitive("string"), "extractorId", "extractor_123"),
        (Primitive("string"), "fileName", "File name"),
        (Primitive("integer"), None, 1),
        (Const("list"), None, "list"),
        (EnumType(("b", "a")), None, "b"),
        (Array(Primitive("boolean")), None, [True]),
        (Map(Primitive("number")), None, {"key": 1.5}),
        (Nullable(Primitive("string", "date")), None, "2025-01-01"),
        (Union((Const(None), Primitive("integer"))), None, 1),
    ],
)
def test_example_values(node: object, hint: str | None, expected: object) -> None:
    values = ExampleValues({}, file_sample=Code("upload()"))
    assert values.value(node, hint) == expected  # type: ignore[arg-type]


def test_a_file_upload_is_the_languages_sample() -> None:
    from generator.ir.model import Binary

    sample = Code("upload('document.pdf')", ("import upload",))
    assert ExampleValues({}, file_sample=sample).value(Binary()) is sample
    assert string_for(Name(("id",))) == "object_123"


def test_every_method_has_an_example_and_pollers_a_poll_example() -> None:
    docs = DocsModel(extend_renderer())
    assert len(docs.methods) == len({m.anchor for m in docs.methods})
    for method in docs.methods:
        assert (
            method.qualified + "(" in method.example or method.qualified + "(\n" in method.example
        )
        assert (method.poll_example is not None) == (method.view.poll is not None)
    quick = [m.qualified for m in docs.quickstarts]
    assert "client.parse_runs.create" in quick and "client.split_runs.create" in quick


def test_a_path_id_that_is_not_a_plain_string_gets_a_value_of_its_type(tmp_path: Path) -> None:
    """`pet_123` is a fine id when ids are strings; an integer or uuid id gets its own value
    (Prism refused `GET /pets/pet_123` where `id` is an integer)."""
    spec = minimal_spec()
    pet = {"type": "object", "properties": {"id": {"type": "integer"}}}
    ok = {"200": {"description": "a pet", "content": {"application/json": {"schema": pet}}}}
    spec["paths"] = {
        f"/{kind}/{{id}}": {"get": {"operationId": f"get_{kind}", "responses": ok, "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": schema}]}}
        for kind, schema in (("pets", {"type": "integer"}), ("toys", {"type": "string",
                             "format": "uuid"}), ("owners", {"type": "string"}))
    }  # fmt: skip
    (tmp_path / "pets.json").write_text(json.dumps(spec), encoding="utf-8")
    config = default_api(tmp_path / "pets.json", tmp_path, targets=("python", "typescript"))
    for surface in prepare(config).surfaces:
        examples = {m.operation.path: m.example for m in docs_model(surface).methods}
        assert ".retrieve(1)" in examples["/pets/{id}"], examples
        assert '.retrieve("00000000-0000-4000-8000-000000000000")' in examples["/toys/{id}"]
        assert '_123")' in examples["/owners/{id}"]


def test_an_sdks_docs_model_is_built_once_and_freed_with_the_sdk(tmp_path: Path) -> None:
    """The README and the docs folder share one model; nothing keeps the SDK, its model or the
    IR they hold) alive once the render is done (a table keyed by the SDK kept them all)."""
    import gc
    import weakref

    (tmp_path / "pets.json").write_text(json.dumps(minimal_spec()), encoding="utf-8")
    config = default_api(tmp_path / "pets.json", tmp_path, targets=("python", "go"))
    first, second = prepare(config).surfaces
    model = docs_model(first)
    assert docs_model(first) is model
    assert docs_model(second) is not model
    gone = (weakref.ref(first), weakref.ref(model))
    del first, second, model
    gc.collect()
    assert [ref() for ref in gone] == [None, None]
