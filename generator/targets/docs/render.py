"""Render the Markdown reference, and a target's README (its guide), from the docs model.

The same templates render two layouts: the committed docs folder (one models page) and the
pages the HTML site is built from (a page per model). Only the links differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.targets.docs.model import DocsModel, MethodDoc, SdkSurface
from generator.targets.docs.surface import ErrorClass
from generator.targets.docs.text import DescriptionText

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def anchor(name: str) -> str:
    return name.lower()


@dataclass(frozen=True, slots=True)
class Links:
    """Where pages live, seen from the page being rendered."""

    current: str
    """The page being rendered, relative to the docs folder (`parse_runs.md`)."""
    prefix: str = ""
    """From the page to the docs folder: `../docs/` for the SDK README."""
    model_pages: bool = False
    """A page per model (the site) instead of one models page."""
    guide_page: str = ""
    """The target's README (the guide), from the page."""
    model_names: frozenset[str] = frozenset()

    def page(self, name: str) -> str:
        return self.prefix + name

    def guide(self) -> str:
        return self.guide_page

    def method(self, m: MethodDoc) -> str:
        if m.page == self.current and not self.prefix:
            return f"#{m.anchor}"
        return f"{self.prefix}{m.page}#{m.anchor}"

    def model(self, name: str) -> str:
        if self.model_pages and name in self.model_names:
            return f"{self.prefix}{model_page(name)}"
        if self.current == "models.md" and not self.prefix:
            return f"#{anchor(name)}"
        return f"{self.prefix}models.md#{anchor(name)}"


def model_page(name: str) -> str:
    """The site's page of one model (a name no resource module can have)."""
    return f"model-{name}.md"


def type_linker(names: set[str], links: Links) -> Callable[[str], str]:
    """Markdown for an annotation: names of models and other named types become links.
    Each annotation's Markdown is made once per linker (a page): fields repeat their types
    (Stripe's models page links 14,000 annotations, 4,100 of them different)."""
    made: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        return f"[{word}]({links.model(word)})" if word in names else word

    def link(annotation: str) -> str:
        found = made.get(annotation)
        if found is not None:
            return found
        # Brackets would read as links, angle brackets (Java's `List<String>`) as HTML tags,
        # stars (Go's pointers) as emphasis.
        text = annotation.replace("[", "\\[").replace("]", "\\]").replace("*", "\\*")
        text = text.replace("<", "\\<").replace(">", "\\>")
        found = made[annotation] = _IDENTIFIER.sub(replace, text).replace("|", "\\|")
        return found

    return link


class MarkdownDocs:
    """Renders pages of the docs model with the docs templates."""

    def __init__(self, docs: DocsModel, changelog: str | None = None) -> None:
        self.docs = docs
        self.changelog = changelog
        context = dict(docs.context)
        enums = context["enums"]
        aliases = context["aliases"]
        self.names = {m.view.class_name for m in docs.models}
        self.names |= {e.name for e in enums} | {a.name for a in aliases}  # type: ignore[attr-defined]
        self.model_names = frozenset(m.view.class_name for m in docs.models)
        context.update(
            docs=docs,
            resource_docs=docs.resources,
            model_docs=docs.models,
            error_table=self.error_table(),
            simple=docs.simple_method,
            anchor=anchor,
            changelog=changelog,
            text=DescriptionText(docs.api.docs_url),
        )
        self.context = context

    def error_table(self) -> tuple[ErrorClass, ...]:
        return self.docs.language.error_table(
            polling=bool(self.docs.quickstarts),
            webhooks=self.docs.context["webhooks"] is not None,
        )

    def render(self, template: str, links: Links, **extra: object) -> str:
        env = self.docs.surface.env
        type_md = type_linker(self.names, links)
        return env.get_template(template).render(
            self.context, links=links, type_md=type_md, **extra
        )

    def pages(self, *, model_pages: bool, guide: str) -> dict[str, str]:
        """Every reference page, keyed by its path in the docs folder."""
        plan: dict[str, tuple[str, dict[str, object]]] = {
            "index.md": ("docs/index.md.j2", {}),
            "models.md": ("docs/models.md.j2", {}),
            "errors.md": ("docs/errors.md.j2", {}),
        }
        for resource in self.docs.resources:
            plan[resource.page] = ("docs/resource.md.j2", {"resource": resource})
        if model_pages:
            for doc in self.docs.models:
                plan[model_page(doc.view.class_name)] = ("docs/model.md.j2", {"model_doc": doc})
        files: dict[str, str] = {}
        for path, (template, extra) in plan.items():
            links = Links(
                path, model_pages=model_pages, guide_page=guide, model_names=self.model_names
            )
            files[path] = self.render(template, links, **extra)
        return files

    def readme(self, prefix: str, *, model_pages: bool = False) -> str:
        links = Links(
            "README.md",
            prefix=prefix,
            model_pages=model_pages,
            guide_page="",
            model_names=self.model_names,
        )
        return self.render(self.docs.surface.readme_template, links)


_MODEL_ATTRIBUTE = "_docs_model"
"""Where an SDK keeps its docs model (see `docs_model`)."""


def docs_model(surface: SdkSurface) -> DocsModel:
    """The docs model of an SDK, built once for the README and the docs folder.

    The SDK object itself holds it, so the two are freed together. A module-level table keyed
    by the SDK would keep both (and the IR they refer to) for the life of the process: the
    model refers to its SDK, so even a weak key would never die."""
    memo = vars(surface)
    found = memo.get(_MODEL_ATTRIBUTE)
    if not isinstance(found, DocsModel):
        found = memo[_MODEL_ATTRIBUTE] = DocsModel(surface)
    return found


def render_docs(
    surface: SdkSurface, changelog: str | None = None, *, up: str = "../"
) -> dict[str, str]:
    """The docs folder: index, a page per resource, models, errors. `up` leads from the
    folder to the API's output folder (`../../` for a language's docs in a subfolder)."""
    return MarkdownDocs(docs_model(surface), changelog).pages(
        model_pages=False, guide=f"{up}{surface.folder}/README.md"
    )


def render_readme(surface: SdkSurface) -> str:
    """A target's README: the guide, linking into the docs folder beside the package."""
    return MarkdownDocs(docs_model(surface)).readme("../docs/")
