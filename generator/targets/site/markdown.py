"""The Markdown the docs templates write, as HTML.

Not a general Markdown implementation: it covers what the generator emits (headings, fenced
code, tables, lists, quotes, paragraphs, code spans, links, bold, backslash escapes, and the
`<a id>` anchors and `<!-- -->` header the templates write themselves). Spec text in that
Markdown was already escaped by the `md` filters or sanitised by the docs' `DescriptionText`,
so entities pass through, the inline tags of its allow-list pass through again checked (a link
only to http, https or mailto; every tag closed within its paragraph or cell) and any other
`<`, `>` or `&` is escaped here; links to `.md` pages become links to `.html` pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.targets.docs.text import INLINE_TAGS, SAFE_SCHEMES, VOID_TAGS
from generator.targets.site.highlight import highlight
from generator.templating import html

_ANCHOR = r'<a id="[A-Za-z0-9_.-]+"></a>'
_ANCHOR_LINE = re.compile(rf"^{_ANCHOR}$")
_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_FENCE = re.compile(r"^```(.*)$")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_INLINE = re.compile(
    r"(?P<code>`[^`\n]+`)"
    r"|(?P<link>\[(?P<text>(?:\\.|`[^`\n]*`|[^\]\\`])*)\]\((?P<href>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<strong>.+?)\*\*)"
    r"|(?P<esc>\\[\\`*_\[\]|#<>{}()!+.-])"
    rf"|(?P<anchor>{_ANCHOR})"
    r'|(?P<tag><(?P<closing>/?)(?P<name>[a-z]+)(?P<attributes>(?:\s+(?:href|title)="[^"<>]*")*)'
    r"\s*/?>)"
)
_TAG_ATTRIBUTE = re.compile(r'(href|title)="([^"<>]*)"')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def slug(text: str) -> str:
    """The id a heading gets, as GitHub makes it: lower case, punctuation dropped."""
    plain = re.sub(r"<[^>]+>", "", text)
    plain = _ENTITY.sub("", plain).lower().strip()
    plain = re.sub(r"[^\w\- ]", "", plain)
    return plain.replace(" ", "-")


def page_href(href: str) -> str:
    """Relative links to Markdown pages point at their HTML pages."""
    if _SCHEME.match(href) or href.startswith("#"):
        return href
    path, hash_, fragment = href.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return path + hash_ + fragment


def _text(text: str) -> str:
    """Plain text: entities the md filters made pass through, anything else is escaped."""
    out: list[str] = []
    position = 0
    for match in _ENTITY.finditer(text):
        out.append(html(text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(html(text[position:]))
    return "".join(out)


def _tag(match: re.Match[str], opened: list[str]) -> str:
    """An allow-listed tag, written again; anything else shows as the text it is."""
    name, closing = match.group("name"), bool(match.group("closing"))
    if name not in INLINE_TAGS:
        return html(match.group(0))
    if name in VOID_TAGS:
        return "<br>"
    if closing:
        if name not in opened:
            return ""
        closed = []
        while opened:
            top = opened.pop()
            closed.append(f"</{top}>")
            if top == name:
                break
        return "".join(closed)
    attributes = ""
    if name == "a":
        found = dict(_TAG_ATTRIBUTE.findall(match.group("attributes")))
        href = found.get("href", "").replace("&amp;", "&")
        scheme = href.split(":", 1)[0].lower() if _SCHEME.match(href) else ""
        if scheme not in SAFE_SCHEMES:
            return ""
        attributes = f' href="{html(href)}"'
        if found.get("title"):
            attributes += f' title="{_text(found["title"])}"'
    opened.append(name)
    return f"<{name}{attributes}>"


def inline(text: str, in_table: bool = False) -> str:
    out: list[str] = []
    opened: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(_text(text[position : match.start()]))
        position = match.end()
        if match.group("code"):
            code = match.group("code")[1:-1]
            if in_table:
                code = code.replace("\\|", "|")
            out.append(f"<code>{html(code)}</code>")
        elif match.group("link"):
            label = inline(match.group("text"), in_table)
            out.append(f'<a href="{html(page_href(match.group("href")))}">{label}</a>')
        elif match.group("bold"):
            out.append(f"<strong>{inline(match.group('strong'), in_table)}</strong>")
        elif match.group("esc"):
            out.append(html(match.group("esc")[1]))
        elif match.group("anchor"):
            out.append(match.group("anchor"))
        else:
            out.append(_tag(match, opened))
    out.append(_text(text[position:]))
    out.extend(f"</{name}>" for name in reversed(opened))
    return "".join(out)


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)]


@dataclass
class Heading:
    level: int
    text: str
    id: str


@dataclass
class Rendered:
    html: str
    title: str
    headings: list[Heading] = field(default_factory=list)


class _Converter:
    def __init__(self, markdown: str) -> None:
        self.lines = markdown.split("\n")
        self.index = 0
        self.out: list[str] = []
        self.headings: list[Heading] = []
        self.used_ids: set[str] = set()
        self.pending_id: str | None = None

    def convert(self) -> Rendered:
        while self.index < len(self.lines):
            self._block()
        title = next((h.text for h in self.headings if h.level == 1), "")
        return Rendered("\n".join(self.out) + "\n", title, self.headings)

    def _block(self) -> None:
        line = self.lines[self.index]
        stripped = line.strip()
        if not stripped or (stripped.startswith("<!--") and stripped.endswith("-->")):
            self.index += 1
        elif _ANCHOR_LINE.match(stripped):
            self.pending_id = stripped[len('<a id="') : -len('"></a>')]
            self.index += 1
        elif (fence := _FENCE.match(line)) is not None:
            self._code(fence.group(1).strip())
        elif (heading := _HEADING.match(line)) is not None:
            self._heading(len(heading.group(1)), heading.group(2))
        elif stripped.startswith("|") and self._is_table():
            self._table()
        elif stripped.startswith("- "):
            self._list()
        elif stripped.startswith("> "):
            self._quote()
        else:
            self._paragraph()

    def _heading(self, level: int, text: str) -> None:
        content = inline(text)
        wanted = self.pending_id or slug(content) or "section"
        ident = wanted
        counter = 1
        while ident in self.used_ids:
            ident = f"{wanted}-{counter}"
            counter += 1
        self.used_ids.add(ident)
        if self.pending_id is not None and slug(content) not in self.used_ids:
            self.used_ids.add(slug(content))
        self.pending_id = None
        plain = re.sub(r"<[^>]+>", "", content)
        self.headings.append(Heading(level, plain, ident))
        self.out.append(f'<h{level} id="{html(ident)}">{content}</h{level}>')
        self.index += 1

    def _code(self, info: str) -> None:
        language = info.split(" ")[0] if info else ""
        self.index += 1
        body: list[str] = []
        while self.index < len(self.lines) and not self.lines[self.index].startswith("```"):
            body.append(self.lines[self.index])
            self.index += 1
        self.index += 1
        code = "\n".join(body)
        kind = "signature" if "signature" in info.split(" ")[1:] else "example"
        css = f"language-{html(language)} {kind}" if language else kind
        self.out.append(f'<pre class="{css}"><code>{highlight(code, language)}</code></pre>')

    def _is_table(self) -> bool:
        following = self.lines[self.index + 1] if self.index + 1 < len(self.lines) else ""
        return bool(re.match(r"^\|(\s*:?-+:?\s*\|)+\s*$", following.strip()))

    def _table(self) -> None:
        header = _cells(self.lines[self.index])
        self.index += 2
        rows: list[list[str]] = []
        while self.index < len(self.lines) and self.lines[self.index].strip().startswith("|"):
            rows.append(_cells(self.lines[self.index]))
            self.index += 1
        head = "".join(f"<th>{inline(c, True)}</th>" for c in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{inline(c, True)}</td>" for c in row) + "</tr>\n" for row in rows
        )
        self.out.append(
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"
        )

    def _list(self) -> None:
        items: list[str] = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if line.strip().startswith("- "):
                items.append(line.strip()[2:])
            elif line.startswith("  ") and line.strip() and items:
                items[-1] += " " + line.strip()
            else:
                break
            self.index += 1
        self.out.append("<ul>\n" + "".join(f"<li>{inline(i)}</li>\n" for i in items) + "</ul>")

    def _quote(self) -> None:
        parts: list[str] = []
        while self.index < len(self.lines) and self.lines[self.index].startswith("> "):
            parts.append(self.lines[self.index][2:])
            self.index += 1
        self.out.append(f"<blockquote><p>{inline(' '.join(parts))}</p></blockquote>")

    def _paragraph(self) -> None:
        parts: list[str] = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            stripped = line.strip()
            if not stripped or _FENCE.match(line) or _HEADING.match(line):
                break
            if parts and (stripped.startswith(("|", "- ", "> ")) or _ANCHOR_LINE.match(stripped)):
                break
            parts.append(stripped)
            self.index += 1
        self.out.append(f"<p>{inline(' '.join(parts))}</p>")


def to_html(markdown: str) -> Rendered:
    return _Converter(markdown).convert()
