"""`check` of a project where nothing changed since the last check, answered without reading
the configuration, and so without importing it.

When the check through the configuration (`output_cache.confirms_up_to_date`, for a
configuration without any problem) confirms output/, `remember` saves everything that answer
rested on: the environment (Python, the generator's, black's and jinja2's versions), the
listing of every folder it read or looked for (the generator's code, templates, specs,
patches), and the sha256 of every input and output file. `confirms_unchanged` compares all of
it again, hashes through the stat memo (`file_hashes`): an unchanged project costs a few
hundred `stat` calls and two JSON files. Any difference, or no record, answers False, and the
caller takes the path through the configuration, which notices everything this record does not
hold. The record lives in the cache folder and may be deleted at will.
"""

from __future__ import annotations

import os
import sys

import generator
from generator.emit import cache_file
from generator.emit.file_hashes import FileHashes

CACHE_DIR_NAME = ".sdkgen-cache"
"""The project's cache folder, beside pyproject.toml; git-ignored, safe to delete."""
QUICK_RECORD = "quick-check.marshal"
"""The record's file in the cache folder."""
CONFIG_FILE = "pyproject.toml"


def find_project_root(start: str) -> str | None:
    """The nearest folder from `start` up whose pyproject.toml has a `[tool.sdkgen]` table."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, CONFIG_FILE)
        try:
            with open(candidate, encoding="utf-8") as file:
                if "[tool.sdkgen" in file.read():
                    return folder
        except (OSError, UnicodeDecodeError):
            pass
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


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


def environment() -> str:
    """What decides the output besides the project's files: Python's, the generator's, black's
    and jinja2's versions."""
    black, jinja2 = installed_version("black"), installed_version("jinja2")
    return f"{generator.__version__} {sys.version} black {black} jinja2 {jinja2}"


def listing(folder: str) -> list[str] | None:
    """Every file under `folder` (bytecode caches aside), sorted; None when it is no folder."""
    if not os.path.isdir(folder):
        return None
    found: list[str] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        found.extend(os.path.join(parent, name) for name in names)
    return sorted(found)


def remember(root: str, folders: list[str], files: dict[str, str]) -> None:
    """Save what a confirmed check rested on: `folders` it listed or looked for, and the
    sha256 of `files` (inputs and outputs, by path). A failure to write only costs time."""
    record = {
        "root": root,
        "environment": environment(),
        "folders": {folder: listing(folder) for folder in sorted(set(folders))},
        "files": files,
    }
    cache_file.save(os.path.join(root, CACHE_DIR_NAME, QUICK_RECORD), record)


def _same_files(files: dict[str, str], hashes: FileHashes) -> bool:
    """Whether every file still has its recorded hash (each looked at, for the memo's sake)."""
    same = True
    for path, expected in files.items():
        try:
            same = hashes.sha256(path) == expected and same
        except OSError:
            same = False
    return same


def confirms_unchanged(start: str) -> bool:
    """True when the project around `start` is exactly as when its check last confirmed it."""
    root = find_project_root(start)
    if root is None:
        return False
    cache_dir = os.path.join(root, CACHE_DIR_NAME)
    record = cache_file.load(os.path.join(cache_dir, QUICK_RECORD))
    if not isinstance(record, dict) or record.get("root") != root:
        return False
    folders, files = record.get("folders"), record.get("files")
    if not isinstance(folders, dict) or not isinstance(files, dict) or not files:
        return False
    if any(listing(folder) != listed for folder, listed in folders.items()):
        return False
    if record.get("environment") != environment():
        return False
    hashes = FileHashes(cache_dir)
    unchanged = _same_files(files, hashes)
    hashes.save()
    return unchanged
