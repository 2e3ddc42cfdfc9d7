"""File and folder names every target may write: ones Windows can create too.

Windows reserves device names (`con`, `prn`, `aux`, `nul`, `com0`-`com9`, `lpt0`-`lpt9`, and a
few more) in every folder, with any extension and in any case: a repository holding
`resources/con.py` cannot be checked out there, nor a wheel holding it installed. Names made
from a spec (resources, say) go through `portable_stem`. Imports nothing: the targets' settings
checks use it before anything heavy loads.
"""

from __future__ import annotations

_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in "0123456789\u00b9\u00b2\u00b3"}
)


def is_device_name(name: str) -> bool:
    """Whether Windows reserves a file or folder name for a device (`con`, `aux`, `nul`,
    `com1`, `lpt9`, in any case, with or without an extension, trailing dots and spaces)."""
    return name.split(".")[0].rstrip(" .").lower() in _DEVICE_NAMES


def portable_stem(stem: str) -> str:
    """A file or folder name's stem that every OS can create: a Windows device name gets an
    underscore (`con` -> `con_`), so the package checks out and installs on Windows."""
    return stem + "_" if is_device_name(stem) else stem
