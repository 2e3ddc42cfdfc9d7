"""The release history of an API: one SDK release per spec in its folder, oldest first.

Versions are the spec files of the folder sorted by name, up to the current one. The first is
SDK 1.0.0; each later one bumps the previous SDK version by what the diff from its predecessor
asks (major, minor or patch).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from generator.config import SPEC_SUFFIXES, ApiConfig
from generator.diagnostics import Diagnostic, has_errors
from generator.diff.inputs import load_version
from generator.diff.version import Version
from generator.diff.versioning import FIRST_VERSION, bump_version

if TYPE_CHECKING:
    from generator.diff.model import Report


@dataclass(frozen=True, slots=True)
class Release:
    api_version: str
    """The spec file's name without its suffix, e.g. `2026-02-09`."""
    sdk_version: str
    report: Report | None
    """Changes since the previous API version; None for the first release."""


def spec_history(current: Path) -> tuple[Path, ...]:
    """The specs in `current`'s folder sorted by file name, up to and including `current`."""
    folder = current.parent
    specs = sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix in SPEC_SUFFIXES),
        key=lambda p: p.name,
    )
    return tuple(p for p in specs if p.name <= current.name)


def _label(config: ApiConfig, spec: Path) -> str:
    return str(PurePosixPath(config.spec_label).parent / spec.name)


def releases(
    config: ApiConfig, current: Version | None = None
) -> tuple[tuple[Release, ...], tuple[Diagnostic, ...]]:
    """Every release of `config`'s API; a spec that does not load is an error diagnostic.

    An API generated from a lone spec (not from a configured specs folder) has one release,
    and nothing is loaded for it. `current`, when given, is `config.spec` already loaded: the
    caller has parsed it once, and a big spec is not parsed twice.
    """
    if not config.versioned:
        return (Release(config.spec.stem, FIRST_VERSION, None),), ()
    found: list[Release] = []
    previous: Version | None = None
    for spec in spec_history(config.spec):
        version: Version | None
        problems: tuple[Diagnostic, ...]
        if current is not None and spec == config.spec:
            version, problems = replace(current, label=_label(config, spec)), ()
        else:
            version, problems = load_version(spec, label=_label(config, spec))
        if version is None or has_errors(problems):
            return (), problems
        if previous is None:
            found.append(Release(spec.stem, FIRST_VERSION, None))
        else:
            from generator.diff.engine import diff_versions  # the rules load only to compare

            report = diff_versions(previous, version, api_name=config.name)
            sdk_version = bump_version(found[-1].sdk_version, report.bump)
            found.append(Release(spec.stem, sdk_version, report))
        previous = version
    return tuple(found), ()
