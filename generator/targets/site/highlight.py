"""Syntax highlighting at build time: code in, escaped HTML with classed <span>s out.

Each target highlights its own language (`Target.highlight`, found by the fence's info among
the registered targets); JSON, which every API's docs show, goes through a small scanner here.
Anything else is escaped and left plain. No script runs in the page for this.
"""

from __future__ import annotations

import re

from generator.targets.registry import target_for_code_block
from generator.templating import html

_JSON_TOKEN = re.compile(
    r'(?P<key>"(?:[^"\\]|\\.)*")(?=\s*:)|(?P<str>"(?:[^"\\]|\\.)*")'
    r"|(?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<lit>\btrue\b|\bfalse\b|\bnull\b)"
)


def span(kind: str, text: str) -> str:
    """One token: its class is `tok-<kind>` (the site's stylesheet colours each kind)."""
    return f'<span class="tok-{kind}">{html(text)}</span>'


def highlight_json(code: str) -> str:
    out: list[str] = []
    position = 0
    for match in _JSON_TOKEN.finditer(code):
        out.append(html(code[position : match.start()]))
        kind = match.lastgroup or "str"
        out.append(span(kind, match.group(0)))
        position = match.end()
    out.append(html(code[position:]))
    return "".join(out)


def highlight(code: str, language: str) -> str:
    """Escaped, highlighted HTML for a fenced block's code."""
    if language == "json":
        return highlight_json(code)
    target = target_for_code_block(language) if language else None
    return target.highlight(code) if target is not None else html(code)
