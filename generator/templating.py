"""The Jinja environment shared by every target, and the filters that make spec text safe.

Every string that comes from a spec reaches generated code through one of these filters:
as a string literal (`py_str`), inside a docstring (`py_doc`), in a comment (`py_comment`),
as Markdown text (`md`, `md_cell`), as HTML text or attribute (`html`, `html_inline`), or as
data inside example code (`py_value` for Python, `json_value` for JSON).
"""

from __future__ import annotations

import functools
import html as _html
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\u0085]")


def clean_text(text: str) -> str:
    """Normalise newlines and drop control characters and Unicode line separators."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def quoted(text: str) -> str:
    """`repr(text)`, quoted the way black quotes it: double quotes unless they would need
    more backslashes than single quotes do."""
    if text.isprintable() and not ('"' in text or "'" in text or "\\" in text):
        return f'"{text}"'  # what repr gives, in double quotes, for most text
    literal = repr(text)
    if literal[0] == '"':
        return literal
    body = literal[1:-1]
    escaped_singles = len(_ESCAPED_SINGLE.findall(body))
    if body.count('"') > escaped_singles:
        return literal
    return '"' + _ESCAPED_SINGLE.sub(r"\1'", body).replace('"', '\\"') + '"'


_ESCAPED_SINGLE = re.compile(r"(?<!\\)((?:\\\\)*)\\'")


def py_str(value: object) -> str:
    """A Python string literal for any text, control characters dropped."""
    return quoted(clean_text(str(value)))


def py_doc(value: object) -> str:
    """Text safe inside a triple-double-quoted docstring, laid out as black leaves it.

    Backslashes are doubled; quotes are escaped where two or more meet, or at either end,
    so no run of quotes can close the docstring early. Lines lose trailing whitespace, and
    the lines after the first lose the indentation they share (leading tabs count four).
    """
    text = clean_text(str(value)).strip()
    if "\n" not in text and '"' not in text and "\\" not in text:
        return text  # one line with nothing to escape: most descriptions
    text = text.replace("\\", "\\\\")
    lines = [line.rstrip() for line in text.split("\n")]
    lines[1:] = _dedent([_expand_leading_tabs(line) for line in lines[1:]])
    text = "\n".join(lines)

    def escape(match: re.Match[str]) -> str:
        run = match.group(0)
        at_edge = match.start() == 0 or match.end() == len(text)
        return run.replace('"', '\\"') if len(run) > 1 or at_edge else run

    return _QUOTE_RUN.sub(escape, text)


_QUOTE_RUN = re.compile(r'"+')


def _expand_leading_tabs(line: str) -> str:
    stripped = line.lstrip()
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped if stripped else line


def _dedent(lines: list[str]) -> list[str]:
    margins = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    margin = min(margins, default=0)
    return [line[margin:] if line.strip() else "" for line in lines]


def py_docstring(value: object, indent: int) -> str:
    """A whole docstring at `indent` spaces, quotes included, as black writes it: on one
    line when the text is one line, else with the closing quotes on a line of their own."""
    lines = py_doc(value).split("\n")
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    pad = " " * indent
    body = "\n".join(pad + line if line else "" for line in lines[1:])
    return f'"""{lines[0]}\n{body}\n{pad}"""'


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


def html(value: object) -> str:
    """Text safe in HTML content and in double- or single-quoted attribute values."""
    return _html.escape(clean_text(str(value)), quote=True)


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def html_inline(value: object) -> str:
    """Escaped HTML with Markdown code spans (`like this`) shown as <code>."""
    text = html(" ".join(clean_text(str(value)).split()))
    return _CODE_SPAN.sub(r"<code>\1</code>", text)


def _py_string(text: str) -> str:
    # json.dumps gives a valid Python literal in double quotes; backticks become escapes so no
    # value can close a Markdown code fence.
    return json.dumps(clean_text(text), ensure_ascii=False).replace("`", "\\x60")


def py_value(value: Any) -> str:
    """A Python literal, on one line, for JSON data (dicts, lists, strings, numbers, null)."""
    if isinstance(value, str):
        return _py_string(value)
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        items = ", ".join(f"{_py_string(str(k))}: {py_value(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(py_value(v) for v in value) + "]"
    raise TypeError(f"not JSON data: {type(value).__name__}")


def json_value(value: Any, indent: int | None = 2) -> str:
    """JSON text for example data; backticks escaped so no value can close a code fence."""
    text = json.dumps(_clean_data(value), indent=indent, ensure_ascii=False)
    return text.replace("`", "\\u0060")


def _clean_data(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_data(v) for v in value]
    return value


def toml_str(value: object) -> str:
    """A TOML basic string. Text beyond ASCII is written as itself: TOML has no surrogate
    pairs, so the `\\ud83d\\ude80` that JSON's ASCII escaping gives an emoji would not parse.
    JSON's remaining escapes (quote, backslash, \\n, \\t, \\uXXXX below U+0020) are TOML's."""
    return json.dumps(clean_text(str(value)), ensure_ascii=False)


def first_sentence(value: object) -> str:
    text = " ".join(clean_text(str(value)).split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, kept like Python keeps `__pycache__`: in the user's cache folder
    (`$XDG_CACHE_HOME/sdkgen/templates`, else `~/.cache/...`). Jinja checks each entry against
    the template's source, so an edited template is compiled afresh."""
    import jinja2

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "sdkgen" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # no writable cache: templates compile on every run, which is only slower
    return jinja2.FileSystemBytecodeCache(str(folder))


@functools.lru_cache(maxsize=4)
def environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    import jinja2  # only rendering needs it; `check` on an unchanged project never renders

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(
        py_str=py_str,
        py_doc=py_doc,
        py_docstring=py_docstring,
        py_comment=py_comment,
        md=md,
        md_cell=md_cell,
        html=html,
        html_inline=html_inline,
        py_value=py_value,
        json_value=json_value,
        toml_str=toml_str,
        first_sentence=first_sentence,
    )
    return env
