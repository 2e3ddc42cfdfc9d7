"""The Java SDK on this machine; run by `make bench`.

- per-call overhead: the same GET against an in-process server (the JDK's HttpServer), a raw
  `java.net.http.HttpClient` request decoded into the same type vs the generated client
  (bench/java/Calls.java; rounds interleaved, after a JIT warm-up);
- the size of the release jar (and its sources jar), built as `sdkgen release` builds them.

The official extend-java-sdk is not fetchable here (no Maven): its jar size is unknown.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.targets.java.package import jackson_classpath, package_java

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "output" / "extend" / "java"
CALLS = ROOT / "bench" / "java" / "Calls.java"
TARGET_RATIO = 1.15


def per_call(jar: Path, classpath: str, work: Path) -> dict[str, float]:
    """Medians of the two clients (µs per call) and of each round's ratio."""
    classes = work / "calls"
    with_jar = f"{jar}:{classpath}"
    javac = shutil.which("javac") or "javac"
    command = [javac, "-encoding", "UTF-8", "-cp", with_jar, "-d", str(classes), str(CALLS)]
    subprocess.run(command, check=True)
    calls = os.environ.get("BENCH_CALLS", "2000")
    java = shutil.which("java") or "java"
    out = subprocess.run(
        [java, "-cp", f"{classes}:{with_jar}", "Calls", calls, "15"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    print("Java SDK bench (Extend; medians)")
    print("| measure | generated | baseline | ratio (target) |\n| --- | --- | --- | --- |")
    classpath = jackson_classpath()
    if classpath is None or shutil.which("javac") is None or shutil.which("jar") is None:
        print("| per call, jar size | skipped: no JDK or Jackson jars (`make java`) | | |")
        return
    with tempfile.TemporaryDirectory(prefix="sdkgen-java-bench-") as name:
        work = Path(name)
        (work / "dist").mkdir()
        packaged = package_java(SDK, work / "dist")
        jar = next(p for p in packaged.files if p.name.endswith(f"{packaged.version}.jar"))
        sources = next(p for p in packaged.files if p.name.endswith("-sources.jar"))
        calls = per_call(jar, classpath, work)
        raw, ours, ratio = calls["raw java.net.http"], calls["generated"], calls["ratio"]
        verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
        print(
            f"| per call (µs) | {ours:.1f} | raw java.net.http {raw:.1f} | {ratio:.2f}x"
            f" (<= {TARGET_RATIO}x; median of the rounds' ratios) {verdict} |"
        )
        print(
            f"| jar size (KB) | {jar.stat().st_size / 1024:.0f}"
            f" (sources jar {sources.stat().st_size / 1024:.0f}) | extend-java-sdk: unknown"
            " (not fetchable here) | |"
        )


if __name__ == "__main__":
    main()
