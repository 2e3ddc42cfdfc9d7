"""CHANGELOG.md of a generated SDK: one section per release, newest first, each as the ledger
recorded it when released (breaking changes first). Deterministic: no dates."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diff.history import Release
from generator.templating import md


def render_changelog(
    releases: Sequence[Release], *, title: str, packages: Sequence[tuple[str, str]]
) -> str:
    """`packages`: (package, language) of every SDK the releases version, the first being the
    one whose names the changes use."""
    named = [f"`{package}` (the {language} SDK)" for package, language in packages]
    sdks = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    noun = "SDK" if len(packages) == 1 else "SDKs"
    shared = (
        f" They share each version; methods below are named as in the {packages[0][1]} SDK."
        if len(packages) > 1
        else ""
    )
    lines = [
        "# Changelog",
        "",
        f"Releases of {sdks}, the {noun} for {md(title)}, newest first.{shared} Versions "
        "follow semantic versioning from the diff of each release with the one before: breaking "
        "changes make a major release, possibly breaking changes and additions a minor one, "
        "anything else a patch. A spec "
        "edited after its release is released again, as a revision of its API version.",
    ]
    for release in reversed(releases):
        lines += ["", f"## {release.heading}", "", release.changes]
    return "\n".join(lines) + "\n"
