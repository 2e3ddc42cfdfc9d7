"""The markdown format, and the one-line form of a change the changelog shares."""

from __future__ import annotations

from generator.diff.formats.common import LEVELS, headline, shorten
from generator.diff.model import Change, Report
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


def render_markdown(report: Report) -> str:
    lines = [
        f"# API changes: `{report.old_label}` → `{report.new_label}`",
        "",
        f"{headline(report)}. Suggested SDK version bump: **{report.bump.value}**.",
        *(f"\n> Note: {md(note)}" for note in report.notes),
    ]
    lines += render_sections(report, "##")
    return "\n".join(lines) + "\n"
