"""Go code as highlighted HTML for the site, by a small scanner: comments, strings (raw ones
whole), runes, numbers, keywords, predeclared types and functions, and the name a `func` or
`type` introduces."""

from __future__ import annotations

import re

from generator.targets.go.naming import KEYWORDS
from generator.targets.site.highlight import span
from generator.templating import html

_TOKEN = re.compile(
    r"(?P<com>//[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<str>\"(?:[^\"\\\n]|\\.)*\"?|`[^`]*`?|'(?:[^'\\\n]|\\.)*'?)"
    r"|(?P<num>\b(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)i?\b)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)",
    re.DOTALL,
)
_LITERALS = frozenset(("true", "false", "nil", "iota"))
_TYPES = frozenset((
    "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32",
    "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8",
    "uint16", "uint32", "uint64", "uintptr",
))  # fmt: skip
_BUILTINS = frozenset((
    "append", "cap", "close", "copy", "delete", "len", "make", "new", "panic", "print",
    "println", "recover",
))  # fmt: skip
_DECLARING = frozenset(("func", "type"))


def highlight_go(code: str) -> str:
    out: list[str] = []
    position = 0
    previous = ""
    for match in _TOKEN.finditer(code):
        kind = match.lastgroup or ""
        text = match.group(0)
        gap = code[position : match.start()]
        if gap.strip():
            previous = ""
        if kind == "name":
            member = gap.rstrip().endswith(".")  # `client.Files.List`: no keyword there
            kind = "" if member else _name_kind(text, previous)
        previous = text if match.lastgroup == "name" else ""
        out.append(html(gap))
        out.append(span(kind, text) if kind else html(text))
        position = match.end()
    out.append(html(code[position:]))
    return "".join(out)


def _name_kind(name: str, previous: str) -> str:
    if previous in _DECLARING and name not in KEYWORDS:
        return "def"
    if name in _LITERALS:
        return "lit"
    if name in KEYWORDS:
        return "kw"
    if name in _BUILTINS:
        return "builtin"
    if name in _TYPES:
        return "type"
    return ""
