"""The tests' YAML reader (`tests/support/yamlfile.py`) gives PyYAML's safe values."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT
from tests.support.yamlfile import read_yaml


def test_the_values_are_those_of_the_safe_loader() -> None:
    spec = ROOT / "specs" / "extend" / "2025-04-21.yaml"
    assert read_yaml(spec) == yaml.safe_load(spec.read_text(encoding="utf-8"))
