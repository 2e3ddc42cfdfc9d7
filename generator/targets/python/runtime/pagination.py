"""Cursor pages that are also iterators over every item of every page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar

from .errors import APIError

T = TypeVar("T")


def _read(envelope: Any, field: str) -> Any:
    if isinstance(envelope, dict):
        return envelope.get(field)
    extra = getattr(envelope, "model_extra", None) or {}
    for name, info in type(envelope).model_fields.items():
        if field in (name, info.alias):
            return getattr(envelope, name)
    return extra.get(field)


class _PageBase(Generic[T]):
    """One page: its items, the token of the next page, and the parsed envelope."""

    def __init__(self, envelope: Any, *, items_field: str, next_field: str) -> None:
        self.response = envelope
        items = _read(envelope, items_field)
        self.data: list[T] = list(items) if items else []
        token = _read(envelope, next_field)
        self.next_page_token: str | None = str(token) if token else None

    def has_next_page(self) -> bool:
        return self.next_page_token is not None

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(items={len(self.data)}, "
            f"next_page_token={self.next_page_token!r})"
        )


class SyncPage(_PageBase[T]):
    """A page of results; iterating it walks every item across all following pages."""

    def __init__(
        self,
        envelope: Any,
        *,
        items_field: str,
        next_field: str,
        fetch: Callable[[str], SyncPage[T]],
    ) -> None:
        super().__init__(envelope, items_field=items_field, next_field=next_field)
        self._fetch = fetch

    def get_next_page(self) -> SyncPage[T]:
        if self.next_page_token is None:
            raise APIError("there is no next page")
        return self._fetch(self.next_page_token)

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        page: SyncPage[T] = self
        seen: set[str] = set()
        while True:
            yield page
            token = page.next_page_token
            if token is None:
                return
            if token in seen:
                raise APIError(f"the API returned the page token {token!r} twice")
            seen.add(token)
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
        items_field: str,
        next_field: str,
        fetch: Callable[[str], Awaitable[AsyncPage[T]]],
    ) -> None:
        super().__init__(envelope, items_field=items_field, next_field=next_field)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[T]:
        if self.next_page_token is None:
            raise APIError("there is no next page")
        return await self._fetch(self.next_page_token)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        page: AsyncPage[T] = self
        seen: set[str] = set()
        while True:
            yield page
            token = page.next_page_token
            if token is None:
                return
            if token in seen:
                raise APIError(f"the API returned the page token {token!r} twice")
            seen.add(token)
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
