"""The SDK runtime, exercised through the generated Extend SDK against the local server."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.extend import TOKEN, import_sdk
from tests.support.spec_server import ScriptedResponse, SpecServer

pytestmark = pytest.mark.usefixtures("fast_retries")


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    sdk = import_sdk()
    monkeypatch.setattr(sdk._runtime.transport, "INITIAL_RETRY_DELAY", 0.001)
    yield


@pytest.fixture
def sdk() -> Any:
    return import_sdk()


def error_body(code: str, message: str, retryable: bool = False) -> dict[str, Any]:
    return {"code": code, "message": message, "retryable": retryable, "requestId": "req_123"}


def test_token_falls_back_to_the_environment(
    sdk: Any, live: SpecServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXTEND_API_KEY", TOKEN)
    with sdk.Extend(base_url=live.base_url) as client:
        client.files.retrieve("f1")
    assert live.errors() == []


def test_no_token_is_a_configuration_error(sdk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTEND_API_KEY", raising=False)
    with pytest.raises(sdk.ConfigurationError, match="EXTEND_API_KEY"):
        sdk.Extend()


def test_token_may_be_a_callable(sdk: Any, live: SpecServer) -> None:
    calls: list[int] = []

    def token() -> str:
        calls.append(1)
        return TOKEN

    with sdk.Extend(token=token, base_url=live.base_url) as client:
        client.files.retrieve("f1")
        client.files.retrieve("f2")
    assert len(calls) == 2 and live.errors() == []


def test_environments_and_unknown_environment(sdk: Any) -> None:
    assert sdk.Extend(token="t").base_url == sdk.ENVIRONMENTS["US"]
    assert sdk.Extend(token="t", environment="EU1").base_url == sdk.ENVIRONMENTS["EU1"]
    with pytest.raises(sdk.ConfigurationError, match="unknown environment"):
        sdk.Extend(token="t", environment="MARS")


def test_the_token_never_shows(
    sdk: Any, live: SpecServer, caplog: pytest.LogCaptureFixture
) -> None:
    live.script("retrieveFile", ScriptedResponse(404, json=error_body("NOT_FOUND", "no file")))
    client = sdk.Extend(token=TOKEN, base_url=live.base_url, max_retries=0)
    with (
        caplog.at_level(logging.DEBUG, logger="extend_sdk"),
        pytest.raises(sdk.NotFoundError) as caught,
    ):
        client.files.retrieve("nope")
    shown = [repr(client), str(client._core), repr(caught.value), str(caught.value), caplog.text]
    assert all(TOKEN not in text for text in shown)
    assert "GET" in caplog.text


def test_error_statuses_map_to_exceptions(sdk: Any, live: SpecServer) -> None:
    cases = {
        400: sdk.BadRequestError,
        401: sdk.AuthenticationError,
        402: sdk.PaymentRequiredError,
        403: sdk.PermissionDeniedError,
        404: sdk.NotFoundError,
        409: sdk.ConflictError,
        422: sdk.UnprocessableEntityError,
        429: sdk.RateLimitError,
        503: sdk.InternalServerError,
    }
    with sdk.Extend(token=TOKEN, base_url=live.base_url, max_retries=0) as client:
        for status, cls in cases.items():
            live.script(
                "retrieveFile", ScriptedResponse(status, json=error_body("E", f"s{status}"))
            )
            with pytest.raises(cls) as caught:
                client.files.retrieve("x")
            error = caught.value
            assert isinstance(error, sdk.ExtendError) and isinstance(error, sdk.APIStatusError)
            assert (error.status_code, error.code, error.message) == (status, "E", f"s{status}")
            assert error.retryable is False and error.request_id == "req_123"
            assert error.body["code"] == "E" and "x-request-id" in error.headers


def test_get_is_retried_on_5xx_and_429(sdk: Any, live: SpecServer) -> None:
    live.script(
        "retrieveFile",
        ScriptedResponse(503, json=error_body("DOWN", "down"), headers={"retry-after-ms": "5"}),
        ScriptedResponse(429, json=error_body("SLOW", "slow"), headers={"retry-after": "0"}),
    )
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        file = client.files.retrieve("f1")
    assert file.id == "f1"
    assert len(live.requests) == 3


def test_retries_stop_at_max_retries(sdk: Any, live: SpecServer) -> None:
    live.script("retrieveFile", *[ScriptedResponse(500, json=error_body("E", "e"))] * 5)
    with sdk.Extend(token=TOKEN, base_url=live.base_url, max_retries=1) as client:
        with pytest.raises(sdk.InternalServerError):
            client.files.retrieve("f1")
        assert len(live.requests) == 2
        live.reset()
        live.script("retrieveFile", *[ScriptedResponse(500, json=error_body("E", "e"))] * 5)
        with pytest.raises(sdk.InternalServerError):
            client.files.retrieve("f1", max_retries=3)
        assert len(live.requests) == 4


def test_a_post_is_not_retried_after_a_5xx_unless_the_body_says_retryable(
    sdk: Any, live: SpecServer
) -> None:
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        live.script("createExtractRun", ScriptedResponse(500, json=error_body("E", "e")))
        with pytest.raises(sdk.InternalServerError):
            client.extract_runs.create(
                file={"url": "https://example.com/a.pdf"}, extractor={"id": "ex_1"}
            )
        assert len(live.requests) == 1
        live.reset()
        live.script(
            "createExtractRun", ScriptedResponse(500, json=error_body("E", "e", retryable=True))
        )
        run = client.extract_runs.create(
            file={"url": "https://example.com/a.pdf"}, extractor={"id": "ex_1"}
        )
        assert len(live.requests) == 2 and run.id


def test_connection_errors_are_retried_then_raised(sdk: Any) -> None:
    client = sdk.Extend(token=TOKEN, base_url="http://127.0.0.1:9", max_retries=2)
    with client, pytest.raises(sdk.APIConnectionError):
        client.files.retrieve("f1")


def test_timeouts_raise_api_timeout_error(sdk: Any, live: SpecServer) -> None:
    live.script("retrieveFile", ScriptedResponse(200, json={}, delay=1.0))
    client = sdk.Extend(token=TOKEN, base_url=live.base_url, max_retries=0)
    with client, pytest.raises(sdk.APITimeoutError):
        client.files.retrieve("f1", timeout=0.1)


def test_per_call_options(sdk: Any, live: SpecServer) -> None:
    with sdk.Extend(token=TOKEN, base_url=live.base_url, default_headers={"x-team": "a"}) as client:
        client.files.list(extra_headers={"x-trace": "t1"}, extra_query={"maxPageSize": 3})
        client.extract_runs.create(
            file={"url": "https://example.com/a.pdf"},
            extractor={"id": "ex_1"},
            extra_body={"metadata": {"k": "v"}},
        )
    listing, create = live.requests
    assert listing.headers["x-team"] == "a" and listing.headers["x-trace"] == "t1"
    assert listing.query == {"maxPageSize": ["3"]}
    assert create.json is not None and create.json["metadata"] == {"k": "v"}
    assert live.errors() == []


def test_client_headers_are_options_not_raw_headers(sdk: Any, live: SpecServer) -> None:
    with pytest.raises(sdk.ConfigurationError, match=r"(?i)x-extend-api-version"):
        sdk.Extend(token=TOKEN, default_headers={"X-Extend-Api-Version": "1999-01-01"})
    with sdk.Extend(token=TOKEN, base_url=live.base_url, workspace_id="ws_1") as client:
        with pytest.raises(sdk.ConfigurationError):
            client.files.list(extra_headers={"x-extend-api-version": "1999-01-01"})
        client.files.list(workspace_id="ws_2")
    assert live.requests[0].headers["x-extend-workspace-id"] == "ws_2"


def test_header_values_with_line_breaks_are_refused(sdk: Any, live: SpecServer) -> None:
    client = sdk.Extend(token=TOKEN, base_url=live.base_url)
    with client, pytest.raises(sdk.ConfigurationError, match="line break"):
        client.files.list(extra_headers={"x-evil": "a\r\nInjected: 1"})
    assert live.requests == []


@pytest.mark.parametrize("kind", ["path", "bytes", "file", "tuple"])
def test_upload_from_path_bytes_or_file_object(
    sdk: Any, live: SpecServer, tmp_path: Path, kind: str
) -> None:
    content = b"%PDF-1.4 upload"
    source = tmp_path / "invoice.pdf"
    source.write_bytes(content)
    value: Any = {
        "path": source,
        "bytes": content,
        "file": io.BytesIO(content),
        "tuple": ("invoice.pdf", content, "application/pdf"),
    }[kind]
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        uploaded = client.files.upload(file=value)
    assert uploaded.id
    request = live.requests[0]
    assert live.errors() == []
    assert request.files is not None
    filename, content_type, data = request.files["file"]
    assert data == content
    if kind in ("path", "tuple"):
        assert (filename, content_type) == ("invoice.pdf", "application/pdf")


def test_your_own_http_client(sdk: Any, live: SpecServer) -> None:
    seen: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda r: seen.append(r.url.path)]})
    client = sdk.Extend(token=TOKEN, base_url=live.base_url, http_client=http)
    client.files.retrieve("f1")
    client.close()
    assert seen == ["/files/f1"]
    assert not http.is_closed
    http.close()


def test_async_errors_and_retries(sdk: Any, live: SpecServer) -> None:
    live.script(
        "retrieveFile",
        ScriptedResponse(502, json=error_body("E", "e"), headers={"retry-after": "0"}),
    )

    async def call() -> Any:
        async with sdk.AsyncExtend(token=TOKEN, base_url=live.base_url) as client:
            first = await client.files.retrieve("f1")
            live.script("retrieveFile", ScriptedResponse(404, json=error_body("NF", "gone")))
            with pytest.raises(sdk.NotFoundError):
                await client.files.retrieve("f2", max_retries=0)
            return first

    assert asyncio.run(call()).id == "f1"
    assert len(live.requests) == 3


def test_star_import_exports_everything_it_lists() -> None:
    namespace: dict[str, Any] = {}
    exec("from extend_sdk import *", namespace)
    sdk = import_sdk()
    assert set(sdk.__all__) <= set(namespace)
    assert "ParseRun" in namespace and "Extend" in namespace


def test_a_retried_upload_sends_every_field_again(sdk: Any, live: SpecServer) -> None:
    live.script(
        "uploadFile",
        ScriptedResponse(429, json=error_body("SLOW", "slow"), headers={"retry-after": "0"}),
    )
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        client.files.upload(file=io.BytesIO(b"%PDF-1.4 body"), password="pw")
    first, second = live.requests
    assert first.files == second.files
    assert second.files is not None and second.files["file"][2] == b"%PDF-1.4 body"
    assert first.form == second.form and second.form is not None
    assert second.form["password"] == "pw"


def test_tls_verification_is_on_by_default(sdk: Any) -> None:
    import ssl

    client = sdk.Extend(token=TOKEN)
    pool = client._core.http._transport._pool
    assert pool._ssl_context.verify_mode == ssl.CERT_REQUIRED
    assert pool._ssl_context.check_hostname is True
    client.close()


def test_a_misspelled_argument_is_a_type_error(sdk: Any, live: SpecServer) -> None:
    client = sdk.Extend(token=TOKEN, base_url=live.base_url)
    with client, pytest.raises(TypeError, match="max_page_sise"):
        client.files.list(max_page_sise=5)
    assert live.requests == []
