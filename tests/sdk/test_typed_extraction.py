"""Extend's typed extraction, the first user of the protected `lib/` folder and of patches:
`client.extract_typed(file, schema=Model)` against the spec-checking mock sends the model's JSON
Schema as the run's config and parses the finished run back into the model."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pydantic
import pytest

from tests.support.extend import TOKEN, import_sdk
from tests.support.spec_server import ScriptedResponse, SpecServer


class Invoice(pydantic.BaseModel):
    invoice_number: str | None = None
    total: float | None = None
    vendor: str | None = None


def finished_run(sdk: Any, live: SpecServer) -> dict[str, Any]:
    """A run as the mock answers it, turned PROCESSED with an output for `Invoice`."""
    client = sdk.Extend(token=TOKEN, base_url=live.base_url)
    raw = client.with_raw_response.extract_runs.create(file={"url": "https://x.test/a.pdf"})
    run: dict[str, Any] = raw.http_response.json()
    run["status"] = "PROCESSED"
    citation = {"referenceText": "Total: 12.50", "page": {"number": 1}}
    run["output"] = {
        "value": {"invoice_number": "INV-7", "total": 12.5},
        "metadata": {"total": {"ocrConfidence": 0.97, "citations": [citation]}},
    }
    return run


def sent_config(live: SpecServer) -> Any:
    (create,) = [r for r in live.requests if r.method == "POST"][-1:]
    return json.loads(create.body)["config"]


def test_extract_typed_sends_the_schema_and_parses_the_output(live: SpecServer) -> None:
    sdk = import_sdk()
    run = finished_run(sdk, live)
    live.script("retrieveExtractRun", ScriptedResponse(json=run))
    client = sdk.Extend(token=TOKEN, base_url=live.base_url)
    result = client.extract_typed({"url": "https://x.test/a.pdf"}, schema=Invoice)
    assert isinstance(result, sdk.TypedExtraction)
    assert result.value == Invoice(invoice_number="INV-7", total=12.5, vendor=None)
    assert result.confidence("total") == 0.97 and result.confidence("vendor") is None
    assert [c.reference_text for c in result.citations("total")] == ["Total: 12.50"]
    assert sent_config(live) == {"schema": Invoice.model_json_schema()}
    assert live.errors() == []


def test_the_async_client_extracts_the_same(live: SpecServer) -> None:
    sdk = import_sdk()
    live.script("retrieveExtractRun", ScriptedResponse(json=finished_run(sdk, live)))

    async def extract() -> Any:
        async with sdk.AsyncExtend(token=TOKEN, base_url=live.base_url) as client:
            return await client.extract_typed({"url": "https://x.test/a.pdf"}, schema=Invoice)

    assert asyncio.run(extract()).value.invoice_number == "INV-7"


def test_a_failed_run_raises_with_its_reason(live: SpecServer) -> None:
    sdk = import_sdk()
    run = finished_run(sdk, live)
    run.update(status="FAILED", output=None, failureMessage="the file is not a document")
    live.script("retrieveExtractRun", ScriptedResponse(json=run))
    client = sdk.Extend(token=TOKEN, base_url=live.base_url)
    with pytest.raises(sdk.ExtractionFailedError, match="FAILED: the file is not a document"):
        client.extract_typed({"url": "https://x.test/a.pdf"}, schema=Invoice)
