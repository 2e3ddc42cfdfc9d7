"""The Extend specs against the official SDK's model list (`reference/extend-ai-types.tsv`).

Each version's spec is measured on its own part of the list: 2026-02-09 on the current models,
2025-04-21 on the legacy processor models; request-parameter models (`*Params`, `*Request`)
describe what callers send and are left out. A model counts when the IR has one under the same
name; a field when that model has it under the same wire name, with the same required-ness and a
type that agrees (enums with the same values, unions with the same members and a discriminator
where the official one has one, nested models by name).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from generator.ir.build import build_api
from tests.conftest import ROOT, shared_path
from tests.support.official_types import (
    Coverage,
    Official,
    coverage,
    is_legacy,
    is_request_shape,
    parse_hint,
    read_official,
)
from tests.support.yamlfile import read_yaml

SPECS = ROOT / "specs" / "extend"


@cache
def _official(path: Path) -> Official:
    return read_official(path)


def official() -> Official:
    return _official(shared_path("reference", "extend-ai-types.tsv"))


def measure(version: str) -> Coverage:
    listed = official()
    legacy = version == "2025-04-21"
    spec = SPECS / f"{version}.yaml"
    api = build_api(read_yaml(spec), "extend", str(spec))
    names = [n for n in listed.models if not is_request_shape(n) and is_legacy(n) == legacy]
    return coverage(listed, api, names)


@pytest.mark.parametrize("version", ["2026-02-09", "2025-04-21"])
def test_spec_covers_the_official_models(version: str) -> None:
    found = measure(version)
    print(f"\n{version}: {found.summary()}")
    for problem in found.field_problems:
        print(f"  {problem}")
    assert found.models_present >= 0.95 * found.models, found.missing_models
    assert found.fields_covered >= 0.98 * found.fields, found.field_problems
    assert found.invented_required == ()


def test_the_list_is_read_whole() -> None:
    listed = official()
    current = [n for n in listed.models if not is_request_shape(n) and not is_legacy(n)]
    assert len(current) == 259
    assert sum(len(listed.models[n]) for n in current) == 1109
    assert listed.enums["BatchRunStatus"] == (
        "PENDING",
        "PROCESSING",
        "PROCESSED",
        "FAILED",
        "CANCELLED",
    )
    assert "WebhookEvent" in listed.aliases
    for fields in listed.models.values():
        for field in fields:
            parse_hint(field.hint)  # every hint parses


@pytest.mark.parametrize(
    ("hint", "parsed"),
    [
        ("str", ("name", "str")),
        ("Optional[List[Block]]", ("optional", ("list", ("name", "Block")))),
        ("Literal['file']", ("literal", "file")),
        ("Literal[True]", ("literal", True)),
        ("Dict[str, Any]", ("dict", ("name", "str"), ("name", "Any"))),
        ("Union[A, NoneType]", ("union", ("name", "A"), ("none",))),
        (
            "Annotated[Union[A, B], <UnionMetadata object at 0x7f>]",
            ("annotated", ("union", ("name", "A"), ("name", "B"))),
        ),
    ],
)
def test_hints_parse(hint: str, parsed: tuple[object, ...]) -> None:
    assert parse_hint(hint) == parsed
