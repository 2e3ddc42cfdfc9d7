"""The Jinja environment shared by every target, and the filters that make spec text safe.

Every string that comes from a spec reaches generated code through one of these filters:
as a string literal (`py_str`), inside a docstring (`py_doc`), in a comment (`py_comment`)
or as Markdown text (`md`, `md_cell`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\u0085]")


def clean_text(text: str) -> str:
    """Normalise newlines and drop control characters and Unicode line separators."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def py_str(value: object) -> str:
    """A Python string literal for any text."""
    return repr(clean_text(str(value)))


def py_doc(value: object) -> str:
    """Text safe inside a triple-double-quoted docstring.

    Backslashes are doubled; quotes are escaped where two or more meet, or at the very end,
    so no run of quotes can close the docstring early.
    """
    text = clean_text(str(value)).strip().replace("\\", "\\\\")
    text = "\n".join(line.rstrip() for line in text.split("\n"))

    def escape(match: re.Match[str]) -> str:
        run = match.group(0)
        return run.replace('"', '\\"') if len(run) > 1 or match.end() == len(text) else run

    return re.sub(r'"+', escape, text)


def py_comment(value: object) -> str:
    """One line of text safe in a `#` comment."""
    return " ".join(clean_text(str(value)).split())


def md(value: object) -> str:
    """Markdown text: no raw HTML can come through from a spec."""
    text = clean_text(str(value)).strip()
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def md_cell(value: object) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(md(value).split()).replace("|", "\\|")


def first_sentence(value: object) -> str:
    text = " ".join(clean_text(str(value)).split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


@functools.lru_cache(maxsize=4)
def environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(
        py_str=py_str,
        py_doc=py_doc,
        py_comment=py_comment,
        md=md,
        md_cell=md_cell,
        first_sentence=first_sentence,
    )
    return env
