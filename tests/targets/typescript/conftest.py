"""The TypeScript builds several test modules run, each compiled once per test run (shared by
the pytest-xdist workers, `tests/support/run_folder.py`): the Extend SDK of output/ and the
runtime alone."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.support.run_folder import Built, built_once
from tests.targets.typescript.tooling import compile_runtime, compile_sdk

SDK = ROOT / "output" / "extend" / "typescript"


@pytest.fixture(scope="session")
def extend_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """`tsc --strict` over output/'s Extend SDK, emitted into `<folder>/dist`."""
    return built_once(
        tmp_path_factory,
        "extend-typescript",
        lambda folder: compile_sdk(SDK, "--outDir", str(folder / "dist")),
    )


@pytest.fixture(scope="session")
def runtime_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The runtime's sources alone, compiled strict into `<folder>/dist`."""
    return built_once(tmp_path_factory, "typescript-runtime", compile_runtime)
