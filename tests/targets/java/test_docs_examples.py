"""Every Java example of the Extend docs (the reference pages and the Java README, the guide)
compiles against the generated Extend sources: each becomes a class of its own, and one `javac`
(every lint on, warnings as errors) compiles them with the SDK.

An example is the body of a method with `client` in scope; the setup example, which makes it,
gets none. Each class imports every package of the SDK and the JDK classes examples name; an
example's own import lines come first."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.doc_examples import Block, code_blocks
from tests.support.run_folder import Built
from tests.support.streams_sdk import write_streams_sdk
from tests.targets.java.tooling import javac, sources

SDK = ROOT / "output" / "extend" / "java"
DOCS = ROOT / "output" / "extend" / "docs" / "java"
_JDK = (
    "java.nio.file.Path", "java.time.Duration", "java.time.LocalDate", "java.time.OffsetDateTime",
    "java.util.List", "java.util.Map", "java.util.Optional",
    "java.util.concurrent.CompletableFuture",
)  # fmt: skip
_IMPORT = re.compile(r"^import [\w.]+;\n", re.MULTILINE)
_DECLARES_CLIENT = re.compile(r"^\w+ client = ", re.MULTILINE)


def java_examples(sdk: Path, docs: Path) -> list[tuple[str, Block]]:
    """(where, block) of every Java example: each reference page's (in `docs`) and the
    README's, located relative to the API's output folder (`sdk`'s parent)."""
    pages = [*sorted(docs.glob("*.md")), sdk / "README.md"]
    return [
        (f"{page.relative_to(sdk.parent)}:{block.line}", block)
        for page in pages
        for block in code_blocks(page.read_text(encoding="utf-8"))
        if block.info == "java"
    ]


def _packages(files: list[Path]) -> list[str]:
    found = set()
    for path in files:
        match = re.search(r"^package ([\w.]+);", path.read_text(encoding="utf-8"), re.MULTILINE)
        if match:
            found.add(match.group(1))
    return sorted(found)


def _client_class(files: list[Path]) -> str:
    """The client class (`ai.extend.ExtendClient`): the shallowest class with an `Async`
    twin beside it (resource clients have twins too, deeper down)."""
    names = {p.stem for p in files}
    candidates = [p for p in files if p.stem.endswith("Client") and f"Async{p.stem}" in names]
    assert candidates, "no client class in the Java SDK"
    path = min(candidates, key=lambda p: len(p.parts))
    package = re.search(r"^package ([\w.]+);", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert package is not None
    return f"{package.group(1)}.{path.stem}"


def example_class(index: int, where: str, code: str, packages: list[str], client: str) -> str:
    """An example as a class of the default package: one static method, every import."""
    own = _IMPORT.findall(code)
    body = _IMPORT.sub("", code).strip("\n")
    parameter = "" if _DECLARES_CLIENT.search(body) else f"{client.rsplit('.', 1)[1]} client"
    imports = [f"import {p}.*;\n" for p in packages] + [f"import {c};\n" for c in _JDK]
    method = "".join(f"        {line}\n" if line else "\n" for line in body.split("\n"))
    return (
        "".join(dict.fromkeys([*own, *imports]))
        + f"\n/** {where} */\nfinal class Example{index} {{\n"
        + '    @SuppressWarnings("deprecation") // the docs show deprecated calls too\n'
        + f"    static void run({parameter}) {{\n{method}    }}\n}}\n"
    )


def compile_java_examples(
    sdk: Path, docs: Path, out: Path, sdk_classes: Path | None = None
) -> tuple[int, subprocess.CompletedProcess[str]]:
    """Every Java example of `docs` and `sdk`'s README compiled under `out`, with the SDK's
    sources in one javac, or against `sdk_classes` when the SDK is compiled already: the count
    and javac's result."""
    examples = java_examples(sdk, docs)
    files = sources(sdk)
    packages = _packages(files)
    client = _client_class(files)
    folder = out / "examples"
    folder.mkdir(parents=True)
    written = []
    for index, (where, block) in enumerate(examples):
        path = folder / f"Example{index}.java"
        path.write_text(example_class(index, where, block.code, packages, client), "utf-8")
        written.append(path)
    if sdk_classes is None:
        done = javac(out / "classes", [*files, *written])
    else:
        done = javac(out / "classes", written, str(sdk_classes))
    if done.returncode != 0:
        done.stderr = located(done.stdout + done.stderr, folder)
    return len(examples), done


@pytest.mark.slow
def test_every_java_example_compiles(tmp_path: Path, extend_java_build: Built) -> None:
    assert extend_java_build.returncode == 0, extend_java_build.output[-4000:]
    classes = extend_java_build.folder / "classes"
    count, done = compile_java_examples(SDK, DOCS, tmp_path, classes)
    assert count > 100, f"only {count} Java examples in the docs"
    assert done.returncode == 0, done.stderr


def located(output: str, folder: Path) -> str:
    """javac's complaints, each with the example (page and line) it is in."""
    lines = []
    for line in output.splitlines()[:60]:
        match = re.search(r"Example(\d+)\.java", line)
        if match:
            source = (folder / f"Example{match.group(1)}.java").read_text(encoding="utf-8")
            where = re.search(r"/\*\* (\S+) \*/", source)
            line += f"  <- {where.group(1) if where else '?'}"
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.slow
def test_stream_examples_read_event_by_event_and_compile(tmp_path: Path) -> None:
    out = write_streams_sdk(tmp_path / "out", "java")
    completions = (out / "docs" / "completions.md").read_text(encoding="utf-8")
    assert "try (var stream = client.completions().createStream(" in completions
    assert "    for (var event : stream) {\n        System.out.println(event);" in completions
    events = (out / "docs" / "events.md").read_text(encoding="utf-8")
    assert "try (var stream = client.events().list()) {\n" in events
    count, done = compile_java_examples(out / "java", out / "docs", tmp_path / "build")
    assert count > 5, f"only {count} Java examples in the streams docs"
    assert done.returncode == 0, done.stderr
