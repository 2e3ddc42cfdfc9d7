"""The project configuration: which APIs to generate, from which specs, into which packages.

It lives in `[tool.sdkgen]` of the project's pyproject.toml:

    [tool.sdkgen]
    output = "output"

    [tool.sdkgen.apis.extend]
    specs = "specs/extend"
    current = "2026-02-09"
    package = "extend_sdk"
    client = "Extend"
    async_client = "AsyncExtend"
    token_env = "EXTEND_API_KEY"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir.names import Name
from generator.templating import TEMPLATES_DIR

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class ApiConfig:
    name: str
    spec: Path
    package: str
    client_class: str
    async_client_class: str
    token_env: str | None
    output: Path
    spec_label: str
    """How generated headers name the spec: its path relative to the project."""
    templates: Path = TEMPLATES_DIR
    versioned: bool = False
    """Whether the spec's folder holds the API's versions (the SDK's release history)."""


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    root: Path
    output: Path
    apis: tuple[ApiConfig, ...]


def find_project_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "[tool.sdkgen" in candidate.read_text(encoding="utf-8"):
            return folder
    return None


def default_api(spec: Path, output: Path, package: str | None) -> ApiConfig:
    """Settings for a spec generated on its own (`generate SPEC -o DIR`)."""
    package = package or f"{Name.parse(spec.stem).snake() or 'api'}_sdk"
    if not package.isidentifier():  # a spec named like `2026-02-09.yaml`
        package = f"api_{package}"
    base = Name.parse(package.removesuffix("_sdk")) if package else Name(("api",))
    client = base.pascal() or "Api"
    if client[0].isdigit():
        client = "Api" + client
    return ApiConfig(
        name=base.snake() or "api",
        spec=spec,
        package=package,
        client_class=client,
        async_client_class=f"Async{client}",
        token_env=f"{base.snake().upper()}_API_KEY" if base.words else None,
        output=output,
        spec_label=spec.name,
    )


def _current_spec(folder: Path, current: Any) -> Path | None:
    if isinstance(current, str):
        for suffix in SPEC_SUFFIXES:
            candidate = folder / f"{current}{suffix}"
            if candidate.is_file():
                return candidate
        return None
    versions = sorted(p for p in folder.iterdir() if p.suffix in SPEC_SUFFIXES)
    return versions[-1] if versions else None


def load_config(root: Path) -> tuple[ProjectConfig | None, list[Diagnostic]]:
    path = root / "pyproject.toml"
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        return None, [Diagnostic("config-unreadable", str(error), file=where)]
    section = data.get("tool", {}).get("sdkgen")
    if not isinstance(section, dict):
        return None, [Diagnostic("config-missing", "no [tool.sdkgen] section", file=where)]
    output = root / str(section.get("output", "output"))
    templates = root / str(section.get("templates", "templates"))
    if not templates.is_dir():
        templates = TEMPLATES_DIR
    apis: list[ApiConfig] = []
    problems: list[Diagnostic] = []
    for name, entry in sorted((section.get("apis") or {}).items()):
        pointer = f"/tool/sdkgen/apis/{name}"
        if not isinstance(entry, dict):
            problems.append(Diagnostic("config-invalid", "must be a table", pointer, where))
            continue
        folder = root / str(entry.get("specs", f"specs/{name}"))
        if not folder.is_dir():
            message = f"specs folder {folder} does not exist"
            problems.append(Diagnostic("config-invalid", message, pointer, where))
            continue
        spec = _current_spec(folder, entry.get("current"))
        if spec is None:
            message = f"no spec for version {entry.get('current')!r} in {folder}"
            problems.append(Diagnostic("config-invalid", message, pointer, where))
            continue
        defaults = default_api(spec, output / name, entry.get("package"))
        package = str(entry.get("package", defaults.package))
        client = str(entry.get("client", defaults.client_class))
        for value in (package, client):
            if not _IDENTIFIER.match(value):
                message = f"{value!r} is not a Python identifier"
                problems.append(Diagnostic("config-invalid", message, pointer, where))
        apis.append(
            ApiConfig(
                name=name,
                spec=spec,
                package=package,
                client_class=client,
                async_client_class=str(entry.get("async_client", f"Async{client}")),
                token_env=entry.get("token_env", defaults.token_env),
                output=output / name,
                spec_label=spec.relative_to(root).as_posix(),
                templates=templates,
                versioned=True,
            )
        )
    return ProjectConfig(root, output, tuple(apis)), problems
