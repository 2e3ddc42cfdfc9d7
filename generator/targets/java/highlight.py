"""Java's token table for the site's scanner (`site/tokens.py`): comments, strings and
characters, numbers, keywords, annotations, and the name a `class` or `interface` introduces."""

from __future__ import annotations

import re

from generator.targets.java.naming import KEYWORDS
from generator.targets.site.tokens import TokenTable

JAVA_TOKENS = TokenTable(
    pattern=re.compile(
        r"(?P<com>//[^\n]*|/\*.*?(?:\*/|\Z))"
        r"|(?P<str>\"(?:[^\"\\\n]|\\.)*\"?|'(?:[^'\\\n]|\\.)*'?)"
        r"|(?P<num>\b(?:0[xXbB][0-9a-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)[lLfFdD]?\b)"
        r"|(?P<builtin>@[A-Za-z_][A-Za-z0-9_]*)"
        r"|(?P<name>[A-Za-z_$][A-Za-z0-9_$]*)",
        re.DOTALL,
    ),
    keywords=KEYWORDS,
    literals=frozenset(("true", "false", "null")),
    types=frozenset(("boolean", "byte", "char", "double", "float", "int", "long", "short", "void")),
    declaring=frozenset(("class", "interface", "enum", "record")),
)
