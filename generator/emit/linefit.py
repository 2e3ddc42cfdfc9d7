"""Black's split of the commonest long lines of generated code, without black.

Most long lines of a big SDK are a handful of shapes: a model field or a parameter whose type
is a long union, a field set with `Field(...)`, a `Literal[...]` alias, a long `from x import
y`, a class whose name is long, a one-parameter signature or the return line of an exploded
one, an attribute set to (or a value returned from) a call, a list of strings. For these
shapes black's choice is fixed, and this module makes it directly; on the corpus no line is
left for black. Every other line returns None and goes to black itself. The differential
tests run both on random lines of every shape and require the same text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from unicodedata import east_asian_width

LINE_LENGTH = 100
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SIMPLE_DEFAULT = re.compile(r"None|NOT_GIVEN|True|False|-?[0-9][0-9_.eE+-]*|\"(?:[^\"\\]|\\.)*\"")
_FIELD = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*): (?P<rest>.*)")
_IMPORT = re.compile(r"from (?P<module>[.\w]+) import (?P<names>[\w, ]+)")
_CLASS = re.compile(r"class (?P<name>\w+)\((?P<bases>[\w., ]+)\):")
_ONE_PARAMETER_DEF = re.compile(
    r"(?P<head>(?:async )?def \w+\()(?P<parameter>\w+)(?P<tail>\) -> .+:)"
)
_NAME_PATH = re.compile(r"[A-Za-z_][\w.]*")
_BARE_CLASS = re.compile(r"class \w+:")
_ATTRIBUTE_SET = re.compile(r"(?P<lead>\w+\.[\w.]+ = )(?P<value>.+)")
_RETURN = re.compile(r"\) -> (?P<annotation>.+):")


def width(line: str) -> int:
    """Columns a line takes, as black counts them: East Asian wide characters take two."""
    if line.isascii():
        return len(line)
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in line)


def _fits(line: str) -> bool:
    return width(line) <= LINE_LENGTH


_TOKENS: dict[str, re.Pattern[str]] = {}
_STRING_LITERAL = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\\\n]*(?:\\.[^\'\\\n]*)*\''
"""A one-line string literal, its body as runs of plain characters between escapes."""


@functools.lru_cache(maxsize=4096)
def split_top_level(text: str, separator: str) -> tuple[str, ...] | None:
    """`text` cut at each `separator` outside brackets and strings; None when the brackets
    do not balance or a string does not end.

    Remembered: a big SDK's long lines repeat their types (Stripe's formatting asks for 7,000
    splits of 2,900 texts, 600 characters long on average)."""
    pattern = _TOKENS.get(separator)
    if pattern is None:
        pattern = _TOKENS[separator] = re.compile(
            _STRING_LITERAL + r'|["\']|[()\[\]{}]|' + re.escape(separator)
        )
    parts: list[str] = []
    depth = 0
    start = 0
    for match in pattern.finditer(text):
        token = match.group(0)
        first = token[0]
        if first in "\"'":
            if len(token) == 1:
                return None  # a quote that opens no complete string
            continue
        if first in "([{":
            depth += 1
        elif first in ")]}":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    if depth != 0:
        return None
    parts.append(text[start:])
    return tuple(parts)


_DOUBLE_QUOTED = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


@functools.lru_cache(maxsize=4096)
def _blank_strings(text: str) -> str:
    """`text` with the inside of every string literal as `x`s: same length, no brackets.
    Remembered, as `split_top_level` is."""
    return _DOUBLE_QUOTED.sub(lambda m: '"' + "x" * (len(m.group(0)) - 2) + '"', text)


def _has_brackets(text: str) -> bool:
    bare = _DOUBLE_QUOTED.sub('""', text)  # a constant replacement: no call per string
    return any(char in bare for char in "()[]{}")


def _flat_subscript(term: str) -> tuple[str, Sequence[str]] | None:
    """`Name[a, b]` with no brackets inside: ("Name", ["a", "b"])."""
    match = re.fullmatch(r"([A-Za-z_][\w.]*)\[(.*)\]", term)
    if match is None or _has_brackets(match.group(2)):
        return None
    items = split_top_level(match.group(2), ", ")
    if items is None or any(not item for item in items):
        return None
    return match.group(1), items


def _exploded(pad: str, head: str, items: Sequence[str], tail: str) -> list[str]:
    """`head` + items + `tail` as black writes a split bracket: the items on one line when
    they fit, else one per line with a trailing comma."""
    inner = pad + "    "
    joined = inner + ", ".join(items)
    if _fits(joined):
        return [pad + head, joined, pad + tail]
    return [pad + head, *(inner + item + "," for item in items), pad + tail]


_DELIMITERS = (", ", " | ", " + ")
"""The delimiters generated code has outside brackets, by black's priority: commas first."""
_OTHER_OPERATORS = re.compile(r"[-*/%<>!@~^&]|==|\b(?:if|else|and|or|not|in|is|lambda|for|await)\b")


_BRACKET = re.compile(r"[()\[\]{}]")


def _depth_zero(text: str) -> str | None:
    """`text` with strings emptied and bracketed parts removed (their outer brackets stay);
    None when unbalanced."""
    bare = _blank_strings(text)
    out: list[str] = []
    depth = 0
    start = 0
    for match in _BRACKET.finditer(bare):
        if match.group(0) in "([{":
            if depth == 0:
                out.append(bare[start : match.end()])
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                start = match.start()
    if depth != 0:
        return None
    out.append(bare[start:])
    return "".join(out)


def fit_element(pad: str, content: str) -> list[str] | None:
    """Black's lines for `content`, a line inside brackets at indentation `pad` (an argument,
    an item, a type operand): split at its strongest delimiter, else at its last bracket pair.
    None when the line holds something this module does not model."""
    if _fits(pad + content):
        return [pad + content]
    trailing = "," if content.endswith(",") else ""
    core = content[:-1] if trailing else content
    outside = _depth_zero(core)
    if outside is None or "'" in outside or _OTHER_OPERATORS.search(outside.replace('""', "")):
        return None
    for separator in _DELIMITERS:
        parts = split_top_level(core, separator)
        if parts is None or any(not part.strip() for part in parts):
            return None
        if len(parts) == 1:
            continue
        if separator == ", ":
            pieces = [part + "," for part in parts]
        else:
            operator = separator.strip() + " "
            pieces = [parts[0], *(operator + part for part in parts[1:])]
            pieces[-1] += trailing
        lines: list[str] = []
        for piece in pieces:
            found = fit_element(pad, piece)
            if found is None:
                return None
            lines += found
        return lines
    return _right_hand_split(pad, core, trailing)


def _right_hand_split(
    pad: str, core: str, trailing: str, *, long_head: bool = False
) -> list[str] | None:
    """`core` split at its last bracket pair: head with the opening bracket, the contents one
    level deeper, the closing bracket and what follows. A head too long is refused (black
    would look for another split) unless `long_head` says there is none."""
    bare = _blank_strings(core)
    close = _last_closing(bare)
    if close is None:
        return [pad + core + trailing]  # nothing to split at: black leaves it long
    open_at = _matching_open(bare, close)
    if open_at is None:
        return None
    head, body, tail = core[: open_at + 1], core[open_at + 1 : close], core[close:] + trailing
    if not body.strip():
        return [pad + core + trailing]
    if not ((long_head or _fits(pad + head)) and _fits(pad + tail)) or body.rstrip().endswith(","):
        return None
    inner = pad + "    "
    before = core[open_at - 1] if open_at > 0 else " "
    is_display = not (before.isalnum() or before in "_)]")
    items = split_top_level(body, ", ")
    if items is None:
        return None
    if is_display and len(items) > 1:
        lines = []
        for item in items:
            found = fit_element(inner, item + ",")
            if found is None:
                return None
            lines += found
        return [pad + head, *lines, pad + tail]
    if _fits(inner + body):
        return [pad + head, inner + body, pad + tail]
    found = fit_element(inner, body)
    if found is None:
        return None
    return [pad + head, *found, pad + tail]


def _last_closing(bare: str) -> int | None:
    for index in range(len(bare) - 1, -1, -1):
        if bare[index] in ")]}":
            return index
    return None


def _matching_open(bare: str, close: int) -> int | None:
    depth = 0
    for match in reversed(list(_BRACKET.finditer(bare, 0, close + 1))):
        if match.group(0) in ")]}":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start()
    return None


def _keeps_parentheses(operands: Sequence[str]) -> bool:
    """Whether black keeps the optional parentheses around a union of `operands` it splits: it
    omits them for a lone operand with brackets, and may for one `|` whose right operand ends
    in a bracket other than a subscript's (`Name[...]`)."""
    last = operands[-1]
    if len(operands) == 1:
        return not _has_brackets(last)  # no `|`: black splits at the last bracket instead
    if len(operands) > 2 or not _has_brackets(last):
        return True
    outside = _depth_zero(last)
    return outside is not None and re.fullmatch(r"[\w.]+\[\]", outside) is not None


def _parenthesized(pad: str, head: str, annotation: str, tail: str) -> list[str] | None:
    """`head (` + the annotation + `) tail`, the annotation split at `|` when too long."""
    if not (_fits(pad + head + "(") and _fits(pad + ")" + tail)):
        return None
    inner = pad + "    "
    if _fits(inner + annotation):
        return [pad + head + "(", inner + annotation, pad + ")" + tail]
    operands = split_top_level(annotation, " | ")
    if operands is None or len(operands) < 2:
        return None
    body: list[str] = []
    for position, operand in enumerate(operands):
        lines = fit_element(inner, ("| " if position else "") + operand)
        if lines is None:
            return None
        body += lines
    return [pad + head + "(", *body, pad + ")" + tail]


def _annotated(pad: str, name: str, rest: str, trailing: str) -> list[str] | None:
    """`name: T`, `name: T = default` or `name: T = Field(...)`, with `trailing` after."""
    parts = split_top_level(rest, " = ")
    if parts is None or len(parts) > 2:
        return None
    annotation = parts[0]
    default = parts[1] if len(parts) == 2 else None
    if default is not None and default.startswith("Field(") and default.endswith(")"):
        if trailing:
            return None
        return _field_call(pad, name, annotation, default)
    if default is not None and not _SIMPLE_DEFAULT.fullmatch(default):
        return None
    if default is not None and not trailing:
        # black keeps the whole left side, its `(` included, when it fits
        head = f"{pad}{name}: {annotation} = ("
        if width(head) <= LINE_LENGTH:
            return [head, pad + "    " + default, pad + ")"]
    operands = split_top_level(annotation, " | ")
    if operands is None:
        return None
    if len(operands) == 1 and default is None and _has_brackets(annotation):
        if _depth_zero(annotation) is None or not annotation.endswith(("]", ")")):
            return None
        return _right_hand_split(pad, f"{name}: {annotation}", trailing)
    if not _keeps_parentheses(operands):
        return None  # black weighs omitting the parentheses here: leave it to black
    if trailing and len(operands) == 1 and not _has_brackets(annotation):
        # black does not wrap a parameter's lone type in parentheses
        return [f"{pad}{name}: {annotation}{trailing}"] if default is None else None
    if len(operands) == 1 and not _fits(pad + "    " + annotation):
        if default is None and not trailing and _NAME_PATH.fullmatch(annotation):
            return [f"{pad}{name}: {annotation}"]  # nothing to split at: black leaves it long
        return None
    tail = (f" = {default}" if default is not None else "") + trailing
    return _parenthesized(pad, name + ": ", annotation, tail)


def _field_call(pad: str, name: str, annotation: str, call: str) -> list[str] | None:
    head = f"{name}: {annotation} = Field("
    arguments = call[len("Field(") : -1]
    if _has_brackets(arguments):
        return None
    if not _fits(pad + head):
        left = f"{pad}{name}: {annotation} = ("
        if _fits(left):
            # the whole left side fits: black parenthesizes the call instead
            inner = pad + "    "
            body = [inner + call] if _fits(inner + call) else _right_hand_split(inner, call, "")
            return None if body is None else [left, *body, pad + ")"]
        operands = split_top_level(annotation, " | ")
        if operands is not None and len(operands) == 1 and not _keeps_parentheses(operands):
            outside = _depth_zero(annotation)
            if outside is None or not re.fullmatch(r"[\w.]+\[\]", outside):
                return None
            # a subscript: black splits at its brackets, the call whole after them
            return _right_hand_split(pad, f"{name}: {annotation}", f" = {call}")
        # black then keeps the call whole after the annotation, parenthesized
        if operands is None or _has_brackets(operands[-1]) or not _fits(f"{pad}) = {call}"):
            return None
        if len(operands) == 1 and not _fits(pad + "    " + annotation):
            return None
        return _parenthesized(pad, name + ": ", annotation, f" = {call}")
    items = split_top_level(arguments, ", ")
    if items is None or any(not item for item in items):
        return None
    return _exploded(pad, head, items, ")")


def _alias_literal(pad: str, line: str) -> list[str] | None:
    match = re.fullmatch(r"(\w+(?:: TypeAlias)? = )(Literal\[.*\])", line)
    if match is None:
        return None
    subscript = _flat_subscript(match.group(2))
    if subscript is None or len(subscript[1]) < 2:
        return None
    head = match.group(1) + subscript[0] + "["
    if not _fits(pad + head):
        return None
    return _exploded(pad, head, subscript[1], "]")


def _alias_union(pad: str, line: str) -> list[str] | None:
    match = re.fullmatch(r"(\w+(?:: TypeAlias)? = )(.*)", line)
    if match is None:
        return None
    value = match.group(2)
    operands = split_top_level(value, " | ")
    if operands is not None and len(operands) == 1:
        if _NAME_PATH.fullmatch(value):
            if not _fits(pad + match.group(1) + "("):
                return None
            if _fits(pad + "    " + value):
                return [pad + match.group(1) + "(", pad + "    " + value, pad + ")"]
            return [pad + line]  # nothing to split at: black leaves it long
        outside = _depth_zero(value)
        if outside is None or not re.fullmatch(r"[\w.]+[\[(][\])]|\[\]", outside):
            return None
        return _right_hand_split(pad, line, "")
    if operands is None or len(operands) < 2 or not _keeps_parentheses(operands):
        return None
    return _parenthesized(pad, match.group(1), value, "")


def _assigned_call(pad: str, lead: str, value: str) -> list[str] | None:
    """`lead` (`return ` or `target = `) and `value`, a call `f(...)`: black drops the
    parentheses it could add around the value and splits the call's own brackets; when that
    first line is too long, it takes the parenthesized value instead if all of it then fits."""
    outside = _depth_zero(value)
    if outside is None or not re.fullmatch(r"[\w.]+\(\)", outside) or value.endswith("()"):
        return None  # no call, or one without arguments: black weighs other splits
    split = _right_hand_split(pad, lead + value, "", long_head=True)
    if split is None or _fits(split[0]):
        return split
    inner = pad + "    "
    if _fits(inner + value):
        body: list[str] | None = [inner + value]
    else:
        body = _right_hand_split(inner, value, "", long_head=True)
    if body is None:
        return None
    wrapped = [pad + lead + "(", *body, pad + ")"]
    return wrapped if all(_fits(line) for line in wrapped) else split


def fit_statement(line: str) -> list[str] | None:
    """Black's lines for one simple statement line, or None when black must decide."""
    if _fits(line):
        return [line]
    stripped = line.lstrip(" ")
    pad = line[: len(line) - len(stripped)]
    match = _IMPORT.fullmatch(stripped)
    if match is not None:
        names = [name.strip() for name in match.group("names").split(",")]
        if any(not _NAME.fullmatch(name) for name in names):
            return None
        inner = pad + "    "
        head = f"from {match.group('module')} import ("
        return [pad + head, *(inner + name + "," for name in names), pad + ")"]
    match = _CLASS.fullmatch(stripped)
    if match is not None:
        bases = match.group("bases")
        if not _fits(pad + "    " + bases) or "," in bases:
            return None
        return [pad + f"class {match.group('name')}(", pad + "    " + bases, pad + "):"]
    match = _ONE_PARAMETER_DEF.fullmatch(stripped)
    if match is not None:
        # black splits a signature at its first bracket, adding the trailing comma
        closing = fit_return(pad + match.group("tail"))
        if closing is None:
            return None
        parameter = pad + "    " + match.group("parameter") + ","
        return [pad + match.group("head"), parameter, *closing]
    if stripped.startswith("return "):
        return _assigned_call(pad, "return ", stripped[len("return ") :])
    if _BARE_CLASS.fullmatch(stripped):
        return [line]  # nothing to split at: black leaves it long
    match = _ATTRIBUTE_SET.fullmatch(stripped)
    if match is not None:
        return _assigned_call(pad, match.group("lead"), match.group("value"))
    if stripped.startswith(("Literal", "def ", "async ", "@")):
        return None
    found = _alias_literal(pad, stripped)
    if found is not None:
        return found
    if re.match(r"\w+(?:: TypeAlias)? = ", stripped):
        return _alias_union(pad, stripped)
    match = _FIELD.fullmatch(stripped)
    if match is not None:
        return _annotated(pad, match.group("name"), match.group("rest"), "")
    return None


def fit_parameter(line: str) -> list[str] | None:
    """Black's lines for one parameter line of an exploded signature (`name: T = d,`)."""
    if _fits(line):
        return [line]
    stripped = line.lstrip(" ")
    pad = line[: len(line) - len(stripped)]
    match = _FIELD.fullmatch(stripped)
    if match is None or not stripped.endswith(","):
        return None
    rest = match.group("rest")[:-1]
    parts = split_top_level(rest, " = ")
    if parts is None or (len(parts) == 2 and parts[1].startswith("Field(")):
        return None
    return _annotated(pad, match.group("name"), rest, ",")


def fit_return(line: str) -> list[str] | None:
    """Black's lines for the closing line of an exploded signature: `) -> Name:` with the
    name parenthesized when it then fits (else left long), `) -> Name[...]:` split at the
    annotation's bracket, as black drops the parentheses it could add around it."""
    if _fits(line):
        return [line]
    stripped = line.lstrip(" ")
    pad = line[: len(line) - len(stripped)]
    match = _RETURN.fullmatch(stripped)
    if match is None:
        return None
    annotation = match.group("annotation")
    operands = split_top_level(annotation, " | ")
    if operands is not None and len(operands) > 1:
        return (
            _parenthesized(pad, ") -> ", annotation, ":") if _keeps_parentheses(operands) else None
        )
    if _NAME_PATH.fullmatch(annotation):
        if not _fits(pad + "    " + annotation):
            return [line]  # nothing to split at: black leaves it long
        return [pad + ") -> (", pad + "    " + annotation, pad + "):"]
    outside = _depth_zero(annotation)
    if outside is None or not re.fullmatch(r"[\w.]+\[\]", outside):
        return None
    return _right_hand_split(pad, stripped, "")
