"""Every kind of security scheme the SDK supports puts the credential where the spec says."""

from __future__ import annotations

import base64
import importlib
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.config import default_api
from generator.pipeline import render_api
from generator.targets.python.target import python_settings
from tests.conftest import minimal_spec

SCHEMES: list[tuple[str, dict[str, Any], tuple[str, str, str]]] = [
    ("bearer", {"type": "http", "scheme": "bearer"}, ("header", "authorization", "Bearer t0k")),
    (
        "basic",
        {"type": "http", "scheme": "basic"},
        ("header", "authorization", "Basic " + base64.b64encode(b"user:pw").decode()),
    ),
    (
        "header",
        {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
        ("header", "x-api-key", "t0k"),
    ),
    ("query", {"type": "apiKey", "in": "query", "name": "key"}, ("query", "key", "t0k")),
    (
        "oauth",
        {
            "type": "oauth2",
            "flows": {"clientCredentials": {"tokenUrl": "https://a.test/t", "scopes": {}}},
        },
        ("header", "authorization", "Bearer t0k"),
    ),
]


def generate(tmp_path: Path, name: str, scheme: dict[str, Any]) -> tuple[Any, str]:
    """The generated SDK module and the name of its client class."""
    spec = minimal_spec(
        servers=[{"url": "https://api.test"}],
        components={
            "securitySchemes": {"other": {"type": "http", "scheme": "basic"}, name: scheme}
        },
        security=[{name: []}],
    )
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(spec))
    package = f"security_{name}_sdk"
    config = default_api(path, tmp_path / "out", package)
    rendered = render_api(config)
    for relative, text in rendered.files.items():
        if relative.startswith("python/"):
            target = tmp_path / "out" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    sys.path.insert(0, str(tmp_path / "out" / "python"))
    try:
        client = python_settings(config.name, config.target_settings("python")).client_class
        return importlib.import_module(package), client
    finally:
        sys.path.pop(0)


@pytest.mark.parametrize(("name", "scheme", "expected"), SCHEMES, ids=[s[0] for s in SCHEMES])
def test_the_credential_goes_where_the_scheme_says(
    tmp_path: Path, name: str, scheme: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    sdk, client_name = generate(tmp_path, name, scheme)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    client_class = getattr(sdk, client_name)
    token = "user:pw" if name == "basic" else "t0k"
    with client_class(
        token=token, http_client=httpx.Client(transport=httpx.MockTransport(answer))
    ) as client:
        client.things.list()
    where, key, value = expected
    request = seen[0]
    found = request.headers.get(key) if where == "header" else request.url.params.get(key)
    assert found == value
