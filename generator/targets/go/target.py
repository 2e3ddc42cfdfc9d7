"""The Go target as the registry sees it: its settings, its SDK, its names for the diff.

Settings live under `[tool.sdkgen.apis.<api>.go]`:

    module = "example.com/extend-go"  # the module path (go.mod), where it is published; from
                                      # SDK version 2.0.0 on, `/v2` (and so on) is appended
    package = "extend"                # the root package: types and request structs
    token_env = "EXTEND_API_KEY"      # where the client reads its token when none is passed

Defaults come from the API's name: `spotify` gives `example.com/spotify-go`, `spotify`,
`SPOTIFY_API_KEY`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.ir.names import Name

if TYPE_CHECKING:
    from generator.ir.model import Api
    from generator.targets.base import Packaged, SdkNames, Settings, TargetInput, TargetSdk
    from generator.targets.go.render import GoRenderer

SETTING_KEYS = ("module", "package", "token_env")
_MODULE = re.compile(r"^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(/[A-Za-z0-9._~-]+)+$")
_PACKAGE = re.compile(r"^[a-z][a-z0-9]*$")


@dataclass(frozen=True, slots=True)
class GoSettings:
    module: str
    package: str
    token_env: str | None


def go_settings(api_name: str, settings: Settings) -> GoSettings:
    base = Name.parse(api_name)
    package = "".join(base.words) or "api"
    if package[0].isdigit():
        package = "api" + package
    token_env = settings.get("token_env", f"{base.snake().upper()}_API_KEY" if base.words else None)
    return GoSettings(
        module=str(settings.get("module", f"example.com/{base.kebab() or 'api'}-go")),
        package=str(settings.get("package", package)),
        token_env=None if token_env is None else str(token_env),
    )


def versioned_module(module: str, sdk_version: str) -> str:
    """The module path a release of `sdk_version` is imported by: Go requires major versions 2
    and up to end the path in `/v<major>` (`example.com/extend-go/v2`), and the SDK's own
    imports follow it. A configured path that already ends in its major version is kept."""
    major = sdk_version.split(".", 1)[0]
    if not major.isdigit() or int(major) < 2:
        return module
    suffix = f"/v{int(major)}"
    return module if module.endswith(suffix) else re.sub(r"/v[0-9]+$", "", module) + suffix


class GoTarget:
    """Go modules on net/http: the standard library only, Go 1.19 or newer."""

    name = "go"
    setting_keys = SETTING_KEYS
    code_blocks = ("go", "golang")

    def check_settings(self, api_name: str, spec: Path, settings: Settings) -> list[str]:
        from generator.targets.go.naming import KEYWORDS

        problems = [
            f"unknown setting {key!r} (known: {', '.join(SETTING_KEYS)})"
            for key in sorted(settings)
            if key not in SETTING_KEYS
        ]
        resolved = go_settings(api_name, settings)
        if not _MODULE.match(resolved.module):
            problems.append(
                f"{resolved.module!r} is not a Go module path (a host with a dot, then a path)"
            )
        reserved = KEYWORDS | {"client", "option", "core"}
        if not _PACKAGE.match(resolved.package) or resolved.package in reserved:
            problems.append(f"{resolved.package!r} is not a Go package name the SDK can use")
        return problems

    def sdk(self, given: TargetInput) -> GoRenderer:
        from generator.targets.go.render import GoOptions, GoRenderer

        settings = go_settings(given.api_name, given.settings)
        options = GoOptions(
            module=versioned_module(settings.module, given.release.sdk_version),
            package=settings.package,
            token_env=settings.token_env,
            sdk_version=given.release.sdk_version,
            header=given.release.header,
            provenance=given.release.provenance,
            guide=given.guide,
        )
        return GoRenderer(given.api, options, given.env)

    def documented(self, sdk: TargetSdk) -> GoRenderer | None:
        from generator.targets.go.render import GoRenderer

        return sdk if isinstance(sdk, GoRenderer) else None

    def highlight(self, code: str) -> str:
        from generator.targets.go.highlight import GO_TOKENS
        from generator.targets.site.tokens import highlight_tokens

        return highlight_tokens(code, GO_TOKENS)

    def package(self, source: Path, dist: Path) -> Packaged:
        from generator.targets.go.package import package_go

        return package_go(source, dist)

    def names(self, api: Api) -> SdkNames:
        from generator.targets.base import SdkNames
        from generator.targets.go.render import GoOptions, GoRenderer
        from generator.templating import environment

        renderer = GoRenderer(
            api, GoOptions("example.com/sdk", "sdk", None, "0", ""), environment()
        )
        methods: dict[tuple[str, str], str] = {}
        for resource in renderer.resources:
            for method in resource.methods:
                op = method.operation
                methods[(op.method, op.path)] = f"client.{resource.attribute}.{method.name}"
        for method in renderer.root_methods:
            methods[(method.operation.method, method.operation.path)] = f"client.{method.name}"
        return SdkNames(methods, dict(renderer.type_names))


TARGET = GoTarget()
