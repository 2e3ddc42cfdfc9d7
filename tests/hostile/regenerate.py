"""Regenerate tests/hostile/expected/ (`make golden`). Review the diff; never edit by hand."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.hostile.runner import EXPECTED, case_files, describe, expected_path, make_runtime_cases


def main() -> None:
    EXPECTED.mkdir(exist_ok=True)
    for spec in case_files():
        expected_path(spec).write_text(describe(spec, spec.parent), encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "runtime"
        for spec in make_runtime_cases(folder):
            expected_path(spec).write_text(describe(spec, folder), encoding="utf-8")
    print(f"regenerated {EXPECTED}")


if __name__ == "__main__":
    main()
