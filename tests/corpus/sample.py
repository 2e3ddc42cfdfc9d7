"""Which corpus documents the heavy whole-corpus proofs check in `make test`.

A proof that takes minutes over the whole of ../shared/corpus (every SDK against black, every
site, every SDK generated, imported and type-checked) runs in `make test` on a sample: a
mid-sized OpenAPI 3.0 document in YAML and a Swagger 2.0 one in JSON, a few seconds each.
The rest of the corpus is marked `conformance` and runs in `make conformance` (CI runs both).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

import pytest

SAMPLE = frozenset({"spotify", "petstore-swagger2"})
"""Documents by name (a file name without its suffix, as `corpus_documents` names them)."""


def in_sample(name: str) -> bool:
    """`spotify`, `spotify.yaml` and `petstore-swagger2.json` are in the sample."""
    return name in SAMPLE or PurePath(name).stem in SAMPLE


def sampled(names: Iterable[str]) -> list[Any]:
    """Parameters for `names`: the sample as is, every other document marked `conformance`."""
    return [
        pytest.param(name, marks=() if in_sample(name) else pytest.mark.conformance)
        for name in names
    ]
