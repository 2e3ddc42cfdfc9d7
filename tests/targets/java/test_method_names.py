"""Users of extend-java-sdk switch by changing imports: every method of its list
(`extend-java-methods.tsv`, class and method) resolves in ours, the current resources against
the current Extend spec and the 2025 `processor*` ones against the 2025-04-21 spec."""

from __future__ import annotations

from functools import cache

from generator.ir.build import build_api
from generator.targets.registry import get_target
from tests.conftest import ROOT, shared_path
from tests.support.yamlfile import read_yaml

SPECS = ROOT / "specs" / "extend"
ROOT_CLIENT = "ExtendClientBase"
LEGACY = ("Processor", "ProcessorRun", "ProcessorVersion", "BatchProcessorRun")
BUILDERS = frozenset({"builder", "withRawResponse"})
"""Every client has these (the diff names calls, not them)."""


def official() -> set[tuple[str, str]]:
    text = shared_path("reference", "extend-java-methods.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[2:] if line.strip()]
    return {(owner, method) for owner, method in rows if method not in BUILDERS}


def legacy(row: tuple[str, str]) -> bool:
    owner, method = row
    if owner == ROOT_CLIENT:
        return method[:1].upper() + method[1:] in LEGACY
    return owner.removesuffix("Client") in LEGACY


@cache
def ours(version: str) -> frozenset[tuple[str, str]]:
    """(class, method): `client.files().list` is FilesClient.list, and the root client has
    `files` (an accessor) and its own operations."""
    document = read_yaml(SPECS / f"{version}.yaml")
    names = get_target("java").names(build_api(document, "extend")).methods.values()
    found: set[tuple[str, str]] = set()
    for name in names:
        parts = name.split(".")
        if len(parts) == 2:
            found.add((ROOT_CLIENT, parts[1]))
            continue
        accessor = parts[1].removesuffix("()")
        found.add((ROOT_CLIENT, accessor))
        found.add((accessor[:1].upper() + accessor[1:] + "Client", parts[2]))
    return frozenset(found)


def test_every_current_method_resolves() -> None:
    current = {m for m in official() if not legacy(m)}
    assert sorted(current - ours("2026-02-09")) == []
    assert len(current) == 117


def test_every_legacy_processor_method_resolves_in_2025() -> None:
    old = {m for m in official() if legacy(m)}
    assert sorted(old - ours("2025-04-21")) == []
    assert len(old) == 16
