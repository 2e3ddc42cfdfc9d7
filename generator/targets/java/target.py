"""The Java target as the registry sees it: its settings, its SDK, its names for the diff.

Settings live under `[tool.sdkgen.apis.<api>.java]`:

    package = "ai.extend"             # the root Java package
    group_id = "ai.extend"            # the Maven coordinates
    artifact_id = "extend-java-sdk"
    client = "ExtendClient"           # the client class (`AsyncExtendClient` beside it)
    token_env = "EXTEND_API_KEY"      # where the client reads its token when none is passed

Defaults come from the API's name: `spotify` gives `com.example.spotify`, `com.example`,
`spotify-java-sdk`, `SpotifyClient`, `SPOTIFY_API_KEY`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.ir.names import Name

if TYPE_CHECKING:
    from generator.ir.model import Api
    from generator.load.guide import GuideSection
    from generator.targets.base import Packaged, SdkNames, Settings, TargetInput, TargetSdk
    from generator.targets.java.render import JavaOptions, JavaRenderer

SETTING_KEYS = ("package", "group_id", "artifact_id", "client", "token_env")
_PACKAGE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_ARTIFACT = re.compile(r"^[A-Za-z0-9_.-]+$")
_CLASS = re.compile(r"^[A-Z][A-Za-z0-9]*$")


@dataclass(frozen=True, slots=True)
class JavaSettings:
    package: str
    group_id: str
    artifact_id: str
    client: str
    token_env: str | None


def java_settings(api_name: str, settings: Settings) -> JavaSettings:
    base = Name.parse(api_name)
    word = "".join(base.words) or "api"
    if word[0].isdigit():
        word = "api" + word
    token_env = settings.get("token_env", f"{base.snake().upper()}_API_KEY" if base.words else None)
    return JavaSettings(
        package=str(settings.get("package", f"com.example.{word}")),
        group_id=str(settings.get("group_id", "com.example")),
        artifact_id=str(settings.get("artifact_id", f"{base.kebab() or 'api'}-java-sdk")),
        client=str(settings.get("client", f"{base.pascal() or 'Api'}Client")),
        token_env=None if token_env is None else str(token_env),
    )


def java_options(
    api_name: str,
    settings: Settings,
    version: str,
    header: str,
    provenance: str = "",
    guide: tuple[GuideSection, ...] = (),
) -> JavaOptions:
    from generator.targets.java.render import JavaOptions

    resolved = java_settings(api_name, settings)
    return JavaOptions(
        resolved.package,
        resolved.client,
        resolved.group_id,
        resolved.artifact_id,
        resolved.token_env,
        version,
        header,
        provenance,
        guide,
    )


class JavaTarget:
    """Java 11 libraries on java.net.http, with Jackson databind as the only dependency."""

    name = "java"
    setting_keys = SETTING_KEYS
    code_blocks = ("java",)

    def check_settings(self, api_name: str, spec: Path, settings: Settings) -> list[str]:
        from generator.targets.java.naming import KEYWORDS, RESERVED_CLASSES

        problems = [
            f"unknown setting {key!r} (known: {', '.join(SETTING_KEYS)})"
            for key in sorted(settings)
            if key not in SETTING_KEYS
        ]
        resolved = java_settings(api_name, settings)
        for key in ("package", "group_id"):
            value = getattr(resolved, key)
            if not _PACKAGE.match(value) or set(value.split(".")) & KEYWORDS:
                problems.append(f"{value!r} is not a Java package name ({key})")
        if not _ARTIFACT.match(resolved.artifact_id):
            problems.append(f"{resolved.artifact_id!r} is not a Maven artifact id")
        if not _CLASS.match(resolved.client) or resolved.client in RESERVED_CLASSES:
            problems.append(f"{resolved.client!r} is not a class name the SDK can use (client)")
        return problems

    def sdk(self, given: TargetInput) -> JavaRenderer:
        from generator.targets.java.render import JavaRenderer

        release = given.release
        options = java_options(
            given.api_name,
            given.settings,
            release.sdk_version,
            release.header,
            release.provenance,
            given.guide,
        )
        return JavaRenderer(given.api, options, given.env)

    def documented(self, sdk: TargetSdk) -> JavaRenderer | None:
        from generator.targets.java.render import JavaRenderer

        return sdk if isinstance(sdk, JavaRenderer) else None

    def highlight(self, code: str) -> str:
        from generator.targets.java.highlight import JAVA_TOKENS
        from generator.targets.site.tokens import highlight_tokens

        return highlight_tokens(code, JAVA_TOKENS)

    def package(self, source: Path, dist: Path) -> Packaged:
        from generator.targets.java.package import package_java

        return package_java(source, dist)

    def names(self, api: Api) -> SdkNames:
        from generator.targets.base import SdkNames
        from generator.targets.java.render import JavaRenderer
        from generator.templating import environment

        options = java_options("api", {}, "0", "")
        renderer = JavaRenderer(api, options, environment())
        methods: dict[tuple[str, str], str] = {}
        for resource in renderer.resources:
            for method in resource.methods:
                op = method.operation
                methods[(op.method, op.path)] = f"client.{resource.accessor}().{method.name}"
        for method in renderer.root_methods:
            methods[(method.operation.method, method.operation.path)] = f"client.{method.name}"
        return SdkNames(methods, dict(renderer.type_names))


TARGET = JavaTarget()
