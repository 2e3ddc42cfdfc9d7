"""The markdown format, and the one-line form of a change the changelog shares."""

from __future__ import annotations

from generator.diff.formats.common import LEVELS, headline, shorten
from generator.diff.model import Change, Level, Report
from generator.templating import md


def _code(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"`{item}`" for item in items)


def change_line(change: Change, limit: int | None = 6) -> str:
    """`- **GET /files**: endpoint removed; SDK `client.files.list`; rule `endpoint-removed``.
    Lists of operations, methods and models are cut at `limit` (None: never)."""
    if len(change.operations) == 1:
        text = f"**{md(change.operations[0])}**: {md(change.message)}"
    else:
        text = md(change.message)
        if change.operations:
            text += f" (in {shorten(_code(change.operations), limit)})"
    details = []
    if change.methods:
        details.append(f"SDK {shorten(_code(change.methods), limit)}")
    if change.extra_models:
        details.append(f"models {shorten(_code(change.extra_models), limit)}")
    details.append(f"rule `{change.rule}`")
    return f"- {text}; " + "; ".join(details)


def render_sections(report: Report, heading: str, limit: int | None = 6) -> list[str]:
    """The changes by level, each level under a `heading` (e.g. `###`)."""
    lines: list[str] = []
    for level in LEVELS:
        changes = [c for c in report.changes if c.level is level]
        if changes:
            lines += ["", f"{heading} {level.heading} ({len(changes)})", ""]
            lines += [change_line(c, limit) for c in changes]
    return lines


COMMENT_LIMIT = 65_536
"""The most characters GitHub keeps in a pull request comment."""


def _section(level: Level, lines: list[str], total: int) -> list[str]:
    """One level's change lines in a collapsible section (the breaking ones open); `total`
    counts the level's changes, shown or not."""
    opened = " open" if level is Level.BREAKING else ""
    summary = f"<summary><strong>{level.heading} ({total})</strong></summary>"
    return ["", f"<details{opened}>{summary}", "", *lines, "", "</details>"]


def _fit(sections: list[tuple[Level, list[str], int]], room: int) -> int:
    """Drops change lines from the end (least severe first) until the sections fit in `room`
    characters; returns how many it dropped."""
    size = sum(len("\n".join(_section(*section))) + 1 for section in sections)
    dropped = 0
    while size > room and sections:
        level, lines, total = sections[-1]
        if not lines:
            size -= len("\n".join(_section(level, lines, total))) + 1
            sections.pop()
            continue
        size -= len(lines.pop()) + 1
        dropped += 1
    return dropped


def render_markdown(report: Report, limit: int = COMMENT_LIMIT) -> str:
    """The report as a pull request comment: a section per level, every affected operation,
    method and model named. It stays within `limit` characters: where the changes would pass
    it, the least severe make way for a line counting them."""
    head = [
        f"# API changes: `{report.old_label}` → `{report.new_label}`",
        "",
        f"{headline(report)}. Suggested SDK version bump: **{report.bump.value}**.",
        *(f"\n> Note: {md(note)}" for note in report.notes),
    ]
    sections = [
        (level, [change_line(c, limit=None) for c in changes], len(changes))
        for level in LEVELS
        if (changes := [c for c in report.changes if c.level is level])
    ]
    tail = (
        "\n\n(+{} changes not shown: a comment holds {:,} characters; `sdkgen diff --format"
        " text` lists every change)"
    )
    room = limit - len("\n".join(head)) - len(tail.format(len(report.changes), limit)) - 1
    dropped = _fit(sections, room)
    body = [line for section in sections for line in _section(*section)]
    text = "\n".join(head + body)
    if dropped:
        text += tail.format(dropped, limit)
    return text + "\n"
