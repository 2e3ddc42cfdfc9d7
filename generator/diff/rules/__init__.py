"""The checks of every rule, one function per rule, grouped by the part of the API they read.

Importing this package registers them all in `generator.diff.registry.CHECKS`.
"""

from generator.diff.rules import (
    constraints,
    endpoints,
    parameters,
    request_body,
    request_properties,
    response_properties,
    responses,
    security,
    servers,
    unions,
)

__all__ = [
    "constraints",
    "endpoints",
    "parameters",
    "request_body",
    "request_properties",
    "response_properties",
    "responses",
    "security",
    "servers",
    "unions",
]
