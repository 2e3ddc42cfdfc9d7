"""Constraints (maximum, minimum, maxLength, minLength, maxItems, minItems, maxContains,
minContains, pattern) as three families of table entries: parameters and request body
properties (tightening one rejects values that were valid; loosening one accepts more), and
response properties (loosening one returns values code relied on never seeing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.diff.model import Finding
from generator.diff.registry import (
    CONSTRAINT_KEYWORDS,
    PROPERTY_CONSTRAINT_KEYWORDS,
    Site,
    register_schema_check,
)
from generator.diff.rules._schema import in_parameter, in_request_body, in_response
from generator.diff.tree import Bound, SchemaDiff

SitePredicate = Callable[[Site], bool]


def _show(limit: Bound | None) -> str:
    if limit is None:
        return "none"
    value = int(limit.value) if limit.value.is_integer() else limit.value
    return f"{value} (exclusive)" if limit.exclusive else str(value)


def _bound_check(
    applies: SitePredicate, keyword: str, tightened: bool
) -> Callable[[SchemaDiff, Site], Iterator[Finding]]:
    verb = "tightened" if tightened else "loosened"

    def check(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
        if not applies(site):
            return
        for change in diff.constraints:
            if change.keyword == keyword and change.tightened == tightened:
                before, after = _show(change.old), _show(change.new)
                message = f"{site.subject}: {keyword} {verb} from {before} to {after}"
                yield Finding(message, diff.old, diff.new)

    return check


def _pattern_check(
    applies: SitePredicate, kind: str
) -> Callable[[SchemaDiff, Site], Iterator[Finding]]:
    def check(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
        if not applies(site) or diff.pattern is None:
            return
        old, new = diff.pattern.old, diff.pattern.new
        if kind == "added" and old is None:
            yield Finding(f"{site.subject}: must now match {new!r}", diff.old, diff.new)
        elif kind == "changed" and old is not None and new is not None:
            message = f"{site.subject}: pattern changed from {old!r} to {new!r}"
            yield Finding(message, diff.old, diff.new)
        elif kind == "removed" and new is None:
            yield Finding(f"{site.subject}: pattern {old!r} dropped", diff.old, diff.new)

    return check


FAMILIES: tuple[tuple[str, SitePredicate, tuple[tuple[str, str], ...]], ...] = (
    ("request-parameter", in_parameter, CONSTRAINT_KEYWORDS),
    ("request-property", in_request_body, PROPERTY_CONSTRAINT_KEYWORDS),
)

for _slug, _keyword in PROPERTY_CONSTRAINT_KEYWORDS:
    for _tight in (True, False):
        register_schema_check(
            f"response-property-{_slug}-{'tightened' if _tight else 'loosened'}",
            _bound_check(in_response, _keyword, _tight),
        )

for _prefix, _applies, _keywords in FAMILIES:
    for _slug, _keyword in _keywords:
        register_schema_check(
            f"{_prefix}-{_slug}-tightened", _bound_check(_applies, _keyword, True)
        )
        register_schema_check(
            f"{_prefix}-{_slug}-loosened", _bound_check(_applies, _keyword, False)
        )
    for _kind in ("added", "changed", "removed"):
        register_schema_check(f"{_prefix}-pattern-{_kind}", _pattern_check(_applies, _kind))
