"""What a target is: the one interface the pipeline, the docs and the diff reach a language by.

A target (a folder under `targets/`, registered in `registry.py`) reads its own settings table,
renders one API into files under its folder of the output, and names the SDK members of an API
(methods, classes) for the diff. The docs read what it renders through `SdkSurface`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from generator.ir.model import Api
from generator.ir.names import Name
from generator.targets.docs.model import SdkSurface

Settings = Mapping[str, Any]
"""A target's table of the configuration (`[tool.sdkgen.apis.<api>.<target>]`)."""


@dataclass(frozen=True, slots=True)
class Release:
    """What every target of one API is generated for."""

    sdk_version: str
    header: str
    """The one-line 'generated, do not edit' notice, without a comment marker. The same in
    every file and every release, so a spec change shows only where it changes the output."""
    provenance: str = ""
    """Which spec and generator made the files, said once (in the README) rather than in
    every file's header."""


@dataclass(frozen=True, slots=True)
class TargetInput:
    """Everything a target renders one API from."""

    api: Api
    api_name: str
    spec: Path
    settings: Settings
    env: jinja2.Environment
    release: Release


@dataclass(frozen=True, slots=True)
class SdkNames:
    """How a target's users reach each operation and named type of one API."""

    methods: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(HTTP method, path) -> the member users call, e.g. `client.files.retrieve`."""
    classes: Mapping[Name, str] = field(default_factory=dict)
    """Named type -> its class (or type) name."""


class TargetSdk(SdkSurface, Protocol):
    """A target's rendering of one API: the docs' surface, and the files themselves."""

    @property
    def package(self) -> str:
        """What users install and import the SDK as."""
        ...

    @property
    def language(self) -> str:
        """The language's name in prose (`Python`)."""
        ...

    def render(self) -> dict[str, str]:
        """The target's files, relative to its folder of the API's output."""
        ...


class Target(Protocol):
    @property
    def name(self) -> str:
        """The name in `targets = [...]`, which is also its folder of the API's output."""
        ...

    def check_settings(self, api_name: str, spec: Path, settings: Settings) -> list[str]:
        """What is wrong with the target's settings for one API (messages), if anything."""
        ...

    def sdk(self, given: TargetInput) -> TargetSdk: ...

    def names(self, api: Api) -> SdkNames:
        """The members users call for each operation and named type, for the diff."""
        ...
