"""Values written on the wire by their OpenAPI style: path segments, query and cookie pairs,
header values, and the fields of form and multipart bodies.

A style is `(name, explode)`, as the generated method passes it for every argument the API
does not write OpenAPI's default way; the defaults are `simple` for path segments and headers
and `form` with explode for queries, cookies and form fields. Booleans are `true`/`false`,
models and dates their JSON form, and anything a style cannot spell (an object inside an
array) JSON text: never Python's own notation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .encoding import to_jsonable
from .types import NotGiven

Style = tuple[str, bool]
FORM: Style = ("form", True)
SIMPLE: Style = ("simple", False)
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}
JSON_PART = "application/json"


def text_of(value: Any) -> str:
    """One scalar as text: booleans lower case, null empty, containers as JSON."""
    value = to_jsonable(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _flat(value: Any, explode: bool, separator: str = ",") -> list[str]:
    """An object's properties as `k=v` (explode) or `k`, `v` items; an array's items."""
    if isinstance(value, dict):
        if explode:
            return [f"{key}={text_of(item)}" for key, item in value.items()]
        return [text for key, item in value.items() for text in (str(key), text_of(item))]
    return [text_of(item) for item in value]


def encode_path(value: Any, style: str = "simple", explode: bool = False, name: str = "") -> str:
    """A path parameter as its segment, percent-encoded so '/' and '?' never split the path:
    `simple` (`a,b`), `label` (`.a.b`) or `matrix` (`;id=a,b`)."""
    if type(value) is str and style == "simple":  # the usual id: one segment
        return _segment(value)
    value = to_jsonable(value)
    items: list[str]
    if isinstance(value, dict):
        pairs = [(_segment(str(k)), _segment(text_of(v))) for k, v in value.items()]
        items = [f"{k}={v}" for k, v in pairs] if explode else [t for kv in pairs for t in kv]
    elif isinstance(value, list):
        items = [_segment(text_of(item)) for item in value]
    else:
        items = [_segment(text_of(value))]
        explode = False
    if style == "label":
        return "." + ("." if explode else ",").join(items)
    if style == "matrix":
        label = _segment(name)
        if explode and isinstance(value, dict):
            return "".join(f";{item}" for item in items)
        if explode:
            return "".join(f";{label}={item}" for item in items)
        return f";{label}=" + ",".join(items)
    return ",".join(items)


def _segment(text: str) -> str:
    return quote(text, safe="")


def header_text(value: Any, explode: bool = False) -> str:
    """A header parameter (style `simple`): `a,b` for an array, `k,v` or `k=v` for an object."""
    value = to_jsonable(value)
    if isinstance(value, dict | list):
        return ",".join(_flat(value, explode))
    return text_of(value)


def _deep(name: str, value: Any) -> list[tuple[str, str]]:
    """Bracket notation: `name[key]=v` for objects, `name[0]=v` for arrays, at any depth."""
    if isinstance(value, dict):
        return [pair for k, item in value.items() for pair in _deep(f"{name}[{k}]", item)]
    if isinstance(value, list):
        return [pair for i, item in enumerate(value) for pair in _deep(f"{name}[{i}]", item)]
    return [(name, text_of(value))]


def pairs_of(name: str, value: Any, style: Style) -> list[tuple[str, str]]:
    """The (name, text) pairs of one query, cookie or form value written in `style`."""
    kind, explode = style
    value = to_jsonable(value)
    if kind == "json":
        return [(name, json.dumps(value, separators=(",", ":"), ensure_ascii=False))]
    if kind == "deepObject":
        return _deep(name, value)
    if not isinstance(value, dict | list):
        return [(name, text_of(value))]
    if explode and isinstance(value, dict):
        return [(str(key), text_of(item)) for key, item in value.items()]
    if explode:
        return [(name, text_of(item)) for item in value]
    return [(name, _DELIMITERS.get(kind, ",").join(_flat(value, False)))]


def _given(value: Any) -> bool:
    return value is not None and not isinstance(value, NotGiven)


def query_pairs(
    query: Mapping[str, Any], styles: Mapping[str, Style] | None = None
) -> list[tuple[str, str]]:
    """Every given query (or form) value as (name, text) pairs, in order."""
    styles = styles or {}
    found: list[tuple[str, str]] = []
    for name, value in query.items():
        if _given(value):
            found.extend(pairs_of(name, value, styles.get(name, FORM)))
    return found


def cookie_text(cookies: Mapping[str, Any], styles: Mapping[str, Style] | None = None) -> str:
    """Cookie parameters (style `form`) as one `Cookie` header value; values outside RFC
    6265's set are escaped."""
    return "; ".join(
        f"{name}={quote(text, safe=_COOKIE_SAFE)}" for name, text in query_pairs(cookies, styles)
    )


_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"

Part = tuple[str, tuple[str | None, bytes, str]]


def multipart_fields(
    data: Mapping[str, Any], styles: Mapping[str, Style] | None = None
) -> tuple[dict[str, list[str]], list[Part]]:
    """The non-file fields of a multipart body: text fields by name (an array is a part per
    item, bracket names for `deepObject`), and JSON parts for objects and arrays of objects
    sent without a style of their own."""
    styles = styles or {}
    fields: dict[str, list[str]] = {}
    json_parts: list[Part] = []
    for name, value in data.items():
        if not _given(value):
            continue
        style = styles.get(name, FORM)
        plain = to_jsonable(value)
        nested = isinstance(plain, dict) or (
            isinstance(plain, list) and any(isinstance(i, dict | list) for i in plain)
        )
        if style[0] == "json" or (style == FORM and nested):
            encoded = json.dumps(plain, separators=(",", ":"), ensure_ascii=False).encode()
            json_parts.append((name, (None, encoded, JSON_PART)))
            continue
        if style == FORM and isinstance(plain, list):
            fields.setdefault(name, []).extend(text_of(item) for item in plain)
            continue
        for key, text in pairs_of(name, plain, style):
            fields.setdefault(key, []).append(text)
    return fields, json_parts
