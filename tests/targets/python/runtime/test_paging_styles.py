"""Every paging style, end to end: a spec written here with one list per style is generated,
its styles are recognised, and the SDK walks the pages of a spec-checking server on 127.0.0.1,
sync and async, with the same surface (iteration, `iter_pages()`, the next-page accessor)."""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from generator.config import default_api
from generator.ir.build import build_api
from generator.pipeline import render_api
from tests.support.paging_spec import SPEC, STYLES, things
from tests.support.spec_server import ScriptedResponse, SpecServer


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    loaded = yaml.safe_load(SPEC)
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("paging")
    spec = folder / "paging.yaml"
    spec.write_text(SPEC)
    rendered = render_api(default_api(spec, folder / "out", "paging_sdk"))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    package = folder / "out" / "python"
    sys.path.insert(0, str(package))
    try:
        yield importlib.import_module("paging_sdk")
    finally:
        sys.path.remove(str(package))
        for name in [m for m in sys.modules if m.startswith("paging_sdk")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def running(document: dict[str, Any]) -> Iterator[SpecServer]:
    with SpecServer(document) as server:
        yield server


@pytest.fixture
def server(running: SpecServer) -> Iterator[SpecServer]:
    running.reset()
    yield running
    assert running.errors() == []
    running.reset()


def client(sdk: Any, server: SpecServer) -> Any:
    return sdk.Paging(base_url=server.base_url)


def queries(server: SpecServer) -> list[dict[str, list[str]]]:
    return [r.query for r in server.requests]


def test_each_style_is_recognised(document: dict[str, Any]) -> None:
    api = build_api(document, "paging")
    found = {
        op.operation_id: (op.pagination.style, op.pagination.param, op.pagination.next_field)
        for op in api.operations()
        if op.pagination is not None
    }
    assert found == STYLES
    entries = next(op for op in api.operations() if op.operation_id == "listEntries")
    assert entries.pagination is not None and entries.pagination.source == "extension"
    assert entries.pagination.items_field == "entries"
    assert not api.diagnostics


def test_page_token(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listTokens",
        ScriptedResponse(json={"data": things("a", "b"), "next_page_token": "t2"}),
        ScriptedResponse(json={"data": things("c"), "next_page_token": None}),
    )
    with client(sdk, server) as c:
        first = c.tokens.list(page_size=2)
        assert first.next_page_token == "t2" and first.has_next_page()
        assert [t.id for t in first] == ["a", "b", "c"]
    assert queries(server) == [{"page_size": ["2"]}, {"page_size": ["2"], "page_token": ["t2"]}]


def test_cursor_in_a_nested_field(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listCursors",
        ScriptedResponse(json={"members": things("a"), "response_metadata": {"next_cursor": "c2"}}),
        ScriptedResponse(json={"members": things("b"), "response_metadata": {"next_cursor": ""}}),
    )
    with client(sdk, server) as c:
        pages = list(c.cursors.list().iter_pages())
    assert [[t.id for t in p.data] for p in pages] == [["a"], ["b"]]
    assert pages[0].next_cursor == "c2" and pages[1].next_cursor is None
    assert queries(server) == [{}, {"cursor": ["c2"]}]


def test_cursor_from_the_last_item_with_has_more(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listCharges",
        ScriptedResponse(json={"data": things("ch_1", "ch_2"), "has_more": True}),
        ScriptedResponse(json={"data": things("ch_3"), "has_more": False}),
    )
    with client(sdk, server) as c:
        first = c.charges.list(limit=2)
        assert first.next_page_token == "ch_2"
        assert [t.id for t in first] == ["ch_1", "ch_2", "ch_3"]
    assert queries(server)[1] == {"limit": ["2"], "starting_after": ["ch_2"]}


def test_offset_with_a_total(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listOffsetTotal",
        ScriptedResponse(json={"items": things("a", "b"), "total": 3}),
        ScriptedResponse(json={"items": things("c"), "total": 3}),
    )
    with client(sdk, server) as c:
        first = c.offset_total.list(limit=2)
        assert first.next_offset == 2
        assert [t.id for t in first] == ["a", "b", "c"]
    assert queries(server) == [{"limit": ["2"]}, {"limit": ["2"], "offset": ["2"]}]


def test_offset_with_a_next_link_inside_a_wrapper(sdk: Any, server: SpecServer) -> None:
    next_url = "https://api.example.com/albums?offset=1&limit=1"
    server.script(
        "listAlbums",
        ScriptedResponse(json={"albums": {"items": things("a"), "next": next_url, "total": 9}}),
        ScriptedResponse(json={"albums": {"items": things("b"), "next": None, "total": 9}}),
    )
    with client(sdk, server) as c:
        assert [t.id for t in c.albums.list(offset=0, limit=1)] == ["a", "b"]
    assert queries(server) == [{"offset": ["0"], "limit": ["1"]}, {"offset": ["1"], "limit": ["1"]}]


def test_offset_stops_on_a_short_page(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listOffsetShort",
        ScriptedResponse(json={"results": things("a", "b")}),
        ScriptedResponse(json={"results": things("c")}),
    )
    with client(sdk, server) as c:
        assert [t.id for t in c.offset_short.list(limit=2)] == ["a", "b", "c"]
    assert queries(server) == [{"limit": ["2"]}, {"limit": ["2"], "skip": ["2"]}]


def test_page_numbers_up_to_the_total_pages(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listPagesTotal",
        ScriptedResponse(json={"data": things("a"), "total_pages": 2}),
        ScriptedResponse(json={"data": things("b"), "total_pages": 2}),
    )
    with client(sdk, server) as c:
        first = c.pages_total.list()
        assert first.next_page_number == 2
        assert [t.id for t in first] == ["a", "b"]
    assert queries(server) == [{}, {"page": ["2"]}]


def test_page_numbers_from_the_link_header(sdk: Any, server: SpecServer) -> None:
    link = f'<{server.base_url}/pages_link?page=2&per_page=1>; rel="next", <x>; rel="last"'
    server.script(
        "listPagesLink",
        ScriptedResponse(json=things("a"), headers={"Link": link}),
        ScriptedResponse(json=things("b"), headers={"Link": '<x>; rel="prev"'}),
    )
    with client(sdk, server) as c:
        first = c.pages_link.list(per_page=1)
        assert first.next_page_number == 2
        assert first.next_url == f"{server.base_url}/pages_link?page=2&per_page=1"
        assert [t.id for t in first] == ["a", "b"]
    assert queries(server) == [{"per_page": ["1"]}, {"page": ["2"], "per_page": ["1"]}]


def test_page_numbers_until_an_empty_page(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listPagesEmpty",
        ScriptedResponse(json={"data": things("a")}),
        ScriptedResponse(json={"data": things("b")}),
        ScriptedResponse(json={"data": []}),
    )
    with client(sdk, server) as c:
        assert [t.id for t in c.pages_empty.list(page=1)] == ["a", "b"]
    assert queries(server) == [{"page": ["1"]}, {"page": ["2"]}, {"page": ["3"]}]


def test_next_url_only(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listFeed",
        ScriptedResponse(json={"data": things("a"), "next": "/feed?since=s2"}),
        ScriptedResponse(json={"data": things("b"), "next": None}),
    )
    with client(sdk, server) as c:
        first = c.feed.list()
        assert first.next_url == "/feed?since=s2"
        assert [t.id for t in first] == ["a", "b"]
    assert queries(server) == [{}, {"since": ["s2"]}]


def test_a_next_url_elsewhere_is_refused(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listFeed", ScriptedResponse(json={"data": things("a"), "next": "https://evil.example/x"})
    )
    with client(sdk, server) as c, pytest.raises(sdk.APIError, match="not under"):
        list(c.feed.list())


def test_the_extension_states_what_detection_cannot_guess(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listEntries",
        ScriptedResponse(json={"entries": things("a", "b"), "more": True}),
        ScriptedResponse(json={"entries": things("c"), "more": False}),
    )
    with client(sdk, server) as c:
        first = c.entries.list(take=2)
        assert first.next_offset == 2
        assert [t.id for t in first] == ["a", "b", "c"]
    assert queries(server) == [{"take": ["2"]}, {"take": ["2"], "from": ["2"]}]


def test_a_page_asked_for_twice_stops_with_an_error(sdk: Any, server: SpecServer) -> None:
    same = {"data": things("a"), "next_page_token": "again"}
    server.script("listTokens", ScriptedResponse(json=same), ScriptedResponse(json=same))
    with client(sdk, server) as c, pytest.raises(sdk.APIError, match="same next page"):
        list(c.tokens.list())


def test_async_styles_have_the_same_surface(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listOffsetTotal",
        ScriptedResponse(json={"items": things("a"), "total": 2}),
        ScriptedResponse(json={"items": things("b"), "total": 2}),
        ScriptedResponse(json={"items": things("a"), "total": 2}),
        ScriptedResponse(json={"items": things("b"), "total": 2}),
    )
    link = f'<{server.base_url}/pages_link?page=2>; rel="next"'
    server.script(
        "listPagesLink",
        ScriptedResponse(json=things("x"), headers={"Link": link}),
        ScriptedResponse(json=things("y")),
    )

    async def run() -> tuple[list[str], list[int], list[str], int | None]:
        async with sdk.AsyncPaging(base_url=server.base_url) as c:
            items = [t.id async for t in c.offset_total.list()]
            sizes = [len(p.data) async for p in c.offset_total.list().iter_pages()]
            first = await c.pages_link.list()
            linked = [t.id async for t in first]
            return items, sizes, linked, first.next_page_number

    assert asyncio.run(run()) == (["a", "b"], [1, 1], ["x", "y"], 2)


def test_raw_pages_carry_the_response(sdk: Any, server: SpecServer) -> None:
    server.script(
        "listTokens", ScriptedResponse(json={"data": things("a")}, headers={"x-request-id": "r1"})
    )
    with client(sdk, server) as c:
        raw = c.with_raw_response.tokens.list()
    assert raw.request_id == "r1" and [t.id for t in raw.parsed.data] == ["a"]
