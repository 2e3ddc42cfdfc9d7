"""Settings of a spec generated on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import default_api


@pytest.mark.parametrize(
    ("spec", "package", "client"),
    [
        ("petstore.yaml", "petstore_sdk", "Petstore"),
        ("2026-02-09.yaml", "api_2026_02_09_sdk", "Api20260209"),
        ("openai.yaml", "openai_sdk", "Openai"),
    ],
)
def test_a_lone_spec_gets_an_importable_package(spec: str, package: str, client: str) -> None:
    config = default_api(Path(spec), Path("out"), None)
    assert config.package == package and config.package.isidentifier()
    assert config.client_class == client
