"""One Go build cache per test run: the standard library compiles once for every Go test
module, not once per module, and under pytest-xdist not once per worker either (Go's build
cache is safe for several `go` processes at once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.run_folder import run_folder
from tests.targets.go.tooling import go


@pytest.fixture(scope="session")
def go_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go()
    cache = run_folder(tmp_path_factory) / "go-cache"
    cache.mkdir(exist_ok=True)
    return cache
