"""Calls of any path, described by the spec or not, with the client's base URL, auth,
retries, timeouts and typed errors: `client.get("/v2/things", cast_to=Thing)`.

Without `cast_to` a call returns the parsed JSON body (None for an empty one); with it, the
body shaped as that type, leniently like any response.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Unpack, overload

from .types import RequestOptions

if TYPE_CHECKING:
    from .transport import AsyncCore, SyncCore

M = TypeVar("M")


class SyncCalls:
    """`get`, `post`, `put`, `patch` and `delete` of any path, for a client with a `_core`."""

    _core: SyncCore

    @overload
    def get(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    def get(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    def get(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`GET path` (relative to the base URL), returning the body as `cast_to`."""
        return self._core.request(
            "GET", path, cast_to=cast_to, query=query, headers=headers, options=options
        )

    @overload
    def post(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    def post(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`POST path` (relative to the base URL), returning the body as `cast_to`."""
        return self._core.request(
            "POST", path, cast_to=cast_to, query=query, headers=headers, json=json, options=options
        )

    @overload
    def put(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    def put(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`PUT path` (relative to the base URL), returning the body as `cast_to`."""
        return self._core.request(
            "PUT", path, cast_to=cast_to, query=query, headers=headers, json=json, options=options
        )

    @overload
    def patch(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    def patch(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`PATCH path` (relative to the base URL), returning the body as `cast_to`."""
        return self._core.request(
            "PATCH", path, cast_to=cast_to, query=query, headers=headers, json=json, options=options
        )

    @overload
    def delete(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    def delete(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`DELETE path` (relative to the base URL), returning the body as `cast_to`."""
        return self._core.request(
            "DELETE", path, cast_to=cast_to, query=query, headers=headers, options=options
        )


class AsyncCalls:
    """`get`, `post`, `put`, `patch` and `delete` of any path, for a client with a `_core`."""

    _core: AsyncCore

    @overload
    async def get(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    async def get(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    async def get(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`GET path` (relative to the base URL), returning the body as `cast_to`."""
        return await self._core.request(
            "GET", path, cast_to=cast_to, query=query, headers=headers, options=options
        )

    @overload
    async def post(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    async def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    async def post(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`POST path` (relative to the base URL), returning the body as `cast_to`."""
        return await self._core.request(
            "POST", path, cast_to=cast_to, query=query, headers=headers, json=json, options=options
        )

    @overload
    async def put(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    async def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    async def put(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`PUT path` (relative to the base URL), returning the body as `cast_to`."""
        return await self._core.request(
            "PUT", path, cast_to=cast_to, query=query, headers=headers, json=json, options=options
        )

    @overload
    async def patch(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    async def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    async def patch(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`PATCH path` (relative to the base URL), returning the body as `cast_to`."""
        return await self._core.request(
            "PATCH", path, cast_to=cast_to, query=query, headers=headers, json=json, options=options
        )

    @overload
    async def delete(
        self,
        path: str,
        *,
        cast_to: type[M],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> M: ...

    @overload
    async def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    async def delete(
        self,
        path: str,
        *,
        cast_to: Any = Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """`DELETE path` (relative to the base URL), returning the body as `cast_to`."""
        return await self._core.request(
            "DELETE", path, cast_to=cast_to, query=query, headers=headers, options=options
        )
