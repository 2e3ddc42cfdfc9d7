"""Each operation sends the credentials its own requirement names, in the document's order
among what the caller configured: the generated Python SDK of `tests/support/security_spec.py`
against the spec-checking mock (which checks every scheme) and a scripted transport; OAuth2
client credentials (first use, expiry, refresh on a 401, one fetch for concurrent first calls);
server variables."""

from __future__ import annotations

import asyncio
import base64
import importlib
import sys
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import yaml

from generator.config import default_api
from generator.mock.server import SpecServer
from generator.pipeline import render_api
from generator.targets.python.runtime.auth import OAuth2Tokens, Scheme
from tests.support.security_spec import SECURITY_SPEC

Sent = list[httpx.Request]


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The generated `vault_sdk` package."""
    folder = tmp_path_factory.mktemp("vault")
    spec = folder / "vault.yaml"
    spec.write_text(yaml.safe_dump(SECURITY_SPEC))
    config = default_api(spec, folder / "out", "vault_sdk")
    for relative, text in render_api(config).files.items():
        if relative.startswith("python/"):
            target = folder / "out" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    sys.path.insert(0, str(folder / "out" / "python"))
    try:
        yield importlib.import_module("vault_sdk")
    finally:
        sys.path.remove(str(folder / "out" / "python"))
        for name in [n for n in sys.modules if n.startswith("vault_sdk")]:
            del sys.modules[name]


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("VAULT_API_KEY", "VAULT_USERNAME", "VAULT_PASSWORD", "VAULT_PLAID_SECRET"):
        monkeypatch.delenv(name, raising=False)


def scripted(sent: Sent, token_expires_in: int = 3600) -> httpx.Client:
    """A client whose transport records each request and answers: a token endpoint hands out
    `token-1`, `token-2`, ...; `/v1/reports` refuses `token-1` once with a 401."""
    tokens = iter(range(1, 100))

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path == "/oauth/token":
            body = {"access_token": f"token-{next(tokens)}", "expires_in": token_expires_in}
            return httpx.Response(200, json=body)
        if request.headers.get("authorization") == "Bearer token-1" and "refuse" in str(
            request.url
        ):
            return httpx.Response(401, json={"error": "expired"})
        return httpx.Response(200, json={})

    return httpx.Client(transport=httpx.MockTransport(answer))


def basic(pair: str) -> str:
    return "Basic " + base64.b64encode(pair.encode()).decode()


def test_a_key_alone_for_basic_is_the_username_with_an_empty_password(sdk: Any) -> None:
    sent: Sent = []
    client = sdk.Vault(username="sk_test_123", http_client=scripted(sent))
    client.charges.list()
    assert sent[0].headers["authorization"] == basic("sk_test_123:")


def test_alternatives_are_tried_in_document_order_among_what_is_configured(sdk: Any) -> None:
    sent: Sent = []
    sdk.Vault(token="sk_test_123", http_client=scripted(sent)).charges.list()
    assert sent[0].headers["authorization"] == "Bearer sk_test_123"  # basic is not configured
    both = sdk.Vault(username="u", password="p", token="t", http_client=scripted(sent))
    both.charges.list()
    assert sent[1].headers["authorization"] == basic("u:p")  # basic comes first


def test_a_requirement_of_several_keys_sends_them_together(sdk: Any) -> None:
    sent: Sent = []
    client = sdk.Vault(
        token="t", plaid_client_id="id-1", plaid_secret="s-1", http_client=scripted(sent)
    )
    client.link.list()
    assert (sent[0].headers["plaid-client-id"], sent[0].headers["plaid-secret"]) == ("id-1", "s-1")
    assert "authorization" not in sent[0].headers  # the operation names only the two keys


def test_a_missing_key_of_a_requirement_names_the_options_to_pass(
    sdk: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = sdk.Vault(token="t", plaid_client_id="id-1", http_client=scripted([]))
    with pytest.raises(
        sdk.ConfigurationError, match=r"plaid_secret= \(or set VAULT_PLAID_SECRET\)"
    ):
        client.link.list()
    monkeypatch.setenv("VAULT_PLAID_SECRET", "from-env")
    sent: Sent = []
    sdk.Vault(token="t", plaid_client_id="id-1", http_client=scripted(sent)).link.list()
    assert sent[0].headers["plaid-secret"] == "from-env"


def test_security_none_sends_nothing_and_needs_no_credentials(sdk: Any) -> None:
    sent: Sent = []
    anonymous = sdk.Vault(http_client=scripted(sent))
    anonymous.status.list()
    sdk.Vault(token="t", api_key="k", http_client=scripted(sent)).status.list()
    for request in sent:
        assert "authorization" not in request.headers and not request.url.query
    with pytest.raises(sdk.ConfigurationError, match="no credentials for this call"):
        anonymous.charges.list()


def test_an_optional_key_is_sent_when_configured(sdk: Any) -> None:
    sent: Sent = []
    sdk.Vault(http_client=scripted(sent)).catalog.list()
    sdk.Vault(api_key="k-1", http_client=scripted(sent)).catalog.list()
    assert [r.url.params.get("api_key") for r in sent] == [None, "k-1"]


def test_cookie_and_openid_connect(sdk: Any) -> None:
    sent: Sent = []
    client = sdk.Vault(session_id="c 1", oidc_token="id-tok", http_client=scripted(sent))
    client.session.list()
    client.profile.list()
    assert sent[0].headers["cookie"] == "session_id=c%201"
    assert sent[1].headers["authorization"] == "Bearer id-tok"


def test_oauth2_fetches_a_token_on_first_use_and_keeps_it(sdk: Any) -> None:
    sent: Sent = []
    client = sdk.Vault(client_id="app", client_secret="pw", http_client=scripted(sent))
    client.reports.list()
    client.reports.list()
    token_requests = [r for r in sent if r.url.path == "/oauth/token"]
    assert len(token_requests) == 1
    fetch = token_requests[0]
    assert str(fetch.url) == "https://us.vault.test/oauth/token"
    assert fetch.headers["authorization"] == basic("app:pw")
    assert fetch.content == b"grant_type=client_credentials&scope=reports%3Aread"
    calls = [r for r in sent if r.url.path == "/v1/reports"]
    assert [r.headers["authorization"] for r in calls] == ["Bearer token-1"] * 2


def test_oauth2_refreshes_once_on_a_401(sdk: Any) -> None:
    sent: Sent = []
    client = sdk.Vault(client_id="app", client_secret="pw", http_client=scripted(sent))
    client.reports.list(extra_query={"refuse": "1"})
    assert [r.headers.get("authorization") for r in sent if r.url.path == "/v1/reports"] == [
        "Bearer token-1",
        "Bearer token-2",
    ]


def test_an_oauth2_token_is_fetched_again_shortly_before_it_expires() -> None:
    now = [1000.0]
    scheme = Scheme("oauth", "oauth2", ("client_id", "client_secret"), (None, None),
                    token_url="/oauth/token")  # fmt: skip
    tokens = OAuth2Tokens(scheme, ("app", "pw"), clock=lambda: now[0])
    sent: Sent = []
    http = scripted(sent, token_expires_in=100)
    assert tokens.get(http, "https://x.test") == "token-1"
    now[0] += 60  # 40 s left: more than the 30 s margin
    assert tokens.get(http, "https://x.test") == "token-1"
    now[0] += 15  # 25 s left: fetched again
    assert tokens.get(http, "https://x.test") == "token-2"
    assert tokens.fetches == 2


def test_concurrent_first_calls_fetch_one_token(sdk: Any) -> None:
    sent: Sent = []
    client = sdk.Vault(client_id="app", client_secret="pw", http_client=scripted(sent))
    start = threading.Barrier(8)

    def call() -> None:
        start.wait()
        client.reports.list()

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.url.path == "/oauth/token" for r in sent) == 1

    async_sent: Sent = []

    async def answer(request: httpx.Request) -> httpx.Response:
        async_sent.append(request)
        await asyncio.sleep(0.01)  # every first call waits here together
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "a", "expires_in": 3600})
        return httpx.Response(200, json={})

    async def calls() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        async with sdk.AsyncVault(client_id="app", client_secret="pw", http_client=http) as c:
            await asyncio.gather(*(c.reports.list() for _ in range(8)))

    asyncio.run(calls())
    assert sum(r.url.path == "/oauth/token" for r in async_sent) == 1


def test_server_variables_default_and_enum(sdk: Any) -> None:
    assert sdk.Vault(token="t").base_url == "https://us.vault.test/v1"
    assert sdk.Vault(token="t", region="eu", base="v2").base_url == "https://eu.vault.test/v2"
    with pytest.raises(sdk.ConfigurationError, match="server variable 'region' cannot be 'mars'"):
        sdk.Vault(token="t", region="mars")


def test_the_mock_accepts_what_the_sdk_sends_and_checks_each_scheme(sdk: Any) -> None:
    expected = {"basicAuth": "sk_test_123:", "clientId": "id-1", "secret": "s-1"}
    with SpecServer(SECURITY_SPEC, credentials=expected) as server:
        url = server.base_url
        good = sdk.Vault(
            username="sk_test_123", plaid_client_id="id-1", plaid_secret="s-1",
            api_key="k", session_id="c", oidc_token="o", base_url=url,
        )  # fmt: skip
        for call in (good.charges.list, good.link.list, good.status.list, good.catalog.list,
                     good.session.list, good.profile.list):  # fmt: skip
            call()
        assert [r.errors for r in server.requests] == [[]] * 6
        wrong = sdk.Vault(username="sk_test_123", password="x", base_url=url, max_retries=0)
        with pytest.raises(sdk.BadRequestError):
            wrong.charges.list()
        assert "Basic credentials are not the expected ones" in server.requests[-1].errors[0]
        missing = httpx.get(f"{url}/link", headers={"PLAID-CLIENT-ID": "id-1"})
        assert missing.status_code == 400 and "PLAID-SECRET" in missing.text
