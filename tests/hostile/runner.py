"""Run the generator on one hostile spec and describe the outcome as stable text.

The text is the exit code and every diagnostic, with the case folder written as `cases/`, so
the golden files under expected/ hold exactly what a user would read. A case that generates
has its tree checked too (`outputs.output_problems`: every file parses, names are distinct,
every path can be created on Windows); any problem is a line of the text.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.hostile.outputs import output_problems

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
    # a subfolder that is a symlink to a folder outside: a ref through it leaves the folder
    elsewhere = folder.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    (elsewhere / "secret.yaml").write_text("type: string\n")
    linked_folder = folder / "linked-folder"
    if not linked_folder.exists():
        os.symlink(elsewhere, linked_folder, target_is_directory=True)
    through = folder / "symlink-folder-escape.yaml"
    through.write_text(json.dumps(spec).replace('"linked.yaml"', '"linked-folder/secret.yaml"'))
    return [deep, huge, escape, through]


def describe(spec: Path, root: Path) -> str:
    """`exit N` and the diagnostics of `generate SPEC -o <tmp>`, paths relative to root."""
    with tempfile.TemporaryDirectory() as out:
        result = CliRunner().invoke(main, ["generate", str(spec), "-o", out])
        invalid = output_problems(Path(out)) if result.exit_code == 0 else []
    lines = [f"exit {result.exit_code}"]
    for line in result.output.splitlines():
        if line.startswith(NOISE):
            continue
        lines.append(line.replace(str(root) + os.sep, "cases/").replace(str(root), "cases"))
    lines += [f"invalid output: {problem}" for problem in invalid]
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        lines.append(f"uncaught {type(result.exception).__name__}: {result.exception}")
    return "\n".join(lines) + "\n"


def expected_path(spec: Path) -> Path:
    return EXPECTED / f"{spec.name}.txt"
