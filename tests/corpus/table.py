"""`make corpus`: generate every corpus document as a user would (`sdkgen generate`, black
included, no cache, one at a time so the times are honest; `PASSES=3` keeps the median of three
runs), check each SDK like the corpus test does, and write the results as a table into
README.md between its corpus markers."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from tests.conftest import ROOT, SHARED
from tests.corpus.documents import corpus_documents
from tests.corpus.runner import DocumentResult, check_document

START = "<!-- corpus table: start (make corpus) -->"
END = "<!-- corpus table: end -->"
HEADER = (
    "| spec | version | operations | schemas | generated | imported | mypy errors "
    "| examples round-tripped | warnings | wall time |\n"
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def row(result: DocumentResult) -> str:
    generated = f"{result.methods}/{result.operations}" if result.generated else "failed"
    imported = f"{result.imported}/{result.modules}" if result.modules else "-"
    mypy = str(result.mypy_errors) if result.mypy_errors >= 0 else "-"
    examples = f"{result.examples_ok}/{result.examples}"
    notes = []
    if result.examples_invalid_in_spec:
        notes.append(f"{result.examples_invalid_in_spec} invalid in spec")
    if result.examples_untyped_headers:
        notes.append(f"{result.examples_untyped_headers} on response headers")
    if notes:
        examples += f" ({'; '.join(notes)})"
    cells = [
        f"`{result.name}`",
        result.version,
        str(result.operations),
        str(result.schemas),
        generated,
        imported,
        mypy,
        examples,
        str(result.warnings),
        f"{result.seconds:.1f} s",
    ]
    return "| " + " | ".join(cells) + " |"


def table(results: list[DocumentResult], passes: int) -> str:
    runs = "one run" if passes == 1 else f"the median of {passes} runs"
    note = (
        f"\nWall time: `sdkgen generate` from a folder with no cache, {runs}, on a machine with "
        f"{os.cpu_count()} cores (shared while measured: times vary with its load)."
    )
    return "\n".join([HEADER, *(row(r) for r in results), note])


def replace_section(text: str, body: str) -> str:
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no {START} ... {END} section")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    return f"{before}{START}\n{body}\n{END}{after}"


def main() -> None:
    folder = SHARED / "corpus"
    if not folder.is_dir():
        raise SystemExit(f"{folder} is not present: clone the project with ../shared beside it")
    results: list[DocumentResult] = []
    passes = int(os.environ.get("PASSES", "1"))
    with tempfile.TemporaryDirectory(prefix="sdkgen-corpus-") as work:
        for document in corpus_documents(folder):
            result = check_document(document, Path(work), cli=True, passes=passes)
            print(row(result), flush=True)
            for problem in result.problems():
                print(f"    {problem}", file=sys.stderr)
            results.append(result)
    readme = ROOT / "README.md"
    text = replace_section(readme.read_text(encoding="utf-8"), table(results, passes))
    readme.write_text(text, encoding="utf-8")
    print(f"wrote the corpus table into {readme}")


if __name__ == "__main__":
    main()
