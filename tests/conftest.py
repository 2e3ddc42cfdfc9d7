"""Shared fixtures: paths to the project, the shared inputs, and small spec builders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.support.spec_server import SpecServer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present: clone the project with ../shared beside it")
    return path


@pytest.fixture
def listing_target() -> Iterator[str]:
    """The test's own target (`tests/plugin_target/`), registered for the test only."""
    from generator.targets.registry import register_target, unregister_target

    register_target("listing", "tests.plugin_target.target")
    yield "listing"
    unregister_target("listing")


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules holding `slow` tests run first, in file order, then the rest: under pytest-xdist
    (`make test`, a module to a worker) the long units start early and the many quick tests
    even out the end. The order changes nothing else."""
    slow = {item.path for item in items if item.get_closest_marker("slow") is not None}
    items.sort(key=lambda item: item.path not in slow)


@pytest.fixture(scope="session", autouse=True)
def _one_default_tls_context() -> Iterator[None]:
    """httpx clients share one default TLS context per worker (`tests/support/tls.py`)."""
    from tests.support.tls import shared_default_contexts

    with shared_default_contexts():
        yield


@pytest.fixture(scope="session")
def server() -> Iterator[SpecServer]:
    """The spec server playing the Extend API, shared by the session."""
    from tests.support.extend import API_VERSION, TOKEN, extend_spec
    from tests.support.spec_server import SpecServer

    _path, document = extend_spec()
    with SpecServer(
        document, token=TOKEN, required_headers={"x-extend-api-version": API_VERSION}
    ) as running:
        yield running


@pytest.fixture
def live(server: SpecServer) -> Iterator[SpecServer]:
    """The Extend spec server with no recorded requests or scripts left from other tests."""
    server.reset()
    yield server
    server.reset()
