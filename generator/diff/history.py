"""The release history of an API: the releases of its ledger, then any release its specs ask.

The API versions are the spec files of its folder sorted by name, up to the current one. A
release is a fact: the ledger (`ledger.py`) keeps each one, and a later generation never
rewrites it. On top of the ledger:

- an API version with no release yet is released, diffed against the latest release: the first
  ever is SDK 1.0.0, each later one bumps the previous SDK version by what the diff asks (at
  least a patch: the SDK's API version changes);
- the spec of the latest release, edited since, is released again ("revised"), diffed against
  that release as it was; an edit that changes nothing the diff sees releases nothing;
- an older API version's release is a fact once a later release exists: its spec is not read
  again (when it is the current one and was edited, a warning says the edit is not released);
  a new API version older than the latest release is not released either, with a warning.

Without a ledger (a project's first generation) the whole folder is released in order.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from generator.config import SPEC_SUFFIXES, ApiConfig
from generator.diagnostics import Diagnostic, Severity, has_errors
from generator.diff.ledger import (
    LEDGER,
    Entry,
    Ledger,
    canonical,
    ledger_text,
    parse_ledger,
    text_hash,
)
from generator.diff.ledger import spec_hash as document_hash
from generator.diff.versioning import FIRST_VERSION, bump_version
from generator.load.records import record

if TYPE_CHECKING:
    from generator.diff.model import Bump, Report
    from generator.diff.version import Version


@record
class Release:
    api_version: str
    """The spec file's name without its suffix, e.g. `2026-02-09`."""
    sdk_version: str
    heading: str
    """`2.0.0 (API version 2026-02-09)`."""
    changes: str
    """The changelog section below its heading."""


@record
class History:
    releases: tuple[Release, ...]
    sdk_version: str
    """The SDK version of the current spec."""
    files: dict[str, str]
    """The ledger and the latest release's spec, relative to the API's output folder."""


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


def _changes(previous: str, report: Report, bump: Bump) -> str:
    from generator.diff.formats.common import headline
    from generator.diff.formats.markdown import render_sections

    lines = [f"Since {previous}: {headline(report)}; a {bump.value} release."]
    lines += render_sections(report, "###", limit=None)
    return "\n".join(lines)


def _warning(code: str, message: str, spec: str) -> Diagnostic:
    return Diagnostic(code, message, file=spec, severity=Severity.WARNING)


def _read_ledger(config: ApiConfig) -> tuple[Ledger | None, tuple[Diagnostic, ...]]:
    path = config.output / LEDGER
    if not path.is_file():
        return Ledger(), ()
    return parse_ledger(path.read_text(encoding="utf-8"), str(path))


def releases(
    config: ApiConfig, current: Version | None = None
) -> tuple[History | None, tuple[Diagnostic, ...]]:
    """Every release of `config`'s API, and the ledger files that record them; None, with an
    error, when a spec or the ledger does not load.

    An API generated from a lone spec (not from a configured specs folder) has one release and
    no ledger, and nothing is loaded for it. `current`, when given, is `config.spec` already
    loaded: a big spec is not parsed twice.
    """
    if not config.versioned:
        return lone_history(config.spec.stem), ()
    ledger, problems = _read_ledger(config)
    if ledger is None:
        return None, problems
    notes: list[Diagnostic] = list(problems)
    base: Version | Snapshot | None = None
    snapshot, latest = ledger.snapshot_path(), ledger.latest
    if snapshot is not None and latest is not None:
        path, label = config.output / snapshot, f"release {latest.sdk_version}"
        base = _unchanged_snapshot(path, label, latest.spec_sha256)
        if base is None:
            base, problems = _load_snapshot(path, label)
            if base is None:
                return None, problems
    for spec in spec_history(config.spec):
        label = _label(config, spec)
        released = ledger.last_of(spec.stem)
        latest = ledger.latest
        if released is not None and released is not latest and spec != config.spec:
            continue  # an older release: a fact, whatever its file says now
        version, problems = _load(config, spec, current, label)
        if version is None or has_errors(problems):
            return None, problems
        sha = document_hash(version.document)
        if released is not None and released.spec_sha256 == sha:
            continue
        if released is not None and released is not latest:
            message = (
                f"the spec of API version {spec.stem} changed after release "
                f"{released.sdk_version}, and a later release exists; the ledger keeps the "
                f"release as it was (only the latest release can be revised)"
            )
            notes.append(_warning("released-spec-changed", message, label))
            continue
        if released is None and latest is not None and spec.stem < latest.api_version:
            message = (
                f"API version {spec.stem} is older than the latest release "
                f"({latest.sdk_version}, API version {latest.api_version}); it is not released"
            )
            notes.append(_warning("release-out-of-order", message, label))
            continue
        if isinstance(base, Snapshot):  # a release to diff against it: load it whole now
            base, problems = _load_snapshot(base.path, base.label)
            if base is None:
                return None, problems
        entry = _release(ledger, base, version, spec.stem, sha, revised=released is not None)
        if entry is None:
            continue
        ledger = ledger.with_entry(entry)
        base = version
    return _history(config, ledger, base), tuple(notes)


@record
class Snapshot:
    """The latest release's spec as `output/` keeps it, unchanged since that release wrote it
    (its hash is the ledger's): written again as it is, loaded only for a new release."""

    path: Path
    label: str
    text: str


def _unchanged_snapshot(path: Path, label: str, released_sha256: str) -> Snapshot | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return Snapshot(path, label, text) if text_hash(text) == released_sha256 else None


def _load_snapshot(path: Path, label: str) -> tuple[Version | None, tuple[Diagnostic, ...]]:
    """The latest release's spec loaded, or an error naming its file."""
    from generator.diff.inputs import load_version

    base, problems = load_version(path, label=label)
    if base is None:
        message = f"the spec of the latest release ({path}) is missing or does not load"
        return None, (Diagnostic("ledger-invalid", message, file=str(path)), *problems)
    return base, problems


def lone_history(api_version: str) -> History:
    """The history of an API generated from a lone spec: one first release, no ledger."""
    heading = f"{FIRST_VERSION} (API version {api_version})"
    first = Release(api_version, FIRST_VERSION, heading, "First release.")
    return History((first,), FIRST_VERSION, {})


def _load(
    config: ApiConfig, spec: Path, current: Version | None, label: str
) -> tuple[Version | None, tuple[Diagnostic, ...]]:
    from generator.diff.inputs import load_version

    if current is not None and spec == config.spec:
        return replace(current, label=label), ()
    return load_version(spec, label=label)


def _release(
    ledger: Ledger, base: Version | None, version: Version, api_version: str, sha: str,
    *, revised: bool,
) -> Entry | None:  # fmt: skip
    """The next release, or None when a revision changes nothing."""
    latest = ledger.latest
    if latest is None or base is None:
        return Entry(FIRST_VERSION, api_version, sha, 0, "First release.")
    from generator.diff.engine import diff_versions  # the rules load only to compare
    from generator.diff.model import Bump

    report = diff_versions(base, version, api_name=api_version)
    bump = report.bump
    if revised and bump is Bump.NONE:
        return None
    if not revised and bump.rank < Bump.PATCH.rank:
        bump = Bump.PATCH
    previous = f"release {latest.sdk_version} (API version {latest.api_version})"
    last = ledger.last_of(api_version)
    revision = last.revision + 1 if revised and last is not None else 0
    changes = _changes(previous, report, bump)
    return Entry(bump_version(latest.sdk_version, bump), api_version, sha, revision, changes)


def _history(config: ApiConfig, ledger: Ledger, base: Version | Snapshot | None) -> History:
    found = tuple(
        Release(e.api_version, e.sdk_version, e.heading, e.changes) for e in ledger.entries
    )
    current = ledger.last_of(config.spec.stem)
    sdk_version = current.sdk_version if current is not None else FIRST_VERSION
    files = {LEDGER: ledger_text(config.name, ledger)}
    snapshot = ledger.snapshot_path()
    if snapshot is not None and base is not None:
        # No release since the snapshot was written: it stays as it is, not dumped again.
        files[snapshot] = base.text if isinstance(base, Snapshot) else canonical(base.document)
    return History(found, sdk_version, files)
