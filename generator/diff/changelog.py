"""CHANGELOG.md of a generated SDK: one section per API version, newest first, breaking changes
first in each. Deterministic: no dates, only the API version names."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diff.formats.common import headline
from generator.diff.formats.markdown import render_sections
from generator.diff.history import Release
from generator.templating import md


def render_changelog(
    releases: Sequence[Release], *, title: str, package: str, language: str
) -> str:
    lines = [
        "# Changelog",
        "",
        f"Releases of `{package}`, the {language} SDK for {md(title)}: one per API version, newest "
        "first. Versions follow semantic versioning from the diff of each API version with the "
        "one before: breaking changes make a major release, additions a minor one, anything "
        "else a patch.",
    ]
    for position in range(len(releases) - 1, -1, -1):
        release = releases[position]
        lines += ["", f"## {release.sdk_version} (API version {release.api_version})", ""]
        report = release.report
        if report is None:
            lines.append("First release.")
            continue
        previous = releases[position - 1].api_version
        lines.append(
            f"Since API version {previous}: {headline(report)}; a {report.bump.value} release."
        )
        lines += render_sections(report, "###")
    return "\n".join(lines) + "\n"
