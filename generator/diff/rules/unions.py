"""Unions (oneOf/anyOf) and their discriminators.

A response union that gains a variant can hand old code a shape it never handled; a request
union that loses one rejects what old code sends.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.model import Finding
from generator.diff.registry import Site, schema_rule
from generator.diff.rules._schema import in_response
from generator.diff.schemas import mapping_target
from generator.diff.tree import Member, SchemaDiff


def _request(site: Site) -> bool:
    return site.direction == "request"


@schema_rule("request-union-variant-added")
def request_variant_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for variant in diff.variants_added:
            message = f"{site.subject}: new accepted variant {variant.name}"
            yield Finding(message, variant.parent, variant.pointer)


@schema_rule("request-union-variant-removed")
def request_variant_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if _request(site):
        for variant in diff.variants_removed:
            message = f"{site.subject}: variant {variant.name} no longer accepted"
            yield Finding(message, variant.pointer, variant.parent)


@schema_rule("response-union-variant-added")
def response_variant_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for variant in diff.variants_added:
            message = f"{site.subject}: new variant {variant.name}"
            yield Finding(message, variant.parent, variant.pointer)


@schema_rule("response-union-variant-removed")
def response_variant_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    if in_response(site):
        for variant in diff.variants_removed:
            message = f"{site.subject}: variant {variant.name} no longer returned"
            yield Finding(message, variant.pointer, variant.parent)


@schema_rule("discriminator-added")
def discriminator_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if found is not None and found.added:
        yield Finding(f"{site.subject}: discriminator added", found.old, found.new)


@schema_rule("discriminator-removed")
def discriminator_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if found is not None and found.removed:
        yield Finding(f"{site.subject}: discriminator removed", found.old, found.new)


@schema_rule("discriminator-property-changed")
def discriminator_property_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if found is not None and found.property is not None:
        before, after = found.property.old, found.property.new
        message = f"{site.subject}: discriminator property changed from {before!r} to {after!r}"
        yield Finding(message, found.old, found.new)


@schema_rule("discriminator-mapping-changed")
def discriminator_mapping_changed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if found is None:
        return
    for value, change in found.mapping_changed:
        before, after = mapping_target(change.old), mapping_target(change.new)
        message = f"{site.subject}: discriminator value {value!r} maps to {after}, was {before}"
        yield Finding(message, found.old, found.new)


def _values(members: tuple[Member, ...], variants: tuple[Member, ...]) -> Iterator[Member]:
    """Discriminator values whose schema is not itself a variant added or removed."""
    reported = {variant.name for variant in variants}
    for member in members:
        if mapping_target(str(member.schema)) not in reported:
            yield member


@schema_rule("request-discriminator-value-added")
def request_value_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if _request(site) and found is not None:
        for value in _values(found.mapping_added, diff.variants_added):
            message = f"{site.subject}: new discriminator value {value.name!r}"
            yield Finding(message, value.parent, value.pointer)


@schema_rule("request-discriminator-value-removed")
def request_value_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if _request(site) and found is not None:
        for value in _values(found.mapping_removed, diff.variants_removed):
            message = f"{site.subject}: discriminator value {value.name!r} no longer accepted"
            yield Finding(message, value.pointer, value.parent)


@schema_rule("response-discriminator-value-added")
def response_value_added(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if in_response(site) and found is not None:
        for value in _values(found.mapping_added, diff.variants_added):
            message = f"{site.subject}: new discriminator value {value.name!r}"
            yield Finding(message, value.parent, value.pointer)


@schema_rule("response-discriminator-value-removed")
def response_value_removed(diff: SchemaDiff, site: Site) -> Iterator[Finding]:
    found = diff.discriminator
    if in_response(site) and found is not None:
        for value in _values(found.mapping_removed, diff.variants_removed):
            message = f"{site.subject}: discriminator value {value.name!r} no longer returned"
            yield Finding(message, value.pointer, value.parent)
