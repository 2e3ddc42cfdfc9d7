"""Server URLs with variables (`https://{region}.example.com`): each variable a client option,
its default used when it is not given, its allowed values checked."""

from __future__ import annotations

from collections.abc import Mapping

from .errors import ConfigurationError

Variables = tuple[tuple[str, str, tuple[str, ...]], ...]
"""A server's variables: the name in its URL, the default, the allowed values (empty: any)."""


def server_url(template: str, variables: Variables, given: Mapping[str, str | None]) -> str:
    """`template` with each variable replaced by its given value, else its default."""
    url = template
    for name, default, allowed in variables:
        value = given.get(name)
        if value is None:
            value = default
        elif allowed and value not in allowed:
            known = ", ".join(allowed)
            raise ConfigurationError(
                f"server variable {name!r} cannot be {value!r}; allowed: {known}"
            )
        url = url.replace("{" + name + "}", value)
    return url
