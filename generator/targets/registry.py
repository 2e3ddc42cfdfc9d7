"""The one registration point of targets: a name, and the module that provides it.

A target module exposes `TARGET`, an object implementing `targets.base.Target`. Modules load
by name on first use, so nothing shared imports a target (and `check` loads none it does not
need). Adding a language is a folder under `targets/` and `templates/` and a line here; a target
living elsewhere (a plugin, a test's) is added at run time with `register_target`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the registry itself stays light: `check` reads it without loading targets
    from generator.targets.base import Target

TARGET_MODULES: dict[str, str] = {
    "python": "generator.targets.python.target",
    "typescript": "generator.targets.typescript.target",
    "go": "generator.targets.go.target",
    "java": "generator.targets.java.target",
}
LANGUAGE_DEFAULT = ("python",)
"""The targets of an API whose configuration names none."""
_registered: dict[str, str] = {}
"""Targets added at run time, after the built-in ones."""


def register_target(name: str, module: str) -> None:
    """Make the target `module.TARGET` known as `name` (for `targets = [...]`, `--target`)."""
    if name in TARGET_MODULES or _registered.get(name, module) != module:
        raise ValueError(f"a target named {name!r} is already registered")
    _registered[name] = module


def unregister_target(name: str) -> None:
    """Forget a target added with `register_target` (the built-in ones stay)."""
    del _registered[name]


def target_names() -> tuple[str, ...]:
    return (*TARGET_MODULES, *_registered)


def get_target(name: str) -> Target:
    """The registered target `name`; KeyError when there is none."""
    module = importlib.import_module(TARGET_MODULES.get(name) or _registered[name])
    target: Target = module.TARGET
    return target


def target_for_code_block(info: str) -> Target | None:
    """The registered target whose language a Markdown fence's info names, if any."""
    for name in target_names():
        target = get_target(name)
        if info in target.code_blocks:
            return target
    return None
