"""Generation speed and memory against the peers, whole process, median of N passes.

Run by `make bench` in the bench venv, where openapi-python-client and datamodel-code-generator
are installed; ours runs from the project's own venv. Each pass is a fresh process into a fresh
folder with no cache, so every figure is a cold generation. Peak RSS comes from wait4() of
that very process.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OURS = ROOT / ".venv" / "bin" / "python"
BENCH_BIN = Path(sys.executable).parent
PASSES = int(os.environ.get("BENCH_PASSES", "3"))
SPECS = {
    "extend (3rd party)": SHARED / "reference" / "extend-ai-openapi.yml",
    "openai": SHARED / "corpus" / "openai.yaml",
    "stripe": SHARED / "corpus" / "stripe.yaml",
}


def commands(spec: Path, out: Path) -> dict[str, list[str]]:
    return {
        "sdkgen": [str(OURS), "-m", "generator", "generate", str(spec), "-o", str(out / "ours")],
        "openapi-python-client": [
            str(BENCH_BIN / "openapi-python-client"), "generate", "--path", str(spec),
            "--output-path", str(out / "opc"), "--overwrite",
        ],
        "datamodel-code-generator": [
            str(BENCH_BIN / "datamodel-codegen"), "--input", str(spec),
            "--input-file-type", "openapi", "--output", str(out / "dcg"),
            "--output-model-type", "pydantic_v2.BaseModel",
        ],
    }  # fmt: skip


def run_once(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit code) of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    missing = [name for name, spec in SPECS.items() if not spec.exists()]
    if missing:
        print(f"generation bench skipped: ../shared is not beside the project ({missing})")
        return
    print(f"cold generation, whole process, median of {PASSES} (min / max), peak RSS:")
    header = f"  {'spec':<20} {'tool':<26} {'median s':>9} {'min':>7} {'max':>7} {'RSS MB':>8}"
    print(header + f" {'ok':>4} {'x ours':>7}")
    for label, spec in SPECS.items():
        rows: dict[str, tuple[float, float, float, float, bool]] = {}
        for tool in ("sdkgen", "openapi-python-client", "datamodel-code-generator"):
            walls, peaks, ok = [], [], True
            for _ in range(PASSES):
                work = Path(tempfile.mkdtemp(prefix="sdkgen-bench-"))
                try:
                    wall, peak, code = run_once(commands(spec, work)[tool], work)
                finally:
                    shutil.rmtree(work, ignore_errors=True)
                walls.append(wall)
                peaks.append(peak)
                ok = ok and code == 0
            median = statistics.median(walls)
            rows[tool] = (median, min(walls), max(walls), max(peaks), ok)
        ours = rows["sdkgen"][0]
        for tool, (median, low, high, peak, ok) in rows.items():
            print(
                f"  {label:<20} {tool:<26} {median:9.2f} {low:7.2f} {high:7.2f} {peak:8.0f}"
                f" {'yes' if ok else 'FAIL':>4} {median / ours:7.2f}"
            )


if __name__ == "__main__":
    main()
