"""Java code as highlighted HTML for the site, by a small scanner: comments, strings and
characters, numbers, keywords, annotations, and the name a `class` or `interface` introduces."""

from __future__ import annotations

import re

from generator.targets.java.naming import KEYWORDS
from generator.targets.site.highlight import span
from generator.templating import html

_TOKEN = re.compile(
    r"(?P<com>//[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<str>\"(?:[^\"\\\n]|\\.)*\"?|'(?:[^'\\\n]|\\.)*'?)"
    r"|(?P<num>\b(?:0[xXbB][0-9a-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)[lLfFdD]?\b)"
    r"|(?P<builtin>@[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<name>[A-Za-z_$][A-Za-z0-9_$]*)",
    re.DOTALL,
)
_LITERALS = frozenset(("true", "false", "null"))
_TYPES = frozenset(("boolean", "byte", "char", "double", "float", "int", "long", "short", "void"))
_DECLARING = frozenset(("class", "interface", "enum", "record"))


def highlight_java(code: str) -> str:
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
            member = gap.rstrip().endswith(".")  # `client.files().list`: no keyword there
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
    if name in _TYPES:
        return "type"
    return "kw" if name in KEYWORDS else ""
