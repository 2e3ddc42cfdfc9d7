"""YAML files read the fast way: libyaml's loader when PyYAML has it (as the generator's own
loader does), else PyYAML's pure-Python one; the same values either way. The pure-Python loader
takes about four times as long over the Extend spec, which several modules read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The document of the YAML file at `path` (safe tags only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
