"""Regenerate every golden tree: `make golden`. Never edit files under expected/ by hand."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.config import default_api
from generator.emit.formatting import format_files
from generator.pipeline import render_api
from generator.emit.write import with_manifest, write_tree

GOLDEN_DIR = Path(__file__).parent


def golden_cases() -> list[Path]:
    return sorted(p.parent for p in GOLDEN_DIR.glob("*/spec.yaml"))


def render_case(case: Path) -> Mapping[str, str]:
    config = default_api(case / "spec.yaml", case / "expected", f"{case.name}_sdk")
    rendered = render_api(config)
    if not rendered.files:
        problems = "\n".join(d.render() for d in rendered.diagnostics)
        raise SystemExit(f"{case.name}: the golden spec does not generate:\n{problems}")
    formatted = format_files(rendered.files, None)
    return with_manifest(formatted, config.spec_label, rendered.spec_sha256, rendered.protected)


def main() -> None:
    for case in golden_cases():
        write_tree(case / "expected", render_case(case))
        print(f"regenerated {case.relative_to(GOLDEN_DIR.parent.parent)}/expected")


if __name__ == "__main__":
    main()
