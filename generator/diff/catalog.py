"""Every rule's check, registered: importing the rule modules fills the registry's table."""

from __future__ import annotations

from generator.diff.registry import CHECKS, Checks
from generator.diff.rules import (  # noqa: F401 (imported for their registrations)
    constraints,
    endpoints,
    keywords,
    lifecycle,
    parameters,
    request_body,
    request_properties,
    response_properties,
    responses,
    security,
    servers,
    unions,
)


def checks() -> Checks:
    """Every check, with all rule modules imported."""
    return CHECKS
