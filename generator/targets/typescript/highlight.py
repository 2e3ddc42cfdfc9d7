"""TypeScript's token table for the site's scanner (`site/tokens.py`): comments, strings
(template literals whole), numbers, keywords, the names a declaration introduces, types and the
platform's globals. Regular expression literals are not told from division; the docs' examples
write none."""

from __future__ import annotations

import re

from generator.targets.site.tokens import TokenTable

_TOKEN = re.compile(
    r"(?P<com>//[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<str>'(?:[^'\\\n]|\\.)*'?|\"(?:[^\"\\\n]|\\.)*\"?|`(?:[^`\\]|\\.)*`?)"
    r"|(?P<num>\b(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)n?\b)"
    r"|(?P<name>[A-Za-z_$][A-Za-z0-9_$]*)",
    re.DOTALL,
)
_KEYWORDS = frozenset((
    "abstract", "as", "async", "await", "break", "case", "catch", "class", "const", "continue",
    "debugger", "declare", "default", "delete", "do", "else", "enum", "export", "extends",
    "finally", "for", "from", "function", "if", "implements", "import", "in", "instanceof",
    "interface", "keyof", "let", "new", "of", "private", "protected", "public", "readonly",
    "return", "satisfies", "static", "super", "switch", "this", "throw", "try", "type",
    "typeof", "var", "void", "while", "with", "yield",
))  # fmt: skip
_PRIMITIVES = frozenset((
    "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown",
))  # fmt: skip
_GLOBALS = frozenset((
    "AbortController", "AbortSignal", "Array", "ArrayBuffer", "Blob", "Boolean", "Date",
    "Error", "File", "FormData", "Headers", "JSON", "Map", "Math", "Number", "Object",
    "Promise", "ReadableStream", "Request", "Response", "Set", "String", "Symbol",
    "TextDecoder", "TextEncoder", "URL", "URLSearchParams", "Uint8Array", "clearTimeout",
    "console", "crypto", "fetch", "process", "setTimeout",
))  # fmt: skip

TYPESCRIPT_TOKENS = TokenTable(
    pattern=_TOKEN,
    keywords=_KEYWORDS,
    literals=frozenset(("true", "false", "null", "undefined", "NaN", "Infinity")),
    types=_PRIMITIVES,
    declaring=frozenset(("class", "enum", "function", "interface", "type")),
    builtins=_GLOBALS,
    capitalised_types=True,
)
