"""What a target is: the one interface every stage reaches a language by.

A target (a folder under `targets/`, registered in `registry.py`) knows its settings and checks
them (names included), renders one API into files under its folder of the output, names the SDK
members of an API (methods, classes) for the diff, highlights its language in the HTML site and
packages what it generated for `sdkgen release`. The docs read what it renders through
`SdkSurface`, when the target documents its SDKs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from generator.ir.model import Api
from generator.ir.names import Name
from generator.load.guide import GuideSection
from generator.load.records import record
from generator.targets.docs.model import SdkSurface

Settings = Mapping[str, Any]
"""A target's table of the configuration (`[tool.sdkgen.apis.<api>.<target>]`)."""


@record
class Release:
    """What every target of one API is generated for."""

    sdk_version: str
    header: str
    """The one-line 'generated, do not edit' notice, without a comment marker. The same in
    every file and every release, so a spec change shows only where it changes the output."""
    provenance: str = ""
    """Which spec and generator made the files, said once (in the README) rather than in
    every file's header."""


@record
class TargetInput:
    """Everything a target renders one API from."""

    api: Api
    api_name: str
    spec: Path
    settings: Settings
    env: jinja2.Environment
    release: Release
    guide: tuple[GuideSection, ...] = ()
    """Hand-written sections the target's README (its guide) ends with, in order."""


@record
class SdkNames:
    """How a target's users reach each operation and named type of one API."""

    methods: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(HTTP method, path) -> the member users call, e.g. `client.files.retrieve`."""
    classes: Mapping[Name, str] = field(default_factory=dict)
    """Named type -> its class (or type) name."""


class TargetSdk(Protocol):
    """A target's rendering of one API: the files themselves."""

    @property
    def folder(self) -> str:
        """The target's folder in the API's output (`python`)."""
        ...

    @property
    def package(self) -> str:
        """What users install and import the SDK as."""
        ...

    @property
    def language(self) -> str:
        """The language's name in prose (`Python`)."""
        ...

    @property
    def protected(self) -> str:
        """The SDK's folder for hand-written code, relative to `folder` and ending in `/`
        (`extend_sdk/lib/`): the generator never renders, writes or deletes anything there."""
        ...

    def render(self) -> dict[str, str]:
        """The target's files, relative to its folder of the API's output."""
        ...


class DocumentedSdk(TargetSdk, SdkSurface, Protocol):
    """An SDK the docs document: its Markdown reference, its README guide, its HTML site."""


class ReleaseError(Exception):
    """A packaging step failed; the message says which and why."""


@record
class Packaged:
    """A target's SDK built, checked and test-installed, ready for its users' registry."""

    files: tuple[Path, ...]
    """The artefacts, in the folder the target was given."""
    version: str
    """The version the installed artefact reports."""
    installed: str
    """What the test installation proved, in a few words (`imported: pets_sdk 2.0.0`)."""
    publish: str
    """The command that publishes the files, to print before their paths."""


class Target(Protocol):
    @property
    def name(self) -> str:
        """The name in `targets = [...]`, which is also its folder of the API's output."""
        ...

    @property
    def setting_keys(self) -> tuple[str, ...]:
        """The keys of the target's settings table; the API table's other keys skip it."""
        ...

    def check_settings(self, api_name: str, spec: Path, settings: Settings) -> list[str]:
        """What is wrong with the target's settings for one API (messages), if anything:
        unknown keys, and names (the package's among them) its language or registry refuses."""
        ...

    def sdk(self, given: TargetInput) -> TargetSdk: ...

    def documented(self, sdk: TargetSdk) -> DocumentedSdk | None:
        """`sdk` (made by this target) as the docs read it; None when the target has no docs."""
        ...

    @property
    def code_blocks(self) -> tuple[str, ...]:
        """The Markdown fence infos of the target's language (`python`, `py`)."""
        ...

    def highlight(self, code: str) -> str:
        """Code of the target's language as escaped HTML, tokens in `<span class="tok-...">`."""
        ...

    def package(self, source: Path, dist: Path) -> Packaged:
        """Build the SDK generated into `source` into artefacts in `dist` (an empty folder),
        check them and install them somewhere throwaway; ReleaseError when a step fails."""
        ...

    def names(self, api: Api) -> SdkNames:
        """The members users call for each operation and named type, for the diff."""
        ...
