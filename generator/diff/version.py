"""One side of a diff, kept apart from the engine so loading a spec does not import the rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.load.document import DocumentModel
from generator.load.loader import SourceDocument


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a diff: a loaded document, how to call it, and its source for line numbers."""

    label: str
    document: dict[str, Any]
    source: SourceDocument | None = None
    model: DocumentModel | None = None
    """The document model of `document` when the loader built it already."""
