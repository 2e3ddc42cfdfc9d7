"""The Extend Java SDK of output/ compiled once per test run (`javac -Xlint:all -Werror`), shared
by the pytest-xdist workers (`tests/support/run_folder.py`): its JUnit tests and its docs'
examples compile against these classes."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.support.run_folder import Built, built_once
from tests.targets.java.tooling import javac, sources

SDK = ROOT / "output" / "extend" / "java"


@pytest.fixture(scope="session")
def extend_java_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The SDK's sources compiled into `<folder>/classes`."""
    return built_once(
        tmp_path_factory, "extend-java", lambda folder: javac(folder / "classes", sources(SDK))
    )
