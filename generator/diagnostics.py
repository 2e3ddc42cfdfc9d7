"""Diagnostics are data: every problem found in an input is collected, never raised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in an input: a stable code, where it is and what is wrong."""

    code: str
    message: str
    pointer: str = ""
    file: str | None = None
    line: int | None = None
    severity: Severity = Severity.ERROR

    def location(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            return f"{where}:{self.line}#{self.pointer}"
        return f"{where}#{self.pointer}" if self.pointer else where

    def render(self) -> str:
        return f"{self.location()}: {self.severity.value} [{self.code}] {self.message}"


def collapse_repeats(diagnostics: Sequence[Diagnostic]) -> list[tuple[Diagnostic, int]]:
    """Each distinct warning once, with how many other places say exactly the same (one schema
    reached through several references is found at each of them), in first-seen order. Every
    error keeps its own line: each place needs fixing."""
    counts: dict[tuple[object, ...], int] = {}
    first: dict[tuple[object, ...], Diagnostic] = {}
    for diagnostic in diagnostics:
        key: tuple[object, ...] = (diagnostic.code, diagnostic.message, diagnostic.file)
        if diagnostic.severity is Severity.ERROR:
            key = (diagnostic,)
        first.setdefault(key, diagnostic)
        counts[key] = counts.get(key, 0) + 1
    return [(first[key], count - 1) for key, count in counts.items()]


def has_errors(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def escape_pointer_token(token: str | int) -> str:
    text = str(token)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def join_pointer(base: str, *tokens: str | int) -> str:
    """`base` extended by `tokens`, each escaped (only a token with `~` or `/` needs it).
    The escape is written out here: a big document's IR joins pointers by the ten thousand."""
    for token in tokens:
        text = token if type(token) is str else str(token)
        if "~" in text or "/" in text:
            text = text.replace("~", "~0").replace("/", "~1")
        base += "/" + text
    return base


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.lstrip("#").split("/")[1:]]


def resolve_pointer(document: Any, pointer: str) -> tuple[bool, Any]:
    """(found, the node `pointer` names in `document`)."""
    node = document
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, None
    return True, node
