from __future__ import annotations

import pytest

from generator.diff.model import Bump
from generator.diff.versioning import FIRST_VERSION, bump_version


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("1.4.2", Bump.MAJOR, "2.0.0"),
        ("1.4.2", Bump.MINOR, "1.5.0"),
        ("1.4.2", Bump.PATCH, "1.4.3"),
        ("9.9.9", Bump.MINOR, "9.10.0"),
    ],
)
def test_bump_version(version: str, bump: Bump, expected: str) -> None:
    assert bump_version(version, bump) == expected


def test_the_first_version_is_one_and_a_bad_version_is_refused() -> None:
    assert FIRST_VERSION == "1.0.0"
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        bump_version("1.0", Bump.PATCH)
