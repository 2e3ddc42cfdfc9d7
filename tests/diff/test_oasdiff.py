"""Against oasdiff: every ERR and WARN check maps to a rule or to a row of the README's table
of deliberate differences, and the level of each rule's own pair agrees with oasdiff's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diff.model import Level
from generator.diff.oasdiff import EQUIVALENTS
from generator.diff.registry import RULES_BY_ID
from tests.diff.cases import CASES
from tests.diff.peers import PAIRS
from tests.diff.specs import apply, diff, pets

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT.parent / "shared" / "reference" / "oasdiff-checks.tsv"
LEVELS = {"ERR": Level.BREAKING, "WARN": Level.POSSIBLY_BREAKING, "INFO": Level.NON_BREAKING}
_TICKED = re.compile(r"`([a-z0-9-]+)`")


def oasdiff_checks() -> dict[str, str]:
    if not CHECKS.is_file():
        pytest.skip(f"{CHECKS} is absent (oasdiff's check ids come with ../shared)")
    rows = [line.split("\t") for line in CHECKS.read_text().splitlines()[1:] if line.strip()]
    return {row[0]: row[1] for row in rows}


def table() -> list[tuple[set[str], set[str]]]:
    """The README's rows of deliberate differences: (our rule ids, oasdiff check ids)."""
    text = (ROOT / "README.md").read_text()
    start = text.index("<!-- oasdiff differences: start -->")
    end = text.index("<!-- oasdiff differences: end -->")
    rows = []
    for line in text[start:end].splitlines():
        cells = line.split("|")
        if len(cells) < 6 or cells[1].strip().startswith(("our rules", "---")):
            continue
        rows.append((set(_TICKED.findall(cells[1])), set(_TICKED.findall(cells[3]))))
    return rows


def test_every_equivalent_names_a_rule() -> None:
    assert {k: v for k, v in EQUIVALENTS.items() if v not in RULES_BY_ID} == {}


def test_the_table_names_only_rules_we_have() -> None:
    ours = {rule for rules, _checks in table() for rule in rules}
    assert ours and ours <= set(RULES_BY_ID)


def test_every_err_and_warn_check_is_mapped_or_in_the_table() -> None:
    checks = oasdiff_checks()
    explained = {check for _rules, found in table() for check in found}
    breaking = {k: v for k, v in checks.items() if v in ("ERR", "WARN")}
    unmapped = sorted(k for k in breaking if k not in EQUIVALENTS and k not in explained)
    differing = sorted(
        k
        for k, level in breaking.items()
        if k in EQUIVALENTS
        and RULES_BY_ID[EQUIVALENTS[k]].level is not LEVELS[level]
        and k not in explained
    )
    assert unmapped == []
    assert differing == [], "levels differ from oasdiff's with no row in the README's table"
    mapped = sum(1 for k in breaking if k in EQUIVALENTS)
    in_table = sum(1 for k in breaking if k not in EQUIVALENTS)
    print(f"oasdiff ERR/WARN checks: {mapped} mapped / {in_table} table / {len(breaking)} total")
    assert mapped + in_table == len(breaking)


def test_the_pairs_name_oasdiff_checks_at_their_levels() -> None:
    checks = oasdiff_checks()
    wrong = {
        rule: (check, level)
        for rule, (check, level) in PAIRS.items()
        if check and checks.get(check) != level
    }
    assert wrong == {}


def _pair_levels() -> list[tuple[str, Level, Level, bool]]:
    """(rule, oasdiff's level, the highest level we report, whether we report breaking)."""
    found = []
    for case in CASES:
        base = apply(pets(), *case.base)
        report = diff(base, apply(apply(pets(), *case.base), *case.revise))
        ours = max((c.level for c in report.changes), key=lambda lv: lv.rank)
        check, level = PAIRS[case.rule]
        theirs = LEVELS[level] if check else Level.NON_BREAKING
        found.append((case.rule, theirs, ours, report.count(Level.BREAKING) > 0))
    return found


def test_every_rule_has_its_pair_scored() -> None:
    assert sorted(PAIRS) == sorted(RULES_BY_ID)


@pytest.mark.slow
def test_levels_agree_with_oasdiff_on_the_pairs() -> None:
    scored = _pair_levels()
    agree = [rule for rule, theirs, ours, _b in scored if theirs is ours]
    errs = [(rule, breaking) for rule, theirs, _o, breaking in scored if theirs is Level.BREAKING]
    caught = [rule for rule, breaking in errs if breaking]
    print(
        f"pairs: {len(scored)}; level agrees with oasdiff on {len(agree)} "
        f"({len(agree) / len(scored):.1%}); oasdiff ERR pairs reported breaking: "
        f"{len(caught)}/{len(errs)} ({len(caught) / len(errs):.1%})"
    )
    # 215/241 and 107/109 when set: the pairs where the level differs are the README's rows
    assert len(agree) / len(scored) >= 0.89
    assert len(caught) / len(errs) >= 0.98


@pytest.mark.slow
def test_every_pair_where_we_differ_has_a_row() -> None:
    explained = {rule for rules, _checks in table() for rule in rules}
    differing = sorted(rule for rule, theirs, ours, _b in _pair_levels() if theirs is not ours)
    assert [rule for rule in differing if rule not in explained] == []
