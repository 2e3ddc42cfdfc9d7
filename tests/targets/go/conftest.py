"""One Go build cache per test session (per worker): the standard library compiles once for
every Go test module, not once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.targets.go.tooling import go


@pytest.fixture(scope="session")
def go_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go()
    return tmp_path_factory.mktemp("go-cache")
