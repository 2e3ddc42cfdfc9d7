"""Go's token table for the site's scanner (`site/tokens.py`): comments, strings (raw ones
whole), runes, numbers, keywords, predeclared types and functions, and the name a `func` or
`type` introduces."""

from __future__ import annotations

import re

from generator.targets.go.naming import KEYWORDS
from generator.targets.site.tokens import TokenTable

GO_TOKENS = TokenTable(
    pattern=re.compile(
        r"(?P<com>//[^\n]*|/\*.*?(?:\*/|\Z))"
        r"|(?P<str>\"(?:[^\"\\\n]|\\.)*\"?|`[^`]*`?|'(?:[^'\\\n]|\\.)*'?)"
        r"|(?P<num>\b(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)i?\b)"
        r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)",
        re.DOTALL,
    ),
    keywords=KEYWORDS,
    literals=frozenset(("true", "false", "nil", "iota")),
    types=frozenset(
        (
            "any",
            "bool",
            "byte",
            "comparable",
            "complex64",
            "complex128",
            "error",
            "float32",
            "float64",
            "int",
            "int8",
            "int16",
            "int32",
            "int64",
            "rune",
            "string",
            "uint",
            "uint8",
            "uint16",
            "uint32",
            "uint64",
            "uintptr",
        )
    ),
    declaring=frozenset(("func", "type")),
    builtins=frozenset(
        (
            "append",
            "cap",
            "close",
            "copy",
            "delete",
            "len",
            "make",
            "new",
            "panic",
            "print",
            "println",
            "recover",
        )
    ),
)
