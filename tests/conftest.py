"""Shared fixtures: paths to the project, the shared inputs, and small spec builders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present: clone the project with ../shared beside it")
    return path


def minimal_spec(**extra: Any) -> dict[str, Any]:
    """A valid OpenAPI 3.1 document with one operation; `extra` replaces top-level keys."""
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Tiny", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    spec.update(extra)
    return spec
