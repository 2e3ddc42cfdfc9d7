"""The registry: ids, levels and bumps agree, and every rule has exactly one check."""

from __future__ import annotations

from collections import Counter

import pytest

from generator.diff.catalog import checks
from generator.diff.model import Bump, Level
from generator.diff.registry import RULE_ID, RULES, RULES_BY_ID, spec_rule


def test_ids_are_unique_stable_kebab_case() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not RULE_ID.match(i)] == []


def test_there_are_at_least_sixty_rules_across_all_levels() -> None:
    levels = Counter(rule.level for rule in RULES)
    assert len(RULES) >= 60
    assert set(levels) == set(Level)


def test_every_rule_has_exactly_one_check() -> None:
    registered = checks().ids()
    assert len(registered) == len(set(registered))
    assert sorted(registered) == sorted(RULES_BY_ID)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_bump_follows_from_the_level(rule: object) -> None:
    from generator.diff.registry import Rule

    assert isinstance(rule, Rule)
    if rule.level is Level.BREAKING:
        assert rule.bump is Bump.MAJOR
    elif rule.level is Level.POSSIBLY_BREAKING:
        assert rule.bump is Bump.MINOR
    else:
        assert rule.bump in (Bump.MINOR, Bump.PATCH)
    assert rule.summary


def test_a_check_for_an_unknown_or_second_rule_is_refused() -> None:
    with pytest.raises(LookupError):
        spec_rule("no-such-rule")(lambda diff: ())
    with pytest.raises(LookupError):
        spec_rule("endpoint-added")(lambda diff: ())  # registered already
    with pytest.raises(LookupError):
        spec_rule("endpoint-deprecated")(lambda diff: ())  # an operation rule
