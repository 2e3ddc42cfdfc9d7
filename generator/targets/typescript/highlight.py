"""TypeScript code as highlighted HTML for the site, by a small scanner: comments, strings
(template literals whole), numbers, keywords, the names a declaration introduces, types and the
platform's globals. Regular expression literals are not told from division; the docs' examples
write none."""

from __future__ import annotations

import re

from generator.targets.site.highlight import span
from generator.templating import html

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
_LITERALS = frozenset(("true", "false", "null", "undefined", "NaN", "Infinity"))
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
_DECLARING = frozenset(("class", "enum", "function", "interface", "type"))


def highlight_typescript(code: str) -> str:
    out: list[str] = []
    position = 0
    previous = ""
    for match in _TOKEN.finditer(code):
        kind = match.lastgroup or ""
        text = match.group(0)
        gap = code[position : match.start()]
        if gap.strip():  # punctuation: `function (` declares nothing by name
            previous = ""
        if kind == "name":
            member = gap.rstrip().endswith(".")  # `client.files.delete`: no keyword there
            kind = "" if member else _name_kind(text, previous)
        previous = text if match.lastgroup == "name" else ""
        out.append(html(gap))
        out.append(span(kind, text) if kind else html(text))
        position = match.end()
    out.append(html(code[position:]))
    return "".join(out)


def _name_kind(name: str, previous: str) -> str:
    if previous in _DECLARING and name not in _KEYWORDS:
        return "def"
    if name in _LITERALS:
        return "lit"
    if name in _KEYWORDS:
        return "kw"
    if name in _GLOBALS:
        return "builtin"
    if name in _PRIMITIVES or name[:1].isupper():
        return "type"
    return ""
