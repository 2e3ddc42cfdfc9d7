"""The HTML site: the docs' Markdown pages (a page per model here) as one static folder.

Docs model in, {relative path: text} out; the static files (`STATIC`) are copied from the
templates as they are. The folder needs no server: search reads `search-index.js`, a script
rather than JSON so it loads from file:// too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from generator.ir.model import ModelDef
from generator.load.records import record
from generator.targets.base import DocumentedSdk
from generator.targets.docs.model import DocsModel, SdkSurface
from generator.targets.docs.render import MarkdownDocs, model_page
from generator.targets.site.markdown import Rendered, page_href, to_html
from generator.templating import clean_text

STATIC = ("site.css", "site.js")


@record
class NavLink:
    title: str
    href: str


@record
class LanguageLink:
    """The same page in one of the SDKs' languages, for the switch on pages that show code."""

    language: str
    href: str
    current: bool


Switch = Callable[[str], tuple[LanguageLink, ...]]
"""The language links of a page, by its language-neutral key."""


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
            name = docs.language.poll_qualified(method.qualified)
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

    def page_keys(self) -> dict[str, str]:
        """Language-neutral key -> page: the same page in every language's site has one key
        (fixed pages by name, resources and models by their place in the IR)."""
        keys = {
            "index": "index.html",
            "guide": "guide.html",
            "models": "models.html",
            "errors": "errors.html",
        }
        if self.changelog_markdown is not None:
            keys["changelog"] = "changelog.html"
        for index, resource in enumerate(self.docs.resources):
            keys[
                f"resource:{resource.methods[0].operation.path if resource.methods else index}"
            ] = page_href(resource.page)
        defs = [t for t in self.surface.api.types if isinstance(t, ModelDef)]
        for model, doc in zip(defs, self.docs.models, strict=True):
            keys[f"model:{model.name}"] = page_href(model_page(doc.view.class_name))
        return keys

    def render(self, switch: Switch | None = None) -> dict[str, str]:
        env = self.surface.env
        keys = {path: key for key, path in self.page_keys().items()}
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
                languages=(
                    switch(keys[target])
                    if switch and target in keys and "<pre" in rendered.html
                    else ()
                ),
            )
        files["search-index.js"] = search_script(search_entries(self.docs))
        loader = env.loader
        assert loader is not None
        for name in STATIC:
            files[name] = loader.get_source(env, f"site/{name}")[0]
        return files


def render_site(surface: SdkSurface, changelog_markdown: str | None = None) -> dict[str, str]:
    return SiteBuilder(surface, changelog_markdown).render()


def render_sites(
    surfaces: Sequence[DocumentedSdk], changelog_markdown: str | None = None
) -> dict[str, str]:
    """The site of every SDK of one API: the first at the root, each other language in its
    folder (`typescript/`), every page that shows code linking to itself in the others."""
    builders = [SiteBuilder(s, changelog_markdown) for s in surfaces]
    prefixes = ["", *(f"{s.folder}/" for s in surfaces[1:])]
    keymaps = [b.page_keys() for b in builders]
    files: dict[str, str] = {}
    for i, builder in enumerate(builders):

        def switch(key: str, i: int = i) -> tuple[LanguageLink, ...]:
            up = "../" if prefixes[i] else ""
            links = []
            for j, surface in enumerate(surfaces):
                page = keymaps[j].get(key, "index.html")
                href = page if i == j else f"{up}{prefixes[j]}{page}"
                links.append(LanguageLink(surface.language, href, i == j))
            return tuple(links) if len(links) > 1 else ()

        site = builder.render(switch)
        files.update({f"{prefixes[i]}{path}": text for path, text in site.items()})
    return files
