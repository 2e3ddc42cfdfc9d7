"""CHANGELOG.md of a generated SDK: one section per release, newest first, each as the ledger
recorded it when released (breaking changes first). Deterministic: no dates."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diff.history import Release
from generator.templating import md


def render_changelog(
    releases: Sequence[Release], *, title: str, package: str, language: str
) -> str:
    lines = [
        "# Changelog",
        "",
        f"Releases of `{package}`, the {language} SDK for {md(title)}, newest first. Versions "
        "follow semantic versioning from the diff of each release with the one before: breaking "
        "changes make a major release, additions a minor one, anything else a patch. A spec "
        "edited after its release is released again, as a revision of its API version.",
    ]
    for release in reversed(releases):
        lines += ["", f"## {release.heading}", "", release.changes]
    return "\n".join(lines) + "\n"
