"""What `generate` wrote, recorded under a key made of everything that decides it.

`check` on a project whose inputs have not changed then only hashes the files in output/
against the record, instead of loading, rendering and formatting again. The key covers every
file of each API's specs folder (history and split specs included), the saved patches, the
templates, the generator's own code, the project's configuration and the versions of black and
jinja2, so any edit to specs/, patches/, templates/ or the generator misses the record and
takes the full path. Records live in `.sdkgen-cache/outputs/` (git-ignored) and may be deleted
at will.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import generator
from generator.config import PATCHES_DIR, ProjectConfig

_GENERATOR_DIR = Path(generator.__file__).resolve().parent
CACHE_DIR_NAME = ".sdkgen-cache"
"""The project's cache folder, beside pyproject.toml; git-ignored, safe to delete."""


def installed_version(distribution: str) -> str:
    """A distribution's version from its `*.dist-info` folder name on sys.path: the same
    answer as importlib.metadata, without importing it (a fifth of a quick check's time)."""
    prefix, suffix = f"{distribution.lower()}-", ".dist-info"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            folded = name.lower()
            if folded.startswith(prefix) and folded.endswith(suffix):
                found = name[len(prefix) : -len(suffix)]
                if found and "-" not in found:
                    return found
    from importlib.metadata import version

    return version(distribution)


def _files(folder: Path) -> Iterable[Path]:
    if folder.is_dir():
        yield from sorted(
            p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )


def inputs_key(project: ProjectConfig) -> str:
    digest = hashlib.sha256()
    digest.update(f"{generator.__version__} {sys.version}".encode())
    versions = f" black {installed_version('black')} jinja2 {installed_version('jinja2')}\n"
    digest.update(versions.encode())
    folders = [_GENERATOR_DIR, *sorted({api.templates for api in project.apis})]
    folders += sorted({api.spec.parent for api in project.apis})
    folders.append(project.root / PATCHES_DIR)  # saved hand edits are replayed into output/
    for file in [project.root / "pyproject.toml"] + [f for d in folders for f in _files(d)]:
        digest.update(os.fsencode(file))
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def _record_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / "outputs" / f"{key}.json"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record(
    project: ProjectConfig, cache_dir: Path, trees: Mapping[Path, Mapping[str, str]]
) -> None:
    """Remember the trees the current inputs render to (after a generate or a clean check)."""
    entry = {
        target.relative_to(project.root).as_posix(): {
            path: _sha(text.encode("utf-8")) for path, text in sorted(files.items())
        }
        for target, files in trees.items()
    }
    path = _record_path(cache_dir, inputs_key(project))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a record that cannot be written only costs time


def confirms_up_to_date(project: ProjectConfig, cache_dir: Path) -> bool:
    """True when a record for the current inputs exists and output/ matches it byte for byte.

    Anything else (no record, a file changed, missing or added to what the generator owns)
    answers False, and the caller checks the slow way, which also explains the difference.
    """
    try:
        entry = json.loads(_record_path(cache_dir, inputs_key(project)).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if sorted(entry) != sorted(a.output.relative_to(project.root).as_posix() for a in project.apis):
        return False
    for target_name, files in entry.items():
        target = project.root / target_name
        for path, expected in files.items():
            try:
                if _sha((target / path).read_bytes()) != expected:
                    return False
            except OSError:
                return False
    return True
