"""Python code as highlighted HTML for the site, through the standard tokenizer (code it
rejects is escaped and left plain)."""

from __future__ import annotations

import builtins
import io
import keyword
import tokenize

from generator.targets.site.highlight import span
from generator.templating import html

_BUILTINS = frozenset(dir(builtins))


def _offsets(code: str) -> list[int]:
    starts = [0]
    for line in code.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def highlight_python(code: str) -> str:
    starts = _offsets(code)
    out: list[str] = []
    position = 0
    previous = ""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return html(code)
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT, tokenize.INDENT):
            continue
        start = starts[token.start[0] - 1] + token.start[1]
        end = starts[token.end[0] - 1] + token.end[1]
        if start < position or end > len(code):
            continue
        kind = _kind(token, previous)
        out.append(html(code[position:start]))
        text = code[start:end]
        out.append(span(kind, text) if kind else html(text))
        position = end
        if token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
            previous = token.string
    out.append(html(code[position:]))
    return "".join(out)


def _kind(token: tokenize.TokenInfo, previous: str) -> str:
    if token.type == tokenize.COMMENT:
        return "com"
    if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_START", -1):
        return "str"
    if token.type == tokenize.NUMBER:
        return "num"
    if token.type == tokenize.NAME:
        if keyword.iskeyword(token.string):
            return "kw"
        if previous in ("def", "class"):
            return "def"
        if token.string in _BUILTINS:
            return "builtin"
        if token.string[:1].isupper():
            return "type"
    return ""
