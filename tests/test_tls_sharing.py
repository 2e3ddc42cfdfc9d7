"""The tests' shared default TLS context (`tests/support/tls.py`): httpx clients made in the
session get one default context, still verifying; any other kind is made afresh."""

from __future__ import annotations

import ssl

import httpx


def _context(client: httpx.Client) -> ssl.SSLContext:
    pool = client._transport._pool  # type: ignore[attr-defined]
    context: ssl.SSLContext = pool._ssl_context
    return context


def test_default_clients_share_one_verifying_context() -> None:
    with httpx.Client() as first, httpx.Client() as second:
        assert _context(first) is _context(second)
        assert _context(first).verify_mode == ssl.CERT_REQUIRED
        assert _context(first).check_hostname is True


def test_other_kinds_are_made_for_each_client() -> None:
    with httpx.Client() as default, httpx.Client(verify=False) as unverified:
        assert _context(unverified) is not _context(default)
        assert _context(unverified).verify_mode == ssl.CERT_NONE
    own = ssl.create_default_context()
    with httpx.Client(verify=own) as given:
        assert _context(given) is own
