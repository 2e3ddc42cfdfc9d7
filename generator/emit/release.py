"""`sdkgen release`: installable artefacts of every configured SDK, built from output/.

For each API and each of its targets, the target packages its folder of output/ into
`DIST/<api>/<target>/` (`Target.package`: built, checked, installed somewhere throwaway), and the
version the installed artefact reports must be the one the release ledger records for the
API's current spec. Publishing stays the user's step; the command is printed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.config import ApiConfig
from generator.diff.ledger import LEDGER, parse_ledger
from generator.targets.base import ReleaseError
from generator.targets.registry import get_target


@dataclass(frozen=True, slots=True)
class Built:
    api: str
    target: str
    files: tuple[Path, ...]
    version: str
    publish: str
    """The command that publishes the files."""


def ledger_version(api: ApiConfig) -> str:
    """The SDK version the ledger records for the API's current spec."""
    path = api.output / LEDGER
    if not path.is_file():
        raise ReleaseError(f"{api.name}: no release ledger at {path}; run `make generate`")
    ledger, problems = parse_ledger(path.read_text(encoding="utf-8"), str(path))
    if ledger is None:
        raise ReleaseError("; ".join(p.render() for p in problems))
    entry = ledger.last_of(api.spec.stem)
    if entry is None:
        raise ReleaseError(
            f"{api.name}: the ledger has no release of API version {api.spec.stem}; "
            "run `make generate` and commit the result"
        )
    return entry.sdk_version


def build(api: ApiConfig, name: str, dist: Path, log: Callable[[str], None]) -> Built:
    """The SDK of target `name` of one API, packaged by its target into DIST/<api>/<name>/."""
    version = ledger_version(api)
    folder = dist / api.name / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    packaged = get_target(name).package(api.output / name, folder)
    if packaged.version != version:
        raise ReleaseError(
            f"{api.name}/{name} reports version {packaged.version}, the ledger says {version}"
        )
    log(f"{api.name}/{name} {version}: " + ", ".join(f.name for f in packaged.files))
    log(f"  {packaged.installed}")
    return Built(api.name, name, packaged.files, version, packaged.publish)


def release(apis: tuple[ApiConfig, ...], dist: Path, log: Callable[[str], None]) -> list[Built]:
    return [build(api, name, dist, log) for api in apis for name in api.targets]


def summary(built: list[Built], root: Path) -> str:
    lines = ["built: " + ", ".join(f"{b.api}/{b.target} {b.version}" for b in built)]
    for item in built:
        files = " ".join(str(f.relative_to(root)) if f.is_relative_to(root) else str(f)
                         for f in item.files)  # fmt: skip
        lines.append(f"publish {item.api}/{item.target}: {item.publish} {files}")
    return os.linesep.join(lines)
