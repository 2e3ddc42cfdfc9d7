"""Request data to JSON-ready data. Free of pydantic, so importing the client stays cheap."""

from __future__ import annotations

from typing import Any


def to_jsonable(value: Any) -> Any:
    """Request data to JSON-ready data: models by their wire names, containers recursively."""
    dump = getattr(value, "model_dump", None)
    if dump is not None:
        return dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, dict):
        return {key: to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
