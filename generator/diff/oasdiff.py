# ruff: noqa: E501  (a table: one check per line)
"""oasdiff's breaking-change checks (its ERR and WARN ids) and the rule of ours that reports the
same change, for users who gate releases with oasdiff today.

oasdiff names the request body and its properties apart (`request-body-max-decreased`,
`request-property-max-decreased`); our `request-property-*` rules cover both, the body's root
included. A check with no rule here, or one whose level differs from ours, has a row in the
README's table of deliberate differences, with the reason.
"""

from __future__ import annotations

_BOUNDS = {
    # oasdiff's words -> our constraint slug and direction, on the request side
    "max-decreased": "maximum-tightened",
    "exclusive-max-decreased": "maximum-tightened",
    "max-set": "maximum-tightened",
    "exclusive-max-set": "maximum-tightened",
    "min-increased": "minimum-tightened",
    "exclusive-min-increased": "minimum-tightened",
    "min-set": "minimum-tightened",
    "exclusive-min-set": "minimum-tightened",
    "max-length-decreased": "max-length-tightened",
    "max-length-set": "max-length-tightened",
    "min-length-increased": "min-length-tightened",
    "max-items-decreased": "max-items-tightened",
    "min-items-increased": "min-items-tightened",
    "min-items-set": "min-items-tightened",
    "min-contains-increased": "min-contains-tightened",
    "max-contains-decreased": "max-contains-tightened",
}
_RESPONSE_BOUNDS = {
    "max-increased": "maximum-loosened",
    "exclusive-max-increased": "maximum-loosened",
    "min-decreased": "minimum-loosened",
    "exclusive-min-decreased": "minimum-loosened",
    "max-length-increased": "max-length-loosened",
    "max-length-unset": "max-length-loosened",
    "min-length-decreased": "min-length-loosened",
    "min-items-decreased": "min-items-loosened",
    "min-items-unset": "min-items-loosened",
    "min-contains-decreased": "min-contains-loosened",
    "max-contains-increased": "max-contains-loosened",
}
_KEYWORDS = {
    # oasdiff's keyword words -> ours, with the kinds oasdiff judges breaking per side
    "const": ("const", ("added", "changed"), ("removed", "changed")),
    "if": ("if", ("added",), ("removed",)),
    "then": ("then", ("added",), ("removed",)),
    "else": ("else", ("added",), ("removed",)),
    "contains": ("contains", ("added",), ("removed",)),
    "dependent-required": ("dependent-required", ("added", "changed"), ("removed", "changed")),
    "dependent-schema": ("dependent-schemas", ("added",), ("removed",)),
    "pattern-property": ("pattern-properties", ("added",), ("removed",)),
    "property-names": ("property-names", ("added",), ("removed",)),
    "unevaluated-items": ("unevaluated-items", ("added",), ("removed",)),
    "unevaluated-properties": ("unevaluated-properties", ("added",), ("removed",)),
    "content-schema": ("content-schema", ("added",), ("removed",)),
    "content-media-type": ("content-media-type", ("changed",), ("changed",)),
    "content-encoding": ("content-encoding", ("changed",), ("changed",)),
    "prefix-items": ("prefix-items", ("removed",), ("added",)),  # see WHOLE_KEYWORDS
}

_BY_HAND: dict[str, str] = {
    # lifecycle
    "request-property-deprecated-sunset-invalid": "property-sunset-invalid",
    "response-property-deprecated-sunset-invalid": "property-sunset-invalid",
    "api-stability-decreased": "endpoint-stability-decreased",
    "request-property-stability-decreased": "property-stability-decreased",
    "response-property-stability-decreased": "property-stability-decreased",
    "api-deprecated-sunset-parse": "endpoint-sunset-invalid",
    "api-path-sunset-parse": "endpoint-sunset-invalid",
    "api-invalid-stability-level": "endpoint-stability-invalid",
    "api-path-removed-without-deprecation": "endpoint-removed",
    "api-path-removed-before-sunset": "endpoint-removed",
    "api-removed-without-deprecation": "endpoint-removed",
    "api-removed-before-sunset": "endpoint-removed",
    "request-parameter-sunset-parse": "request-parameter-sunset-invalid",
    "request-parameter-removed-before-sunset": "request-parameter-removed",
    # parameters
    "new-required-request-default-parameter-to-existing-path": "request-parameter-added-required",
    "new-required-request-parameter": "request-parameter-added-required",
    "new-request-path-parameter": "request-parameter-added-required",
    "new-required-request-header-property": "request-property-added-required",
    "request-header-property-became-enum": "request-parameter-became-enum",
    "request-header-property-became-required": "request-property-became-required",
    "request-parameter-became-enum": "request-parameter-became-enum",
    "request-parameter-became-not-nullable": "request-parameter-nullable-removed",
    "request-parameter-property-became-not-nullable": "request-parameter-nullable-removed",
    "request-parameter-default-value-changed": "request-parameter-default-changed",
    "request-parameter-default-value-added": "request-parameter-default-changed",
    "request-parameter-default-value-removed": "request-parameter-default-changed",
    "request-parameter-enum-value-removed": "request-parameter-enum-value-removed",
    "request-parameter-property-enum-value-removed": "request-parameter-enum-value-removed",
    "request-parameter-pattern-added": "request-parameter-pattern-added",
    "request-parameter-pattern-changed": "request-parameter-pattern-changed",
    "request-parameter-removed": "request-parameter-removed",
    "request-parameter-became-required": "request-parameter-became-required",
    "request-parameter-type-changed": "request-parameter-type-changed",
    "request-parameter-property-type-changed": "request-parameter-type-changed",
    "request-parameter-property-type-specialized": "request-parameter-type-changed",
    "request-parameter-x-extensible-enum-value-removed": "request-parameter-extensible-enum-value-removed",
    "request-parameter-list-of-types-narrowed": "request-parameter-type-changed",
    "request-parameter-property-list-of-types-narrowed": "request-parameter-type-changed",
    # request bodies
    "request-body-added-required": "request-body-added-required",
    "request-body-became-enum": "request-property-became-enum",
    "request-body-media-type-removed": "request-body-media-type-removed",
    "request-body-media-type-schema-added": "request-body-schema-added",
    "request-body-removed": "request-body-removed",
    "request-body-became-required": "request-body-became-required",
    "request-body-all-of-added": "request-all-of-added",
    "request-property-all-of-added": "request-all-of-added",
    "request-body-all-of-removed": "request-all-of-removed",
    "request-property-all-of-removed": "request-all-of-removed",
    "request-body-any-of-removed": "request-union-variant-removed",
    "request-property-any-of-removed": "request-union-variant-removed",
    "request-body-one-of-removed": "request-union-variant-removed",
    "request-property-one-of-removed": "request-union-variant-removed",
    "request-property-became-enum": "request-property-became-enum",
    "request-body-became-not-nullable": "request-property-nullable-removed",
    "request-property-became-not-nullable": "request-property-nullable-removed",
    "request-body-enum-value-removed": "request-property-enum-value-removed",
    "request-property-enum-value-removed": "request-property-enum-value-removed",
    "request-property-pattern-added": "request-property-pattern-added",
    "request-property-pattern-changed": "request-property-pattern-changed",
    "request-property-became-required": "request-property-became-required",
    "request-property-became-required-with-default": "request-property-became-required",
    "request-body-type-changed": "request-body-type-changed",
    "request-body-list-of-types-narrowed": "request-body-type-changed",
    "request-body-wrapped-in-one-of": "request-body-type-changed",
    "request-property-type-changed": "request-property-type-changed",
    "request-property-list-of-types-narrowed": "request-property-type-changed",
    "request-property-removed": "request-property-removed",
    "new-required-request-property": "request-property-added-required",
    "new-required-request-property-with-default": "request-property-added-required",
    "request-property-x-extensible-enum-value-removed": "request-property-extensible-enum-value-removed",
    # responses
    "response-body-media-type-schema-removed": "response-body-schema-removed",
    "response-header-became-optional": "response-header-became-optional",
    "required-response-header-removed": "response-required-header-removed",
    "optional-response-header-removed": "response-optional-header-removed",
    "response-header-type-changed": "response-header-type-changed",
    "response-header-type-generalized": "response-header-type-changed",
    "response-header-became-nullable": "response-property-became-nullable",
    "response-media-type-removed": "response-media-type-removed",
    "response-media-type-name-generalized": "response-media-type-removed",
    "response-optional-property-removed": "response-optional-property-removed",
    "response-property-became-nullable": "response-property-became-nullable",
    "response-body-became-nullable": "response-property-became-nullable",
    "response-property-became-optional": "response-property-became-optional",
    "response-property-enum-value-added": "response-property-enum-value-added",
    "response-body-one-of-added": "response-union-variant-added",
    "response-property-one-of-added": "response-union-variant-added",
    "response-body-type-changed": "response-body-type-changed",
    "response-body-type-generalized": "response-body-type-changed",
    "response-body-list-of-types-widened": "response-body-type-changed",
    "response-body-wrapped-in-one-of": "response-body-type-changed",
    "response-property-type-changed": "response-property-type-changed",
    "response-property-type-generalized": "response-property-type-changed",
    "response-property-list-of-types-widened": "response-property-type-changed",
    "response-required-property-removed": "response-required-property-removed",
    "response-required-property-became-not-write-only": "response-property-added",
    "response-success-status-removed": "response-success-status-removed",
}


def _families() -> dict[str, str]:
    found: dict[str, str] = {}
    for words, ours in _BOUNDS.items():
        if "contains" not in words:  # parameters have no contains bounds
            found[f"request-parameter-{words}"] = f"request-parameter-{ours}"
        found[f"request-body-{words}"] = f"request-property-{ours}"
        found[f"request-property-{words}"] = f"request-property-{ours}"
    for words, ours in _RESPONSE_BOUNDS.items():
        found[f"response-body-{words}"] = f"response-property-{ours}"
        found[f"response-property-{words}"] = f"response-property-{ours}"
    for words, (ours, request_kinds, response_kinds) in _KEYWORDS.items():
        for side, kinds in (("request", request_kinds), ("response", response_kinds)):
            for kind in kinds:
                for place in ("body", "property"):
                    found[f"{side}-{place}-{words}-{kind}"] = f"{side}-property-{ours}-{kind}"
    return found


EQUIVALENTS: dict[str, str] = {**_families(), **_BY_HAND}
"""oasdiff check id -> our rule id. Ids of families oasdiff does not have (e.g. the request
parameter's `min-contains`) may appear; the tests check every ERR and WARN id is here or in the
README's table."""
