"""A server that drifts from the spec never crashes a call; `strict_response_validation=True`
turns the same drift into `ResponseValidationError`, with the body and the request id."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.extend import TOKEN, import_sdk
from tests.support.spec_server import ScriptedResponse, SpecServer

DRIFTED_FILE = {
    "object": "file",
    "id": "file_1",
    "name": "Invoice.pdf",
    "type": "PDF",
    "metadata": "not an object",
    "presignedUrl": "https://example.com/file_1.pdf",
    "addedByANewerServer": {"pages": 3},
    "updatedAt": "2025-01-01T00:00:00Z",
}
HEADERS = {"x-request-id": "req_drift"}


@pytest.fixture
def sdk() -> Any:
    return import_sdk()


def test_a_response_of_another_shape_keeps_what_the_server_sent(sdk: Any, live: SpecServer) -> None:
    live.script("deleteFile", ScriptedResponse(200, json={"success": True}, headers=HEADERS))
    live.script("retrieveFile", ScriptedResponse(200, json=DRIFTED_FILE, headers=HEADERS))
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        deleted = client.files.delete("file_1")
        found = client.files.retrieve("file_1")
    assert type(deleted).__name__ == "FilesDeleteResponse"
    assert deleted.id is None and deleted.model_extra == {"success": True}
    assert isinstance(found, sdk.models.File)
    assert found.id == "file_1" and found.name == "Invoice.pdf"
    assert found.created_at is None  # dropped by the server: reads as None
    assert found.updated_at.tzinfo is not None  # present and well-typed: typed
    assert found.metadata == "not an object"  # mistyped: the raw value
    assert found.model_extra == {"addedByANewerServer": {"pages": 3}}
    assert found.to_dict()["metadata"] == "not an object"


def test_strict_mode_raises_the_sdks_error(sdk: Any, live: SpecServer) -> None:
    live.script("retrieveFile", ScriptedResponse(200, json=DRIFTED_FILE, headers=HEADERS))
    client = sdk.Extend(token=TOKEN, base_url=live.base_url, strict_response_validation=True)
    with client, pytest.raises(sdk.ResponseValidationError) as caught:
        client.files.retrieve("file_1")
    error = caught.value
    assert isinstance(error, sdk.ExtendError)
    assert error.request_id == "req_drift" and error.status_code == 200
    assert error.body == DRIFTED_FILE
    assert "does not match the API description" in str(error)


def test_strict_mode_accepts_what_the_spec_describes(sdk: Any, live: SpecServer) -> None:
    with sdk.Extend(token=TOKEN, base_url=live.base_url, strict_response_validation=True) as client:
        assert client.files.retrieve("file_1").id


def test_a_body_that_is_not_json_is_an_error_lenient_or_strict(sdk: Any, live: SpecServer) -> None:
    """Lenient reading is for JSON that drifts: a page that is not JSON is never a `File`."""
    html = ScriptedResponse(200, body=b"<html>maintenance</html>", content_type="text/html")
    live.script("retrieveFile", html, html)
    for strict in (False, True):
        client = sdk.Extend(token=TOKEN, base_url=live.base_url, strict_response_validation=strict)
        with client, pytest.raises(sdk.ResponseValidationError) as caught:
            client.files.retrieve("file_1")
        assert caught.value.body == "<html>maintenance</html>"


def test_async_calls_are_as_lenient(sdk: Any, live: SpecServer) -> None:
    import asyncio

    live.script("retrieveFile", ScriptedResponse(200, json=DRIFTED_FILE, headers=HEADERS))

    async def main() -> Any:
        async with sdk.AsyncExtend(token=TOKEN, base_url=live.base_url) as client:
            return await client.files.retrieve("file_1")

    found = asyncio.run(main())
    assert found.metadata == "not an object" and found.created_at is None
