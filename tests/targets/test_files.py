"""File names every OS can create: Windows device names are never written."""

from __future__ import annotations

import pytest

from generator.targets.files import is_device_name, portable_stem


@pytest.mark.parametrize(
    "name",
    ["con", "CON", "aux", "Nul", "prn", "com1", "COM9", "lpt9", "lpt1.txt", "con.py", "aux.tar.gz",
     "nul ", "con.", "com\u00b9", "conin$"],
)  # fmt: skip
def test_device_names(name: str) -> None:
    assert is_device_name(name)
    assert not is_device_name(portable_stem(name.split(".")[0]))


@pytest.mark.parametrize("name", ["console", "con_", "auxiliary", "com10", "lpt", "null", "x_con"])
def test_ordinary_names(name: str) -> None:
    assert not is_device_name(name)
    assert portable_stem(name) == name
