"""Semantic versions of the SDK: the first release, and one step per API version."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.diff.model import Bump

FIRST_VERSION = "1.0.0"
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def bump_version(version: str, bump: Bump) -> str:
    """`1.4.2` bumped: major -> `2.0.0`, minor -> `1.5.0`, patch -> `1.4.3`, none -> `1.4.2`."""
    match = _VERSION.match(version)
    if match is None:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {version!r}")
    from generator.diff.model import Bump  # a lone spec's first release needs no diff model

    major, minor, patch = (int(part) for part in match.groups())
    if bump is Bump.NONE:
        return version
    if bump is Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump is Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"
