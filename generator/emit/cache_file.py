"""The project cache's own files (the stat memo, the quick check's record), in `marshal`'s
format: read back at the start of every `check`, where loading `json` (and the `re` it imports)
and decoding cost more than the rest of an unchanged project's check. For the same reason the
quick check's modules import nothing but `os`, `sys` and `marshal`, not even `typing` (a sixth
of an unchanged check). A file of another Python version's format, or damaged, reads as absent:
the caches may be deleted at will.
"""

from __future__ import annotations

import marshal
import os

TYPE_CHECKING = False  # typing's own constant, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def load(path: str) -> object | None:
    """The value saved at `path`; None when there is none or it cannot be read."""
    try:
        with open(path, "rb") as file:
            value: object = marshal.loads(file.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value


def save(path: str, value: Any) -> bool:
    """Write `value` (built-in types only) to `path` atomically; False when it could not be."""
    try:
        data = marshal.dumps(value)
    except ValueError:
        return False
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        return False
    return True
