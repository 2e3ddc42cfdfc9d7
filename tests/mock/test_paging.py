"""Every paging style the IR recognises, walked over HTTP against the mock: three pages, then
the end, said the way the operation's pagination says it. The walks follow each style's rule
here, by hand, as a client would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import yaml

from generator.ir.build import build_api
from generator.mock.server import SpecServer

SPEC = """
openapi: 3.0.3
info: {title: Paging, version: '1'}
servers: [{url: 'https://api.example.com/v1'}]
paths:
  /tokens:
    get:
      operationId: listTokens
      parameters:
        - {name: page_token, in: query, schema: {type: string}}
        - {name: page_size, in: query, schema: {type: integer, maximum: 50}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  next_page_token: {type: string, nullable: true}
  /required_tokens:
    get:
      operationId: listRequiredTokens
      parameters:
        - {name: page_token, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data, next_page_token]
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  next_page_token: {type: string}
  /cursors:
    get:
      operationId: listCursors
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  members: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  response_metadata:
                    type: object
                    properties:
                      next_cursor: {type: string}
  /charges:
    get:
      operationId: listCharges
      parameters:
        - {name: starting_after, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  has_more: {type: boolean}
  /offset_total:
    get:
      operationId: listOffsetTotal
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  total: {type: integer}
  /albums:
    get:
      operationId: listAlbums
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  albums:
                    type: object
                    properties:
                      items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                      next: {type: string, nullable: true}
                      total: {type: integer}
  /offset_short:
    get:
      operationId: listOffsetShort
      parameters:
        - {name: skip, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  results: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /pages_total:
    get:
      operationId: listPagesTotal
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  total_pages: {type: integer}
  /pages_link:
    get:
      operationId: listPagesLink
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          headers:
            Link: {schema: {type: string}}
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /pages_empty:
    get:
      operationId: listPagesEmpty
      parameters:
        - {name: page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /feed:
    get:
      operationId: listFeed
      parameters:
        - {name: since, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  next: {type: string, format: uri, nullable: true}
  /events:
    get:
      operationId: listEvents
      responses:
        '200':
          description: ok
          headers:
            Link: {schema: {type: string}}
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /entries:
    get:
      operationId: listEntries
      x-pagination: {style: offset, param: from, size: take, has_more: more}
      parameters:
        - {name: from, in: query, schema: {type: integer}}
        - {name: take, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  entries: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  more: {type: boolean}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
"""

Query = dict[str, str]
Step = tuple[str, Query] | None
"""The next request (URL, query), or None: the walk is over."""
NextOf = Callable[[httpx.Response, str, Query], Step]

SIX = [["item_1", "item_2"], ["item_3", "item_4"], ["item_5", "item_6"]]
"""Three pages of two items."""
FIVE = [["item_1", "item_2"], ["item_3", "item_4"], ["item_5"]]
"""Three pages of two items, the last one short: where only a short page says it is the last."""


@pytest.fixture(scope="module")
def running() -> Iterator[SpecServer]:
    document = yaml.safe_load(SPEC)
    api = build_api(document, "paging")
    assert not api.diagnostics
    with SpecServer(document, api=api) as server:
        yield server


@pytest.fixture
def server(running: SpecServer) -> Iterator[SpecServer]:
    running.reset()
    yield running
    assert running.errors() == []


def items_of(body: Any, field: str) -> list[Any]:
    for part in field.split(".") if field else []:
        body = body[part]
    assert isinstance(body, list)
    return body


def walk(
    server: SpecServer, path: str, query: Query, items: str, next_of: NextOf
) -> tuple[list[list[str]], list[httpx.Response]]:
    """The ids of each page and each response, following `next_of` until it says stop."""
    pages: list[list[str]] = []
    responses: list[httpx.Response] = []
    step: Step = (f"{server.base_url}/v1{path}", query)
    while step is not None:
        assert len(pages) < 6, f"no end after {pages}"
        url, query = step
        response = httpx.get(url, params=query or None)
        assert response.status_code == 200, response.text
        pages.append([thing["id"] for thing in items_of(response.json(), items)])
        responses.append(response)
        step = next_of(response, url, query)
    return pages, responses


def by_token(field: str, param: str) -> NextOf:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        token = items_of_field(response.json(), field)
        return (url, {**query, param: token}) if token else None

    return next_of


def items_of_field(body: Any, field: str) -> Any:
    for part in field.split("."):
        body = body.get(part) if isinstance(body, dict) else None
    return body


def by_url(field: str) -> NextOf:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        found = items_of_field(response.json(), field)
        return (found, {}) if found else None

    return next_of


def by_link(response: httpx.Response, url: str, query: Query) -> Step:
    for entry in response.headers["link"].split(","):
        target, rel = entry.split(";", 1)
        if rel.strip() == 'rel="next"':
            return target.strip().removeprefix("<").removesuffix(">"), {}
    return None


def test_page_tokens_until_a_null_token(server: SpecServer) -> None:
    pages, responses = walk(
        server, "/tokens", {"page_size": "2"}, "data", by_token("next_page_token", "page_token")
    )
    assert pages == SIX
    assert [r.json()["next_page_token"] for r in responses] == ["page_1", "page_2", None]


def test_a_required_token_ends_empty(server: SpecServer) -> None:
    next_of = by_token("next_page_token", "page_token")
    pages, responses = walk(server, "/required_tokens", {}, "data", next_of)
    assert pages == SIX
    assert responses[-1].json()["next_page_token"] == ""


def test_a_nested_cursor_is_left_out_on_the_last_page(server: SpecServer) -> None:
    next_of = by_token("response_metadata.next_cursor", "cursor")
    pages, responses = walk(server, "/cursors", {"limit": "3"}, "members", next_of)
    assert pages == [
        ["item_1", "item_2", "item_3"],
        ["item_4", "item_5", "item_6"],
        ["item_7", "item_8", "item_9"],
    ]
    assert "next_cursor" not in responses[-1].json().get("response_metadata", {})


def test_the_last_items_id_is_the_cursor_while_has_more(server: SpecServer) -> None:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        body = response.json()
        return (
            (url, {**query, "starting_after": body["data"][-1]["id"]}) if body["has_more"] else None
        )

    pages, responses = walk(server, "/charges", {"limit": "2"}, "data", next_of)
    assert pages == SIX
    assert [r.json()["has_more"] for r in responses] == [True, True, False]
    assert [r.request.url.params.get("starting_after") for r in responses] == [
        None,
        "item_2",
        "item_4",
    ]


def test_offsets_up_to_the_total(server: SpecServer) -> None:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        body = response.json()
        offset = int(query.get("offset", "0")) + len(body["items"])
        return (url, {**query, "offset": str(offset)}) if offset < body["total"] else None

    pages, responses = walk(server, "/offset_total", {}, "items", next_of)
    assert pages == SIX
    assert {r.json()["total"] for r in responses} == {6}


def test_offsets_with_a_next_link_inside_a_wrapper(server: SpecServer) -> None:
    pages, responses = walk(
        server, "/albums", {"limit": "1"}, "albums.items", by_url("albums.next")
    )
    assert pages == [["item_1"], ["item_2"], ["item_3"]]
    links = [r.json()["albums"]["next"] for r in responses]
    base = f"{server.base_url}/v1/albums"
    assert links == [f"{base}?limit=1&offset=1", f"{base}?limit=1&offset=2", None]


def test_offsets_until_a_short_page(server: SpecServer) -> None:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        got = len(response.json()["results"])
        skip = int(query.get("skip", "0")) + got
        return (url, {**query, "skip": str(skip)}) if got == int(query["limit"]) else None

    pages, _ = walk(server, "/offset_short", {"limit": "2"}, "results", next_of)
    assert pages == FIVE


def test_offsets_without_a_size_end_on_an_empty_page(server: SpecServer) -> None:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        got = len(response.json()["results"])
        skip = int(query.get("skip", "0")) + got
        return (url, {**query, "skip": str(skip)}) if got else None

    pages, _ = walk(server, "/offset_short", {}, "results", next_of)
    assert pages == [*FIVE, []]


def test_page_numbers_up_to_the_total_pages(server: SpecServer) -> None:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        number = int(query.get("page", "1"))
        more = number < response.json()["total_pages"]
        return (url, {**query, "page": str(number + 1)}) if more else None

    pages, responses = walk(server, "/pages_total", {}, "data", next_of)
    assert pages == SIX
    assert {r.json()["total_pages"] for r in responses} == {3}


def test_page_numbers_from_the_link_header(server: SpecServer) -> None:
    pages, responses = walk(server, "/pages_link", {"per_page": "1"}, "", by_link)
    assert pages == [["item_1"], ["item_2"], ["item_3"]]
    base = f"{server.base_url}/v1/pages_link"
    assert [r.headers.get("link") for r in responses] == [
        f'<{base}?per_page=1&page=2>; rel="next"',
        f'<{base}?per_page=1&page=3>; rel="next"',
        f'<{base}?per_page=1>; rel="first"',
    ]


def test_page_numbers_until_an_empty_page(server: SpecServer) -> None:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        number = int(query["page"])
        return (url, {"page": str(number + 1)}) if response.json()["data"] else None

    pages, _ = walk(server, "/pages_empty", {"page": "1"}, "data", next_of)
    assert pages == [*FIVE, []]


def test_a_next_url_in_the_body(server: SpecServer) -> None:
    pages, responses = walk(server, "/feed", {}, "data", by_url("next"))
    assert pages == SIX
    assert responses[0].json()["next"] == f"{server.base_url}/v1/feed?mock_page=2"
    assert responses[-1].json()["next"] is None


def test_a_next_url_in_the_link_header(server: SpecServer) -> None:
    pages, responses = walk(server, "/events", {}, "", by_link)
    assert pages == SIX
    assert responses[-1].headers["link"] == f'<{server.base_url}/v1/events>; rel="first"'


def test_the_extension_names_the_fields(server: SpecServer) -> None:
    def next_of(response: httpx.Response, url: str, query: Query) -> Step:
        body = response.json()
        start = int(query.get("from", "0")) + len(body["entries"])
        return (url, {**query, "from": str(start)}) if body["more"] else None

    pages, _ = walk(server, "/entries", {"take": "2"}, "entries", next_of)
    assert pages == SIX


def test_past_the_last_page_is_empty(server: SpecServer) -> None:
    body = httpx.get(f"{server.base_url}/v1/tokens", params={"page_token": "page_7"}).json()
    assert body == {"data": [], "next_page_token": None}


def test_the_next_url_parameter_is_accepted_only_where_the_mock_gives_it(
    server: SpecServer,
) -> None:
    refused = httpx.get(f"{server.base_url}/v1/tokens", params={"mock_page": "2"})
    assert refused.status_code == 400
    assert "unknown query parameter 'mock_page'" in refused.json()["message"]
    server.reset()


def test_the_listing_says_how_each_list_pages(running: SpecServer) -> None:
    notes = {operation_id: note for _, _, operation_id, note in running.operations()}
    assert notes["listTokens"] == "paginated (3 pages by `page_token`)"
    assert notes["listFeed"] == "paginated (3 pages by the next URL in `next`)"
    assert notes["listEvents"] == "paginated (3 pages by the next URL in a Link header)"
