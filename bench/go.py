"""The Go SDK on this machine; run by `make bench`.

- per-call overhead: the same GET against an in-process server, a raw `net/http` request
  (decoded into the same type) vs the generated client (bench/go/calls.go). The same headers
  reach the server (an Accept of JSON on both, as the SDK sends it) and
  both read and decode the whole body; 2,000 warm-up calls each (was 300); 30 rounds of 1,000
  calls (was 15 of 2,000) in orders where each client follows every other equally often (a plain
  rotation, tried first, had the raw request run after the SDK's calls in two rounds of
  three, where it may pay for their garbage); the median of the rounds' ratios. Wall
  and CPU time (user + system of the process, every thread) are both printed; the target is
  judged on CPU time, which on a loaded machine leaves out the turns other processes take.
  A control row, the raw request against itself, shows the run's noise floor;
- generation time: a cold run of the Go target on the Extend and OpenAI specs (median of 3);
- the module's size (its files, as the release zips them).

The program builds offline against output/extend/go through a `replace` directive.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "output" / "extend" / "go"
CALLS = ROOT / "bench" / "go" / "calls.go"
EXTEND_SPEC = ROOT / "specs" / "extend" / "2026-02-09.yaml"
OPENAI_SPEC = ROOT.parent / "shared" / "corpus" / "openai.yaml"
TARGET_RATIO = 1.15


def _module_path() -> str:
    first = (SDK / "go.mod").read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("module ").strip()


def per_call(work: Path) -> dict[str, dict[str, float]]:
    module = _module_path()
    program = work / "calls"
    program.mkdir()
    (program / "go.mod").write_text(
        f"module example.com/bench\n\ngo 1.19\n\nrequire {module} v2.0.0\n\n"
        f"replace {module} => {SDK}\n",
        encoding="utf-8",
    )
    shutil.copy(CALLS, program / "main.go")
    env = {**os.environ, "GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOCACHE": str(work / "cache")}
    binary = work / "calls-bin"
    subprocess.run(["go", "build", "-o", str(binary), "."], cwd=program, env=env, check=True)
    calls = os.environ.get("BENCH_CALLS", "1000")
    out = subprocess.run(
        [str(binary), calls, "30", "2000"], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, dict[str, float]] = json.loads(out.strip().splitlines()[-1])
    return result


def _generate(spec: Path, out: Path) -> float:
    code = (
        "import sys; from pathlib import Path\n"
        "from generator.config import default_api\n"
        "from generator.pipeline import HEADER, load_api\n"
        "from generator.targets.base import Release, TargetInput\n"
        "from generator.targets.registry import get_target\n"
        "from generator.templating import environment\n"
        "spec, out = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "config = default_api(spec, out)\n"
        "api = load_api(config)[0]\n"
        "given = TargetInput(api, config.name, spec, {}, environment(), Release('0.1.0', HEADER))\n"
        "for path, text in get_target('go').sdk(given).render().items():\n"
        "    (out / path).parent.mkdir(parents=True, exist_ok=True)\n"
        "    (out / path).write_text(text, encoding='utf-8')\n"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(spec), str(out)], check=True, cwd=ROOT)
    return time.perf_counter() - start


def generation(spec: Path) -> float:
    with tempfile.TemporaryDirectory() as work:
        return statistics.median(_generate(spec, Path(work) / f"run{i}") for i in range(3))


def module_size() -> int:
    return sum(p.stat().st_size for p in SDK.rglob("*") if p.is_file())


def main() -> None:
    print("Go SDK bench (Extend; medians)")
    print("| measure | generated | baseline | ratio (target) |\n| --- | --- | --- | --- |")
    if shutil.which("go") is None:
        print("| per call | skipped: the Go toolchain is not installed (`make go`) | | |")
    else:
        with tempfile.TemporaryDirectory() as work:
            calls = per_call(Path(work))
        cpu, wall = calls["cpuRatios"], calls["ratios"]
        verdict = "met" if cpu["generated"] <= TARGET_RATIO else "NOT met"
        print(
            f"| per call (µs, CPU) | {calls['cpu']['generated']:.1f}"
            f" | raw net/http {calls['cpu']['raw net/http']:.1f}"
            f" | {cpu['generated']:.2f}x CPU, {wall['generated']:.2f}x wall"
            f" (<= {TARGET_RATIO}x CPU; medians of the rounds' ratios) {verdict} |"
        )
        control = "raw net/http, again"
        print(
            f"| per call, control: {control} (µs, CPU) | | {calls['cpu'][control]:.1f}"
            f" | {cpu[control]:.2f}x CPU, {wall[control]:.2f}x wall |"
        )
    for label, spec in (("Extend", EXTEND_SPEC), ("OpenAI", OPENAI_SPEC)):
        if not spec.exists():
            print(f"| generation, {label} | skipped: {spec} is absent | | |")
            continue
        print(f"| generation of the Go target, {label} (s) | {generation(spec):.2f} | | |")
    print(
        f"| module size (KB) | {module_size() / 1024:.0f} | extend-go-sdk: unknown"
        " (not fetchable here; ../shared has its README, not its size) | |"
    )


if __name__ == "__main__":
    main()
