"""Typing for `with_raw_response`: the same method, returning a `RawResponse` of its result.

The resource a raw view wraps sends its requests through a raw core, so at run time the method
already returns a `RawResponse`; these helpers only tell type checkers so.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar, cast

from .transport import RawResponse

P = ParamSpec("P")
R = TypeVar("R")


def to_raw(method: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    return cast(Any, method)  # type: ignore[no-any-return]


def to_raw_async(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    return cast(Any, method)  # type: ignore[no-any-return]
