"""GitHub Actions workflow commands: one annotation per change, on the new document."""

from __future__ import annotations

from generator.diff.formats.common import shorten
from generator.diff.model import Level, Report

_COMMANDS = {
    Level.BREAKING: "error",
    Level.POSSIBLY_BREAKING: "warning",
    Level.NON_BREAKING: "notice",
}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for change in report.changes:
        properties = [f"file={escape_property(report.new_label)}"]
        if change.new.line is not None:
            properties.append(f"line={change.new.line}")
        properties.append(f"title={escape_property(f'{change.level.value}: {change.rule}')}")
        message = change.summary
        if change.methods:
            message += f" (SDK: {shorten(change.methods)})"
        command = _COMMANDS[change.level]
        lines.append(f"::{command} {','.join(properties)}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
