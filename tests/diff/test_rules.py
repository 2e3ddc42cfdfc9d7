"""Every rule, each on its own small base/revision pair of the pet-store document."""

from __future__ import annotations

from typing import Any

import pytest

from generator.diagnostics import resolve_pointer
from generator.diff.registry import RULES_BY_ID
from generator.load.loader import _validate
from tests.diff.cases import CASES, Case
from tests.diff.specs import apply, diff, pets


def documents(case: Case) -> tuple[dict[str, Any], dict[str, Any]]:
    base = apply(pets(), *case.base)
    return base, apply(apply(pets(), *case.base), *case.revise)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_rule_finds_its_change_and_nothing_else(case: Case) -> None:
    base, revision = documents(case)
    report = diff(base, revision)
    assert sorted({c.rule for c in report.changes}) == sorted({case.rule, *case.also})
    change = next(c for c in report.changes if c.rule == case.rule)
    assert change.level is RULES_BY_ID[case.rule].level
    assert change.operations == case.operations
    assert resolve_pointer(base, change.old.pointer)[0], change.old.pointer
    assert resolve_pointer(revision, change.new.pointer)[0], change.new.pointer
    assert change.message


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_both_documents_of_a_case_are_valid_openapi(case: Case) -> None:
    base, revision = documents(case)
    assert _validate(revision) == []
    if case.base:  # otherwise the base is the pet-store document, validated below
        assert _validate(base) == []


def test_the_pet_store_document_is_valid_openapi() -> None:
    assert _validate(pets()) == []


def test_every_rule_has_exactly_one_case() -> None:
    ids = [c.rule for c in CASES]
    assert sorted(ids) == sorted(RULES_BY_ID)


def test_a_document_against_itself_has_no_changes() -> None:
    assert diff(pets(), pets()).changes == ()
