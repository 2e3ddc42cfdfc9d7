"""What a built docs site shows that it should not: HTML tags escaped into visible text, and
internal links (hrefs and srcs that are not to another site) that lead to no page or anchor."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

HTML_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "nobr",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "wbr",
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "form",
        "input",
        "button",
        "link",
        "meta",
    ]
)
_ESCAPED_TAG = re.compile(r"&lt;/?([A-Za-z][A-Za-z0-9]*)\b[^<]*?/?&gt;")
_VERBATIM = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.S)
_REFERENCE = re.compile(r'\b(?:href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class SiteReport:
    escaped_tags: tuple[str, ...]
    """`page: <tag>` for each HTML tag shown as text outside code."""
    broken_links: tuple[str, ...]
    """`page: href` for each internal link that resolves to nothing."""


def escaped_tags(page: str) -> list[str]:
    text = _VERBATIM.sub("", page)
    return [m.group(0) for m in _ESCAPED_TAG.finditer(text) if m.group(1).lower() in HTML_ELEMENTS]


def check_site(files: Mapping[str, str]) -> SiteReport:
    ids = {path: set(_ID.findall(text)) for path, text in files.items() if path.endswith(".html")}
    escaped: list[str] = []
    broken: list[str] = []
    for path, text in sorted(files.items()):
        if not path.endswith(".html"):
            continue
        escaped += [f"{path}: {tag}" for tag in escaped_tags(text)]
        for href in _REFERENCE.findall(text):
            href = href.replace("&amp;", "&")
            if _SCHEME.match(href) or href.startswith("//"):
                continue
            target, _, fragment = href.partition("#")
            if target.startswith("/"):
                broken.append(f"{path}: {href}")
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            page = resolved if target else path
            if page not in files or (fragment and fragment not in ids.get(page, set())):
                broken.append(f"{path}: {href}")
    return SiteReport(tuple(escaped), tuple(broken))
