"""The json format: the report as data, stable keys, for other tools."""

from __future__ import annotations

import json
from typing import Any

from generator.diff.formats.common import LEVELS
from generator.diff.model import Change, Location, Report


def _location(location: Location) -> dict[str, Any]:
    return {"pointer": location.pointer, "line": location.line}


def change_data(change: Change) -> dict[str, Any]:
    return {
        "id": change.rule,
        "level": change.level.value,
        "bump": change.bump.value,
        "message": change.message,
        "operations": list(change.operations),
        "old": _location(change.old),
        "new": _location(change.new),
        "sdk": {"methods": list(change.methods), "models": list(change.models)},
    }


def render_json(report: Report) -> str:
    data = {
        "old": report.old_label,
        "new": report.new_label,
        "bump": report.bump.value,
        "summary": {level.value: report.count(level) for level in LEVELS},
        "notes": list(report.notes),
        "changes": [change_data(c) for c in report.changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
