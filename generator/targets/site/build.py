"""The HTML site: the docs' Markdown pages (a page per model here) as one static folder.

Pure like every renderer: docs model in, {relative path: text} out. The folder needs no server:
search reads `search-index.js`, a script rather than JSON so it loads from file:// too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.targets.docs.model import DocsModel, SdkSurface
from generator.targets.docs.render import MarkdownDocs, model_page
from generator.targets.site.markdown import Rendered, page_href, to_html
from generator.templating import clean_text

STATIC = ("site.css", "site.js")


@dataclass(frozen=True, slots=True)
class NavLink:
    title: str
    href: str


def _entry(name: str, kind: str, summary: str, href: str) -> dict[str, str]:
    return {"name": name, "kind": kind, "summary": summary, "href": href}


def search_entries(docs: DocsModel) -> list[dict[str, str]]:
    """What the search box finds: every method (and its `_and_poll`), model, enum and alias."""
    entries: list[dict[str, str]] = []
    for method in docs.methods:
        href = page_href(f"{method.page}#{method.anchor}")
        summary = clean_text(method.view.summary)
        entries.append(
            {"name": method.qualified, "kind": "method", "summary": summary, "href": href}
        )
        if method.poll_example is not None:
            name = method.qualified + "_and_poll"
            entries.append(_entry(name, "method", summary, href))
    for model in docs.models:
        view = model.view
        href = page_href(model_page(view.class_name))
        summary = clean_text(view.description).split("\n")[0]
        entries.append(_entry(view.class_name, "model", summary, href))
    context = docs.context
    for kind in ("enums", "aliases"):
        for named in context[kind]:  # type: ignore[attr-defined]
            href = page_href(f"models.md#{named.name.lower()}")
            summary = clean_text(named.description).split("\n")[0]
            entries.append(
                {"name": named.name, "kind": kind[:-1], "summary": summary, "href": href}
            )
    return entries


def search_script(entries: list[dict[str, str]]) -> str:
    """The index as a script; `<` is escaped so no value can end a script element."""
    data = json.dumps(entries, ensure_ascii=False, indent=0, sort_keys=True)
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.SDK_SEARCH_INDEX = {data};\n"


class SiteBuilder:
    def __init__(self, surface: SdkSurface, changelog_markdown: str | None = None) -> None:
        self.surface = surface
        self.docs = DocsModel(surface)
        self.changelog_markdown = changelog_markdown
        self.markdown = MarkdownDocs(self.docs, "changelog.md" if changelog_markdown else None)

    def markdown_pages(self) -> dict[str, str]:
        pages = self.markdown.pages(model_pages=True, guide="guide.md")
        pages["guide.md"] = self.markdown.readme("", model_pages=True)
        if self.changelog_markdown is not None:
            pages["changelog.md"] = self.changelog_markdown
        return pages

    def nav(self) -> tuple[tuple[str, tuple[NavLink, ...]], ...]:
        docs = self.docs
        general = [
            NavLink("Overview", "index.html"),
            NavLink("Guide", "guide.html"),
            NavLink("Models", "models.html"),
            NavLink("Errors", "errors.html"),
        ]
        if self.changelog_markdown is not None:
            general.append(NavLink("Changelog", "changelog.html"))
        resources = tuple(NavLink(r.title, page_href(r.page)) for r in docs.resources)
        return (("Documentation", tuple(general)), ("Resources", resources))

    def render(self) -> dict[str, str]:
        env = self.surface.env
        template = env.get_template("site/page.html.j2")
        files: dict[str, str] = {}
        nav = self.nav()
        api = self.surface.api
        for path, markdown in sorted(self.markdown_pages().items()):
            rendered: Rendered = to_html(markdown)
            target = page_href(path)
            files[target] = template.render(
                api=api,
                options=self.surface.options,
                header=self.surface.options.header,
                page=rendered,
                nav=nav,
                current=target,
                toc=[h for h in rendered.headings if h.level == 2],
            )
        files["search-index.js"] = search_script(search_entries(self.docs))
        loader = env.loader
        assert loader is not None
        for name in STATIC:
            files[name] = loader.get_source(env, f"site/{name}")[0]
        return files


def render_site(surface: SdkSurface, changelog_markdown: str | None = None) -> dict[str, str]:
    return SiteBuilder(surface, changelog_markdown).render()
