"""Render Markdown docs of the generated Python SDK from the same views the SDK uses."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.targets.python.render import ModelView, PythonRenderer

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def anchor(name: str) -> str:
    return name.lower()


def type_linker(names: set[str], page: str) -> Callable[[str], str]:
    """Markdown for an annotation: model names link to their section of the models page."""

    def link(annotation: str) -> str:
        def replace(match: re.Match[str]) -> str:
            word = match.group(0)
            return f"[{word}]({page}#{anchor(word)})" if word in names else word

        text = annotation.replace("[", "\\[").replace("]", "\\]")
        return _IDENTIFIER.sub(replace, text).replace("|", "\\|")

    return link


def render_docs(python: PythonRenderer) -> dict[str, str]:
    env = python.env
    context = python.context()
    models: tuple[ModelView, ...] = context["models"]  # type: ignore[assignment]
    enums = context["enums"]
    aliases = context["aliases"]
    names = {m.class_name for m in models}
    names |= {e.name for e in enums} | {a.name for a in aliases}  # type: ignore[attr-defined]
    pages: dict[str, tuple[str, dict[str, object]]] = {
        "index.md": ("docs/index.md.j2", {}),
        "models.md": ("docs/models.md.j2", {}),
    }
    for view in python.resource_views:
        pages[f"{view.module}.md"] = (
            "docs/resource.md.j2",
            {"resource": view, "prefix": f"client.{view.attribute}."},
        )
    if python.root_view.methods:
        pages["client.md"] = (
            "docs/resource.md.j2",
            {"resource": python.root_view, "prefix": "client."},
        )
    files: dict[str, str] = {}
    for path, (template, extra) in pages.items():
        linker = type_linker(names, "" if path == "models.md" else "models.md")
        files[path] = env.get_template(template).render(
            context, type_md=linker, anchor=anchor, **extra
        )
    return files
