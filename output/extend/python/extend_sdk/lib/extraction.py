"""Typed extraction: a pydantic model becomes the extraction config's JSON Schema, and the
run's output is parsed back into that model.

    class Invoice(pydantic.BaseModel):
        invoice_number: str | None = None
        total: float | None = None

    result = client.extract_typed({"url": "https://example.com/invoice.pdf"}, schema=Invoice)
    result.value.total              # a float, or None when the extractor could not fill it
    result.confidence("total")      # the field's OCR confidence, when the API gave one
    result.citations("total")       # where in the document the value came from
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # importing the SDK stays cheap: models and pydantic load on first use
    import pydantic

    from .._client import AsyncExtend, Extend
    from ..models import Citation, ExtractOutputMetadataValue, ExtractRun

ModelT = TypeVar("ModelT", bound="pydantic.BaseModel")


class ExtractionFailedError(Exception):
    """The run ended without an output to parse (FAILED, CANCELLED, or no JSON output)."""

    def __init__(self, run: ExtractRun) -> None:
        reason = run.failure_message or run.failure_reason or "no JSON output"
        super().__init__(f"extract run {run.id} ended {run.status}: {reason}")
        self.run = run


@dataclass(frozen=True)
class TypedExtraction(Generic[ModelT]):
    """The run's output as `ModelT`, with each field's confidence and citations."""

    value: ModelT
    metadata: dict[str, ExtractOutputMetadataValue]
    run: ExtractRun

    def confidence(self, field: str) -> float | None:
        """The OCR confidence of one field (its wire name), when the API gave one."""
        found = self.metadata.get(field)
        return found.ocr_confidence if found is not None else None

    def citations(self, field: str) -> list[Citation]:
        """Where in the document one field's value came from."""
        found = self.metadata.get(field)
        return list(found.citations or []) if found is not None else []


def config_for(schema: type[pydantic.BaseModel]) -> dict[str, Any]:
    """The extraction config of a model: its JSON Schema, as the API reads it."""
    return {"schema": schema.model_json_schema(by_alias=True)}


def parse_run(run: ExtractRun, schema: type[ModelT]) -> TypedExtraction[ModelT]:
    """The run's output parsed into `schema`; a field the extractor left out is None."""
    from ..models import ExtractOutputJson

    output = run.output
    if run.status != "PROCESSED" or not isinstance(output, ExtractOutputJson):
        raise ExtractionFailedError(run)
    names = [field.alias or name for name, field in schema.model_fields.items()]
    value = schema.model_validate({**dict.fromkeys(names), **output.value})
    return TypedExtraction(value, dict(output.metadata), run)


def extract_typed(
    client: Extend, file: dict[str, Any], *, schema: type[ModelT], max_wait: float | None = None
) -> TypedExtraction[ModelT]:
    """Extract `file` (by URL, Extend file id or raw text) into `schema`, waiting for the run."""
    run = client.extract_runs.create_and_poll(
        file=file, config=config_for(schema), max_wait=max_wait
    )
    return parse_run(run, schema)


async def extract_typed_async(
    client: AsyncExtend,
    file: dict[str, Any],
    *,
    schema: type[ModelT],
    max_wait: float | None = None,
) -> TypedExtraction[ModelT]:
    """`extract_typed` for the async client."""
    run = await client.extract_runs.create_and_poll(
        file=file, config=config_for(schema), max_wait=max_wait
    )
    return parse_run(run, schema)
