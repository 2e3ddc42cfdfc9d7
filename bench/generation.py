"""Generation speed and memory against the peers, whole process, median of N passes.

Run by `make bench` in the bench venv, where openapi-python-client and datamodel-code-generator
are installed; ours runs from the project's own venv. Each pass is a fresh process into a fresh
folder with no cache, so every figure is a cold generation. Peak RSS comes from wait4() of
that very process (the largest of it and the copy a big API's render forks). What persists
between runs is the tool's own compiled code, as for the peers: Python's `__pycache__`
(compileall below) and Jinja's compiled templates in the user's cache folder, which the first
pass writes when they are missing; outputs and parsed documents are never reused.
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


def _measure(command: list[str], cwd: Path, fresh: Path | None) -> tuple[list[float], float, bool]:
    """Walls, peak RSS and success of PASSES runs; `fresh` is emptied before each run."""
    walls, peaks, ok = [], [], True
    for _ in range(PASSES):
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        wall, peak, code = run_once(command, cwd)
        walls.append(wall)
        peaks.append(peak)
        ok = ok and code == 0
    return walls, max(peaks), ok


def _row(label: str, tool: str, walls: list[float], peak: float, ok: bool, ours: float) -> str:
    median = statistics.median(walls)
    return (
        f"  {label:<20} {tool:<26} {median:9.2f} {min(walls):7.2f} {max(walls):7.2f}"
        f" {peak:8.0f} {'yes' if ok else 'FAIL':>4} {median / ours:7.2f}"
    )


def _project_copy(work: Path) -> Path:
    """The project's configuration, specs and output/ in a fresh folder: no cache at all."""
    copy = work / "project"
    copy.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
    shutil.copytree(ROOT / "specs", copy / "specs")
    shutil.copytree(ROOT / "output", copy / "output")
    return copy


def _import_seconds(python_folder: Path, statement: str) -> float:
    """Median seconds of `statement` in a fresh interpreter (bench venv: httpx, pydantic)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=python_folder, capture_output=True, text=True,
            check=True,
        )  # fmt: skip
        times.append(float(done.stdout.strip()))
    return statistics.median(times)


def main() -> None:
    missing = [name for name, spec in SPECS.items() if not spec.exists()]
    if missing:
        print(f"generation bench skipped: ../shared is not beside the project ({missing})")
        return
    # The peers are installed with their bytecode compiled; ours is an editable install, whose
    # bytecode a PYTHONDONTWRITEBYTECODE environment would leave unwritten: compile it once.
    subprocess.run([str(OURS), "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    print(f"cold generation, whole process, median of {PASSES} (min / max), peak RSS:")
    header = f"  {'spec':<20} {'tool':<26} {'median s':>9} {'min':>7} {'max':>7} {'RSS MB':>8}"
    print(header + f" {'ok':>4} {'x ours':>7}")
    results: dict[tuple[str, str], tuple[float, float, bool]] = {}
    for label, spec in SPECS.items():
        rows: dict[str, tuple[list[float], float, bool]] = {}
        for tool in ("sdkgen", "openapi-python-client", "datamodel-code-generator"):
            work = Path(tempfile.mkdtemp(prefix="sdkgen-bench-"))
            try:
                rows[tool] = _measure(commands(spec, work)[tool], work, None)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            results[(label, tool)] = (statistics.median(rows[tool][0]), *rows[tool][1:])
        ours = statistics.median(rows["sdkgen"][0])
        for tool, (walls, peak, ok) in rows.items():
            print(_row(label, tool, walls, peak, ok, ours))
    work = Path(tempfile.mkdtemp(prefix="sdkgen-bench-"))
    try:
        project = _project_copy(work)
        generate = [str(OURS), "-m", "generator", "generate"]
        cold = _measure(generate, project, project / ".sdkgen-cache")
        check = _measure([str(OURS), "-m", "generator", "check"], project, None)
        warm = _measure(generate, project, None)
        cold_median = statistics.median(cold[0])
        print(_row("extend (project)", "sdkgen generate, no cache", *cold, cold_median))
        print(_row("extend (project)", "sdkgen generate, warm", *warm, cold_median))
        print(_row("extend (project)", "sdkgen check, unchanged", *check, cold_median))
        every = _every_target(work)
        openai = work / "openai"
        subprocess.run(
            [str(OURS), "-m", "generator", "generate", str(SPECS["openai"]), "-o", str(openai)],
            cwd=work, check=True, capture_output=True,
        )  # fmt: skip
        client_import = _import_seconds(openai / "python", "from openai_sdk import Openai")
        one_model = _import_seconds(
            openai / "python", "from openai_sdk.models import CreateChatCompletionRequest"
        )
        models_import = _import_seconds(openai / "python", "from openai_sdk.models import *")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("generated OpenAI SDK (1,400+ schemas), fresh interpreter, median of 5:")
    print(f"  from openai_sdk import Openai                      {client_import:6.3f} s (no model)")
    print(f"  from openai_sdk.models import CreateChatCompletionRequest {one_model:6.3f} s")
    print(f"  from openai_sdk.models import *                    {models_import:6.3f} s (all)")
    _targets(results, statistics.median(check[0]) / statistics.median(warm[0]))
    _every_target_goals(statistics.median(warm[0]), every)


EVERY_TARGET = ("python", "typescript", "go", "java")
"""The targets the project configures for Extend: the all-targets rows generate each."""
EVERY_TARGET_SPECS = {
    "stripe": SHARED / "corpus" / "stripe.yaml",
    "kubernetes": SHARED / "corpus" / "kubernetes-swagger2.json",
}


def _every_target(work: Path) -> dict[str, tuple[float, float, bool]]:
    """Median wall, peak RSS and success of generating each big spec for every target."""
    print(f"every target ({', '.join(EVERY_TARGET)}), whole process, peak RSS:")
    found: dict[str, tuple[float, float, bool]] = {}
    for label, spec in EVERY_TARGET_SPECS.items():
        out = work / f"every-{label}"
        command = [str(OURS), "-m", "generator", "generate", str(spec), "-o", str(out)]
        for target in EVERY_TARGET:
            command += ["-t", target]
        walls, peak, ok = _measure(command, work, out)
        megabytes = spec.stat().st_size / 1e6
        median = statistics.median(walls)
        row = _row(label, f"sdkgen, {megabytes:.1f} MB spec", walls, peak, ok, median)
        print(f"{row}  {peak / megabytes:5.1f} MB RSS per MB of spec")
        found[label] = (statistics.median(walls), peak, ok)
    return found


RSS_PER_SPEC_MB = 40
"""Peak RSS goal: at most this many MB per MB of spec (the document, its model and the IR)."""


def _every_target_goals(extend_warm: float, every: dict[str, tuple[float, float, bool]]) -> None:
    stripe = every["stripe"][0]
    rows = [
        ("extend, every target, warm (s)", extend_warm, 2.0),
        ("stripe, every target (s)", stripe, 10.0),
    ]
    for label, spec in EVERY_TARGET_SPECS.items():
        per_mb = every[label][1] / (spec.stat().st_size / 1e6)
        rows.append((f"peak RSS {label} per MB of spec", per_mb, RSS_PER_SPEC_MB))
    for name, value, target in rows:
        verdict = "met" if value <= target else "NOT met"
        print(f"  {name:<44} {value:5.2f} (target <= {target}) {verdict}")


def _targets(results: dict[tuple[str, str], tuple[float, float, bool]], check: float) -> None:
    def ratio(spec: str, peer: str) -> float:
        return results[(spec, "sdkgen")][0] / results[(spec, peer)][0]

    opc, dcg = "openapi-python-client", "datamodel-code-generator"
    rows = [
        ("extend: sdkgen / openapi-python-client", ratio("extend (3rd party)", opc), 0.3),
        ("openai: sdkgen / openapi-python-client", ratio("openai", opc), 0.15),
        ("stripe: sdkgen / datamodel-code-generator", ratio("stripe", dcg), 0.2),
        ("check unchanged / warm generate", check, 0.05),
    ]
    print("targets:")
    for name, value, target in rows:
        verdict = "met" if value <= target else "NOT met"
        print(f"  {name:<44} {value:5.2f} (target <= {target}) {verdict}")
    for spec in SPECS:
        ours, peer = results[(spec, "sdkgen")][1], results[(spec, opc)][1]
        verdict = "met" if ours <= peer else "NOT met"
        name = f"peak RSS {spec}: sdkgen / openapi-python-client"
        print(f"  {name:<44} {ours:.0f} / {peer:.0f} MB {verdict}")


if __name__ == "__main__":
    main()
