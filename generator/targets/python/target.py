"""The Python target as the registry sees it: its settings, its SDK, its names for the diff.

Settings live under `[tool.sdkgen.apis.<api>.python]`:

    package = "extend_sdk"        # the SDK's import name
    client = "Extend"             # sync client class
    async_client = "AsyncExtend"  # async client class (default: Async + client)
    token_env = "EXTEND_API_KEY"  # where the client reads its token when none is passed

The same keys directly under `[tool.sdkgen.apis.<api>]` are still read (the table wins).
Defaults come from the API's name (its configuration key; for a spec generated on its own, the
spec's file name): `spotify` gives `spotify_sdk`, `Spotify`/`AsyncSpotify`, `SPOTIFY_API_KEY`.
Rendering modules load on first use, so reading the configuration stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.ir.names import Name
from generator.targets.files import is_device_name

if TYPE_CHECKING:
    from generator.ir.model import Api
    from generator.targets.base import Packaged, SdkNames, Settings, TargetInput, TargetSdk
    from generator.targets.python.render import PythonRenderer

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
SETTING_KEYS = ("package", "client", "async_client", "token_env")


@dataclass(frozen=True, slots=True)
class PythonSettings:
    package: str
    client_class: str
    async_client_class: str
    token_env: str | None


def default_settings(api_name: str, package: str | None = None) -> PythonSettings:
    """Names for the SDK of the API `api_name`, from that name unless a package is given."""
    package = package or f"{Name.parse(api_name).snake() or 'api'}_sdk"
    if not package.isidentifier():  # a name like `2026-02-09`
        package = f"api_{package}"
    base = Name.parse(package.removesuffix("_sdk")) if package else Name(("api",))
    client = base.pascal() or "Api"
    if client[0].isdigit():
        client = "Api" + client
    return PythonSettings(
        package=package,
        client_class=client,
        async_client_class=f"Async{client}",
        token_env=f"{base.snake().upper()}_API_KEY" if base.words else None,
    )


def python_settings(api_name: str, settings: Settings) -> PythonSettings:
    """The settings of one API: its table over the defaults."""
    defaults = default_settings(api_name, _text(settings.get("package")))
    client = str(settings.get("client", defaults.client_class))
    token_env = settings.get("token_env", defaults.token_env)
    return PythonSettings(
        package=str(settings.get("package", defaults.package)),
        client_class=client,
        async_client_class=str(settings.get("async_client", f"Async{client}")),
        token_env=None if token_env is None else str(token_env),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


class PythonTarget:
    """Typed Python SDKs: sync and async clients on httpx, pydantic v2 models."""

    name = "python"
    setting_keys = SETTING_KEYS
    code_blocks = ("python", "py")

    def check_settings(self, api_name: str, spec: Path, settings: Settings) -> list[str]:
        problems = [
            f"unknown setting {key!r} (known: {', '.join(SETTING_KEYS)})"
            for key in sorted(settings)
            if key not in SETTING_KEYS
        ]
        resolved = python_settings(api_name, settings)
        for value in (resolved.package, resolved.client_class, resolved.async_client_class):
            if not _IDENTIFIER.match(value):
                problems.append(f"{value!r} is not a Python identifier")
        if is_device_name(resolved.package):
            problems.append(
                f"package {resolved.package!r} is a Windows device name: its folder could not be"
                " checked out or installed on Windows"
            )
        return problems

    def sdk(self, given: TargetInput) -> PythonRenderer:
        from generator.targets.python.render import PythonOptions, PythonRenderer

        settings = python_settings(given.api_name, given.settings)
        options = PythonOptions(
            package=settings.package,
            client_class=settings.client_class,
            async_client_class=settings.async_client_class,
            token_env=settings.token_env,
            sdk_version=given.release.sdk_version,
            header=given.release.header,
            provenance=given.release.provenance,
            guide=given.guide,
        )
        return PythonRenderer(given.api, options, given.env)

    def documented(self, sdk: TargetSdk) -> PythonRenderer | None:
        from generator.targets.python.render import PythonRenderer

        return sdk if isinstance(sdk, PythonRenderer) else None

    def highlight(self, code: str) -> str:
        from generator.targets.python.highlight import highlight_python

        return highlight_python(code)

    def package(self, source: Path, dist: Path) -> Packaged:
        from generator.targets.python.package import package_python

        return package_python(source, dist)

    def names(self, api: Api) -> SdkNames:
        from generator.targets.base import SdkNames
        from generator.targets.python.render import PythonOptions, PythonRenderer
        from generator.templating import environment

        options = PythonOptions("sdk", "Client", "AsyncClient", None, "0", "")
        renderer = PythonRenderer(api, options, environment())
        language = renderer.docs_language
        methods: dict[tuple[str, str], str] = {}
        for resource, view in zip(api.resources, renderer.resource_views, strict=True):
            for op, method in zip(resource.operations, view.methods, strict=True):
                methods[(op.method, op.path)] = language.qualified(view, method)
        for op, method in zip(api.root_operations, renderer.root_view.methods, strict=True):
            methods[(op.method, op.path)] = language.qualified(None, method)
        return SdkNames(methods, dict(renderer.class_names))


TARGET = PythonTarget()
