"""Users of extend-go-sdk switch by changing import paths: every method of its list
(`extend-go-methods.tsv`, package and method) resolves in ours, the current resources against
the current Extend spec and the 2025 `processor*` ones against the 2025-04-21 spec."""

from __future__ import annotations

from functools import cache

from generator.ir.build import build_api
from generator.targets.registry import get_target
from tests.conftest import ROOT, shared_path
from tests.support.yamlfile import read_yaml

SPECS = ROOT / "specs" / "extend"
LEGACY = ("processor", "processorrun", "processorversion", "batchprocessorrun")


def official() -> set[tuple[str, str]]:
    text = shared_path("reference", "extend-go-methods.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[2:] if line.strip()]
    return {(package, method) for package, method in rows}


@cache
def ours(version: str) -> frozenset[tuple[str, str]]:
    """(package, method): a resource's package is its client field in lower case."""
    document = read_yaml(SPECS / f"{version}.yaml")
    names = get_target("go").names(build_api(document, "extend")).methods.values()
    parts = [name.split(".") for name in names]
    return frozenset(("client", p[1]) if len(p) == 2 else (p[1].lower(), p[2]) for p in parts)


def test_every_current_method_resolves() -> None:
    current = {m for m in official() if m[0] not in LEGACY}
    missing = sorted(current - ours("2026-02-09"))
    assert missing == []
    assert len(current) == 93


def test_every_legacy_processor_method_resolves_in_2025() -> None:
    legacy = {m for m in official() if m[0] in LEGACY}
    assert sorted(legacy - ours("2025-04-21")) == []
    assert len(legacy) == 12
