"""Sentinels and option types used by generated method signatures."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any, Final, TypedDict


class NotGiven:
    """Marks an argument the caller did not pass, as distinct from an explicit `None`."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]

FileContent = bytes | IO[bytes] | os.PathLike[str] | str
"""A path (str or PathLike), raw bytes, or an open binary file."""

FileUpload = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
"""File content, optionally as (filename, content) or (filename, content, content_type)."""


class RequestOptions(TypedDict, total=False):
    """Per-call options every generated method accepts as keyword arguments."""

    timeout: float | None
    max_retries: int
    extra_headers: Headers
    extra_query: Query
    extra_body: Body


def is_given(value: object) -> bool:
    return not isinstance(value, NotGiven)


def strip_not_given(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if not isinstance(value, NotGiven)}
