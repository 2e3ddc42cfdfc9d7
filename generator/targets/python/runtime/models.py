"""The pydantic base model of generated models, and response parsing."""

from __future__ import annotations

from typing import Any

import pydantic


class BaseModel(pydantic.BaseModel):
    """Generated models keep unknown fields, accept wire or Python names, and dump wire names."""

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        defer_build=True,
    )

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data with the API's field names, unset fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any]] = {}


def parse_as(cast_to: Any, data: Any) -> Any:
    """Validate `data` as `cast_to`; adapters for non-model types are built once and reused."""
    if isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel):
        return cast_to.model_validate(data)
    if cast_to is Any or cast_to is object:
        return data
    adapter = _ADAPTERS.get(cast_to)
    if adapter is None:
        adapter = _ADAPTERS[cast_to] = pydantic.TypeAdapter(cast_to)
    return adapter.validate_python(data)


def to_jsonable(value: Any) -> Any:
    """Request data to JSON-ready data: models by their wire names, containers recursively."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, dict):
        return {key: to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
