"""Go's names: exported (PascalCase with Go's initialisms, `ID`, `URL`), unexported, package
names, keywords, string literals and comments, and the column layout gofmt gives a struct."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from generator.ir.names import Name
from generator.targets.go.doc_comment import doc_comment

_GO_KEYWORDS = """break case chan const continue default defer else fallthrough for func go goto
if import interface map package range return select struct switch type var"""
_METHOD_LOCALS = """ctx request opts c r response err query header body parts run iter core option
context http url io time fmt errors call zero retrieve"""
KEYWORDS = frozenset(_GO_KEYWORDS.split())
LOCALS = frozenset(_METHOD_LOCALS.split())
"""Names the generated methods and files use themselves: a parameter may not take them."""
INITIALISMS = frozenset({"id", "url", "uri", "api", "http", "https", "json", "uuid", "html"})
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _word(word: str) -> str:
    return word.upper() if word in INITIALISMS else word[:1].upper() + word[1:]


def exported(name: Name, fallback: str = "Value") -> str:
    """An exported identifier: `next_page_url` -> `NextPageURL`."""
    text = "".join(_word(w) for w in name.words) or fallback
    return "X" + text if text[0].isdigit() else text


def method_name(name: Name) -> str:
    """A method's name, plain PascalCase as extend-go-sdk has it (`CreateBatch`)."""
    text = name.pascal() or "Call"
    return "X" + text if text[0].isdigit() else text


def unexported(name: Name, fallback: str = "value") -> str:
    """A parameter's name: `extractor_id` -> `extractorID`, never a keyword or a local."""
    words = name.words or (fallback,)
    first = words[0].lower() if words[0] in INITIALISMS else words[0]
    text = first + "".join(_word(w) for w in words[1:])
    if text[0].isdigit():
        text = "p" + text
    return text + "Param" if text in KEYWORDS or text in LOCALS else text


def package_name(name: Name) -> str:
    """A resource's package: its words run together in lower case (`extractruns`)."""
    text = "".join(name.words) or "resource"
    if text[0].isdigit():
        text = "r" + text
    return text + "api" if text in KEYWORDS else text


def go_string(text: str) -> str:
    """A Go interpreted string literal (JSON's escapes are Go's, but for `\\/`)."""
    return json.dumps(text, ensure_ascii=False).replace("\\/", "/")


def go_comment(text: str, indent: str = "") -> list[str]:
    """Doc comment lines of a description, `// ` before each."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return [f"{indent}//" + (f" {line}" if line else "") for line in lines]


def top_comment(*texts: str) -> list[str]:
    """The doc comment of a top-level declaration, its texts in paragraphs, laid out as gofmt
    reformats doc comments (`doc_comment`)."""
    paragraphs = ["\n".join(line.rstrip() for line in t.strip().splitlines()) for t in texts]
    text = "\n\n".join(p for p in paragraphs if p)
    return doc_comment(text) if text else []


def struct_tag(wire_name: str, omitempty: bool) -> str:
    value = wire_name + (",omitempty" if omitempty else "")
    if "`" in value or '"' in value or "\\" in value or "\n" in value:
        return go_string("json:" + go_string(value))
    return f'`json:"{value}"`'


def aligned(rows: Sequence[tuple[str, ...]], indent: str = "\t") -> list[str]:
    """Rows of cells laid out as gofmt does one block: every cell but the last padded to its
    column's width plus one space. Callers break blocks where gofmt does (comments, blanks)."""
    widths = [max((len(r[i]) for r in rows if len(r) > i + 1), default=0) for i in range(9)]
    lines = []
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append(indent + " ".join([*cells, row[-1]]))
    return lines


def is_identifier(text: str) -> bool:
    return bool(_IDENTIFIER.match(text)) and text not in KEYWORDS


class Scope:
    """Names taken in one Go scope; a clash gets a number."""

    def __init__(self, reserved: frozenset[str] = frozenset()) -> None:
        self._taken = set(reserved)

    def claim(self, text: str) -> str:
        candidate, n = text, 2
        while candidate in self._taken:
            candidate, n = f"{text}{n}", n + 1
        self._taken.add(candidate)
        return candidate
