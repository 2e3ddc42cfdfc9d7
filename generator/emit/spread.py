"""Asks the file system to place a new tree's folders away from recently emptied ground.

On ext4 without a journal (this machine's disk), each inode allocation in a block group steps
over every inode of the group freed in the last minute or more (ext4 will not reuse them yet),
reading each one's table entry. A new file takes its inode in its folder's group, and a new
folder, unless its parent is the top of a hierarchy, in its parent's group. So a tree written
where the previous one was just deleted (each `generate` retires the old tree; a bench or a
build script deletes it first), or into a temporary folder other programs churn, pays for
every inode freed there: OpenAI's 600 files cost 0.3-0.6 s of system time to write, growing
with each run, 0.03-0.04 s once their folders were placed elsewhere.

The "top of directory hierarchy" attribute (`chattr +T`) on the staging folder makes ext4
place each of its subfolders in a block group with few folders (the Orlov allocator), whose
search starts from a hash of the subfolder's name; `run_name` gives each top-level folder a
name of this run's alone until it is written, so each run starts the search somewhere else
than the last one, whose inodes were just freed. Their files follow them.

The attribute is only a hint: elsewhere (another file system, another system) nothing is set
and nothing changes but two renames.
"""

from __future__ import annotations

import os
import secrets
import struct
import sys
from collections.abc import Collection
from pathlib import Path

TOP_OF_HIERARCHY = 0x00020000
"""FS_TOPDIR_FL, the inode attribute `chattr +T` sets."""


READS, WRITES = 2, 1
"""The direction bits of a Linux ioctl number (the caller reads, or writes, the argument)."""


def _attribute_ioctl(direction: int, number: int) -> int:
    """The number of the attribute ioctl `number` in Linux's generic encoding
    (`_IOR('f', number, long)` and `_IOW`), that of x86 and Arm; where an architecture encodes
    them otherwise the call fails and nothing is set."""
    return (direction << 30) | (struct.calcsize("l") << 16) | (ord("f") << 8) | number


GET_FLAGS = _attribute_ioctl(READS, 1)
"""FS_IOC_GETFLAGS: read the inode's attributes."""
SET_FLAGS = _attribute_ioctl(WRITES, 2)
"""FS_IOC_SETFLAGS: write them."""


def spread_subfolders(folder: Path) -> bool:
    """Mark `folder` (an existing folder this process made) as the top of a hierarchy, so the
    file system spreads its new subfolders. Returns whether the mark was set; a file system
    or system without the attribute leaves the folder as it was."""
    if not sys.platform.startswith("linux"):
        return False
    import array
    import fcntl

    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(handle, GET_FLAGS, flags, True)
        if flags[0] & TOP_OF_HIERARCHY:
            return True
        flags[0] |= TOP_OF_HIERARCHY
        fcntl.ioctl(handle, SET_FLAGS, flags, True)
        return True
    except OSError:
        return False
    finally:
        os.close(handle)


def run_name(name: str, taken: Collection[str]) -> str:
    """A name for folder `name` that is this run's alone, none of `taken`: under a folder
    marked the top of a hierarchy, ext4 starts its search for a block group from a hash of
    the new folder's name, so the same name would lead each run back to the group the last
    run's tree was just deleted from."""
    while True:
        candidate = f".{name}.{secrets.token_hex(6)}"
        if candidate not in taken:
            return candidate
