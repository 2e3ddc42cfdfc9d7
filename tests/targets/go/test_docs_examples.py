"""Every Go example of the Extend docs (the reference pages and the Go README, the guide) builds
against the generated Extend module: each becomes a function of one throwaway program, which
`go vet` type-checks and vets in one build.

An example is the body of a function returning `error`, with `ctx` and `client` in scope; the
setup example, which makes them, gets neither. Imports are what the code names (the setup's own
import block where it has one): Go refuses unused ones."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.doc_examples import Block, code_blocks
from tests.support.streams_sdk import write_streams_sdk
from tests.targets.go.tooling import consumer_module, run_go

SDK = ROOT / "output" / "extend" / "go"
DOCS = ROOT / "output" / "extend" / "docs" / "go"
_STANDARD = {
    "context": "context", "errors": "errors", "fmt": "fmt", "http": "net/http",
    "httptest": "net/http/httptest", "io": "io", "os": "os", "strings": "strings",
    "time": "time", "url": "net/url",
}  # fmt: skip
_IMPORT_BLOCK = re.compile(r"^import \((?P<lines>.*?)^\)\n", re.MULTILINE | re.DOTALL)
_DECLARES = re.compile(r"^(ctx|client) :=", re.MULTILINE)


def _module(sdk: Path) -> str:
    text = (sdk / "go.mod").read_text(encoding="utf-8")
    match = re.search(r"^module (\S+)", text, re.MULTILINE)
    assert match is not None
    return match.group(1)


def go_examples(sdk: Path, docs: Path) -> list[tuple[str, Block]]:
    """(where, block) of every Go example: each reference page's (in `docs`) and the
    README's, located relative to the API's output folder (`sdk`'s parent)."""
    pages = [*sorted(docs.glob("*.md")), sdk / "README.md"]
    return [
        (f"{page.relative_to(sdk.parent)}:{block.line}", block)
        for page in pages
        for block in code_blocks(page.read_text(encoding="utf-8"))
        if block.info == "go"
    ]


def _imports(module: str, package: str) -> dict[str, str]:
    """Every name an example may qualify with, and the import path it means."""
    known = {**_STANDARD, package: module, f"{package}client": f"{module}/client"}
    known.update({name: f"{module}/{name}" for name in ("option", "core", "webhook")})
    return known


def example_file(index: int, where: str, code: str, module: str, package: str) -> str:
    """An example as a Go file of package main: one function, the imports it names."""
    found = _IMPORT_BLOCK.search(code)
    given = found.group("lines") if found else ""
    body = _IMPORT_BLOCK.sub("", code).strip("\n")
    declared = set(_DECLARES.findall(body))
    params = []
    if "ctx" not in declared:
        params.append("ctx context.Context")
    if "client" not in declared:
        params.append(f"client *{package}client.Client")
    function = (
        f"// example{index} is {where}.\nfunc example{index}({', '.join(params)}) error {{\n"
        + "".join(f"\t{line}\n" if line else "\n" for line in body.split("\n"))
        + "\t_, _ = ctx, client\n\treturn nil\n}\n"
    )
    named = [
        f'\t{alias} "{path}"'
        for alias, path in sorted(_imports(module, package).items())
        if re.search(rf"(?<![\w.\"/]){alias}\.", function) and f'"{path}"' not in given
    ]
    lines = [line for line in given.strip("\n").split("\n") if line.strip()] + named
    imports = "import (\n" + "\n".join(lines) + "\n)\n\n" if lines else ""
    return f"package main\n\n{imports}{function}"


def build_go_examples(
    sdk: Path, docs: Path, folder: Path, cache: Path
) -> tuple[int, subprocess.CompletedProcess[str]]:
    """Every Go example of `docs` and `sdk`'s README in one module in `folder`, vetted against
    the module at `sdk`: the count and go vet's result."""
    examples = go_examples(sdk, docs)
    module = _module(sdk)
    match = re.search(r"^package (\w+)", (sdk / "types.go").read_text(encoding="utf-8"), re.M)
    assert match is not None
    package = match.group(1)
    consumer_module(folder, module, sdk)
    for index, (where, block) in enumerate(examples):
        text = example_file(index, where, block.code, module, package)
        (folder / f"example{index}.go").write_text(text, encoding="utf-8")
    (folder / "main.go").write_text("package main\n\nfunc main() {}\n", encoding="utf-8")
    result = run_go(["vet", "."], folder, cache)
    if result.returncode != 0:
        result.stderr = located(result.stderr, folder)
    return len(examples), result


@pytest.mark.slow
def test_every_go_example_builds(tmp_path: Path, go_cache: Path) -> None:
    count, result = build_go_examples(SDK, DOCS, tmp_path / "examples", go_cache)
    assert count > 100, f"only {count} Go examples in the docs"
    assert result.returncode == 0, result.stderr


def located(stderr: str, folder: Path) -> str:
    """go vet's complaints, each with the example (page and line) it is in."""
    lines = []
    for line in stderr.splitlines()[:40]:
        match = re.search(r"example(\d+)\.go", line)
        if match:
            source = (folder / f"example{match.group(1)}.go").read_text(encoding="utf-8")
            where = re.search(r"// example\d+ is (\S+)\.", source)
            line += f"  <- {where.group(1) if where else '?'}"
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.slow
def test_stream_examples_read_event_by_event_and_build(tmp_path: Path, go_cache: Path) -> None:
    out = write_streams_sdk(tmp_path / "out", "go", {"module": "example.com/streams-go"})
    completions = (out / "docs" / "completions.md").read_text(encoding="utf-8")
    assert "stream, err := client.Completions.CreateStream(ctx, " in completions
    assert "for stream.Next() {\n\tfmt.Println(stream.Current())\n}" in completions
    events = (out / "docs" / "events.md").read_text(encoding="utf-8")
    assert "stream, err := client.Events.List(ctx)\n" in events
    count, result = build_go_examples(out / "go", out / "docs", tmp_path / "examples", go_cache)
    assert count > 5, f"only {count} Go examples in the streams docs"
    assert result.returncode == 0, result.stderr
