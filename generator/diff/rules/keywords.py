"""JSON Schema 2020-12 keywords (`const`, `contains`, `prefixItems`, `if`/`then`/`else`,
`dependentRequired`, `dependentSchemas`, `propertyNames`, `patternProperties`,
`unevaluatedItems`/`unevaluatedProperties`, `contentSchema`, `contentMediaType`,
`contentEncoding`) added, removed or changed in request and response schemas, at any depth.
Changes inside their sub-schemas are judged by the other rules, as anywhere else.

One table entry per keyword, side and kind of change; the levels are the registry's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.diff.model import Finding
from generator.diff.registry import WHOLE_KEYWORDS, Site, register_schema_check
from generator.diff.tree import KeywordChange, SchemaDiff

_LONGEST = 60


def _value(text: str | None) -> str:
    if text is None:
        return "none"
    return text if len(text) <= _LONGEST else text[: _LONGEST - 3] + "..."


def _message(subject: str, change: KeywordChange) -> str:
    if change.entry:
        where = f"{change.keyword}[{change.entry!r}]"
        value = change.new if change.kind == "added" else change.old
        return f"{subject}: {where} {_value(value)} {change.kind}"
    if change.kind == "added":
        return f"{subject}: {change.keyword} {_value(change.new)} added"
    if change.kind == "removed":
        return f"{subject}: {change.keyword} {_value(change.old)} removed"
    return f"{subject}: {change.keyword} changed from {_value(change.old)} to {_value(change.new)}"


def _check(side: str, keyword: str, kind: str) -> Callable[[SchemaDiff, Site], Iterator[Finding]]:
    def check(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
        if site.direction != side:
            return
        for change in diff.keywords:
            if change.keyword == keyword and change.kind == kind:
                yield Finding(
                    _message(site.subject, change), change.old_pointer, change.new_pointer
                )

    return check


for _side in ("request", "response"):
    for _slug, _keyword, _level in WHOLE_KEYWORDS:
        for _kind in (
            ("added", "removed", "changed") if _level is not None else ("added", "removed")
        ):
            register_schema_check(
                f"{_side}-property-{_slug}-{_kind}", _check(_side, _keyword, _kind)
            )
