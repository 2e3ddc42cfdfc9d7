"""One small spec written here with the constructs real APIs use, generated and exercised:
discriminated, recursive and nullable unions, typed extra properties, defaults, deprecation,
enum values that collide as names, names of every kind, read-only and write-only fields, form,
multipart, binary and text bodies, header, cookie and query parameters, API-key security."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest
import yaml

from generator.config import default_api
from generator.pipeline import render_api

SPEC = """
openapi: 3.1.0
info: {title: Constructs, version: '1'}
servers: [{url: 'https://constructs.test'}]
security: [{key: []}]
components:
  securitySchemes:
    key: {type: apiKey, in: query, name: api_key}
  schemas:
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator: {propertyName: kind, mapping: {kitty: '#/components/schemas/Cat'}}
    Cat:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
        lives: {type: integer, default: 9}
        mood: {type: string, default: 5}
    Dog:
      type: object
      required: [kind]
      properties:
        kind: {const: Dog}
        good: {type: boolean, deprecated: true}
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
    Json:
      anyOf:
        - {type: string}
        - {type: number}
        - {type: array, items: {$ref: '#/components/schemas/Json'}}
        - {type: object, additionalProperties: {$ref: '#/components/schemas/Json'}}
    Labels:
      type: object
      properties: {name: {type: string}}
      additionalProperties: {type: integer}
    Zone: {type: string, enum: [GMT0, GMT+0, GMT-0, gmt0]}
    Priority: {type: integer, enum: [1, 2, 3]}
    Order: {type: string, enum: [ASC, asc, Desc]}
    class:
      type: object
      properties:
        class: {type: string}
        from: {type: integer}
        1st: {type: string}
        a-b: {type: string}
        A_B: {type: string}
        model_dump: {type: string}
        Ünïcode: {type: string}
        type: {type: string}
    list: {type: array, items: {type: string}}
    1Password: {type: object, properties: {x: {type: string}}}
    foo.bar: {type: string}
    OneOf: {type: object, properties: {a: {type: string}}}
    Annotated: {type: string}
    foo_bar: {type: integer}
    Maybe: {type: [string, 'null']}
    MaybePet: {anyOf: [{$ref: '#/components/schemas/Pet'}, {type: 'null'}]}
    Account:
      type: object
      required: [id, password]
      properties:
        id: {type: string, readOnly: true}
        password: {type: string, writeOnly: true}
        zone: {$ref: '#/components/schemas/Zone'}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: order, in: query, schema: {$ref: '#/components/schemas/Order'}}
        - {name: X-Trace, in: header, schema: {type: string}}
        - {name: session, in: cookie, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [name]
              properties: {name: {type: string}, age: {type: integer}}
      responses:
        '201':
          description: made
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
  /pets/{id}/photo:
    put:
      operationId: putPhoto
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
                caption: {type: string}
      responses:
        '200':
          description: the photo as stored
          content: {image/png: {schema: {type: string, format: binary}}}
  /pets/{id}/raw:
    put:
      operationId: putRaw
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content: {application/octet-stream: {schema: {type: string, format: binary}}}
      responses:
        '204': {description: stored}
  /accounts:
    post:
      operationId: createAccount
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Account'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Account'}
  /class/{from}/import:
    post:
      operationId: import
      parameters:
        - {name: from, in: path, required: true, schema: {type: string}}
        - {name: type, in: query, schema: {$ref: '#/components/schemas/Priority'}}
        - {name: 1st, in: query, schema: {type: string}}
        - {name: self, in: query, schema: {type: string}}
        - {name: options, in: query, schema: {type: string}}
        - {name: X-Async, in: header, schema: {type: boolean}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Priority'}
  /health:
    get:
      operationId: health
      deprecated: true
      responses:
        '200':
          description: ok
          content: {text/plain: {schema: {type: string}}}
"""


@pytest.fixture(scope="module")
def sdk_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("constructs")
    spec = folder / "constructs.yaml"
    spec.write_text(SPEC)
    rendered = render_api(default_api(spec, folder / "out", "constructs_sdk"))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        if relative.startswith("python/"):
            target = folder / "out" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    return folder / "out" / "python"


@pytest.fixture(scope="module")
def sdk(sdk_folder: Path) -> Iterator[Any]:
    sys.path.insert(0, str(sdk_folder))
    try:
        yield importlib.import_module("constructs_sdk")
    finally:
        sys.path.remove(str(sdk_folder))


@pytest.fixture(scope="module")
def models(sdk: Any) -> Any:
    return importlib.import_module("constructs_sdk.models")


def adapter(annotation: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(annotation)


def test_discriminator_with_explicit_implicit_and_declared_values(models: Any) -> None:
    pet = adapter(models.Pet)
    assert type(pet.validate_python({"kind": "kitty"})) is models.Cat
    assert type(pet.validate_python({"kind": "Cat"})) is models.Cat
    assert type(pet.validate_python({"kind": "Dog"})) is models.Dog
    maybe = adapter(models.MaybePet)
    assert maybe.validate_python(None) is None
    assert type(maybe.validate_python({"kind": "Dog"})) is models.Dog


def test_defaults_that_fit_and_deprecation(models: Any) -> None:
    cat = models.Cat.model_validate({"kind": "kitty"})
    assert cat.lives == 9
    assert cat.mood is None, "a default of the wrong type is not copied"
    assert cat.to_dict() == {"kind": "kitty"}
    dog = models.Dog.model_validate({"kind": "Dog", "good": True})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert dog.good is True
    assert [w.category for w in caught] == [DeprecationWarning]


def test_recursive_models_and_aliases(models: Any) -> None:
    tree = models.Tree.model_validate({"children": [{"children": [{}]}]})
    assert tree.children[0].children[0].children is None
    value = {"a": [1, "two", {"b": []}]}
    assert adapter(models.Json).validate_python(value) == value


def test_additional_properties_are_typed(models: Any) -> None:
    labels = models.Labels.model_validate({"name": "x", "legs": "4"})
    assert labels.model_extra == {"legs": 4}
    with pytest.raises(pydantic.ValidationError):
        models.Labels.model_validate({"legs": "four"})


def test_enum_values_that_collide_as_names_stay_distinct(models: Any) -> None:
    from typing import get_args

    assert get_args(models.Zone) == ("GMT0", "GMT+0", "GMT-0", "gmt0")
    assert get_args(models.Order) == ("ASC", "asc", "Desc")


def test_names_of_every_kind_are_distinct_identifiers(models: Any) -> None:
    wire = ["class", "from", "1st", "a-b", "A_B", "model_dump", "Ünïcode", "type"]
    model = models.ClassModel if hasattr(models, "ClassModel") else models.Class
    fields = {info.alias or name: name for name, info in model.model_fields.items()}
    assert sorted(fields) == sorted(wire)
    assert all(name.isidentifier() for name in fields.values())
    assert len(set(fields.values())) == len(wire)
    value = {w: "v" if w != "from" else 1 for w in wire}
    assert model.model_validate(value).to_dict() == value
    exported = set(models.__all__)
    assert len(exported) == len(models.__all__)
    assert {"FooBar", "FooBar2", "OneOfModel", "AnnotatedModel"} <= exported
    assert all(name.isidentifier() for name in exported)
    assert adapter(models.Maybe).validate_python(None) is None


def test_read_only_and_write_only_shape_requests_and_responses(sdk_folder: Path) -> None:
    source = (sdk_folder / "constructs_sdk" / "resources" / "accounts.py").read_text()
    create = source[source.index("def create(") : source.index("**options")]
    assert "password" in create and "id:" not in create
    models_source = (sdk_folder / "constructs_sdk" / "models.py").read_text()
    account = models_source[models_source.index("class Account(") :]
    account = account[: account.index("\nclass ") if "\nclass " in account else None]
    assert "id: str" in account and "password" not in account


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/pets" and request.method == "GET":
            return httpx.Response(200, json=[{"kind": "kitty", "lives": 3}, {"kind": "Dog"}])
        if path == "/pets":
            return httpx.Response(201, json={"kind": "Dog"})
        if path.endswith("/photo"):
            return httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"})
        if path.endswith("/raw"):
            return httpx.Response(204)
        if path.startswith("/class/"):
            return httpx.Response(200, json=2)
        if path == "/health":
            return httpx.Response(200, text="fine", headers={"content-type": "text/plain"})
        return httpx.Response(200, json={"id": "a1", "zone": "GMT+0"})


def test_every_kind_of_parameter_and_body_reaches_the_wire(sdk: Any) -> None:
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = sdk.Constructs(token="k", base_url="https://constructs.test", http_client=http)
    pets = client.pets.list(order="asc", x_trace="t1", session="s1")
    assert [type(p).__name__ for p in pets] == ["Cat", "Dog"]
    listing = recorder.requests[-1]
    assert listing.url.params["order"] == "asc" and listing.url.params["api_key"] == "k"
    assert listing.headers["x-trace"] == "t1"
    assert "session=s1" in listing.headers["cookie"]

    client.pets.create(name="Rex", age=3)
    form = recorder.requests[-1]
    assert form.headers["content-type"] == "application/x-www-form-urlencoded"
    assert form.content == b"name=Rex&age=3"

    photo = client.pets.photo("p/1", file=("a.png", b"\x89PNG"), caption="hi")
    upload = recorder.requests[-1]
    assert upload.url.raw_path.startswith(b"/pets/p%2F1/photo")
    assert upload.headers["content-type"].startswith("multipart/form-data")
    assert b'name="caption"' in upload.content and b"\x89PNG" in upload.content
    assert photo.read() == b"\x89PNG"  # a binary answer streams: read() gives all of it

    assert client.pets.raw("p1", body=b"\x00\x01") is None
    assert recorder.requests[-1].content == b"\x00\x01"

    priority = client.class_.import_("a b", type=3, param_1st="x", self_2="s", options_2="o")
    assert priority == 2
    imported = recorder.requests[-1]
    assert imported.url.raw_path.startswith(b"/class/a%20b/import?")
    assert dict(imported.url.params) == {
        "type": "3",
        "1st": "x",
        "self": "s",
        "options": "o",
        "api_key": "k",
    }

    account = client.accounts.create(password="secret", zone="GMT-0")
    assert account.id == "a1" and account.zone == "GMT+0"
    assert client.health.list() == "fine"


@pytest.mark.slow
def test_the_generated_package_passes_mypy_strict(sdk_folder: Path, tmp_path: Path) -> None:
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path)]
    checked = subprocess.run(
        [*mypy, "-p", "constructs_sdk"],
        cwd=sdk_folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_spec_is_valid_openapi_but_for_the_default_of_the_wrong_type() -> None:
    from openapi_spec_validator import OpenAPIV31SpecValidator

    errors = list(OpenAPIV31SpecValidator(yaml.safe_load(SPEC)).iter_errors())
    assert [e.message for e in errors] == ["5 is not of type 'string'"]
