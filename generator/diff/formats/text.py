"""The text format: one block per change, most severe first; coloured when asked."""

from __future__ import annotations

import click

from generator.diff.formats.common import LEVELS, headline, place, shorten
from generator.diff.model import Change, Level, Report

_COLORS = {Level.BREAKING: "red", Level.POSSIBLY_BREAKING: "yellow", Level.NON_BREAKING: "green"}


def _style(text: str, color: bool, **styles: object) -> str:
    return click.style(text, **styles) if color else text  # type: ignore[arg-type]


def render_change(change: Change, report: Report, *, color: bool = False) -> list[str]:
    level = _style(change.level.value, color, fg=_COLORS[change.level], bold=True)
    rule = _style(f"[{change.rule}]", color, dim=True)
    lines = [f"{level} {rule} {change.summary}"]
    if len(change.operations) > 1:
        lines.append(f"    operations: {shorten(change.operations)}")
    sdk = []
    if change.methods:
        sdk.append(f"sdk: {shorten(change.methods)}")
    if change.extra_models:
        sdk.append(f"models: {shorten(change.extra_models)}")
    if sdk:
        lines.append("    " + "; ".join(sdk))
    old, new = place(report.old_label, change.old), place(report.new_label, change.new)
    lines.append(f"    at: {old} -> {new}")
    return lines


def render_text(report: Report, *, color: bool = False) -> str:
    lines = [
        f"{report.old_label} -> {report.new_label}",
        f"{headline(report)}; suggested SDK version bump: "
        + _style(report.bump.value, color, bold=True),
        *(f"note: {note}" for note in report.notes),
    ]
    for level in LEVELS:
        changes = [c for c in report.changes if c.level is level]
        if not changes:
            continue
        lines.append("")
        lines.append(_style(f"{level.heading} ({len(changes)})", color, bold=True, underline=True))
        for change in changes:
            lines.extend(render_change(change, report, color=color))
    return "\n".join(lines) + "\n"
