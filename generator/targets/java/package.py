"""The Java SDK's release artefacts: the jar, a sources jar and the POM, built with the JDK
against Debian's Jackson jars (no Maven, no network), then checked by compiling and running a
throwaway program against the jar."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from generator.targets.base import Packaged, ReleaseError
from generator.targets.packaging import run

JAR_DIR = Path("/usr/share/java")
JACKSON = ("jackson-databind.jar", "jackson-core.jar", "jackson-annotations.jar")
QUICK_JVM = ("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC")
"""JVM options of a short run: the JIT's quick tier only, the simplest collector."""


def jackson_classpath() -> str | None:
    """Debian's Jackson jars as a class path; None when one is missing (`make java`)."""
    jars = [JAR_DIR / name for name in JACKSON]
    return ":".join(str(j) for j in jars) if all(j.is_file() for j in jars) else None


def javac_command(classpath: str, out: Path, sources: list[Path]) -> list[str]:
    """javac with every lint on, warnings as errors, for Java 11. javac runs in a JVM that
    compiles its own code quickly rather than well (C1 only): on a short run with few cores
    that saves most of the time, and what is compiled is the same."""
    javac = shutil.which("javac") or "javac"
    return [
        javac,
        *QUICK_JVM,
        "-proc:none",
        "-Xlint:all",
        "-Werror",
        "--release",
        "11",
        "-encoding",
        "UTF-8",
        "-cp",
        classpath,
        "-d",
        str(out),
        *map(str, sources),
    ]


def _coordinates(pom: str) -> tuple[str, str, str]:
    found = [
        re.search(rf"^  <{tag}>([^<]*)</{tag}>", pom, re.M)
        for tag in ("groupId", "artifactId", "version")
    ]
    if not all(found):
        raise ReleaseError("pom.xml: no groupId, artifactId or version")
    group, artifact, version = (m.group(1) for m in found if m is not None)
    return group, artifact, version


def _client_class(source: Path) -> str:
    """The client's fully qualified name: the root package's class with a `builder()`."""
    root = source / "src" / "main" / "java"
    for candidate in sorted(root.rglob("*Client.java")):
        text = candidate.read_text(encoding="utf-8")
        relative = candidate.relative_to(root).with_suffix("")
        if "public static Builder builder()" in text and not candidate.name.startswith(
            ("Async", "Raw")
        ):
            return ".".join(relative.parts)
    raise ReleaseError(f"{root}: no client class")


def package_java(source: Path, dist: Path) -> Packaged:
    classpath = jackson_classpath()
    jar = shutil.which("jar")
    if classpath is None or jar is None or shutil.which("javac") is None:
        raise ReleaseError("no JDK or Jackson jars: run `make java`")
    pom = (source / "pom.xml").read_text(encoding="utf-8")
    _group, artifact, version = _coordinates(pom)
    sources = sorted((source / "src" / "main" / "java").rglob("*.java"))
    binary = dist / f"{artifact}-{version}.jar"
    sources_jar = dist / f"{artifact}-{version}-sources.jar"
    with tempfile.TemporaryDirectory(prefix="sdkgen-java-") as scratch_name:
        scratch = Path(scratch_name)
        classes = scratch / "classes"
        run(javac_command(classpath, classes, sources), "javac", source)
        run([jar, "--create", "--file", str(binary), "-C", str(classes), "."], "jar", source)
        run(
            [
                jar,
                "--create",
                "--file",
                str(sources_jar),
                "-C",
                str(source / "src" / "main" / "java"),
                ".",
            ],
            "sources jar",
            source,
        )
        shutil.copy(source / "pom.xml", dist / f"{artifact}-{version}.pom")
        client = _client_class(source)
        program = scratch / "program" / "Check.java"
        program.parent.mkdir()
        program.write_text(
            f"public final class Check {{\n    public static void main(String[] args) {{\n"
            f'        {client} client = {client}.builder().apiKey("key")'
            f'.url("http://127.0.0.1:9").build();\n'
            f'        System.out.println(client.withRawResponse() != null ? "{version}" : "");\n'
            f"    }}\n}}\n",
            encoding="utf-8",
        )
        with_jar = f"{binary}:{classpath}"
        run(javac_command(with_jar, scratch / "program", [program]), "javac (program)", scratch)
        java = shutil.which("java") or "java"
        printed = run(
            [java, "-cp", f"{scratch / 'program'}:{with_jar}", "Check"],
            "running a program against the jar",
            scratch,
        )
    if printed.strip() != version:
        raise ReleaseError(f"the program against {binary.name} printed {printed.strip()!r}")
    installed = f"compiled and ran a program against {binary.name}: {client}"
    return Packaged(
        (binary, sources_jar, dist / f"{artifact}-{version}.pom"),
        version,
        installed,
        "mvn deploy:deploy-file with the jar, the sources jar and the POM",
    )
