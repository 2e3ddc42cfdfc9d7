"""What `generate` wrote, recorded under a key made of everything that decides it.

`check` on a project whose inputs have not changed then only compares the files in output/
with the record, instead of loading, rendering and formatting again; files whose stat has not
changed since they were last hashed are not even read (`file_hashes`). The key covers every
file of each API's specs folder (history and split specs included), the saved patches, the
templates, the generator's own code, the project's configuration and the versions of black and
jinja2, so any edit to specs/, patches/, templates/ or the generator misses the record and
takes the full path. Records live in `.sdkgen-cache/outputs/` (git-ignored) and may be deleted
at will.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

import generator
from generator.config import PATCHES_DIR, ProjectConfig
from generator.emit.encoded import utf8
from generator.emit.file_hashes import FileHashes
from generator.emit.quick_check import environment, listing, remember

_GENERATOR_DIR = Path(generator.__file__).resolve().parent


def _input_folders(project: ProjectConfig) -> list[str]:
    """The folders whose files decide the output, besides pyproject.toml."""
    folders = [_GENERATOR_DIR, *sorted({api.templates for api in project.apis})]
    folders += sorted({api.spec.parent for api in project.apis})
    folders.append(project.root / PATCHES_DIR)  # saved hand edits are replayed into output/
    return [str(folder) for folder in folders]


def _inputs(project: ProjectConfig, hashes: FileHashes) -> dict[str, str]:
    """Every input file's sha256 by path, in the key's order: pyproject.toml, then each input
    folder's files."""
    files = [str(project.root / "pyproject.toml")]
    files += [file for folder in _input_folders(project) for file in listing(folder) or ()]
    return {file: hashes.sha256(file) for file in files}


def inputs_key(project: ProjectConfig, hashes: FileHashes) -> str:
    """The sha256 of everything that decides what `generate` writes (see the module's doc)."""
    return _key(_inputs(project, hashes))


def _key(inputs: Mapping[str, str]) -> str:
    import hashlib

    digest = hashlib.sha256()
    digest.update(f"{environment()}\n".encode())
    for file, sha in inputs.items():
        digest.update(os.fsencode(file))
        digest.update(bytes.fromhex(sha))
    return digest.hexdigest()


def _record_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / "outputs" / f"{key}.json"


def record(
    project: ProjectConfig, cache_dir: Path, trees: Mapping[Path, Mapping[str, str]]
) -> None:
    """Remember the trees the current inputs render to (after a generate or a clean check)."""
    import hashlib

    entry = {
        target.relative_to(project.root).as_posix(): {
            path: hashlib.sha256(utf8(files, path)).hexdigest() for path in sorted(files)
        }
        for target, files in trees.items()
    }
    hashes = FileHashes(str(cache_dir))
    path = _record_path(cache_dir, inputs_key(project, hashes))
    hashes.save()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a record that cannot be written only costs time


def _matches(target: str, files: Mapping[str, str], hashes: FileHashes) -> bool:
    """Whether every file of the record is on disk under `target` with the recorded hash."""
    matching = True
    for path, expected in files.items():
        try:
            matching = hashes.sha256(os.path.join(target, path)) == expected and matching
        except OSError:
            matching = False
    return matching


def confirms_up_to_date(
    project: ProjectConfig, cache_dir: Path, *, quick_record: bool = False
) -> bool:
    """True when a record for the current inputs exists and output/ matches it byte for byte.

    Anything else (no record, a file changed, missing or added to what the generator owns)
    answers False, and the caller checks the slow way, which also explains the difference.
    Every recorded file is looked at even after a mismatch, so the memo of file hashes
    (`file_hashes`) keeps them all. With `quick_record` (a configuration without problems), a
    confirmation is saved for `quick_check` too.
    """
    hashes = FileHashes(str(cache_dir))
    try:
        inputs = _inputs(project, hashes)
        entry = json.loads(_record_path(cache_dir, _key(inputs)).read_text("utf-8"))
    except (OSError, ValueError):
        hashes.save()
        return False
    outputs = sorted(a.output.relative_to(project.root).as_posix() for a in project.apis)
    up_to_date = isinstance(entry, dict) and sorted(entry) == outputs
    files = dict(inputs)
    if up_to_date:
        root = str(project.root)
        for target_name, recorded in entry.items():
            target = os.path.join(root, target_name)
            up_to_date = _matches(target, recorded, hashes) and up_to_date
            files.update((os.path.join(target, path), sha) for path, sha in recorded.items())
    hashes.save()
    if up_to_date and quick_record:
        folders = _input_folders(project) + [str(folder) for folder in project.looked_for]
        remember(str(project.root), folders, files, hashes)
    return up_to_date
