"""Fields, parameters and methods named like builtins keep their names (`listing.type`,
`listing.object`, `list=`, `date=`), as users of extend-ai and openai-python write them;
only keywords and pydantic's own attributes are renamed. A class that binds such a name, and a
function whose parameter does, still mean the builtin in their other annotations and bodies:
proven by real calls, ruff, black and `mypy --strict` over the SDK and code that uses it."""

from __future__ import annotations

import asyncio
import datetime
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import black
import httpx
import pytest
from black.mode import TargetVersion

from generator.config import default_api
from generator.emit.formatting import format_files
from generator.pipeline import render_api
from tests.support.lint import ruff_findings

PACKAGE = "shadows_sdk"
SPEC = """
openapi: 3.1.0
info: {title: Shadows, version: '1'}
servers: [{url: 'https://shadows.test'}]
components:
  schemas:
    Cat:
      type: object
      required: [kind]
      properties: {kind: {const: cat}, lives: {type: integer}}
    Dog:
      type: object
      required: [kind]
      properties: {kind: {const: dog}}
    Listing:
      type: object
      required: [type, object, id]
      properties:
        type: {type: string}
        object: {const: listing}
        id: {type: string}
        format: {type: string}
        list: {type: array, items: {type: string}}
        tags: {type: array, items: {type: string}}
        date: {type: string, format: date}
        when: {type: string, format: date}
        datetime: {type: string, format: date-time}
        str: {type: string}
        name: {type: string}
        int: {type: integer}
        count: {type: integer}
        float: {type: number}
        ratio: {type: number}
        bool: {type: boolean}
        flag: {type: boolean}
        union:
          oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
          discriminator: {propertyName: kind}
        pet:
          oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
          discriminator: {propertyName: kind}
        builtins: {type: string}
        dict: {type: object, additionalProperties: {type: integer}}
        meta: {type: object, additionalProperties: {type: integer}}
        from: {type: string}
      additionalProperties: {type: array, items: {type: string}}
paths:
  /listings:
    get:
      operationId: listListings
      parameters:
        - {name: type, in: query, schema: {type: string}}
        - {name: list, in: query, schema: {type: array, items: {type: string}}}
        - {name: date, in: query, schema: {type: string, format: date}}
        - {name: format, in: query, schema: {type: string}}
        - {name: id, in: query, schema: {type: string}}
        - {name: union, in: query, schema: {type: string}}
        - {name: from, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Listing'}}
    post:
      operationId: createListing
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [type]
              properties:
                type: {type: string}
                list: {type: array, items: {type: string}}
                date: {type: string, format: date}
                object: {type: object, additionalProperties: {type: string}}
                when: {type: string, format: date}
      responses:
        '201':
          description: made
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Listing'}
  /listings/tags:
    get:
      operationId: listingTags
      x-sdk-name: listings.tags
      parameters:
        - {name: dict, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: string}}
  /search:
    get:
      operationId: search
      x-sdk-name: search
      parameters:
        - {name: list, in: query, required: true, schema: {type: array, items: {type: string}}}
        - {name: type, in: query, schema: {type: string}}
        - {name: when, in: query, schema: {type: string, format: date}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                additionalProperties: {type: array, items: {$ref: '#/components/schemas/Listing'}}
"""

LISTING = {
    "type": "flat",
    "object": "listing",
    "id": "l1",
    "format": "short",
    "list": ["a", "b"],
    "date": "2024-01-02",
    "datetime": "2024-01-02T03:04:05Z",
    "str": "s",
    "int": 3,
    "float": 1.5,
    "bool": True,
    "union": {"kind": "cat", "lives": 9},
    "pet": {"kind": "dog"},
    "builtins": "b",
    "dict": {"one": 1},
    "from": "here",
    "extra": ["x"],
}

USE = f"""
from __future__ import annotations

import datetime

from {PACKAGE} import AsyncShadows, Cat, Listing, Shadows


def use(client: Shadows) -> list[str]:
    listings: list[Listing] = client.listings.list(type="t", list=["a"], date=datetime.date.today())
    first = listings[0]
    kind: str = first.type
    obj: str = first.object
    names: list[str] | None = first.list
    day: datetime.date | None = first.date
    cat = first.union
    lives: int | None = cat.lives if isinstance(cat, Cat) else None
    made: Listing = client.listings.create(type="t", list=["a"], object={{"k": "v"}})
    found: dict[str, list[Listing]] = client.search(list=["q"], type="t")
    tags: list[str] = client.listings.tags(dict="d")
    print(kind, obj, names, day, lives, made.from_, made.builtins_, made.dict_, found)
    return tags


async def use_async(client: AsyncShadows) -> list[Listing]:
    return await client.listings.list(list=["a"], union="u")
"""


@pytest.fixture(scope="module")
def sdk_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shadows")
    spec = folder / "shadows.yaml"
    spec.write_text(SPEC)
    rendered = render_api(default_api(spec, folder / "out", PACKAGE))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    python = {p: t for p, t in rendered.files.items() if p.startswith("python/")}
    for relative, text in format_files(python, None).items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    (folder / "out" / "python" / "use.py").write_text(USE)
    return folder / "out" / "python"


@pytest.fixture(scope="module")
def sdk(sdk_folder: Path) -> Iterator[Any]:
    sys.path.insert(0, str(sdk_folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(sdk_folder))


def test_fields_keep_builtin_names_and_only_keywords_and_pydantic_names_change(sdk: Any) -> None:
    listing = sdk.Listing.model_validate(LISTING)
    assert (listing.type, listing.object, listing.id, listing.format) == (
        "flat",
        "listing",
        "l1",
        "short",
    )
    assert listing.list == ["a", "b"]
    assert listing.date == datetime.date(2024, 1, 2)
    assert listing.datetime == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    assert (listing.str, listing.int, listing.float, listing.bool) == ("s", 3, 1.5, True)
    assert type(listing.union) is sdk.Cat and listing.union.lives == 9
    assert type(listing.pet) is sdk.Dog
    assert (listing.builtins_, listing.dict_, listing.from_) == ("b", {"one": 1}, "here")
    assert listing.model_extra == {"extra": ["x"]}
    assert listing.to_dict() == LISTING
    fields = sdk.Listing.model_fields
    assert {"type", "object", "list", "date", "union", "str", "builtins_", "dict_"} <= set(fields)


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/listings" and request.method == "GET":
            return httpx.Response(200, json=[LISTING])
        if request.url.path == "/listings":
            return httpx.Response(201, json=LISTING)
        if request.url.path == "/listings/tags":
            return httpx.Response(200, json=["red"])
        return httpx.Response(200, json={"all": [LISTING]})


def test_parameters_named_like_builtins_reach_the_wire(sdk: Any) -> None:
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = sdk.Shadows(token="k", base_url="https://shadows.test", http_client=http)
    day = datetime.date(2024, 1, 2)
    listings = client.listings.list(
        type="t", list=["a", "b"], date=day, format="f", id="i", union="u", from_="x"
    )
    assert [type(item).__name__ for item in listings] == ["Listing"]
    assert listings[0].type == "flat" and listings[0].date == day
    params = recorder.requests[-1].url.params
    assert params.get_list("list") == ["a", "b"]
    assert {k: params[k] for k in ("type", "date", "format", "id", "union", "from")} == {
        "type": "t",
        "date": "2024-01-02",
        "format": "f",
        "id": "i",
        "union": "u",
        "from": "x",
    }

    made = client.listings.create(type="t", list=["a"], date=day, object={"k": "v"})
    assert made.object == "listing"
    sent = json.loads(recorder.requests[-1].content)
    assert sent == {"type": "t", "list": ["a"], "date": "2024-01-02", "object": {"k": "v"}}

    assert client.listings.tags(dict="d") == ["red"]
    assert recorder.requests[-1].url.params["dict"] == "d"

    found = client.search(list=["q"], type="t", when=day)
    assert type(found["all"][0]) is sdk.Listing
    assert recorder.requests[-1].url.params.get_list("list") == ["q"]


def test_the_async_client_too(sdk: Any) -> None:
    async def main() -> tuple[Any, Any]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(Recorder()))
        client = sdk.AsyncShadows(token="k", base_url="https://shadows.test", http_client=http)
        async with client:
            listings = await client.listings.list(list=["a"], union="u")
            found = await client.search(list=["q"])
        return listings, found

    listings, found = asyncio.run(main())
    assert listings[0].list == ["a", "b"] and found["all"][0].object == "listing"


@pytest.mark.slow
def test_the_sdk_is_black_stable_and_lint_clean(sdk_folder: Path) -> None:
    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)
    package = sdk_folder / PACKAGE
    for path in sorted(package.rglob("*.py")):
        text = path.read_text()
        assert black.format_str(text, mode=mode) == text, path
    count, report = ruff_findings(package)
    assert count == 0, report
    models = (package / "models.py").read_text()
    assert "    list: builtins.list[builtins.str] | None = None\n" in models
    assert "    date: _dt.date | None = None\n" in models
    listings = (package / "resources" / "listings.py").read_text()
    assert "cast_to=builtins.list[Listing]," in listings  # the body's `list` is a parameter


@pytest.mark.slow
def test_mypy_strict_passes_on_the_sdk_and_on_code_using_it(
    sdk_folder: Path, tmp_path: Path
) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), PACKAGE, "use.py"],
        cwd=sdk_folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
