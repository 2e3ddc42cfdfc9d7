"""A list call's page, for every paging style the IR recognises: which items of a collection of
three pages the request asks for, and how the answer says whether another page follows (a next
token or cursor, the last item's cursor, `has_more`, a total, a short or empty page, a next URL in
the body or a `Link` header), each as the operation's `Pagination` names it. Pages are full; where
only a short page can say the list is over, the third is one item short.

Pages are read from the request alone: a token is `page_<index>`, an item's cursor is its id
`item_<position>`, offsets and page numbers count items and pages, and a next URL the mock makes
carries its own `mock_page` query parameter (the only undeclared one the mock accepts).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from generator.ir.model import Pagination
from generator.load.records import record

PAGES = 3
"""How many pages a list call has."""
DEFAULT_SIZE = 2
"""Items on a page when the request names no page size."""
MAX_SIZE = 100
NEXT_URL_PARAM = "mock_page"
"""The query parameter of the next URLs the mock makes for the `next_url` style."""

_TOKEN = re.compile(r"^page_(\d+)$")
_TRAILING_NUMBER = re.compile(r"(\d+)$")

_ABSENT = object()
"""A signal left out of the body."""

Valid = Callable[[Any], bool]


@record
class PageRequest:
    """What a list request says about the page it wants, and where it was sent."""

    origin: str
    """`http://host:port` as the client addressed the server."""
    path: str
    """The raw path as received (with any server base path)."""
    query: Mapping[str, list[str]]


@record
class Window:
    """The items of one page: positions `start` to `end` of a collection of `count`."""

    start: int
    size: int
    count: int

    @property
    def end(self) -> int:
        return max(self.start, min(self.start + self.size, self.count))

    @property
    def more(self) -> bool:
        return self.end < self.count

    @property
    def index(self) -> int:
        """The page's index from 0."""
        return self.start // self.size


def pageable(pagination: Pagination) -> bool:
    """Whether the mock can tell pages of this operation apart (a next URL needs no param)."""
    return pagination.style == "next_url" or pagination.param is not None


def describe(pagination: Pagination) -> str:
    if pagination.style == "next_url":
        how = "a Link header" if pagination.link_header else f"`{pagination.next_field}`"
        return f"paginated ({PAGES} pages by the next URL in {how})"
    return f"paginated ({PAGES} pages by `{pagination.param}`)"


def page(
    pagination: Pagination, request: PageRequest, body: Any, valid: Valid
) -> tuple[Any, dict[str, str]]:
    """The synthesised `body` turned into the requested page, with the headers to send; the body
    unchanged when no page of it is valid for the spec."""
    items = _read(body, pagination.items_field)
    if not isinstance(items, list):
        return body, {}
    window = _window(pagination, request.query, template_count=len(items))
    next_url = _next_url(pagination, request, window) if window.more else None
    headers = _link(pagination, request, next_url) if pagination.link_header else {}
    signals = _signals(pagination, window, next_url)
    for numbered in (True, False):
        page_items = [_item(pagination, items[0], p, numbered) for p in range(*_span(window))]
        candidate = _with(body, pagination.items_field, page_items)
        for variant in _variants(signals):
            answer = _with_signals(candidate, variant)
            if answer is not None and valid(answer):
                return answer, headers
    return body, {}


def _span(window: Window) -> tuple[int, int]:
    return window.start, window.end


def _variants(signals: dict[str, Any]) -> list[dict[str, Any]]:
    """The ways to say "no next page" the spec may allow: null, the field left out, an empty
    string (which clients read as the end too)."""
    return [
        signals,
        {k: _ABSENT if v is None else v for k, v in signals.items()},
        {k: "" if v is None else v for k, v in signals.items()},
    ]


def _size(pagination: Pagination, query: Mapping[str, list[str]]) -> int:
    asked = _number(_first(query, pagination.size_param))
    return min(asked, MAX_SIZE) if asked is not None and asked > 0 else DEFAULT_SIZE


def _window(pagination: Pagination, query: Mapping[str, list[str]], template_count: int) -> Window:
    size = _size(pagination, query)
    count = PAGES * size - 1 if _ends_short(pagination) and size > 1 else PAGES * size
    if template_count == 0:
        count = 0
    return Window(_start(pagination, query, size), size, count)


def _ends_short(pagination: Pagination) -> bool:
    """Whether only a short (or empty) page says the list is over: its last page is short."""
    told = (
        pagination.next_field or pagination.total_field or pagination.has_more_field
    ) is not None
    return pagination.style in ("offset", "page") and not told and not pagination.link_header


def _start(pagination: Pagination, query: Mapping[str, list[str]], size: int) -> int:
    """The position of the page's first item."""
    if pagination.style == "next_url":
        number = _number(_first(query, NEXT_URL_PARAM))
        return (number - 1) * size if number is not None and number > 0 else 0
    asked = _first(query, pagination.param)
    if asked is None:
        return 0
    if pagination.style == "offset":
        offset = _number(asked)
        return offset if offset is not None and offset > 0 else 0
    if pagination.style == "page":
        number = _number(asked)
        return (number - 1) * size if number is not None and number > 0 else 0
    if pagination.next_field is None:
        found = _TRAILING_NUMBER.search(asked)
        return int(found.group(1)) if found else 0
    token = _TOKEN.match(asked)
    return int(token.group(1)) * size if token else 0


def _item(pagination: Pagination, template: Any, position: int, numbered: bool) -> Any:
    """The item at `position`: the synthesised one, its id numbered when it has one."""
    item = copy.deepcopy(template)
    field = pagination.cursor_item_field or "id"
    if not numbered or not isinstance(item, dict) or "." in field:
        return item
    current = item.get(field)
    if isinstance(current, bool) or not isinstance(current, str | int):
        return item
    item[field] = position + 1 if isinstance(current, int) else f"item_{position + 1}"
    return item


def _signals(pagination: Pagination, window: Window, next_url: str | None) -> dict[str, Any]:
    """The body fields that say whether a page follows, by wire path."""
    signals: dict[str, Any] = {}
    if pagination.style in ("page_token", "cursor") and pagination.next_field is not None:
        signals[pagination.next_field] = f"page_{window.index + 1}" if window.more else None
    elif pagination.next_field is not None:
        signals[pagination.next_field] = next_url
    if pagination.has_more_field is not None:
        signals[pagination.has_more_field] = window.more
    if pagination.total_field is not None:
        pages = -(-window.count // window.size)
        signals[pagination.total_field] = pages if pagination.style == "page" else window.count
    return signals


def _next_url(pagination: Pagination, request: PageRequest, window: Window) -> str | None:
    if pagination.style == "next_url":
        name, value = NEXT_URL_PARAM, str(window.index + 2)
    elif pagination.param is None:
        return None
    elif pagination.style == "offset":
        name, value = pagination.param, str(window.end)
    elif pagination.style == "page":
        name, value = pagination.param, str(window.index + 2)
    elif pagination.next_field is None:
        name, value = pagination.param, f"item_{window.end}"
    else:
        name, value = pagination.param, f"page_{window.index + 1}"
    return _url(request, name, value)


def _url(request: PageRequest, name: str | None, value: str | None) -> str:
    """The request's URL with the query parameter `name` set to `value`, or left out."""
    pairs = [(k, v) for k, values in request.query.items() if k != name for v in values]
    if name is not None and value is not None:
        pairs.append((name, value))
    query = f"?{urlencode(pairs)}" if pairs else ""
    return f"{request.origin}{request.path}{query}"


def _link(pagination: Pagination, request: PageRequest, next_url: str | None) -> dict[str, str]:
    """A `Link` header: the next page, or on the last page the first one (as APIs do)."""
    if next_url is not None:
        return {"Link": f'<{next_url}>; rel="next"'}
    name = NEXT_URL_PARAM if pagination.style == "next_url" else pagination.param
    return {"Link": f'<{_url(request, name, None)}>; rel="first"'}


def _with_signals(body: Any, signals: Mapping[str, Any]) -> Any:
    for path, value in signals.items():
        body = _without(body, path) if value is _ABSENT else _with(body, path, value)
        if body is None:
            return None
    return body


def _read(body: Any, path: str) -> Any:
    if path == "":
        return body
    for part in path.split("."):
        body = body.get(part) if isinstance(body, dict) else None
    return body


def _with(body: Any, path: str, value: Any) -> Any:
    """`body` with `value` at the dotted `path` (None when the body cannot hold it)."""
    if path == "":
        return value
    if not isinstance(body, dict):
        return None
    head, _, rest = path.partition(".")
    if not rest:
        return {**body, head: value}
    inner = _with(body.get(head, {}), rest, value)
    return None if inner is None else {**body, head: inner}


def _without(body: Any, path: str) -> Any:
    if not isinstance(body, dict):
        return body
    head, _, rest = path.partition(".")
    if not rest:
        return {k: v for k, v in body.items() if k != head}
    if head not in body:
        return body
    return {**body, head: _without(body[head], rest)}


def _first(query: Mapping[str, list[str]], name: str | None) -> str | None:
    values = query.get(name) if name is not None else None
    return values[0] if values else None


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        return None
