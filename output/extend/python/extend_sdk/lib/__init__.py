"""Hand-written code of the Extend SDK: the generator never writes or deletes this folder."""

from .extraction import ExtractionFailedError, TypedExtraction, extract_typed, extract_typed_async

__all__ = ["ExtractionFailedError", "TypedExtraction", "extract_typed", "extract_typed_async"]
