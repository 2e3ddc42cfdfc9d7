"""Sample values: one per string format, and values kept within a schema's bounds (`pattern`,
lengths, range, `multipleOf`). What the docs show in their examples and what the mock answers
come from here, so the two never disagree. Each value is valid for its format and bounds."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from generator.ir.model import Bounds
from generator.ir.patterns import sample_pattern

SAMPLE_URL = "https://example.com/document.pdf"

FORMAT_SAMPLES: dict[str, str] = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "12:00:00Z",
    "duration": "P1D",
    "uri": SAMPLE_URL,
    "url": SAMPLE_URL,
    "iri": SAMPLE_URL,
    "uri-reference": SAMPLE_URL,
    "iri-reference": SAMPLE_URL,
    "uri-template": "https://example.com/documents/{id}",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "json-pointer": "/id",
    "relative-json-pointer": "0",
    "regex": "^[a-z]+$",
}
"""A sample string for each format (JSON Schema's and OpenAPI's `byte`)."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


Limit = tuple[float | None, bool]
"""A bound of a range and whether it is exclusive (the bound itself outside)."""


def _lower(limit: Limit, node: Mapping[str, Any]) -> Limit:
    """`limit` narrowed by one schema's `minimum`/`exclusiveMinimum` (3.0's flag, 3.1's
    number)."""
    low, flag = _number(node.get("minimum")), node.get("exclusiveMinimum")
    if low is not None and (limit[0] is None or low > limit[0]):
        limit = (low, flag is True)
    low = _number(flag)
    if low is not None and (limit[0] is None or low >= limit[0]):
        limit = (low, True)
    return limit


def _upper(limit: Limit, node: Mapping[str, Any]) -> Limit:
    """`limit` narrowed by one schema's `maximum`/`exclusiveMaximum`."""
    high, flag = _number(node.get("maximum")), node.get("exclusiveMaximum")
    if high is not None and (limit[0] is None or high < limit[0]):
        limit = (high, flag is True)
    high = _number(flag)
    if high is not None and (limit[0] is None or high <= limit[0]):
        limit = (high, True)
    return limit


BOUND_KEYWORDS = frozenset(
    {"pattern", "minLength", "maxLength", "multipleOf", "minimum", "maximum"}
    | {"exclusiveMinimum", "exclusiveMaximum"}
)
"""The keywords `bounds_from` reads: a schema with none of them constrains nothing."""


UNBOUNDED = Bounds()
"""The bounds of a schema that constrains nothing (most schemas), shared."""


def bounds_from(schemas: Iterable[Mapping[str, Any]]) -> Bounds:
    """The constraints every one of `schemas` puts on a value (the first `pattern`; the
    tightest lengths and range)."""
    bounded = False
    pattern: str | None = None
    min_length = 0
    max_length: int | None = None
    multiple_of: float | None = None
    lower: Limit = (None, False)
    upper: Limit = (None, False)
    for node in schemas:
        if BOUND_KEYWORDS.isdisjoint(node):
            continue
        bounded = True
        if pattern is None and isinstance(node.get("pattern"), str):
            pattern = node["pattern"]
        least, most = node.get("minLength"), node.get("maxLength")
        if isinstance(least, int) and not isinstance(least, bool):
            min_length = max(min_length, least)
        if isinstance(most, int) and not isinstance(most, bool):
            max_length = most if max_length is None else min(max_length, most)
        step = _number(node.get("multipleOf"))
        if step is not None and step > 0:
            multiple_of = step
        lower, upper = _lower(lower, node), _upper(upper, node)
    if not bounded:
        return UNBOUNDED  # most schemas: one shared instance
    return Bounds(
        pattern=pattern,
        min_length=min_length,
        max_length=max_length,
        minimum=lower[0],
        maximum=upper[0],
        exclusive_minimum=lower[1],
        exclusive_maximum=upper[1],
        multiple_of=multiple_of,
    )


def string_fits(bounds: Bounds, value: str) -> bool:
    """Whether `value` keeps the string bounds (an unreadable pattern constrains nothing)."""
    if bounds.pattern is not None:
        try:
            if not re.search(bounds.pattern, value):
                return False
        except re.error:
            pass
    most = bounds.max_length
    return len(value) >= bounds.min_length and (most is None or len(value) <= most)


def string_within(bounds: Bounds, preferred: Iterable[str], fallback: str) -> str:
    """The first of `preferred` that keeps the bounds, else a string matching the pattern,
    else `fallback` padded or cut to the lengths."""
    for candidate in preferred:
        if string_fits(bounds, candidate):
            return candidate
    if bounds.pattern is not None:
        made = sample_pattern(bounds.pattern, bounds.min_length, bounds.max_length)
        if made is not None:
            return made
    plain = fallback.ljust(bounds.min_length, "x")
    return plain if bounds.max_length is None else plain[: bounds.max_length]


def number_fits(bounds: Bounds, value: float, *, integer: bool) -> bool:
    """Whether `value` keeps the range and `multipleOf` (and is whole for an integer)."""
    low, high = bounds.minimum, bounds.maximum
    if not math.isfinite(value) or (integer and value != int(value)):
        return False
    if low is not None and (value < low or (bounds.exclusive_minimum and value == low)):
        return False
    if high is not None and (value > high or (bounds.exclusive_maximum and value == high)):
        return False
    if bounds.multiple_of is not None:
        quotient = value / bounds.multiple_of
        return abs(quotient - round(quotient)) <= 1e-9
    return True


def _number_candidates(bounds: Bounds, preferred: float, integer: bool) -> list[float]:
    low, high, step = bounds.minimum, bounds.maximum, bounds.multiple_of
    unit = 1.0 if integer or step is None else 0.5
    base = [preferred, 1.0, 0.0]
    if low is not None:
        base += [low, low + unit, math.ceil(low), math.floor(low) + 1]
    if high is not None:
        base += [high, high - unit, math.floor(high), math.ceil(high) - 1]
    if low is not None and high is not None:
        base.append((low + high) / 2)
    if step is None:
        return base
    return [c for b in base for c in (b, math.ceil(b / step) * step, math.floor(b / step) * step)]


def number_within(bounds: Bounds, *, integer: bool, preferred: float) -> int | float:
    """`preferred` when it keeps the bounds, else the first value near them that does."""
    for candidate in _number_candidates(bounds, preferred, integer):
        if number_fits(bounds, candidate, integer=integer):
            whole = integer or (bounds.multiple_of is not None and candidate == int(candidate))
            return int(candidate) if whole else candidate
    fallback = bounds.minimum if bounds.minimum is not None else preferred
    return int(fallback) if integer else fallback
