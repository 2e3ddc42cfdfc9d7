"""Everything the mock derives from one OpenAPI document, built once per server: the document
read by pointer (its operations through the loader's document model), its validators, its value
synthesis and its routes."""

from __future__ import annotations

from typing import Any

from generator.load.document import DocumentModel
from generator.mock.document import SpecDocument
from generator.mock.keywords import Mode
from generator.mock.operations import Router
from generator.mock.synthesis import Synthesis
from generator.mock.validation import Validation


class SpecModel:
    """One document's reading; tests use it to synthesise and check values as the mock does."""

    def __init__(self, spec: dict[str, Any], model: DocumentModel | None = None) -> None:
        """`model` is the loader's model of `spec`, built here when not given."""
        self.document = SpecDocument(spec, model)
        self.validation = Validation(self.document)
        self.synthesis = Synthesis(self.document, self.validation)
        self.router = Router(self.document.model)

    def synthesize(self, roots: list[str]) -> Any:
        """A value valid for every schema at `roots`."""
        return self.synthesis.synthesize(roots)

    def validate(self, pointer: str | None, instance: Any, mode: Mode, where: str) -> list[str]:
        return self.validation.validate(pointer, instance, mode, where)

    def is_valid(self, pointer: str, instance: Any, mode: Mode = "response") -> bool:
        return self.validation.is_valid(pointer, instance, mode)
