"""The project configuration: which APIs to generate, from which specs, with which targets.

It lives in `[tool.sdkgen]` of the project's pyproject.toml:

    [tool.sdkgen]
    output = "output"

    [tool.sdkgen.apis.extend]
    specs = "specs/extend"
    current = "2026-02-09"
    targets = ["python"]          # default: python

    [tool.sdkgen.apis.extend.python]
    package = "extend_sdk"

Each target reads its own table (`[tool.sdkgen.apis.<api>.<target>]`); plain keys directly under
the API's table are settings each target of the API that knows the key reads under its own (how
`package` and `client` were written before targets had tables, so such configurations keep
working). A plain key that some of the API's targets do not know is a warning; one that none of
them knows, like an unknown key in a target's table, is an error.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.emit.quick_check import find_project_root as project_root
from generator.ir.names import Name
from generator.load.guide import GUIDE_DIR
from generator.load.records import record
from generator.targets.registry import LANGUAGE_DEFAULT, get_target, target_names
from generator.templating import TEMPLATES_DIR

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
PATCHES_DIR = "patches"
"""The project's folder of saved hand edits of output/, beside pyproject.toml."""
_HTTP_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

API_KEYS = ("specs", "current", "targets", "docs_url", "webhook_signing", "idempotency_header")
"""The API table's own keys; other plain keys are settings of its targets."""
WEBHOOK_SIGNINGS = ("standard",)
"""What `webhook_signing` may choose over the spec's own description."""


@record
class ApiConfig:
    name: str
    spec: Path
    output: Path
    spec_label: str
    """How generated headers name the spec: its path relative to the project."""
    templates: Path = TEMPLATES_DIR
    versioned: bool = False
    """Whether the spec's folder holds the API's versions (the SDK's release history)."""
    targets: tuple[str, ...] = LANGUAGE_DEFAULT
    """The SDKs to generate, by target name; the first one's SDK is what the docs document."""
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)
    """Each target's settings (its table over the shared keys)."""
    source: str | None = None
    """The configuration file, for diagnostics about settings."""
    docs_url: str | None = None
    """Where the API's own documentation lives; relative links in descriptions resolve against
    it (default: the spec's `externalDocs.url`)."""
    webhook_signing: str | None = None
    """`standard`: webhook deliveries are signed the Standard Webhooks way, whatever the
    spec's `x-sdk-webhooks` says (default: as the spec says)."""
    idempotency_header: str | None = None
    """The header every non-idempotent call sends a generated idempotency key in, for an API
    whose spec does not declare it (Stripe's `Idempotency-Key`)."""
    guide: Path | None = None
    """The folder of hand-written sections of each SDK's guide (`patches/<api>/guide/`,
    `load/guide.py`); None for a lone spec."""

    def target_settings(self, target: str) -> Mapping[str, Any]:
        return self.settings.get(target, {})

    @property
    def pointer(self) -> str:
        return f"/tool/sdkgen/apis/{self.name}" if self.source else ""


@record
class ProjectConfig:
    root: Path
    output: Path
    apis: tuple[ApiConfig, ...]
    looked_for: tuple[Path, ...] = ()
    """Folders the configuration depends on besides pyproject.toml and the APIs' spec folders:
    specs/ (for folders no API names) and the project's templates folder, there or not."""


def find_project_root(start: Path) -> Path | None:
    """The nearest folder from `start` up whose pyproject.toml has a `[tool.sdkgen]` table."""
    found = project_root(str(start))
    return None if found is None else Path(found)


def default_api(
    spec: Path,
    output: Path,
    package: str | None = None,
    targets: tuple[str, ...] = LANGUAGE_DEFAULT,
) -> ApiConfig:
    """Settings for a spec generated on its own (`generate SPEC -o DIR [--package NAME]`).

    The API is named for the package when one is given (less a last word `sdk`), else for the
    spec's file; each target makes its own names from that (and checks `package` by its rule)."""
    words = Name.parse(package.rpartition("/")[2] if package else spec.stem).words
    if package and words[-1:] == ("sdk",):
        words = words[:-1]
    if not words or not words[0][0].isalpha():  # a spec named like `2026-02-09.yaml`
        words = ("api", *words)
    shared = {"package": package} if package else {}
    return ApiConfig(
        name=Name(words).snake(),
        spec=spec,
        output=output,
        spec_label=spec.name,
        targets=targets,
        settings={target: dict(shared) for target in targets},
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


def _newer_than_current(folder: Path, spec: Path, pointer: str, where: str) -> list[Diagnostic]:
    """A warning for each spec file of the folder that sorts after `current`: it is not
    generated until `current` names it."""
    newer = sorted(p for p in folder.iterdir() if p.suffix in SPEC_SUFFIXES and p.stem > spec.stem)
    return [
        Diagnostic(
            "spec-newer-than-current",
            f"{path.name} is newer than current ({spec.stem!r}) and is not generated; set "
            f"current = {path.stem!r} to generate and release it",
            f"{pointer}/current",
            where,
            severity=Severity.WARNING,
        )
        for path in newer
    ]


def _unconfigured_folders(root: Path, configured: set[Path], where: str) -> list[Diagnostic]:
    """A warning for each folder of `specs/` that holds specs but no API table names."""
    specs = root / "specs"
    if not specs.is_dir():
        return []
    problems: list[Diagnostic] = []
    for folder in sorted(p for p in specs.iterdir() if p.is_dir()):
        if folder.resolve() in configured:
            continue
        if not any(p.suffix in SPEC_SUFFIXES for p in folder.iterdir()):
            continue
        name = folder.name
        message = (
            f"specs/{name}/ is not generated: no [tool.sdkgen.apis.{name}] table names it; add "
            f'[tool.sdkgen.apis.{name}] with targets = ["python"] (and specs = "specs/{name}" '
            "if the table has another name) to pyproject.toml"
        )
        problems.append(
            Diagnostic(
                "specs-folder-unconfigured",
                message,
                f"/tool/sdkgen/apis/{name}",
                where,
                severity=Severity.WARNING,
            )
        )
    return problems


def _targets(entry: dict[str, Any]) -> tuple[tuple[str, ...], str | None]:
    """The API's targets, or why they are not a list of known target names."""
    value = entry.get("targets", list(LANGUAGE_DEFAULT))
    known = target_names()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return (), "targets must be a non-empty list of target names"
    unknown = [v for v in value if v not in known]
    if unknown:
        return (), f"unknown target {unknown[0]!r} (known: {', '.join(known)})"
    return tuple(dict.fromkeys(value)), None


def _shared_settings(
    shared: Mapping[str, Any], targets: tuple[str, ...], pointer: str, where: str
) -> tuple[dict[str, dict[str, Any]], list[Diagnostic]]:
    """Each target's share of the API table's plain keys: the keys it knows. A key some of the
    API's targets do not know is a warning, once; one that none knows is an error."""
    by_target: dict[str, dict[str, Any]] = {name: {} for name in targets}
    if not shared:  # nothing to share: no target module need load (`check` stays light)
        return by_target, []
    known = {name: get_target(name).setting_keys for name in targets}
    problems: list[Diagnostic] = []
    for key, value in sorted(shared.items()):
        users = [name for name in targets if key in known[name]]
        for name in users:
            by_target[name][key] = value
        skipping = [name for name in targets if name not in users]
        if not skipping:
            continue
        if users:
            only, ignoring = ", ".join(users), ", ".join(skipping)
            message = f"{key!r} is a setting of {only} only; ignored by {ignoring}"
            severity = Severity.WARNING
        else:
            settings = sorted({k for keys in known.values() for k in keys})
            message = f"unknown setting {key!r} (known: {', '.join(settings)})"
            severity = Severity.ERROR
        code = "config-setting-ignored" if users else "config-invalid"
        problems.append(Diagnostic(code, message, f"{pointer}/{key}", where, severity=severity))
    return by_target, problems


def _wrong_api_value(entry: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first API-level key whose value is wrong, with what is wrong, or None."""
    docs_url = entry.get("docs_url")
    if docs_url is not None and not (
        isinstance(docs_url, str) and docs_url.startswith(("https://", "http://"))
    ):
        return "docs_url", "docs_url must be an http or https URL"
    if entry.get("webhook_signing") not in (None, *WEBHOOK_SIGNINGS):
        return "webhook_signing", f"webhook_signing must be one of: {', '.join(WEBHOOK_SIGNINGS)}"
    header = entry.get("idempotency_header")
    if header is not None and not (isinstance(header, str) and _HTTP_TOKEN.match(header)):
        return "idempotency_header", "idempotency_header must be a header name (an HTTP token)"
    return None


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
    project_templates = root / str(section.get("templates", "templates"))
    templates = project_templates if project_templates.is_dir() else TEMPLATES_DIR
    apis: list[ApiConfig] = []
    problems: list[Diagnostic] = []
    configured: set[Path] = set()
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
        configured.add(folder.resolve())
        spec = _current_spec(folder, entry.get("current"))
        if spec is None:
            message = f"no spec for version {entry.get('current')!r} in {folder}"
            problems.append(Diagnostic("config-invalid", message, pointer, where))
            continue
        if isinstance(entry.get("current"), str):
            problems.extend(_newer_than_current(folder, spec, pointer, where))
        targets, wrong = _targets(entry)
        if wrong is not None:
            problems.append(Diagnostic("config-invalid", wrong, f"{pointer}/targets", where))
            continue
        wrong_value = _wrong_api_value(entry)
        if wrong_value is not None:
            key, message = wrong_value
            problems.append(Diagnostic("config-invalid", message, f"{pointer}/{key}", where))
            continue
        shared = {k: v for k, v in entry.items() if k not in API_KEYS and not isinstance(v, dict)}
        shared_by, unused = _shared_settings(shared, targets, pointer, where)
        problems.extend(unused)
        settings: dict[str, dict[str, Any]] = {}
        for target in targets:
            table = entry.get(target, {})
            if not isinstance(table, dict):
                message = "must be a table"
                problems.append(Diagnostic("config-invalid", message, f"{pointer}/{target}", where))
                table = {}
            settings[target] = {**shared_by[target], **table}
        apis.append(
            ApiConfig(
                name=name,
                spec=spec,
                output=output / name,
                spec_label=spec.relative_to(root).as_posix(),
                templates=templates,
                versioned=True,
                targets=targets,
                settings=settings,
                source=where,
                docs_url=entry.get("docs_url"),
                webhook_signing=entry.get("webhook_signing"),
                idempotency_header=entry.get("idempotency_header"),
                guide=root / PATCHES_DIR / name / GUIDE_DIR,
            )
        )
    problems.extend(_unconfigured_folders(root, configured, where))
    return ProjectConfig(root, output, tuple(apis), (root / "specs", project_templates)), problems
