"""The scanner the site highlights C-like languages with (Go, Java, TypeScript): a target gives
its token table, this walks the code once and classes each token.

The table's pattern has the groups `com`, `str`, `num` and `name` (and, if the language has
them, `builtin`: annotations and the like, classed as they are matched). A name is classed by
the word before it and the table's sets; a name after a `.` is a member, left plain, so
`client.files.delete` shows no keyword.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.targets.site.highlight import span
from generator.templating import html


@dataclass(frozen=True, slots=True)
class TokenTable:
    """What one language's tokens are, for `highlight_tokens`."""

    pattern: re.Pattern[str]
    keywords: frozenset[str]
    literals: frozenset[str]
    """Words classed `lit` (`true`, `nil`)."""
    types: frozenset[str]
    """Predeclared type names, classed `type` before the keywords are (Java's `int`)."""
    declaring: frozenset[str]
    """Keywords whose next name is a declaration, classed `def` (`func`, `class`)."""
    builtins: frozenset[str] = frozenset()
    capitalised_types: bool = False
    """Whether any other capitalised name is a type (TypeScript's convention)."""

    def name_kind(self, name: str, previous: str) -> str:
        """The class of a name that is not a member, after the word `previous`."""
        if previous in self.declaring and name not in self.keywords:
            return "def"
        if name in self.literals:
            return "lit"
        if name in self.types:
            return "type"
        if name in self.keywords:
            return "kw"
        if name in self.builtins:
            return "builtin"
        return "type" if self.capitalised_types and name[:1].isupper() else ""


def highlight_tokens(code: str, table: TokenTable) -> str:
    """`code` as escaped HTML, each token the table knows in a classed `<span>`."""
    out: list[str] = []
    position = 0
    previous = ""
    for match in table.pattern.finditer(code):
        kind = match.lastgroup or ""
        text = match.group(0)
        gap = code[position : match.start()]
        if gap.strip():  # punctuation between: `function (` declares nothing by name
            previous = ""
        if kind == "name":
            member = gap.rstrip().endswith(".")
            kind = "" if member else table.name_kind(text, previous)
        previous = text if match.lastgroup == "name" else ""
        out.append(html(gap))
        out.append(span(kind, text) if kind else html(text))
        position = match.end()
    out.append(html(code[position:]))
    return "".join(out)
