"""The mock's state over several calls, on the Extend spec: list calls end, runs finish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from generator.mock.serve import listing, start
from generator.mock.server import SpecServer
from tests.support.extend import API_VERSION, extend_spec

HEADERS = {"x-extend-api-version": API_VERSION, "Authorization": "Bearer any-token"}
"""The Extend API requires a bearer token: the mock checks one is sent."""


@pytest.fixture(scope="module")
def mock() -> Iterator[SpecServer]:
    spec, _document = extend_spec()
    server, diagnostics = start(spec, seed=7)
    assert server is not None, diagnostics
    yield server
    server.stop()


def test_a_list_call_has_three_pages_then_none(mock: SpecServer) -> None:
    tokens = []
    token: str | None = None
    for _ in range(5):
        params = {"nextPageToken": token} if token else {}
        body = httpx.get(f"{mock.base_url}/files", params=params, headers=HEADERS).json()
        token = body.get("nextPageToken")
        tokens.append(token)
        if token is None:
            break
    assert tokens == ["page_1", "page_2", None]


def test_a_run_is_pending_until_polled_then_finished(mock: SpecServer) -> None:
    created = httpx.post(
        f"{mock.base_url}/extract_runs",
        json={"extractor": {"id": "ex_1"}, "file": {"url": "https://example.com/a.pdf"}},
        headers=HEADERS,
    ).json()
    pending = created["status"]
    assert pending in ("PENDING", "PROCESSING")
    run = created["id"]
    statuses = [
        httpx.get(f"{mock.base_url}/extract_runs/{run}", headers=HEADERS).json()["status"]
        for _ in range(2)
    ]
    assert statuses == [pending, "PROCESSED"]
    assert mock.errors() == []


def test_a_wrong_request_names_the_field(mock: SpecServer) -> None:
    response = httpx.post(
        f"{mock.base_url}/extract_runs", json={"priority": "high"}, headers=HEADERS
    )
    assert response.status_code == 400
    assert "/priority" in response.json()["message"]


def test_the_seed_makes_run_ids_reproducible() -> None:
    spec, _document = extend_spec()
    ids = []
    for _ in range(2):
        server, _diagnostics = start(spec, seed=11)
        assert server is not None
        try:
            body = httpx.post(
                f"{server.base_url}/extract_runs",
                json={"extractor": {"id": "ex_1"}, "file": {"url": "https://example.com/a.pdf"}},
                headers=HEADERS,
            ).json()
            ids.append(body["id"])
        finally:
            server.stop()
    assert ids[0] == ids[1]


def test_the_listing_names_every_operation(mock: SpecServer) -> None:
    lines = listing(mock, Path("extend.yaml"))
    assert lines[0].endswith(f"{len(mock.operations())} operations")
    assert any("GET /files" in line and "paginated" in line for line in lines)
    assert any("POST /extract_runs" in line and "starts a run" in line for line in lines)


def test_a_broken_spec_does_not_start(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: [\n", encoding="utf-8")
    server, diagnostics = start(broken)
    assert server is None and diagnostics
