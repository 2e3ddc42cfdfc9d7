"""The real-world OpenAPI documents of ../shared/corpus: every spec file at its top level, and
the root file of every multi-file spec in its folders (the one file there that names a version).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
_ROOT_MARK = re.compile(rb'^(openapi|swagger)\s*:|^\s*\{?\s*"(openapi|swagger)"\s*:', re.M)


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    name: str
    """A short label: the file name without suffix, or the folder of a multi-file spec."""
    path: Path


def _is_root(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(4096)
    return bool(_ROOT_MARK.search(head))


@cache
def corpus_documents(folder: Path) -> tuple[CorpusDocument, ...]:
    """The folder's documents, read once per process (a dozen test modules list them while
    pytest collects)."""
    found: list[CorpusDocument] = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in SPEC_SUFFIXES:
            found.append(CorpusDocument(path.stem, path))
        elif path.is_dir():
            roots = [
                p for p in sorted(path.rglob("*")) if p.suffix in SPEC_SUFFIXES and _is_root(p)
            ]
            found.extend(CorpusDocument(f"{path.name}-multifile", root) for root in roots[:1])
    return tuple(found)
