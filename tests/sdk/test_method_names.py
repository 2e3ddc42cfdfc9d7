"""Users of the official SDK switch without renaming calls: every method of extend-ai's
reference resolves in ours, in the current API version or, for endpoints 2026-02-09 removed,
in the 2025-04-21 one. Fails on any drift, either way."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from generator.ir.build import build_api
from generator.targets.registry import get_target
from tests.conftest import ROOT, shared_path
from tests.support.yamlfile import read_yaml

SPECS = ROOT / "specs" / "extend"
CALL = re.compile(r"^(client(?:\.[a-z_]+)+)\(", re.MULTILINE)
LEGACY_RESOURCES = ("processor", "processor_run", "processor_version", "batch_processor_run")
"""The 2025-04-21 resources that 2026-02-09 removed."""


def official_methods() -> set[str]:
    text = shared_path("reference", "extend-python-sdk-reference.md").read_text(encoding="utf-8")
    return set(CALL.findall(text))


@cache
def our_methods(version: str) -> frozenset[str]:
    document = read_yaml(SPECS / f"{version}.yaml")
    return frozenset(get_target("python").names(build_api(document, "extend")).methods.values())


def test_every_official_method_resolves() -> None:
    official = official_methods()
    current = our_methods("2026-02-09")
    legacy = our_methods("2025-04-21")
    assert sorted(official - current - legacy) == []
    only_legacy = sorted(official - current)
    assert all(name.split(".")[1] in LEGACY_RESOURCES for name in only_legacy), only_legacy
    assert len(official & current) >= 90


def test_the_current_version_has_no_method_the_official_sdk_names_otherwise() -> None:
    """A method of ours on a resource the official SDK knows has the official name."""
    official = official_methods()
    resources = {name.rsplit(".", 1)[0] for name in official}
    current = our_methods("2026-02-09")
    unofficial = sorted(m for m in current - official if m.rsplit(".", 1)[0] in resources)
    assert unofficial == []


def test_the_reference_is_read_whole() -> None:
    official = official_methods()
    assert "client.files.retrieve" in official and "client.batch_runs.get" in official
    assert len(official) > 100
    assert Path(SPECS / "2026-02-09.yaml").is_file()
