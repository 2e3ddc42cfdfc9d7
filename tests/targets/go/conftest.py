"""One Go build cache per test run: the standard library compiles once for every Go test
module, not once per module, and under pytest-xdist not once per worker either (Go's build
cache is safe for several `go` processes at once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.targets.go.tooling import go


@pytest.fixture(scope="session")
def go_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Each worker's temporary folder lies in the run's own: the cache is shared there.
        shared = tmp_path_factory.getbasetemp().parent / "go-cache"
        shared.mkdir(exist_ok=True)
        return shared
    return tmp_path_factory.mktemp("go-cache")
