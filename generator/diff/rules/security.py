"""Security requirements (alternatives of schemes with scopes) and the schemes themselves."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.model import Finding
from generator.diff.registry import security_rule, spec_rule
from generator.diff.tree import SecurityDiff, SpecDiff

Requirement = frozenset[tuple[str, frozenset[str]]]


def _schemes(requirement: Requirement) -> frozenset[str]:
    return frozenset(scheme for scheme, _scopes in requirement)


def _show(requirement: Requirement) -> str:
    if not requirement:
        return "no authentication"
    parts = []
    for scheme, scopes in sorted(requirement, key=lambda item: item[0]):
        parts.append(f"{scheme} [{', '.join(sorted(scopes))}]" if scopes else scheme)
    return " + ".join(parts)


def _required(requirements: tuple[Requirement, ...]) -> bool:
    """Authentication is required when there are requirements and none of them is empty."""
    return bool(requirements) and all(requirements)


def _alternatives(diff: SecurityDiff) -> tuple[list[Requirement], list[Requirement]]:
    """(added, removed) alternatives, matched by their set of schemes."""
    old = {_schemes(r): r for r in diff.old_requirements if r}
    new = {_schemes(r): r for r in diff.new_requirements if r}
    added = [r for k, r in new.items() if k not in old]
    removed = [r for k, r in old.items() if k not in new]
    return added, removed


def _scopes(diff: SecurityDiff) -> Iterator[tuple[str, frozenset[str], frozenset[str]]]:
    """(scheme, scopes before, scopes after) for schemes whose scopes changed."""
    old = {_schemes(r): r for r in diff.old_requirements if r}
    for requirement in diff.new_requirements:
        before = old.get(_schemes(requirement))
        if not requirement or before is None:
            continue
        before_scopes = dict(before)
        for scheme, scopes in sorted(requirement, key=lambda item: item[0]):
            if before_scopes.get(scheme, scopes) != scopes:
                yield scheme, before_scopes[scheme], scopes


@security_rule("security-required-added")
def security_required_added(diff: SecurityDiff) -> Iterator[Finding]:
    if not _required(diff.old_requirements) and _required(diff.new_requirements):
        shown = " or ".join(_show(r) for r in diff.new_requirements)
        yield Finding(f"authentication now required: {shown}", diff.old, diff.new)


@security_rule("security-requirement-removed")
def security_requirement_removed(diff: SecurityDiff) -> Iterator[Finding]:
    if _required(diff.old_requirements) and not _required(diff.new_requirements):
        yield Finding("authentication no longer required", diff.old, diff.new)


@security_rule("security-alternative-added")
def security_alternative_added(diff: SecurityDiff) -> Iterator[Finding]:
    if _required(diff.old_requirements) and _required(diff.new_requirements):
        for requirement in _alternatives(diff)[0]:
            yield Finding(f"authentication with {_show(requirement)} accepted", diff.old, diff.new)


@security_rule("security-alternative-removed")
def security_alternative_removed(diff: SecurityDiff) -> Iterator[Finding]:
    if _required(diff.new_requirements):
        for requirement in _alternatives(diff)[1]:
            message = f"authentication with {_show(requirement)} no longer accepted"
            yield Finding(message, diff.old, diff.new)


@security_rule("security-scope-added")
def security_scope_added(diff: SecurityDiff) -> Iterator[Finding]:
    for scheme, before, after in _scopes(diff):
        for scope in sorted(after - before):
            yield Finding(f"{scheme} needs the scope {scope!r}", diff.old, diff.new)


@security_rule("security-scope-removed")
def security_scope_removed(diff: SecurityDiff) -> Iterator[Finding]:
    for scheme, before, after in _scopes(diff):
        for scope in sorted(before - after):
            yield Finding(f"{scheme} no longer needs the scope {scope!r}", diff.old, diff.new)


@spec_rule("security-scheme-changed")
def security_scheme_changed(diff: SpecDiff) -> Iterator[Finding]:
    for scheme in diff.schemes:
        message = (
            f"security scheme {scheme.name} changed from {scheme.old_kind} to {scheme.new_kind}"
        )
        yield Finding(message, scheme.old, scheme.new, scheme.operations)
