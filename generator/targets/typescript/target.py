"""The TypeScript target as the registry sees it: its settings, its SDK, its names for the diff.

Settings live under `[tool.sdkgen.apis.<api>.typescript]`:

    package = "extend-sdk"       # the npm package name
    client = "ExtendClient"      # the client class
    token_env = "EXTEND_API_KEY" # where the client reads its token when none is passed
    license = "MIT"              # package.json's license: an SPDX expression (default UNLICENSED)

Defaults come from the API's name: `spotify` gives `spotify-sdk`, `SpotifyClient`,
`SPOTIFY_API_KEY`; the licence defaults to `UNLICENSED` (npm's word for "no licence granted":
set yours). Rendering modules load on first use, so reading the configuration stays cheap.
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
    from generator.targets.typescript.render import TypescriptRenderer

SETTING_KEYS = ("package", "client", "token_env", "license")
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
_NPM_NAME = re.compile(r"^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$")


@dataclass(frozen=True, slots=True)
class TypescriptSettings:
    package: str
    client_class: str
    token_env: str | None
    license: str


def typescript_settings(api_name: str, settings: Settings) -> TypescriptSettings:
    base = Name.parse(api_name)
    kebab = base.kebab() or "api"
    client = base.pascal() or "Api"
    if client[0].isdigit():
        client = "Api" + client
    token_env = settings.get("token_env", f"{base.snake().upper()}_API_KEY" if base.words else None)
    return TypescriptSettings(
        package=str(settings.get("package", f"{kebab}-sdk")),
        client_class=str(settings.get("client", f"{client}Client")),
        token_env=None if token_env is None else str(token_env),
        license=str(settings.get("license", "UNLICENSED")),
    )


class TypescriptTarget:
    """TypeScript SDKs on the platform's fetch: ESM, typed, no runtime dependencies."""

    name = "typescript"
    setting_keys = SETTING_KEYS
    code_blocks = ("ts", "typescript")

    def check_settings(self, api_name: str, spec: Path, settings: Settings) -> list[str]:
        problems = [
            f"unknown setting {key!r} (known: {', '.join(SETTING_KEYS)})"
            for key in sorted(settings)
            if key not in SETTING_KEYS
        ]
        resolved = typescript_settings(api_name, settings)
        if not _IDENTIFIER.match(resolved.client_class):
            problems.append(f"{resolved.client_class!r} is not a TypeScript identifier")
        if not _NPM_NAME.match(resolved.package) or len(resolved.package) > 214:
            problems.append(f"{resolved.package!r} is not a valid npm package name")
        return problems

    def sdk(self, given: TargetInput) -> TypescriptRenderer:
        from generator.targets.typescript.render import TypescriptOptions, TypescriptRenderer

        settings = typescript_settings(given.api_name, given.settings)
        options = TypescriptOptions(
            package=settings.package,
            client_class=settings.client_class,
            token_env=settings.token_env,
            license=settings.license,
            sdk_version=given.release.sdk_version,
            header=given.release.header,
            provenance=given.release.provenance,
            guide=given.guide,
        )
        return TypescriptRenderer(given.api, options, given.env)

    def documented(self, sdk: TargetSdk) -> TypescriptRenderer | None:
        from generator.targets.typescript.render import TypescriptRenderer

        return sdk if isinstance(sdk, TypescriptRenderer) else None

    def highlight(self, code: str) -> str:
        from generator.targets.site.tokens import highlight_tokens
        from generator.targets.typescript.highlight import TYPESCRIPT_TOKENS

        return highlight_tokens(code, TYPESCRIPT_TOKENS)

    def package(self, source: Path, dist: Path) -> Packaged:
        from generator.targets.typescript.package import package_typescript

        return package_typescript(source, dist)

    def names(self, api: Api) -> SdkNames:
        from generator.targets.base import SdkNames
        from generator.targets.typescript.render import TypescriptOptions, TypescriptRenderer
        from generator.templating import environment

        renderer = TypescriptRenderer(
            api, TypescriptOptions("sdk", "Client", None, "0", ""), environment()
        )
        methods: dict[tuple[str, str], str] = {}
        for resource, view in zip(api.resources, renderer.resource_views, strict=True):
            for op, method in zip(resource.operations, view.methods, strict=True):
                methods[(op.method, op.path)] = f"client.{view.attribute}.{method.name}"
        for op, method in zip(api.root_operations, renderer.root_view.methods, strict=True):
            methods[(op.method, op.path)] = f"client.{method.name}"
        return SdkNames(methods, dict(renderer.class_names))


TARGET = TypescriptTarget()
