"""The SDK surface as the docs read it: what a target's views of resources, methods, arguments
and models must offer, whatever the language.

These are structural types (protocols): a target's own frozen view dataclasses satisfy them
without importing this module. Every string in them (names, annotations) is already in the
target's language; the docs only place them on pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from generator.ir.model import TypeNode

FIXED_PAGES = frozenset({"index", "models", "errors", "client", "guide", "changelog"})
"""Page names of the docs and the site that no resource's `module` may take."""


class ArgSurface(Protocol):
    """One argument of a method, as users pass it."""

    @property
    def name(self) -> str: ...
    @property
    def wire_name(self) -> str: ...
    @property
    def annotation(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def description(self) -> str: ...
    @property
    def where(self) -> str:
        """path, query, header, cookie, body, form, file or client_header."""
        ...

    @property
    def default_json(self) -> str | None: ...
    @property
    def type_node(self) -> TypeNode | None: ...


class PageSurface(Protocol):
    @property
    def style(self) -> str:
        """The IR's paging style the method walks (`page_token`, `offset`, ...)."""
        ...

    @property
    def item_annotation(self) -> str: ...


class PollSurface(Protocol):
    @property
    def status_field(self) -> str: ...
    @property
    def terminal(self) -> tuple[str, ...]: ...


class MethodSurface(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def http_method(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def positional(self) -> Sequence[ArgSurface]:
        """Arguments passed by position (path parameters)."""
        ...

    @property
    def keyword(self) -> Sequence[ArgSurface]:
        """Arguments passed by name: Python's keywords, the fields of a request object (a
        TypeScript object, a Go struct, a Java builder)."""
        ...

    @property
    def return_annotation(self) -> str: ...
    @property
    def response_kind(self) -> str:
        """What a successful call returns: json, binary, text or empty."""
        ...

    @property
    def returns_none(self) -> bool: ...
    @property
    def sync_return(self) -> str: ...
    @property
    def page(self) -> PageSurface | None: ...
    @property
    def poll(self) -> PollSurface | None: ...


class ResourceSurface(Protocol):
    @property
    def attribute(self) -> str:
        """How the client reaches the resource (`parse_runs`, `parseRuns`)."""
        ...

    @property
    def module(self) -> str:
        """A file-safe name of the resource: its docs page is `<module>.md`. None of
        FIXED_PAGES, and no Windows device name (`targets.files.portable_stem`)."""
        ...

    @property
    def methods(self) -> Sequence[MethodSurface]: ...


class FieldSurface(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def wire_name(self) -> str: ...
    @property
    def annotation(self) -> str: ...


class ModelSurface(Protocol):
    @property
    def class_name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def fields(self) -> Sequence[FieldSurface]: ...


class SurfaceOptions(Protocol):
    @property
    def header(self) -> str:
        """The one-line 'generated, do not edit' notice."""
        ...

    @property
    def sdk_version(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ErrorClass:
    """An exception of the SDK, for the errors page."""

    name: str
    when: str
    status: str
