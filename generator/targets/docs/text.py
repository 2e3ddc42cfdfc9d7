"""Descriptions from a spec as the docs' Markdown: CommonMark with HTML, sanitised.

OpenAPI descriptions are CommonMark, and CommonMark allows HTML. What passes is an allow-list of
inline tags that only format text (`<a href>`, `<br>`, `<code>`, `<strong>`...), written back in
one canonical form and balanced within each description; block tags (`<p>`, `<li>`...) become
the Markdown breaks they stand for; elements that run or embed something (`<script>`,
`<iframe>`, `<style>`...) go with their content; any other HTML tag is dropped and its text
kept; text that only looks like a tag (`<id>`, `List<String>`) stays text. Links (`<a href>`,
`[text](url)`) keep http, https and mailto targets; relative ones are resolved against the API's
documentation URL, and without one they become their text. Code spans and fenced code stay
verbatim, and a fence a description leaves open is closed, so no description spills into the
page. The site's Markdown converter re-checks every tag that reaches it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from generator.templating import clean_text

INLINE_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "code", "br", "sup", "sub", "s", "del", "ins", "kbd", "u"}
)
"""Tags that pass (the site converter allows exactly these)."""
VOID_TAGS = frozenset({"br"})
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "template",
        "textarea",
        "noscript",
        "select",
        "svg",
        "math",
        "title",
        "head",
        "frameset",
        "applet",
    }
)
BLOCK_BREAKS = frozenset(
    {"p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "tr"}
    | {"blockquote", "dl", "dt", "dd", "hr", "section", "header", "footer", "details"}
)
KNOWN_TAGS = (
    INLINE_TAGS
    | DROPPED_WITH_CONTENT
    | BLOCK_BREAKS
    | frozenset(
        [
            "abbr",
            "bdi",
            "bdo",
            "caption",
            "cite",
            "dfn",
            "figcaption",
            "figure",
            "img",
            "mark",
            "nobr",
            "q",
            "samp",
            "small",
            "span",
            "strike",
            "summary",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tt",
            "var",
            "wbr",
            "font",
            "center",
            "body",
            "html",
            "link",
            "meta",
            "base",
            "form",
            "input",
            "button",
            "label",
            "option",
            "area",
            "map",
            "video",
            "audio",
            "source",
            "track",
            "picture",
            "canvas",
        ]
    )
)
SAFE_SCHEMES = ("http", "https", "mailto")

_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)"
    r"((?:\s+[^\s=>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>"
)
_ATTRIBUTE = re.compile(r"([^\s=>/\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>")
_MD_LINK = re.compile(r"(!?)\[((?:\\.|[^\[\]\\])*)\]\(\s*<?([^()\s<>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_CODE_SPAN = re.compile(r"(?P<ticks>`+)(?:.+?)(?P=ticks)", re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_BARE_URL = re.compile(r"(?<![\w/=\"'(<])https?://[^\s<>()\[\]`]*[^\s<>()\[\]`.,;:!?'\"]")
"""A URL written as plain text, linked as GitHub's Markdown does (trailing punctuation stays
text)."""
_INLINE = re.compile(
    f"(?P<code>{_CODE_SPAN.pattern})|(?P<auto>{_AUTOLINK.pattern})"
    f"|(?P<link>{_MD_LINK.pattern})|(?P<tag>{_TAG.pattern})|(?P<bare>{_BARE_URL.pattern})",
    re.S,
)
_INLINE_STARTS = ("`", "<", "[", "http")
"""What every match of `_INLINE` (and of `_COMMENT`) contains."""
_DEFINITION = re.compile(r'^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+"[^"]*")?[ \t]*$', re.M)
_REFERENCE = re.compile(r"(?<![\]\\])\[((?:\\.|[^\[\]\\])+)\](?:\[((?:[^\[\]\\])*)\])")


def _inline_references(text: str) -> str:
    """Reference links (`[text][id]`, `[id][]` with a line `[id]: url`) as inline links, the
    definitions taken out; a reference with no definition stays as written."""
    targets = {label.strip().lower(): url for label, url in _DEFINITION.findall(text)}
    if not targets:
        return text
    text = _DEFINITION.sub("", text)

    def inline(match: re.Match[str]) -> str:
        label = (match.group(2) or match.group(1)).strip().lower()
        url = targets.get(label)
        return match.group(0) if url is None else f"[{match.group(1)}]({url})"

    return _REFERENCE.sub(inline, text)


def _escape(text: str) -> str:
    """Plain text for Markdown: entities stay entities, other `&`, `<` and `>` are escaped."""
    if "&" not in text:
        return _escape_plain(text)
    out: list[str] = []
    position = 0
    for match in _ENTITY.finditer(text):
        out.append(_escape_plain(text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(_escape_plain(text[position:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute_value(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@dataclass(frozen=True, slots=True)
class DescriptionText:
    """Renders descriptions for the docs of one API."""

    base_url: str | None = None
    """Where the API's own documentation lives: relative links resolve against it."""

    def href(self, url: str) -> str | None:
        """A link target safe to show, resolved; None when the link can only be text."""
        url = clean_text(url).strip().replace("&amp;", "&")
        if not url:
            return None
        scheme = urlsplit(url).scheme.lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) else ""
        if scheme:
            return url if scheme in SAFE_SCHEMES else None
        if url.startswith("//"):  # scheme-relative: another site, as the page would load it
            return "https:" + url
        if self.base_url is None:
            return None
        resolved = urljoin(self.base_url, url)
        return resolved if urlsplit(resolved).scheme.lower() in ("http", "https") else None

    # ----- entry points ------------------------------------------------------------------------
    def block(self, value: object) -> str:
        """A description as Markdown blocks."""
        return _block(self, str(value))

    def cell(self, value: object) -> str:
        """A description in a Markdown table cell: one line, pipes escaped."""
        return _cell(self, str(value))

    def render_block(self, value: str) -> str:
        """`block` without the memo."""
        text = _inline_references(clean_text(value).strip())
        out: list[str] = []
        prose: list[str] = []
        fence: str | None = None
        for line in text.split("\n"):
            marker = _FENCE.match(line)
            if fence is None and marker is not None:
                out.append(self._inline("\n".join(prose), cell=False))
                prose = []
                fence = marker.group(1)[0] * 3
                out.append("\n" + fence + _escape_plain(line.strip()[len(marker.group(1)) :]))
            elif fence is not None:
                out.append(line)
                if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                    fence = None
                    out.append("")
            else:
                prose.append(line)
        if fence is not None:
            out.append(fence + "\n")
        out.append(self._inline("\n".join(prose), cell=False))
        joined = "\n".join(out)
        return re.sub(r"\n{3,}", "\n\n", joined).strip()

    def render_cell(self, value: str) -> str:
        """`cell` without the memo."""
        rendered = self._inline(clean_text(value).strip(), cell=True)
        return " ".join(rendered.split()).replace("|", "\\|")

    # ----- inline text ---------------------------------------------------------------------------
    def _inline(self, text: str, *, cell: bool) -> str:
        if not any(start in text for start in _INLINE_STARTS):
            return _escape(text)  # plain prose: no code span, tag, link or URL to read
        text = _COMMENT.sub("", text)
        out: list[str] = []
        opened: list[str] = []
        dropping: str | None = None
        position = 0
        for match in _INLINE.finditer(text):
            before = text[position : match.start()]
            position = match.end()
            if dropping is not None:
                tag = _TAG.fullmatch(match.group(0))
                if tag and tag.group(1) == "/" and tag.group(2).lower() == dropping:
                    dropping = None
                continue
            out.append(_escape(before))
            if match.group("code"):
                out.append(match.group(0))
            elif match.group("auto"):
                url = self.href(match.group(0)[1:-1])
                out.append(f"[{_escape(match.group(0)[1:-1])}]({url})" if url else "")
            elif match.group("link"):
                out.append(self._markdown_link(match.group(0)))
            elif match.group("bare"):
                out.append(f"[{_escape(match.group(0))}]({match.group(0)})")
            else:
                dropping = self._tag(match.group(0), out, opened, cell)
        if dropping is None:
            out.append(_escape(text[position:]))
        out.extend(f"</{name}>" for name in reversed(opened))
        return "".join(out)

    def _markdown_link(self, source: str) -> str:
        match = _MD_LINK.fullmatch(source)
        assert match is not None
        image, label, target = match.group(1), match.group(2), match.group(3)
        text = self._inline(label, cell=True)
        if image:
            return text  # nothing is loaded from elsewhere: an image shows its text
        url = self.href(target)
        if url is None:
            return text
        return f"[{text}]({url.replace('(', '%28').replace(')', '%29').replace(' ', '%20')})"

    def _tag(self, source: str, out: list[str], opened: list[str], cell: bool) -> str | None:
        """Writes what a tag becomes; returns the element being dropped with its content."""
        match = _TAG.fullmatch(source)
        assert match is not None
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name not in KNOWN_TAGS:
            out.append(_escape_plain(source))  # `<id>`, `List<String>`: text, not a tag
            return None
        if name in DROPPED_WITH_CONTENT:
            return None if closing or match.group(4) else name
        if name in BLOCK_BREAKS:
            if cell:
                out.append(" ")
            elif name == "li" and not closing:
                out.append("\n- ")
            elif name in ("li", "tr", "dt", "dd") or (closing and name == "ul"):
                out.append("\n")
            else:
                out.append("\n\n")
            return None
        if name not in INLINE_TAGS:
            return None  # formatting the docs do not carry: the text stays
        if name in VOID_TAGS:
            out.append("<br>")
            return None
        if closing:
            if name in opened:
                while opened:
                    top = opened.pop()
                    out.append(f"</{top}>")
                    if top == name:
                        break
            return None
        if name == "a":
            url = None
            title = None
            for attribute in _ATTRIBUTE.finditer(match.group(3)):
                key = attribute.group(1).lower()
                value = next((g for g in attribute.groups()[1:] if g is not None), "")
                if key == "href":
                    url = self.href(value)
                elif key == "title":
                    title = value
            if url is None:
                return None  # the link becomes its text; its closing tag finds nothing open
            attributes = f' href="{_attribute_value(url)}"'
            if title:
                attributes += f' title="{_attribute_value(clean_text(title))}"'
            out.append(f"<a{attributes}>")
        else:
            out.append(f"<{name}>")
        opened.append(name)
        return None


# One description shows on many pages (a shared field, each language's docs): rendered once.
_MEMO_SIZE = 16384


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _block(text: DescriptionText, value: str) -> str:
    return text.render_block(value)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _cell(text: DescriptionText, value: str) -> str:
    return text.render_cell(value)
