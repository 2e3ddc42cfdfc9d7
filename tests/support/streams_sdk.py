"""The SDK and docs of `tests/support/streams_spec.yaml` (events answered always, events a
body field asks for, downloads), rendered for one target into a folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.config import default_api
from generator.pipeline import render_api

SPEC = Path(__file__).parent / "streams_spec.yaml"


def write_streams_sdk(out: Path, target: str, settings: dict[str, object] | None = None) -> Path:
    """The streams spec rendered for `target` alone (its settings `settings`) and written
    under `out`: `out/<target>` holds the SDK, `out/docs` its reference pages."""
    config = default_api(SPEC, out, "streams")
    config = replace(config, targets=(target,), settings={target: settings or {}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out
