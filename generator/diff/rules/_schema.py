"""Helpers shared by the schema rules: which sites a rule applies to, and how values read."""

from __future__ import annotations

from generator.diff.registry import Site


def in_request_body(site: Site) -> bool:
    return site.direction == "request" and site.role == "body"


def in_parameter(site: Site) -> bool:
    return site.direction == "request" and site.role == "parameter"


def in_response(site: Site) -> bool:
    return site.direction == "response"


def show_types(types: frozenset[str]) -> str:
    return " or ".join(sorted(types))


def show(value: str | None) -> str:
    return "none" if value is None else value


def readonly(schema: dict[str, object]) -> bool:
    return schema.get("readOnly") is True


def writeonly(schema: dict[str, object]) -> bool:
    return schema.get("writeOnly") is True


def widened(old: frozenset[str], new: frozenset[str]) -> bool:
    """Whether `new` admits every JSON type of `old` and more (`integer` is a `number`)."""
    names = {"string", "number", "integer", "boolean", "object", "array"}
    if old == new or not (old | new) <= names:
        return False
    return all(t in new or (t == "integer" and "number" in new) for t in old)
