"""Render a `Report`: text (default, coloured on a terminal), markdown, json, github."""

from __future__ import annotations

from generator.diff.formats.github import render_github
from generator.diff.formats.json_report import render_json
from generator.diff.formats.markdown import render_markdown
from generator.diff.formats.text import render_text
from generator.diff.model import Report

FORMATS = ("text", "markdown", "json", "github")


def render(report: Report, format_name: str, *, color: bool = False) -> str:
    """The report in one of `FORMATS`; `color` only matters for text."""
    if format_name == "markdown":
        return render_markdown(report)
    if format_name == "json":
        return render_json(report)
    if format_name == "github":
        return render_github(report)
    return render_text(report, color=color)


__all__ = ["FORMATS", "render"]
