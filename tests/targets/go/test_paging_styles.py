"""Every paging style, end to end in Go: the Go SDK of the paging spec is generated and its
`go test` walks the pages of the spec-checking server, which checks every request against the
spec; the requests each list made are compared here."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import default_api
from generator.pipeline import render_api
from tests.support.paging_spec import SPEC, things
from tests.support.spec_server import ScriptedResponse, SpecServer
from tests.targets.go.tooling import consumer_module, go, run_go

GO_TESTS = Path(__file__).parent / "paging" / "paging_test.go"
MODULE = "example.com/paging-go"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go()
    folder = tmp_path_factory.mktemp("paging-go")
    spec = folder / "paging.yaml"
    spec.write_text(SPEC)
    config = default_api(spec, folder / "out", "paging")
    config = replace(config, targets=("go",), settings={"go": {"module": MODULE}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return folder / "out" / "go"


@pytest.fixture
def server() -> Iterator[SpecServer]:
    document: Any = yaml.safe_load(SPEC)
    with SpecServer(document) as running:
        yield running


def _script(server: SpecServer) -> None:
    """The pages the Go tests ask for, in the order they ask."""
    reply = ScriptedResponse
    same = {"data": things("a"), "next_page_token": "again"}
    server.script(
        "listTokens",
        reply(json={"data": things("a", "b"), "next_page_token": "t2"}),
        reply(json={"data": things("c"), "next_page_token": None}),
        reply(json=same),
        reply(json=same),
    )
    server.script(
        "listCursors",
        reply(json={"members": things("a"), "response_metadata": {"next_cursor": "c2"}}),
        reply(json={"members": things("b"), "response_metadata": {"next_cursor": ""}}),
    )
    server.script(
        "listCharges",
        reply(json={"data": things("ch_1", "ch_2"), "has_more": True}),
        reply(json={"data": things("ch_3"), "has_more": False}),
    )
    server.script(
        "listOffsetTotal",
        reply(json={"items": things("a", "b"), "total": 3}),
        reply(json={"items": things("c"), "total": 3}),
    )
    next_url = "https://api.example.com/albums?offset=1&limit=1"
    server.script(
        "listAlbums",
        reply(json={"albums": {"items": things("a"), "next": next_url, "total": 9}}),
        reply(json={"albums": {"items": things("b"), "next": None, "total": 9}}),
    )
    server.script(
        "listOffsetShort",
        reply(json={"results": things("a", "b")}),
        reply(json={"results": things("c")}),
    )
    server.script(
        "listPagesTotal",
        reply(json={"data": things("a"), "total_pages": 2}),
        reply(json={"data": things("b"), "total_pages": 2}),
    )
    link = f'<{server.base_url}/pages_link?page=2&per_page=1>; rel="next", <x>; rel="last"'
    server.script(
        "listPagesLink",
        reply(json=things("a"), headers={"Link": link}),
        reply(json=things("b"), headers={"Link": '<x>; rel="prev"'}),
    )
    server.script(
        "listPagesEmpty",
        reply(json={"data": things("a")}),
        reply(json={"data": things("b")}),
        reply(json={"data": []}),
    )
    server.script(
        "listFeed",
        reply(json={"data": things("a"), "next": "/feed?since=s2"}),
        reply(json={"data": things("b"), "next": None}),
        reply(json={"data": things("a"), "next": "https://evil.example/x"}),
    )
    server.script(
        "listEntries",
        reply(json={"entries": things("a", "b"), "more": True}),
        reply(json={"entries": things("c"), "more": False}),
    )


EXPECTED_QUERIES = {
    "listTokens": [
        {"page_size": ["2"]},
        {"page_size": ["2"], "page_token": ["t2"]},
        {},
        {"page_token": ["again"]},
    ],
    "listCursors": [{}, {"cursor": ["c2"]}],
    "listCharges": [{"limit": ["2"]}, {"limit": ["2"], "starting_after": ["ch_2"]}],
    "listOffsetTotal": [{"limit": ["2"]}, {"limit": ["2"], "offset": ["2"]}],
    "listAlbums": [{"offset": ["0"], "limit": ["1"]}, {"offset": ["1"], "limit": ["1"]}],
    "listOffsetShort": [{"limit": ["2"]}, {"limit": ["2"], "skip": ["2"]}],
    "listPagesTotal": [{}, {"page": ["2"]}],
    "listPagesLink": [{"per_page": ["1"]}, {"page": ["2"], "per_page": ["1"]}],
    "listPagesEmpty": [{"page": ["1"]}, {"page": ["2"]}, {"page": ["3"]}],
    "listFeed": [{}, {"since": ["s2"]}, {}],
    "listEntries": [{"take": ["2"]}, {"take": ["2"], "from": ["2"]}],
}
"""The query of each request, by operation: what paging sent, page after page."""


@pytest.mark.slow
def test_the_go_sdk_walks_every_paging_style(
    sdk: Path, server: SpecServer, tmp_path: Path, go_cache: Path
) -> None:
    _script(server)
    module = consumer_module(tmp_path / "consumer", MODULE, sdk)
    shutil.copy(GO_TESTS, module / GO_TESTS.name)
    done = run_go(
        ["test", "-count=1", "-v", "./..."], module, go_cache, SPEC_SERVER_URL=server.base_url
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    passed = re.findall(r"^--- PASS: (\w+)", done.stdout, re.MULTILINE)
    assert len(passed) == 13, output
    assert server.errors() == []
    sent: dict[str, list[dict[str, list[str]]]] = {}
    for request in server.requests:
        assert request.operation_id is not None
        sent.setdefault(request.operation_id, []).append(request.query)
    assert sent == EXPECTED_QUERIES
