"""Pagination, polling and raw responses of the generated Extend SDK, sync and async."""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Any

import pytest

from generator.targets.python.runtime.polling import PollingOptions, delays
from tests.support.extend import TOKEN, extend_spec, import_sdk
from tests.support.spec_server import ScriptedResponse, SpecModel, SpecServer

FAST = PollingOptions(initial_delay_ms=1, max_delay_ms=5, fast_phase_ms=10)


def file_json(file_id: str) -> dict[str, Any]:
    body = spec_model().synthesize(["/components/schemas/File"])
    assert isinstance(body, dict)
    return {**body, "id": file_id}


def page(ids: list[str], token: str | None) -> ScriptedResponse:
    return ScriptedResponse(
        200, json={"object": "list", "data": [file_json(i) for i in ids], "nextPageToken": token}
    )


def script_pages(live: SpecServer) -> None:
    live.script("listFiles", page(["a", "b"], "t2"), page(["c"], "t3"), page(["d"], None))


@cache
def spec_model() -> SpecModel:
    return SpecModel(extend_spec()[1])


def run_json(status: str, schema: str = "ExtractRun", run_id: str = "ex_run_1") -> dict[str, Any]:
    """A run valid for its schema (synthesized from the spec) in the given status."""
    body = spec_model().synthesize([f"/components/schemas/{schema}"])
    assert isinstance(body, dict)
    return {**body, "id": run_id, "status": status}


@pytest.fixture
def sdk() -> Any:
    return import_sdk()


def test_iterating_a_page_walks_every_page(sdk: Any, live: SpecServer) -> None:
    script_pages(live)
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        first = client.files.list(max_page_size=2)
        assert [f.id for f in first.data] == ["a", "b"]
        assert first.next_page_token == "t2" and first.has_next_page()
        assert [f.id for f in first] == ["a", "b", "c", "d"]
    queries = [r.query for r in live.requests]
    assert queries == [
        {"maxPageSize": ["2"]},
        {"maxPageSize": ["2"], "nextPageToken": ["t2"]},
        {"maxPageSize": ["2"], "nextPageToken": ["t3"]},
    ]
    assert live.errors() == []


def test_pages_one_at_a_time(sdk: Any, live: SpecServer) -> None:
    script_pages(live)
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        pages = list(client.files.list().iter_pages())
    assert [len(p.data) for p in pages] == [2, 1, 1]
    assert pages[-1].next_page_token is None
    with pytest.raises(sdk.APIError):
        pages[-1].get_next_page()


def test_a_repeated_page_token_stops_with_an_error(sdk: Any, live: SpecServer) -> None:
    live.script("listFiles", page(["a"], "same"), page(["b"], "same"))
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client, pytest.raises(sdk.APIError):
        list(client.files.list())


def test_async_pagination(sdk: Any, live: SpecServer) -> None:
    script_pages(live)

    async def collect() -> tuple[list[str], list[str]]:
        async with sdk.AsyncExtend(token=TOKEN, base_url=live.base_url) as client:
            everything = [f.id async for f in client.files.list()]
            live.reset()
            script_pages(live)
            first = await client.files.list()
            walked = [f.id async for f in first]
            return everything, walked

    everything, walked = asyncio.run(collect())
    assert everything == walked == ["a", "b", "c", "d"]


def test_create_and_poll_until_terminal(sdk: Any, live: SpecServer) -> None:
    live.script("createExtractRun", ScriptedResponse(200, json=run_json("PROCESSING")))
    live.script(
        "retrieveExtractRun",
        ScriptedResponse(200, json=run_json("PROCESSING")),
        ScriptedResponse(200, json=run_json("PROCESSED")),
    )
    with sdk.Extend(token=TOKEN, base_url=live.base_url, workspace_id="ws") as client:
        run = client.extract_runs.create_and_poll(
            file={"url": "https://example.com/a.pdf"},
            extractor={"id": "ex_1"},
            polling_options=FAST,
            extra_headers={"x-trace": "poll"},
        )
    assert run.status == "PROCESSED"
    assert [r.operation_id for r in live.requests] == [
        "createExtractRun",
        "retrieveExtractRun",
        "retrieveExtractRun",
    ]
    assert all(r.headers["x-trace"] == "poll" for r in live.requests)
    assert live.requests[1].path == "/extract_runs/ex_run_1"
    assert live.errors() == []


def test_create_and_poll_times_out(sdk: Any, live: SpecServer) -> None:
    live.script(
        "createWorkflowRun",
        ScriptedResponse(200, json=run_json("PENDING", "WorkflowRun")),
    )
    live.script(
        "retrieveWorkflowRun",
        *[ScriptedResponse(200, json=run_json("PROCESSING", "WorkflowRun"))] * 50,
    )
    client = sdk.Extend(token=TOKEN, base_url=live.base_url)
    with client, pytest.raises(sdk.PollingTimeoutError) as caught:
        client.workflow_runs.create_and_poll(
            file={"url": "https://example.com/a.pdf"},
            workflow={"id": "wf_1"},
            max_wait=0.05,
            polling_options=FAST,
        )
    assert caught.value.last.status == "PROCESSING"


def test_workflow_review_statuses_are_terminal(sdk: Any, live: SpecServer) -> None:
    live.script(
        "createWorkflowRun",
        ScriptedResponse(200, json=run_json("NEEDS_REVIEW", "WorkflowRun")),
    )
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        run = client.workflow_runs.create_and_poll(
            file={"url": "https://example.com/a.pdf"}, workflow={"id": "wf_1"}
        )
    assert run.status == "NEEDS_REVIEW" and len(live.requests) == 1


def test_async_create_and_poll(sdk: Any, live: SpecServer) -> None:
    live.script("createParseRun", ScriptedResponse(200, json=run_json("PENDING", "ParseRun")))
    live.script(
        "retrieveParseRun",
        ScriptedResponse(200, json=run_json("FAILED", "ParseRun")),
    )

    async def call() -> Any:
        async with sdk.AsyncExtend(token=TOKEN, base_url=live.base_url) as client:
            return await client.parse_runs.create_and_poll(
                file={"url": "https://example.com/a.pdf"}, polling_options=FAST
            )

    assert asyncio.run(call()).status == "FAILED"


def test_polling_schedule_is_fast_then_backs_off_to_30_seconds() -> None:
    clock = [0.0]
    schedule = delays(PollingOptions(), lambda: clock[0])
    waits = []
    for _ in range(60):
        wait = next(schedule)
        waits.append(wait)
        clock[0] += wait
    assert waits[:5] == [1.0] * 5
    assert all(w == 1.0 for w, t in zip(waits, _elapsed(waits), strict=True) if t < 30)
    assert max(waits) == 30.0 and waits[-1] == 30.0
    assert waits == sorted(waits)


def _elapsed(waits: list[float]) -> list[float]:
    total, result = 0.0, []
    for wait in waits:
        result.append(total)
        total += wait
    return result


def test_raw_response(sdk: Any, live: SpecServer) -> None:
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        raw = client.with_raw_response.files.retrieve("f1")
        assert raw.status_code == 200
        assert raw.request_id and raw.request_id.startswith("req_")
        assert raw.headers["content-type"].startswith("application/json")
        assert isinstance(raw.parsed, sdk.File) and raw.parsed.id == "f1"
        script_pages(live)
        raw_page = client.with_raw_response.files.list()
        assert isinstance(raw_page.parsed, sdk.SyncPage)
        assert [f.id for f in raw_page.parsed] == ["a", "b", "c", "d"]
        parsed = client.with_raw_response.parse(file={"url": "https://example.com/a.pdf"})
        assert parsed.status_code == 200 and parsed.parsed.id


def test_async_raw_response(sdk: Any, live: SpecServer) -> None:
    async def call() -> Any:
        async with sdk.AsyncExtend(token=TOKEN, base_url=live.base_url) as client:
            return await client.with_raw_response.files.retrieve("f9")

    raw = asyncio.run(call())
    assert raw.status_code == 200 and raw.parsed.id == "f9"
