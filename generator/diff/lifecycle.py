"""Lifecycle extensions: `x-sunset` dates and `x-stability-level`, as the diff reads them.

An endpoint, parameter or property that was deprecated and whose sunset date has passed may be
removed without breaking anyone who heeded the notice. The date is compared with today's: a
removal judged before its sunset is breaking, the same removal after it is not.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

STABILITY_LEVELS = ("draft", "alpha", "beta", "stable")
"""From least to most stable."""
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def sunset_text(node: object) -> str | None:
    """`x-sunset` as text (YAML reads a bare date as a date), None when absent."""
    if not isinstance(node, dict) or "x-sunset" not in node:
        return None
    value = node["x-sunset"]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def parse_sunset(text: str) -> dt.date | None:
    """An ISO date (`2025-06-30`) or RFC 3339 date-time; None when it is neither."""
    if not _DATE.match(text):
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def retired(node: Any, today: dt.date | None = None) -> bool:
    """Deprecated, with a valid sunset date that has passed."""
    if not isinstance(node, dict) or node.get("deprecated") is not True:
        return False
    text = sunset_text(node)
    date = parse_sunset(text) if text is not None else None
    return date is not None and date <= (today or dt.date.today())


def stability(node: object) -> str | None:
    if not isinstance(node, dict) or "x-stability-level" not in node:
        return None
    return str(node["x-stability-level"])


def stability_rank(level: str | None) -> int | None:
    """Position in `STABILITY_LEVELS`; absent counts as stable; None for an unknown level."""
    if level is None:
        return len(STABILITY_LEVELS) - 1
    return STABILITY_LEVELS.index(level) if level in STABILITY_LEVELS else None
