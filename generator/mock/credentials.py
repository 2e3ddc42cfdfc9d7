"""The credentials of a request, checked per security scheme against the operation's
requirement: some alternative (in the document's order) must be met by every scheme it names.

A scheme is met when its credential is where the scheme says, in the form it says (`Bearer
<token>`, `Basic <base64 of user:password>`, an API key in its header, query parameter or
cookie); when the server was given an expected value for the scheme (or one token for all),
the credential must equal it. An operation with `security: []`, or an alternative `{}`, needs
none. A server started with a token wants it as a bearer token where the document declares
no security at all.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

from generator.diagnostics import join_pointer
from generator.load.document import DocumentModel, Operation
from generator.mock.exchange import RecordedRequest
from generator.mock.validation import short


@dataclass(frozen=True, slots=True)
class Schemes:
    """The document's security schemes, and the credentials the server expects."""

    nodes: Mapping[str, dict[str, Any]]
    expected: Mapping[str, str]
    """Scheme name -> its credential (basic: `user:password`)."""
    token: str | None = None
    """The credential every scheme without its own expected value must carry."""

    @classmethod
    def of(
        cls, model: DocumentModel, expected: Mapping[str, str] | None, token: str | None
    ) -> Schemes:
        components = model.document.get("components")
        section = components.get("securitySchemes") if isinstance(components, dict) else None
        nodes: dict[str, dict[str, Any]] = {}
        for name, node in (section if isinstance(section, dict) else {}).items():
            pointer = join_pointer("/components/securitySchemes", str(name))
            found = model.resolve(node, pointer).mapping()
            if found is not None:
                nodes[str(name)] = found
        return cls(nodes, dict(expected or {}), token)

    def query_names(self, operation: Operation) -> frozenset[str]:
        """The query parameters the operation's API keys travel in (declared by the scheme)."""
        names: set[str] = set()
        for entry in operation.security or ():
            for name, _scopes in entry.schemes:
                node = self.nodes.get(name, {})
                if node.get("type") == "apiKey" and node.get("in") == "query":
                    names.add(str(node.get("name")))
        return frozenset(names)

    def problems(self, operation: Operation, rec: RecordedRequest) -> list[str]:
        """Nothing when some alternative is met, else what the first one lacks."""
        alternatives = operation.security
        if alternatives is None and self.token is not None:
            return _bearer("token", rec, self.token)  # no security declared: the server's own
        if not alternatives:
            return []
        first: list[str] | None = None
        for entry in alternatives:
            found = [p for name, _ in entry.schemes for p in self._scheme(name, rec)]
            if not found:
                return []
            first = found if first is None else first
        return first or []

    def _scheme(self, name: str, rec: RecordedRequest) -> list[str]:
        node = self.nodes.get(name)
        if node is None:
            return []  # the structural checks report a requirement naming no scheme
        kind = node.get("type")
        http = str(node.get("scheme", "")).lower()
        expected = self.expected.get(name, self.token)
        if kind in ("oauth2", "openIdConnect") or (kind == "http" and http == "bearer"):
            return _bearer(name, rec, expected)
        if kind == "http" and http == "basic":
            return _basic(name, rec, expected)
        if kind == "apiKey":
            return _api_key(name, node, rec, expected)
        return []  # a scheme no client sends (mutual TLS, digest): not checked


def _bearer(name: str, rec: RecordedRequest, expected: str | None) -> list[str]:
    auth = rec.headers.get("authorization")
    if auth is None or not auth.startswith("Bearer ") or not auth[7:].strip():
        return [f"security scheme {name!r}: missing Authorization header 'Bearer <token>'"]
    if expected is not None and auth != f"Bearer {expected}":
        return [
            f"security scheme {name!r}: Authorization header {short(auth, 40)} does not carry "
            "the expected bearer token"
        ]
    return []


def _basic(name: str, rec: RecordedRequest, expected: str | None) -> list[str]:
    auth = rec.headers.get("authorization")
    if auth is None or not auth.startswith("Basic "):
        return [f"security scheme {name!r}: missing Authorization header 'Basic <user:password>'"]
    try:
        pair = base64.b64decode(auth[6:], validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return [f"security scheme {name!r}: the Basic credentials are not base64 text"]
    if ":" not in pair:
        return [f"security scheme {name!r}: the Basic credentials have no ':' (user:password)"]
    if expected is not None and pair != expected:
        return [f"security scheme {name!r}: the Basic credentials are not the expected ones"]
    return []


def _api_key(
    name: str, node: dict[str, Any], rec: RecordedRequest, expected: str | None
) -> list[str]:
    where, key = str(node.get("in")), str(node.get("name"))
    value: str | None
    if where == "query":
        value = next(iter(rec.query.get(key) or ()), None)
    elif where == "cookie":
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(rec.headers.get("cookie", ""))
        except Exception:
            return [f"security scheme {name!r}: unparseable Cookie header"]
        value = jar[key].value if key in jar else None
    else:
        value = rec.headers.get(key.lower())
    if not value:
        return [f"security scheme {name!r}: missing API key {key!r} in the {where}"]
    if expected is not None and value != expected:
        return [f"security scheme {name!r}: API key {key!r} is not the expected one"]
    return []
