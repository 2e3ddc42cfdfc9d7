"""The one registration point of targets: a name, and the module that provides it.

A target module exposes `TARGET`, an object implementing `targets.base.Target`. Modules load
by name on first use, so nothing shared imports a target (and `check` loads none it does not
need). Adding a language is a folder under `targets/` and `templates/` and a line here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the registry itself stays light: `check` reads it without loading targets
    from generator.targets.base import Target

TARGET_MODULES: dict[str, str] = {
    "python": "generator.targets.python.target",
    "typescript": "generator.targets.typescript.target",
}
LANGUAGE_DEFAULT = ("python",)
"""The targets of an API whose configuration names none."""


def target_names() -> tuple[str, ...]:
    return tuple(TARGET_MODULES)


def get_target(name: str) -> Target:
    """The registered target `name`; KeyError when there is none."""
    module = importlib.import_module(TARGET_MODULES[name])
    target: Target = module.TARGET
    return target
