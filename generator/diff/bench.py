"""Time the diff beside the time to load what it compares: `python -m generator.diff.bench`.

Rows: the two newest versions of each API folder under specs/ (the Extend pair), and a large
document (Stripe's, from ../shared/corpus, when present) against a changed copy of itself. The
copy is loaded separately and then edited the same way every time: one endpoint removed, one
endpoint added, a required query parameter added, a property removed from the largest schema
and a value removed from an enum.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import SPEC_SUFFIXES
from generator.diff.engine import diff_versions
from generator.diff.model import Level
from generator.diff.version import Version
from generator.load.loader import load_document

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_LARGE = ROOT.parent / "shared" / "corpus" / "stripe.yaml"


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    load_seconds: float
    """Loading (reading and parsing) both documents."""
    diff_seconds: float
    """The diff of the loaded documents, best of the repeats."""
    changes: int
    breaking: int


def _load(path: Path) -> tuple[Version, float]:
    started = time.perf_counter()
    loaded = load_document(path)
    elapsed = time.perf_counter() - started
    if loaded.document is None:
        problems = "; ".join(d.render() for d in loaded.diagnostics)
        raise SystemExit(f"{path} does not load: {problems}")
    return Version(str(path), loaded.document), elapsed


def _time_diff(old: Version, new: Version, repeat: int) -> tuple[float, int, int]:
    best = float("inf")
    changes = breaking = 0
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        report = diff_versions(old, new)
        best = min(best, time.perf_counter() - started)
        changes, breaking = len(report.changes), report.count(Level.BREAKING)
    return best, changes, breaking


def measure(
    name: str,
    old_path: Path,
    new_path: Path,
    repeat: int,
    edit: Callable[[dict[str, Any]], None] | None = None,
) -> Row:
    old, old_load = _load(old_path)
    new, new_load = _load(new_path)
    if edit is not None:
        edit(new.document)
    seconds, changes, breaking = _time_diff(old, new, repeat)
    return Row(name, old_load + new_load, seconds, changes, breaking)


def change_copy(document: dict[str, Any]) -> None:
    """Edit a document in place, the same way every time, so that the diff has work to do."""
    paths: dict[str, Any] = document.get("paths") or {}
    names = sorted(paths)
    if names:
        removed = paths.pop(names[0])
        paths["/sdkgen-bench/added"] = removed
    for name in names[1:]:
        get = paths[name].get("get") if isinstance(paths[name], dict) else None
        if isinstance(get, dict):
            extra = {"name": "sdkgen_bench", "in": "query", "required": True,
                     "schema": {"type": "string"}}  # fmt: skip
            get["parameters"] = [*get.get("parameters", []), extra]
            break
    schemas: dict[str, Any] = (document.get("components") or {}).get("schemas") or {}
    objects = [
        (len(s.get("properties") or {}), k) for k, s in schemas.items() if isinstance(s, dict)
    ]
    if objects:
        _count, largest = max(objects)
        properties = schemas[largest].get("properties") or {}
        if properties:
            properties.pop(sorted(properties)[-1])
    for key in sorted(schemas):
        for prop in (schemas[key].get("properties") or {}).values():
            if isinstance(prop, dict) and isinstance(prop.get("enum"), list) and prop["enum"]:
                prop["enum"] = prop["enum"][:-1]
                return


def _api_pairs(specs_root: Path) -> list[tuple[str, Path, Path]]:
    pairs = []
    for folder in sorted(p for p in specs_root.iterdir() if p.is_dir()):
        versions = sorted(p for p in folder.iterdir() if p.suffix in SPEC_SUFFIXES)
        if len(versions) >= 2:
            old, new = versions[-2], versions[-1]
            pairs.append((f"{folder.name} {old.stem} -> {new.stem}", old, new))
    return pairs


def table(rows: Sequence[Row]) -> str:
    headers = ("case", "load both (s)", "diff (s)", "diff / load", "changes", "breaking")
    cells = [
        (
            row.name,
            f"{row.load_seconds:.3f}",
            f"{row.diff_seconds:.3f}",
            f"{row.diff_seconds / row.load_seconds:.2f}x" if row.load_seconds else "-",
            str(row.changes),
            str(row.breaking),
        )
        for row in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in
                       enumerate(zip(headers, widths, strict=True)))]  # fmt: skip
    lines.append("  ".join("-" * w for w in widths))
    for cell in cells:
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(cell, widths, strict=True))
            )
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.diff.bench", description=__doc__)
    parser.add_argument(
        "--specs", type=Path, default=ROOT / "specs", help="folder of API folders (default: specs/)"
    )
    parser.add_argument(
        "--large",
        type=Path,
        default=DEFAULT_LARGE,
        help="a large spec to diff against a changed copy (default: Stripe's)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="diff runs per row; best is kept")
    args = parser.parse_args(argv)  # fmt: skip
    rows = [measure(name, old, new, args.repeat) for name, old, new in _api_pairs(args.specs)]
    if args.large.is_file():
        name = f"{args.large.stem} vs changed copy"
        rows.append(measure(name, args.large, args.large, args.repeat, change_copy))
    else:
        print(f"{args.large} is not present: the large-document row is left out")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
