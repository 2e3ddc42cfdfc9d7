# ruff: noqa: E501  (the registry is a table: one rule per line)
"""The registry: every rule's stable id, level, SDK version bump and scope, in one table.

Levels are judged from the side of someone who wrote code against the previous SDK: a change is
breaking when their code, their calls or the SDK's reading of responses stop working (a method,
argument, model attribute or accepted value disappears, a request needs something it did not, a
value's format and so its SDK type changes), possibly breaking when it can break some uses (a
response enum gains a value, a default changes, a parameter moves but keeps its argument,
something deprecated goes after its sunset date), and non-breaking otherwise. A non-breaking change that adds to the SDK's surface (a method, an
argument, a model, an accepted value) asks for a minor version, anything else for a patch.

Each rule's check lives in `generator/diff/rules/` and registers itself against its id with the
decorator of its scope, which says what part of the diff tree it reads; `catalog.py` imports
them all. The registry imports no rule module, so rules and registry form no cycle.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from generator.diff.document import Direction, Role
from generator.diff.model import Bump, Finding, Level
from generator.diff.tree import OperationDiff, ParamDiff, SchemaDiff, SecurityDiff, SpecDiff
from generator.load.records import record

B, P, N = Level.BREAKING, Level.POSSIBLY_BREAKING, Level.NON_BREAKING
MAJOR, MINOR, PATCH = Bump.MAJOR, Bump.MINOR, Bump.PATCH
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Scope(StrEnum):
    """The part of the diff tree a rule's check reads."""

    SPEC = "spec"
    OPERATION = "operation"
    PARAMETER = "parameter"
    SECURITY = "security"
    SCHEMA = "schema"


@record
class Rule:
    id: str
    level: Level
    bump: Bump
    scope: Scope
    summary: str


@record
class Site:
    """Where a schema difference sits: its direction and role, and a readable place."""

    direction: Direction
    role: Role
    root: str
    """`File` for a component schema, `request body`, `response 200`, `query parameter 'x'`."""
    path: tuple[str, ...] = ()
    """Property path below the root; `[]` marks array items, `{}` map values."""
    operations: tuple[str, ...] = ()
    component: bool = False

    @property
    def subject(self) -> str:
        """The root and the path, e.g. `File.metadata`, `request body.items[]`."""
        text = self.root
        for part in self.path:
            text += part if part.startswith(("[", "{", "(")) else f".{part}"
        return text

    @property
    def at_root(self) -> bool:
        """The top of a parameter, request or response schema written in the operation."""
        return not self.path and not self.component

    def negated(self) -> Site:
        """The site of the schema under `not`: what it matches is refused, so a change there
        is judged as in the other direction (a tighter `not` accepts more)."""
        direction: Direction = "response" if self.direction == "request" else "request"
        return Site(
            direction,
            self.role,
            self.root,
            (*self.path, "(not)"),
            self.operations,
            self.component,
        )

    def child(self, part: str) -> Site:
        return Site(
            self.direction,
            self.role,
            self.root,
            (*self.path, part),
            self.operations,
            self.component,
        )


SpecCheck = Callable[[SpecDiff], Iterable[Finding]]
OperationCheck = Callable[[OperationDiff], Iterable[Finding]]
ParameterCheck = Callable[[ParamDiff], Iterable[Finding]]
SecurityCheck = Callable[[SecurityDiff], Iterable[Finding]]
SchemaCheck = Callable[[SchemaDiff, Site], Iterable[Finding]]
C = TypeVar("C")


def _family(
    prefix: str, summary: str, *, keywords: tuple[tuple[str, str], ...], tightened: Level
) -> tuple[Rule, ...]:
    """Constraint rules: one per keyword and direction of change."""
    rules = []
    for slug, keyword in keywords:
        rules.append(
            Rule(f"{prefix}-{slug}-tightened", tightened, MAJOR if tightened is B else MINOR,
                 Scope.SCHEMA, f"{summary}: {keyword} allows fewer values")
        )  # fmt: skip
        rules.append(
            Rule(f"{prefix}-{slug}-loosened", N, PATCH, Scope.SCHEMA,
                 f"{summary}: {keyword} allows more values")
        )  # fmt: skip
    rules.append(
        Rule(
            f"{prefix}-pattern-added",
            B,
            MAJOR,
            Scope.SCHEMA,
            f"{summary}: a pattern is now required",
        )
    )
    rules.append(
        Rule(f"{prefix}-pattern-changed", P, MINOR, Scope.SCHEMA, f"{summary}: the pattern changed")
    )
    rules.append(Rule(f"{prefix}-pattern-removed", N, PATCH, Scope.SCHEMA, f"{summary}: the pattern was dropped"))  # fmt: skip
    return tuple(rules)


CONSTRAINT_KEYWORDS = (
    ("maximum", "maximum"),
    ("minimum", "minimum"),
    ("max-length", "maxLength"),
    ("min-length", "minLength"),
    ("max-items", "maxItems"),
    ("min-items", "minItems"),
)
CONTAINS_KEYWORDS = (("max-contains", "maxContains"), ("min-contains", "minContains"))
PROPERTY_CONSTRAINT_KEYWORDS = CONSTRAINT_KEYWORDS + CONTAINS_KEYWORDS
"""Bounds on what a request body sends or a response returns (parameters: the first six)."""

# JSON Schema 2020-12 keywords: (slug, keyword, level of a change of its value or None when
# its sub-schemas are compared instead). Added on the request side, or removed on the response
# side, a keyword narrows what is accepted or widens what may come back: breaking. For
# `patternProperties`, `dependentSchemas` and `prefixItems`, an entry added or removed counts.
# `prefixItems` runs the other way: `items` applies only after the positions it names, so an
# entry added frees a position and one removed hands it to `items`.
# A changed assertion (const, the names a property depends on) is breaking; a changed `if`
# condition narrows some values and widens others: possibly breaking. `contentMediaType` and
# `contentEncoding` say what a string's characters mean (and a media type makes the SDK's type
# bytes), so one set, dropped or changed is breaking on either side (`MEANING_KEYWORDS`).
WHOLE_KEYWORDS: tuple[tuple[str, str, Level | None], ...] = (
    ("const", "const", B),
    ("contains", "contains", None),
    ("prefix-items", "prefixItems", None),
    ("if", "if", P),
    ("then", "then", None),
    ("else", "else", None),
    ("dependent-required", "dependentRequired", B),
    ("dependent-schemas", "dependentSchemas", None),
    ("property-names", "propertyNames", None),
    ("pattern-properties", "patternProperties", None),
    ("unevaluated-items", "unevaluatedItems", None),
    ("unevaluated-properties", "unevaluatedProperties", None),
    ("content-schema", "contentSchema", None),
    ("content-media-type", "contentMediaType", B),
    ("content-encoding", "contentEncoding", B),
)
MEANING_KEYWORDS = ("contentMediaType", "contentEncoding")


def _bump(level: Level, surface: Bump = PATCH) -> Bump:
    return MAJOR if level is B else MINOR if level is P else surface


def _keyword_family(side: str) -> tuple[Rule, ...]:
    rules = []
    narrower, wider = (B, N) if side == "request" else (N, B)
    noun = f"a {side} property or body"
    for slug, keyword, changed in WHOLE_KEYWORDS:
        added, removed = (wider, narrower) if keyword == "prefixItems" else (narrower, wider)
        if keyword in MEANING_KEYWORDS:
            added = removed = B
        kinds = [("added", added), ("removed", removed)]
        if changed is not None:
            kinds.append(("changed", changed))
        for kind, level in kinds:
            rules.append(
                Rule(f"{side}-property-{slug}-{kind}", level, _bump(level), Scope.SCHEMA,
                     f"{noun}: `{keyword}` {kind}")
            )  # fmt: skip
    return tuple(rules)


def _response_bounds() -> tuple[Rule, ...]:
    """Bounds on what comes back: a looser one lets through values code relied on never seeing."""
    rules = []
    for slug, keyword in PROPERTY_CONSTRAINT_KEYWORDS:
        rules.append(
            Rule(f"response-property-{slug}-loosened", B, MAJOR, Scope.SCHEMA,
                 f"a response property: {keyword} allows more values")
        )  # fmt: skip
        rules.append(
            Rule(f"response-property-{slug}-tightened", N, PATCH, Scope.SCHEMA,
                 f"a response property: {keyword} allows fewer values")
        )  # fmt: skip
    return tuple(rules)


S = Scope
# fmt: off
RULES: tuple[Rule, ...] = (
    # endpoints
    Rule("endpoint-added", N, MINOR, S.SPEC, "a new operation, and a new SDK method"),
    Rule("endpoint-removed", B, MAJOR, S.SPEC, "an operation and its SDK method are gone"),
    Rule("endpoint-deprecated", N, PATCH, S.OPERATION, "an operation is now deprecated"),
    Rule("endpoint-reactivated", N, PATCH, S.OPERATION, "an operation is no longer deprecated"),
    # lifecycle: x-sunset and x-stability-level
    Rule("endpoint-removed-after-sunset", P, MINOR, S.SPEC, "a deprecated operation is gone after its sunset date"),
    Rule("endpoint-sunset-invalid", B, MAJOR, S.OPERATION, "an operation's x-sunset is not a date"),
    Rule("endpoint-stability-decreased", B, MAJOR, S.OPERATION, "an operation's x-stability-level went down"),
    Rule("endpoint-stability-increased", N, PATCH, S.OPERATION, "an operation's x-stability-level went up"),
    Rule("endpoint-stability-invalid", B, MAJOR, S.OPERATION, "an operation's x-stability-level is not draft, alpha, beta or stable"),
    Rule("request-parameter-removed-after-sunset", P, MINOR, S.OPERATION, "a deprecated parameter is gone after its sunset date"),
    Rule("request-parameter-sunset-invalid", B, MAJOR, S.PARAMETER, "a parameter's x-sunset is not a date"),
    Rule("request-property-removed-after-sunset", P, MINOR, S.SCHEMA, "a deprecated request property is gone after its sunset date"),
    Rule("response-property-removed-after-sunset", P, MINOR, S.SCHEMA, "a deprecated response property is gone after its sunset date"),
    Rule("property-sunset-invalid", B, MAJOR, S.SCHEMA, "a property's x-sunset is not a date"),
    Rule("property-stability-decreased", B, MAJOR, S.SCHEMA, "a property's x-stability-level went down"),
    Rule("property-stability-increased", N, PATCH, S.SCHEMA, "a property's x-stability-level went up"),
    Rule("property-stability-invalid", B, MAJOR, S.SCHEMA, "a property's x-stability-level is not draft, alpha, beta or stable"),
    # servers and security
    Rule("server-added", N, MINOR, S.SPEC, "a new server (an SDK environment)"),
    Rule("server-removed", B, MAJOR, S.SPEC, "a server (an SDK environment) is gone"),
    Rule("server-url-changed", N, PATCH, S.SPEC, "a named server moved to another URL"),
    Rule("security-scheme-changed", B, MAJOR, S.SPEC, "a security scheme sends its credential another way"),
    Rule("security-required-added", B, MAJOR, S.SECURITY, "authentication is required where it was not"),
    Rule("security-requirement-removed", N, PATCH, S.SECURITY, "authentication is no longer required"),
    Rule("security-alternative-added", N, PATCH, S.SECURITY, "a further way to authenticate is accepted"),
    Rule("security-alternative-removed", B, MAJOR, S.SECURITY, "a way to authenticate is no longer accepted"),
    Rule("security-scope-added", B, MAJOR, S.SECURITY, "a security requirement needs another scope"),
    Rule("security-scope-removed", N, PATCH, S.SECURITY, "a security requirement needs one scope fewer"),
    # parameters
    Rule("request-parameter-added-required", B, MAJOR, S.OPERATION, "a new required parameter"),
    Rule("request-parameter-added-optional", N, MINOR, S.OPERATION, "a new optional parameter"),
    Rule("request-parameter-removed", B, MAJOR, S.OPERATION, "a parameter (an SDK argument) is gone"),
    Rule("request-parameter-location-changed", P, MINOR, S.OPERATION, "a parameter moved (e.g. query to header)"),
    Rule("request-parameter-became-required", B, MAJOR, S.PARAMETER, "an optional parameter is now required"),
    Rule("request-parameter-became-optional", N, PATCH, S.PARAMETER, "a required parameter is now optional"),
    Rule("request-parameter-deprecated", N, PATCH, S.PARAMETER, "a parameter is now deprecated"),
    Rule("request-parameter-reactivated", N, PATCH, S.PARAMETER, "a parameter is no longer deprecated"),
    Rule("request-parameter-type-changed", B, MAJOR, S.SCHEMA, "a parameter has another type"),
    Rule("request-parameter-format-changed", B, MAJOR, S.SCHEMA, "a parameter has another format"),
    Rule("request-parameter-enum-value-added", N, MINOR, S.SCHEMA, "a parameter accepts a new value"),
    Rule("request-parameter-enum-value-removed", B, MAJOR, S.SCHEMA, "a parameter no longer accepts a value"),
    Rule("request-parameter-default-changed", P, MINOR, S.SCHEMA, "a parameter's default changed"),
    Rule("request-path-parameter-renamed", P, MINOR, S.PARAMETER, "a path parameter has another name (calls that pass it by keyword break)"),
    Rule("request-parameter-became-enum", B, MAJOR, S.SCHEMA, "a parameter now accepts only listed values"),
    Rule("request-parameter-extensible-enum-value-removed", B, MAJOR, S.SCHEMA, "a parameter's x-extensible-enum lost a value"),
    Rule("request-parameter-nullable-added", N, PATCH, S.SCHEMA, "a parameter accepts null"),
    Rule("request-parameter-nullable-removed", B, MAJOR, S.SCHEMA, "a parameter no longer accepts null"),
    Rule("request-parameter-type-widened", N, PATCH, S.SCHEMA, "a parameter accepts more types"),
    *_family("request-parameter", "a parameter", keywords=CONSTRAINT_KEYWORDS, tightened=B),
    # request bodies
    Rule("request-body-added-required", B, MAJOR, S.OPERATION, "an operation now needs a request body"),
    Rule("request-body-added-optional", N, MINOR, S.OPERATION, "an operation accepts a request body"),
    Rule("request-body-removed", B, MAJOR, S.OPERATION, "an operation no longer takes a request body"),
    Rule("request-body-became-required", B, MAJOR, S.OPERATION, "the request body is now required"),
    Rule("request-body-became-optional", N, PATCH, S.OPERATION, "the request body is now optional"),
    Rule("request-body-media-type-added", N, MINOR, S.OPERATION, "the request body accepts a new media type"),
    Rule("request-body-media-type-removed", B, MAJOR, S.OPERATION, "the request body no longer accepts a media type"),
    Rule("request-body-schema-added", B, MAJOR, S.OPERATION, "a request media type now has a schema to satisfy"),
    Rule("request-body-schema-removed", N, PATCH, S.OPERATION, "a request media type no longer has a schema"),
    Rule("request-body-type-changed", B, MAJOR, S.SCHEMA, "the request body has another type"),
    Rule("request-property-type-widened", N, PATCH, S.SCHEMA, "a request property or body accepts more types"),
    Rule("request-property-became-enum", B, MAJOR, S.SCHEMA, "a request property now accepts only listed values"),
    Rule("request-property-extensible-enum-value-removed", B, MAJOR, S.SCHEMA, "a request property's x-extensible-enum lost a value"),
    Rule("request-all-of-added", B, MAJOR, S.SCHEMA, "a request schema must also satisfy another allOf member"),
    Rule("request-all-of-removed", P, MINOR, S.SCHEMA, "a request schema has one allOf member fewer"),
    *_keyword_family("request"),
    Rule("request-property-added-required", B, MAJOR, S.SCHEMA, "a request needs a new property"),
    Rule("request-property-added-optional", N, MINOR, S.SCHEMA, "a request accepts a new property"),
    Rule("request-property-removed", B, MAJOR, S.SCHEMA, "a request property (an SDK argument or field) is gone"),
    Rule("request-property-became-required", B, MAJOR, S.SCHEMA, "an optional request property is now required"),
    Rule("request-property-became-optional", N, PATCH, S.SCHEMA, "a required request property is now optional"),
    Rule("request-property-became-read-only", B, MAJOR, S.SCHEMA, "a request property can no longer be sent"),
    Rule("request-property-type-changed", B, MAJOR, S.SCHEMA, "a request property has another type"),
    Rule("request-property-format-changed", B, MAJOR, S.SCHEMA, "a request property has another format"),
    Rule("request-property-enum-value-added", N, MINOR, S.SCHEMA, "a request property accepts a new value"),
    Rule("request-property-enum-value-removed", B, MAJOR, S.SCHEMA, "a request property no longer accepts a value"),
    Rule("request-property-nullable-added", N, PATCH, S.SCHEMA, "a request property accepts null"),
    Rule("request-property-nullable-removed", B, MAJOR, S.SCHEMA, "a request property no longer accepts null"),
    Rule("request-property-default-changed", P, MINOR, S.SCHEMA, "a request property's default changed"),
    Rule("request-property-deprecated", N, PATCH, S.SCHEMA, "a request property is now deprecated"),
    Rule("request-property-reactivated", N, PATCH, S.SCHEMA, "a request property is no longer deprecated"),
    *_family("request-property", "a request property", keywords=PROPERTY_CONSTRAINT_KEYWORDS, tightened=B),
    # responses
    Rule("response-success-status-added", N, PATCH, S.OPERATION, "an operation may answer with a new success status"),
    Rule("response-success-status-removed", B, MAJOR, S.OPERATION, "a success status is no longer returned"),
    Rule("response-non-success-status-added", N, PATCH, S.OPERATION, "a new documented error or redirect status"),
    Rule("response-non-success-status-removed", N, PATCH, S.OPERATION, "an error or redirect status is no longer documented"),
    Rule("response-media-type-added", N, PATCH, S.OPERATION, "a response comes in a new media type"),
    Rule("response-media-type-removed", B, MAJOR, S.OPERATION, "a response no longer comes in a media type"),
    Rule("response-body-schema-added", N, PATCH, S.OPERATION, "a response media type now has a schema"),
    Rule("response-body-schema-removed", P, MINOR, S.OPERATION, "a response media type no longer has a schema (it is returned untyped)"),
    Rule("response-header-added", N, MINOR, S.OPERATION, "a response has a new header"),
    Rule("response-required-header-removed", B, MAJOR, S.OPERATION, "a required response header is gone"),
    Rule("response-optional-header-removed", P, MINOR, S.OPERATION, "an optional response header is gone"),
    Rule("response-header-became-optional", B, MAJOR, S.OPERATION, "a response header may now be missing"),
    Rule("response-header-became-required", N, PATCH, S.OPERATION, "a response header is now always present"),
    Rule("response-header-type-changed", B, MAJOR, S.SCHEMA, "a response header has another type"),
    Rule("response-body-type-changed", B, MAJOR, S.SCHEMA, "a response body has another type"),
    Rule("response-property-added", N, MINOR, S.SCHEMA, "a response has a new property (a new model field)"),
    Rule("response-required-property-removed", B, MAJOR, S.SCHEMA, "a required response property (a model field) is gone"),
    Rule("response-optional-property-removed", B, MAJOR, S.SCHEMA, "an optional response property (a model field) is gone"),
    Rule("response-property-became-optional", B, MAJOR, S.SCHEMA, "a response property may now be missing"),
    Rule("response-property-became-required", N, PATCH, S.SCHEMA, "a response property is now always present"),
    Rule("response-property-type-changed", B, MAJOR, S.SCHEMA, "a response property has another type"),
    Rule("response-property-type-narrowed", N, PATCH, S.SCHEMA, "a response property or body comes in fewer types"),
    Rule("response-property-format-changed", B, MAJOR, S.SCHEMA, "a response property has another format"),
    Rule("response-property-became-nullable", B, MAJOR, S.SCHEMA, "a response property may now be null"),
    Rule("response-property-nullable-removed", N, PATCH, S.SCHEMA, "a response property is never null now"),
    Rule("response-property-enum-value-added", P, MINOR, S.SCHEMA, "a response property has a new value; code that switches on it may not expect it"),
    Rule("response-property-enum-value-removed", N, PATCH, S.SCHEMA, "a response property no longer takes a value"),
    Rule("response-property-deprecated", N, PATCH, S.SCHEMA, "a response property is now deprecated"),
    Rule("response-property-reactivated", N, PATCH, S.SCHEMA, "a response property is no longer deprecated"),
    Rule("response-all-of-added", N, PATCH, S.SCHEMA, "a response schema satisfies another allOf member"),
    Rule("response-all-of-removed", N, PATCH, S.SCHEMA, "a response schema has one allOf member fewer"),
    *_response_bounds(),
    *_keyword_family("response"),
    # unions and discriminators
    Rule("request-union-variant-added", N, MINOR, S.SCHEMA, "a request union accepts a new variant"),
    Rule("request-union-variant-removed", B, MAJOR, S.SCHEMA, "a request union no longer accepts a variant"),
    Rule("response-union-variant-added", P, MINOR, S.SCHEMA, "a response union has a new variant"),
    Rule("response-union-variant-removed", N, PATCH, S.SCHEMA, "a response union has one variant fewer"),
    Rule("discriminator-added", N, PATCH, S.SCHEMA, "a union now has a discriminator (members are picked by it, as they matched before)"),
    Rule("discriminator-removed", P, MINOR, S.SCHEMA, "a union no longer has a discriminator"),
    Rule("discriminator-property-changed", B, MAJOR, S.SCHEMA, "a union is told apart by another property"),
    Rule("discriminator-mapping-changed", B, MAJOR, S.SCHEMA, "a discriminator value maps to another schema"),
    Rule("request-discriminator-value-added", N, MINOR, S.SCHEMA, "a request union accepts a new discriminator value"),
    Rule("request-discriminator-value-removed", B, MAJOR, S.SCHEMA, "a request union no longer accepts a discriminator value"),
    Rule("response-discriminator-value-added", P, MINOR, S.SCHEMA, "a response union has a new discriminator value"),
    Rule("response-discriminator-value-removed", N, PATCH, S.SCHEMA, "a response union has one discriminator value fewer"),
    # the SDK's own surface
    Rule("sdk-method-renamed", B, MAJOR, S.OPERATION, "the SDK method of an operation has another name"),
    Rule("sdk-model-removed", B, MAJOR, S.SPEC, "a model class of the SDK is gone"),
)
# fmt: on

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


@dataclass
class Checks:
    """The check of every rule, by scope. Filled by the decorators below at import."""

    spec: dict[str, SpecCheck] = field(default_factory=dict)
    operation: dict[str, OperationCheck] = field(default_factory=dict)
    parameter: dict[str, ParameterCheck] = field(default_factory=dict)
    security: dict[str, SecurityCheck] = field(default_factory=dict)
    schema: dict[str, SchemaCheck] = field(default_factory=dict)

    def ids(self) -> list[str]:
        tables: list[dict[str, object]] = [
            dict(self.spec),
            dict(self.operation),
            dict(self.parameter),
            dict(self.security),
            dict(self.schema),
        ]
        return [rule_id for table in tables for rule_id in table]


CHECKS = Checks()


def _register(rule_id: str, scope: Scope, table: dict[str, C], check: C) -> C:
    rule = RULES_BY_ID.get(rule_id)
    if rule is None or rule.scope is not scope or rule_id in table:
        raise LookupError(f"rule {rule_id!r}: not in the registry as a {scope} rule, or twice")
    table[rule_id] = check
    return check


def spec_rule(rule_id: str) -> Callable[[SpecCheck], SpecCheck]:
    return lambda check: _register(rule_id, Scope.SPEC, CHECKS.spec, check)


def operation_rule(rule_id: str) -> Callable[[OperationCheck], OperationCheck]:
    return lambda check: _register(rule_id, Scope.OPERATION, CHECKS.operation, check)


def parameter_rule(rule_id: str) -> Callable[[ParameterCheck], ParameterCheck]:
    return lambda check: _register(rule_id, Scope.PARAMETER, CHECKS.parameter, check)


def security_rule(rule_id: str) -> Callable[[SecurityCheck], SecurityCheck]:
    return lambda check: _register(rule_id, Scope.SECURITY, CHECKS.security, check)


def schema_rule(rule_id: str) -> Callable[[SchemaCheck], SchemaCheck]:
    return lambda check: _register(rule_id, Scope.SCHEMA, CHECKS.schema, check)


def register_schema_check(rule_id: str, check: SchemaCheck) -> None:
    """For rules made by a factory (the constraint families)."""
    _register(rule_id, Scope.SCHEMA, CHECKS.schema, check)


def rule(rule_id: str) -> Rule:
    return RULES_BY_ID[rule_id]
