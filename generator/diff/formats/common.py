"""What every format says the same way: counts, lists cut short, places."""

from __future__ import annotations

from generator.diff.model import Level, Location, Report

LEVELS = (Level.BREAKING, Level.POSSIBLY_BREAKING, Level.NON_BREAKING)


def headline(report: Report) -> str:
    """`148 changes: 34 breaking, 1 possibly breaking, 113 non-breaking`."""
    counts = ", ".join(f"{report.count(level)} {level.words}" for level in LEVELS)
    total = len(report.changes)
    return f"{total} change{'s' if total != 1 else ''}: {counts}"


def shorten(items: tuple[str, ...], limit: int | None = 6) -> str:
    """`a, b, c` or `a, b, ... (+3 more)`; every item when `limit` is None."""
    if limit is None or len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f", ... (+{len(items) - limit} more)"


def place(label: str, location: Location) -> str:
    """`file:line#pointer`, like every diagnostic of the generator."""
    where = f"{label}:{location.line}" if location.line is not None else label
    return f"{where}#{location.pointer}"
