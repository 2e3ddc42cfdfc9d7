"""Run the generator on one hostile spec and describe the outcome as stable text.

The text is the exit code and every diagnostic, with the case folder written as `cases/`, so
the golden files under expected/ hold exactly what a user would read.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

HERE = Path(__file__).parent
CASES = HERE / "cases"
EXPECTED = HERE / "expected"
NOISE = ("wrote ", "done in ", "generation failed")


def case_files() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_file())


def make_runtime_cases(folder: Path) -> list[Path]:
    """Cases too big or too odd to commit: made fresh in `folder` on every run."""
    folder.mkdir(parents=True, exist_ok=True)
    head = {"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}
    deep = folder / "deep-nesting.json"
    deep.write_text('{"openapi": "3.1.0", "x": ' + "[" * 5000 + "]" * 5000 + "}")
    huge = folder / "huge-description.json"
    with huge.open("w") as handle:
        handle.write('{"openapi": "3.1.0", "info": {"title": "x", "version": "1", "description": "')
        chunk = "A" * (1 << 20)
        for _ in range(50):
            handle.write(chunk)
        handle.write('"}, "paths": {}}')
    outside = folder.parent / "outside-secret.yaml"
    outside.write_text("type: string\n")
    link = folder / "linked.yaml"
    if not link.exists():
        os.symlink(outside, link)
    escape = folder / "symlink-escape.yaml"
    spec = dict(head)
    spec["paths"] = {
        "/a": {
            "get": {
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "linked.yaml"}}},
                    }
                }
            }
        }
    }
    escape.write_text(json.dumps(spec))
    return [deep, huge, escape]


def describe(spec: Path, root: Path) -> str:
    """`exit N` and the diagnostics of `generate SPEC -o <tmp>`, paths relative to root."""
    with tempfile.TemporaryDirectory() as out:
        result = CliRunner().invoke(main, ["generate", str(spec), "-o", out])
    lines = [f"exit {result.exit_code}"]
    for line in result.output.splitlines():
        if line.startswith(NOISE):
            continue
        lines.append(line.replace(str(root) + os.sep, "cases/").replace(str(root), "cases"))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        lines.append(f"uncaught {type(result.exception).__name__}: {result.exception}")
    return "\n".join(lines) + "\n"


def expected_path(spec: Path) -> Path:
    return EXPECTED / f"{spec.name}.txt"
