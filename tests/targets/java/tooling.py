"""The JDK, Jackson and JUnit the Java tests run, offline: `make java` installs them from
Debian's packages (jars under /usr/share/java)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.targets.java.package import JAR_DIR, jackson_classpath, javac_command

JUNIT_CONSOLE = JAR_DIR / "junit-platform-console-standalone.jar"


def classpath() -> str:
    """Jackson's jars; skips the test naming `make java` when the JDK or a jar is missing."""
    found = jackson_classpath()
    if found is None or shutil.which("javac") is None or shutil.which("java") is None:
        pytest.skip("the JDK or Debian's Jackson jars are missing: run `make java`")
    return found


def junit_console() -> Path:
    if not JUNIT_CONSOLE.is_file():
        pytest.skip("JUnit 5's console launcher is missing: run `make java`")
    return JUNIT_CONSOLE


def sources(root: Path) -> list[Path]:
    return sorted((root / "src" / "main" / "java").rglob("*.java"))


def javac(
    out: Path, files: list[Path], extra_classpath: str = ""
) -> subprocess.CompletedProcess[str]:
    """javac -Xlint:all -Werror --release 11 over `files` into `out`."""
    path = classpath() + (f":{extra_classpath}" if extra_classpath else "")
    return subprocess.run(
        javac_command(path, out, files), capture_output=True, text=True, timeout=900, check=False
    )
