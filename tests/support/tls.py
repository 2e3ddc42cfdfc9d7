"""One default TLS context per test process for every httpx client the tests make.

httpx builds a fresh `ssl.SSLContext` for each client, reading the whole CA bundle each time
(tens of milliseconds, most of what a call to a local server costs); the SDK tests make hundreds
of clients, all speaking plain HTTP to 127.0.0.1. `shared_default_contexts` makes the default
kind (verification on, no client certificate) once per CA source and hands the same one to every
transport; any other kind is made as httpx makes it. The SDKs' own code runs unchanged.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import pytest

SslFactory = Callable[..., ssl.SSLContext]


def _sharing(make: SslFactory) -> SslFactory:
    """`make` (httpx's context factory), answering the default kind from a cache."""

    @cache
    def default(trust_env: bool, cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
        return make(verify=True, cert=None, trust_env=trust_env)

    def create(
        verify: Any = True, cert: Any = None, trust_env: bool = True, **rest: Any
    ) -> ssl.SSLContext:
        if verify is True and cert is None and not rest:
            return default(
                trust_env, os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR")
            )
        return make(verify=verify, cert=cert, trust_env=trust_env, **rest)

    return create


@contextmanager
def shared_default_contexts() -> Iterator[None]:
    """Within the block, httpx's transports share one default TLS context (see the module)."""
    from httpx._transports import default as transports

    make: SslFactory = vars(transports)["create_ssl_context"]  # the name the transports call
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transports, "create_ssl_context", _sharing(make))
        yield
