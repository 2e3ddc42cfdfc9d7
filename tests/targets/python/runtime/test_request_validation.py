"""Requests are validated strictly before anything is sent: a wrong argument raises
`RequestValidationError` naming it, and no request leaves the client."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.support.extend import import_sdk

FILE = {"object": "file", "id": "file_1", "name": "a.pdf", "type": "PDF"}


def _client(sdk: Any, sent: list[httpx.Request]) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=FILE)

    return sdk.Extend(token="t", http_client=httpx.Client(transport=httpx.MockTransport(answer)))


@pytest.mark.parametrize(
    ("call", "argument", "reason"),
    [
        (lambda c: c.files.retrieve(123), "id", "valid string"),
        (lambda c: c.files.list(sort_dir="sideways"), "sort_dir", "'asc' or 'desc'"),
        (lambda c: c.files.list(max_page_size="10"), "max_page_size", "valid integer"),
        (lambda c: c.files.list(max_page_size=True), "max_page_size", "valid integer"),
        (lambda c: c.extract_runs.create(file={"url": 5}), "file", "url"),
    ],
)
def test_a_wrong_argument_raises_before_anything_is_sent(
    call: Callable[[Any], Any], argument: str, reason: str
) -> None:
    sdk = import_sdk()
    sent: list[httpx.Request] = []
    with pytest.raises(sdk.RequestValidationError) as caught:
        call(_client(sdk, sent))
    assert caught.value.argument == argument and reason in str(caught.value)
    assert isinstance(caught.value, sdk.ExtendError) and isinstance(caught.value, ValueError)
    assert sent == []


def test_valid_arguments_models_and_dicts_go_through() -> None:
    sdk = import_sdk()
    sent: list[httpx.Request] = []
    client = _client(sdk, sent)
    assert client.files.retrieve("file_1").id == "file_1"
    client.files.list(sort_dir="asc", max_page_size=10)
    client.extract_runs.create(file={"url": "https://example.com/a.pdf"}, extractor={"id": "ex_1"})
    assert len(sent) == 3
    assert sent[1].url.params["sortDir"] == "asc"


def test_async_methods_check_their_arguments_too() -> None:
    sdk = import_sdk()
    sent: list[httpx.Request] = []

    async def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=FILE)

    async def main() -> None:
        transport = httpx.MockTransport(answer)
        async with sdk.AsyncExtend(
            token="t", http_client=httpx.AsyncClient(transport=transport)
        ) as client:
            with pytest.raises(sdk.RequestValidationError):
                await client.files.retrieve(42)
            assert (await client.files.retrieve("file_1")).id == "file_1"

    asyncio.run(main())
    assert len(sent) == 1
