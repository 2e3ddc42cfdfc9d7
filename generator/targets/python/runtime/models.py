"""The pydantic base model of generated models, and response parsing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import pydantic

from .lenient import construct, validate


class BaseModel(pydantic.BaseModel):
    """Generated models keep unknown fields, accept wire or Python names, and dump wire names."""

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        defer_build=True,
    )

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data with the API's field names, unset fields left out.
        Values a drifting server sent in another shape are dumped as they came."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True, warnings=False)


def parse_as(cast_to: Any, data: Any, *, strict: bool = False) -> Any:
    """A response body as `cast_to`. Leniently by default: what does not fit the spec is kept
    as the server sent it (see `lenient`); `strict` validates and raises
    pydantic.ValidationError instead."""
    if strict:
        return validate(cast_to, data)
    return construct(cast_to, data)


def _aware(value: datetime) -> datetime:
    """Timestamps without an offset are taken as UTC, so every datetime is timezone-aware."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


AwareDatetime = Annotated[datetime, pydantic.AfterValidator(_aware)]
"""A `datetime` that always carries a timezone."""


class UnionResolutionError(ValueError):
    """A value fits none of a union's members."""


def _fits(member: type[pydantic.BaseModel], value: Any) -> tuple[pydantic.BaseModel | None, bool]:
    """(the member built from value or None, whether it used every key of value)."""
    try:
        built = member.model_validate(value)
    except pydantic.ValidationError:
        return None, False
    return built, not built.model_extra


def union(
    *members: type[pydantic.BaseModel],
    discriminator: str | None = None,
    mapping: dict[str, type[pydantic.BaseModel]] | None = None,
) -> Any:
    """Validation for a union of models: by discriminator when the value names a member, else
    by the member that fits it exactly, the best fit among several (the one using the most
    of its keys); a value that fits none is an error naming the members.
    """
    names = ", ".join(m.__name__ for m in members)

    def resolve(value: Any, _handler: Any) -> Any:
        if isinstance(value, members):
            return value
        if not isinstance(value, dict):
            raise UnionResolutionError(f"expected an object for one of {names}")
        if discriminator is not None and mapping:
            tag = value.get(discriminator)
            chosen = mapping.get(str(tag)) if tag is not None else None
            if chosen is not None:
                return chosen.model_validate(value)
        results = [(member, *_fits(member, value)) for member in members]
        exact = [(m, built) for m, built, complete in results if built is not None and complete]
        loose = [(m, built) for m, built, _complete in results if built is not None]
        candidates = exact or loose
        if not candidates:
            raise UnionResolutionError(f"the value fits none of {names}")
        # Several fit (anyOf allows it): the one that declares the most of the value's keys,
        # the first listed among equals.
        return max(candidates, key=lambda found: len(found[1].model_fields_set))[1]

    # What lenient parsing reads to pick a member of a value that fits none.
    resolve.discriminator = discriminator  # type: ignore[attr-defined]
    resolve.mapping = mapping  # type: ignore[attr-defined]
    # A wrap validator that never calls the handler: the union's own schema stays in place
    # for serialization (a plain validator would make pydantic warn on every dump).
    return pydantic.WrapValidator(resolve)
