"""Pages that are also iterators over every item of every page, for every paging style.

A list method says how its API pages (`Paging`): by a page token, a cursor, an offset, a page
number or a next-page URL. Each page works out the request for the page after it
(`NextRequest`), so every style has the same surface: iterate a page for every item,
`iter_pages()` for the pages, `get_next_page()`, `has_next_page()`, and the style's own
accessor (`next_page_token`, `next_cursor`, `next_offset`, `next_page_number`, `next_url`).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import parse_qsl, urljoin, urlsplit

from .errors import APIError

T = TypeVar("T")
Style = Literal["page_token", "cursor", "offset", "page", "next_url"]
_LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_REL_NEXT = re.compile(r';\s*rel\s*=\s*"?([^";]*)"?', re.I)


@dataclass(frozen=True, slots=True)
class Paging:
    """How an operation pages; field names are wire names, dotted for nested ones, and an empty
    `items_field` means the body is the list itself."""

    style: Style
    items_field: str
    param: str | None = None
    """The query parameter a next request sets: token, cursor, offset or page number."""
    next_field: str | None = None
    """The next token or cursor; for offset, page and next_url, the next page's URL."""
    size_param: str | None = None
    has_more_field: str | None = None
    total_field: str | None = None
    """Total items (offset) or total pages (page)."""
    cursor_item_field: str | None = None
    """A cursor read from the last item (`id`), when the response names none."""
    link_header: bool = False


@dataclass(frozen=True, slots=True)
class NextRequest:
    """The request for the next page: query values that replace the last request's, or a URL."""

    query: Mapping[str, str] = field(default_factory=dict)
    url: str | None = None

    def key(self) -> str:
        return self.url if self.url is not None else repr(sorted(self.query.items()))


def _read_one(envelope: Any, name: str) -> Any:
    if envelope is None:
        return None
    if isinstance(envelope, Mapping):
        return envelope.get(name)
    fields = getattr(type(envelope), "model_fields", None)
    if fields is None:
        return None
    for attribute, info in fields.items():
        if name in (attribute, info.alias):
            return getattr(envelope, attribute)
    extra = getattr(envelope, "model_extra", None) or {}
    return extra.get(name)


def read_path(envelope: Any, path: str | None) -> Any:
    """The value at a dotted path of wire names (`response_metadata.next_cursor`)."""
    if path is None:
        return None
    if path == "":
        return envelope
    value = envelope
    for part in path.split("."):
        value = _read_one(value, part)
    return value


def next_link(headers: Mapping[str, str] | None) -> str | None:
    """The `rel="next"` URL of an RFC 8288 `Link` header, if there is one."""
    value = headers.get("link") if headers is not None else None
    if not value:
        return None
    for match in _LINK.finditer(value):
        for rel in _REL_NEXT.findall(match.group(2)):
            if "next" in rel.lower().split():
                return match.group(1).strip()
    return None


def request_target(url: str, base_url: str) -> tuple[str, dict[str, Any]]:
    """A next-page URL as a path under the client's base URL and its query. A URL elsewhere is
    refused: following it would send the client's credentials to another server."""
    base = base_url.rstrip("/")
    absolute = urljoin(base + "/", url)
    parts = urlsplit(absolute)
    without_query = absolute.split("?", 1)[0].split("#", 1)[0]
    if without_query != base and not without_query.startswith(base + "/"):
        raise APIError(f"the next page's URL {url!r} is not under the client's base URL {base!r}")
    query: dict[str, Any] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        previous = query.get(name)
        if previous is None:
            query[name] = value
        else:
            query[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
    return without_query[len(base) :], query


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _is_false(value: Any) -> bool:
    return value is False or value == "false"


class _PageBase(Generic[T]):
    """One page: its items, the parsed body, and what the next request is, if any."""

    def __init__(
        self,
        envelope: Any,
        *,
        paging: Paging,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.response = envelope
        self.paging = paging
        items = read_path(envelope, paging.items_field)
        self.data: list[T] = list(items) if isinstance(items, list | tuple) else []
        self.next_request: NextRequest | None = self._next(dict(query or {}), headers)

    # ----- the next request, by style ------------------------------------------------------
    def _next(self, query: dict[str, Any], headers: Mapping[str, str] | None) -> NextRequest | None:
        paging = self.paging
        if paging.has_more_field and _is_false(read_path(self.response, paging.has_more_field)):
            return None
        link = next_link(headers) if paging.link_header else None
        if paging.style == "next_url":
            url = read_path(self.response, paging.next_field) or link
            return NextRequest(url=str(url)) if url else None
        if paging.style in ("page_token", "cursor"):
            return self._next_cursor()
        if not self.data:
            return None
        if paging.next_field is not None and not read_path(self.response, paging.next_field):
            return None
        if paging.link_header and link is None:
            return None
        told = paging.next_field or paging.link_header or paging.has_more_field
        total = _number(read_path(self.response, paging.total_field))
        size = _number(query.get(paging.size_param)) if paging.size_param else None
        if total is None and not told and size is not None and len(self.data) < size:
            return None  # a short page is the last one
        assert paging.param is not None
        if paging.style == "offset":
            offset = (_number(query.get(paging.param)) or 0) + len(self.data)
            if total is not None and offset >= total:
                return None
            return NextRequest({paging.param: str(offset)})
        number = _number(query.get(paging.param))
        current = number if number is not None else 1
        if total is not None and current >= total:
            return None
        if link is not None:
            return NextRequest(url=link)
        return NextRequest({paging.param: str(current + 1)})

    def _next_cursor(self) -> NextRequest | None:
        paging = self.paging
        assert paging.param is not None
        if paging.next_field is not None:
            token = read_path(self.response, paging.next_field)
        elif self.data and paging.cursor_item_field is not None:
            token = read_path(self.data[-1], paging.cursor_item_field)
        else:
            token = None
        if token is None or token == "" or (not self.data and paging.next_field is None):
            return None
        return NextRequest({paging.param: str(token)})

    # ----- accessors -------------------------------------------------------------------------
    def _param_value(self, *styles: str) -> str | None:
        request = self.next_request
        if request is None or self.paging.style not in styles or self.paging.param is None:
            return None
        query = _split_query(request.url)[1] if request.url is not None else request.query
        value = query.get(self.paging.param)
        return str(value) if value is not None else None

    @property
    def next_page_token(self) -> str | None:
        """The token (or cursor) the next page is asked for with; None on the last page."""
        return self._param_value("page_token", "cursor")

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page (the same as `next_page_token`)."""
        return self._param_value("page_token", "cursor")

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page (offset paging); None on the last page."""
        return _number(self._param_value("offset"))

    @property
    def next_page_number(self) -> int | None:
        """The number of the next page (page-number paging); None on the last page."""
        return _number(self._param_value("page"))

    @property
    def next_url(self) -> str | None:
        """The URL of the next page, where the API gives one; None on the last page."""
        request = self.next_request
        return request.url if request is not None else None

    def has_next_page(self) -> bool:
        return self.next_request is not None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.data)}, next={self._describe_next()})"

    def _describe_next(self) -> str:
        request = self.next_request
        if request is None:
            return "None"
        return repr(request.url) if request.url is not None else repr(dict(request.query))


def _split_query(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.path, dict(parse_qsl(parts.query, keep_blank_values=True))


def _check_progress(seen: set[str], request: NextRequest) -> None:
    key = request.key()
    if key in seen:
        raise APIError(f"the API returned the same next page twice ({key})")
    seen.add(key)


class SyncPage(_PageBase[T]):
    """A page of results; iterating it walks every item across all following pages."""

    def __init__(
        self,
        envelope: Any,
        *,
        paging: Paging,
        fetch: Callable[[NextRequest], SyncPage[T]],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(envelope, paging=paging, query=query, headers=headers)
        self._fetch = fetch

    def get_next_page(self) -> SyncPage[T]:
        if self.next_request is None:
            raise APIError("there is no next page")
        return self._fetch(self.next_request)

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        page: SyncPage[T] = self
        seen: set[str] = set()
        while True:
            yield page
            if page.next_request is None:
                return
            _check_progress(seen, page.next_request)
            page = page.get_next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_PageBase[T]):
    """A page of results; `async for` over it walks every item across all following pages."""

    def __init__(
        self,
        envelope: Any,
        *,
        paging: Paging,
        fetch: Callable[[NextRequest], Awaitable[AsyncPage[T]]],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(envelope, paging=paging, query=query, headers=headers)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[T]:
        if self.next_request is None:
            raise APIError("there is no next page")
        return await self._fetch(self.next_request)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        page: AsyncPage[T] = self
        seen: set[str] = set()
        while True:
            yield page
            if page.next_request is None:
                return
            _check_progress(seen, page.next_request)
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPager(Generic[T]):
    """What an async list method returns: await it for the first page, or `async for` it."""

    def __init__(self, first: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self._first()
        async for item in page:
            yield item

    def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """Every page, the first included, without awaiting the first yourself."""

        async def pages() -> AsyncIterator[AsyncPage[T]]:
            page = await self._first()
            async for each in page.iter_pages():
                yield each

        return pages()
