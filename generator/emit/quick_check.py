"""`check` of a project where nothing changed since the last check, answered without reading
the configuration, and so without importing it.

When the check through the configuration (`output_cache.confirms_up_to_date`, for a
configuration without any problem) confirms output/, `remember` saves what that answer rested
on, as stats only: the stat of every input and output file it hashed (taken before reading),
of every folder of the inputs (the generator's code, templates, specs, patches: a file added,
removed or renamed in a folder changes the folder's mtime), the folders it looked for and did
not find, and of every folder on `sys.path`, where the versions of black and jinja2 are read.
`confirms_unchanged` stats them all again and compares: an unchanged project costs one small
file read and a `stat` per file, with no hashing, no memo and no listing. As git's index does,
a stat is trusted only when it is older than the record itself (a change in the same clock
tick could leave a stat as it was); a file whose stat moved or is that recent is hashed and
compared with the record's sha256. Any other difference (a folder changed, a version, a hash),
or no record, answers False, and the caller takes the path through the configuration, which
notices everything this record does not hold and saves the record again. The record lives in
the cache folder and may be deleted at will.
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
_FORMAT = 2
"""The record's layout; a record of another layout is ignored."""

Stat = tuple[int, int, int, int]
"""size, mtime (ns), ctime (ns), inode: what tells a changed file or folder."""


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


def _interpreter() -> str:
    return f"{generator.__version__} {sys.version}"


def _packages() -> str:
    return f"black {installed_version('black')} jinja2 {installed_version('jinja2')}"


def environment() -> str:
    """What decides the output besides the project's files: Python's, the generator's, black's
    and jinja2's versions."""
    return f"{_interpreter()} {_packages()}"


def listing(folder: str) -> list[str] | None:
    """Every file under `folder` (bytecode caches aside), sorted; None when it is no folder."""
    if not os.path.isdir(folder):
        return None
    found: list[str] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        found.extend(os.path.join(parent, name) for name in names)
    return sorted(found)


def _stat(path: str) -> Stat:
    found = os.stat(path)
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


def _search_path() -> list[tuple[str, Stat | None]]:
    """Each `sys.path` entry with its stat (None when there is none): while all are unchanged,
    so are the `*.dist-info` names `installed_version` reads there."""
    stats: list[tuple[str, Stat | None]] = []
    for entry in sys.path:
        try:
            stats.append((entry, _stat(entry or ".")))
        except OSError:
            stats.append((entry, None))
    return stats


def _walk_folder(folder: str, stats: dict[str, Stat], files: set[str]) -> None:
    """Add the stat of `folder` and of every folder under it (bytecode caches aside) to
    `stats`, and the files listed there to `files`. Each folder is stat-ed before it is
    listed: a file added after the listing moves the folder's mtime past the recorded one."""
    pending = [folder]
    while pending:
        current = pending.pop()
        stats[current] = _stat(current)
        with os.scandir(current) as entries:
            for entry in entries:
                if not entry.is_dir():
                    files.add(entry.path)
                elif entry.name != "__pycache__" and not entry.is_symlink():
                    pending.append(entry.path)


def remember(root: str, folders: list[str], files: dict[str, str], hashes: FileHashes) -> None:
    """Save what a confirmed check rested on: the input `folders` it listed or looked for, and
    the stats `hashes` took of `files` (inputs and outputs, by path) before giving their sha256.
    A failure to write, or a folder whose files changed meanwhile, only costs time."""
    stats: dict[str, Stat] = {}
    shas: list[str | None] = []
    for path, sha in files.items():
        known = hashes.known(path)
        if known is None or known[4] != sha:
            return
        stats[path] = known[:4]
        shas.append(sha)
    listed: set[str] = set()
    absent: list[str] = []
    try:
        for folder in sorted(set(folders)):
            if os.path.isdir(folder):
                _walk_folder(folder, stats, listed)
            else:
                absent.append(folder)
    except OSError:
        return
    if not listed <= files.keys():
        return
    shas += [None] * (len(stats) - len(shas))  # the folders': a changed folder is not hashed
    record = {
        "format": _FORMAT,
        "root": root,
        "interpreter": _interpreter(),
        "packages": _packages(),
        "search_path": _search_path(),
        "absent": absent,
        "paths": tuple(stats),
        "hashes": tuple(shas),
    }
    _save(os.path.join(root, CACHE_DIR_NAME, QUICK_RECORD), record, list(stats.values()))


def _save(path: str, record: dict[str, object], stats: list[Stat]) -> None:
    record["stats"] = stats
    record["newest_ctime"] = max((stat[2] for stat in stats), default=0)
    cache_file.save(path, record)


def _same_environment(record: dict[object, object], saved_ns: int) -> bool:
    """Whether the versions the output depends on are the recorded ones: `sys.path` as it was
    (each entry's stat older than the record), else read again."""
    if record.get("interpreter") != _interpreter():
        return False
    search_path = _search_path()
    if record.get("search_path") == search_path and all(
        stat is None or stat[2] < saved_ns for _, stat in search_path
    ):
        return True
    return record.get("packages") == _packages()


def _hashes_agree(path: str, record: dict[str, object], now: list[Stat], saved_ns: int) -> bool:
    """The slower confirmation when some stat moved (a file touched, or written in the clock
    tick the record was saved in): each such file hashed again and compared with the record.
    The record is saved with the new stats when all agree, so the next check is quick again."""
    from generator.emit.file_hashes import sha256_file

    files, shas, stats = record.get("paths"), record.get("hashes"), record.get("stats")
    if type(files) is not tuple or type(shas) is not tuple or len(shas) != len(now):
        return False
    if type(stats) is not list or len(stats) != len(now):
        return False
    for file, sha, was, is_ in zip(files, shas, stats, now, strict=True):
        if was == is_ and is_[2] < saved_ns:
            continue
        if type(sha) is not str:
            return False
        try:
            if sha256_file(file) != sha:
                return False
        except OSError:
            return False
    _save(path, record, now)
    return True


def confirms_unchanged(start: str) -> bool:
    """True when the project around `start` is exactly as when its check last confirmed it."""
    root = find_project_root(start)
    if root is None:
        return False
    path = os.path.join(root, CACHE_DIR_NAME, QUICK_RECORD)
    try:
        saved_ns = os.stat(path).st_mtime_ns
    except OSError:
        return False
    record = cache_file.load(path)
    if not isinstance(record, dict) or record.get("format") != _FORMAT:
        return False
    paths, stats, newest = record.get("paths"), record.get("stats"), record.get("newest_ctime")
    if record.get("root") != root or type(paths) is not tuple or not paths:
        return False
    if not _same_environment(record, saved_ns):
        return False
    absent = record.get("absent")
    if type(absent) is not list or any(os.path.isdir(folder) for folder in absent):
        return False
    stat = os.stat
    try:  # one comprehension: an unchanged project's check is mostly these stat calls
        now = [(s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino) for s in map(stat, paths)]
    except (OSError, TypeError, ValueError):
        return False
    if now == stats and type(newest) is int and newest < saved_ns:
        return True
    return _hashes_agree(path, record, now, saved_ns)
