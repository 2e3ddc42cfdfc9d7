"""A small API with every kind of security scheme and requirement, written here: the shapes
of Stripe (basic or bearer, a key as the username), Plaid (two API keys sent together), an
optional key, `security: []`, OAuth2 client credentials, OpenID Connect, and server variables."""

from __future__ import annotations

from typing import Any

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}


def _get(operation_id: str, security: list[dict[str, list[str]]] | None) -> dict[str, Any]:
    operation: dict[str, Any] = {"operationId": operation_id, "responses": OK}
    if security is not None:
        operation["security"] = security
    return {"get": operation}


SECURITY_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Vault", "version": "1"},
    "servers": [
        {
            "url": "https://{region}.vault.test/{base}",
            "variables": {
                "region": {"default": "us", "enum": ["us", "eu"]},
                "base": {"default": "v1"},
            },
        }
    ],
    "security": [{"basicAuth": []}, {"bearerAuth": []}],
    "paths": {
        "/charges": _get("listCharges", None),
        "/link": _get("createLink", [{"clientId": [], "secret": []}]),
        "/status": _get("getStatus", []),
        "/catalog": _get("getCatalog", [{"queryKey": []}, {}]),
        "/session": _get("getSession", [{"cookieKey": []}]),
        "/reports": _get("listReports", [{"oauth": ["reports:read"]}]),
        "/profile": _get("getProfile", [{"oidc": []}]),
    },
    "components": {
        "securitySchemes": {
            "basicAuth": {"type": "http", "scheme": "basic"},
            "bearerAuth": {"type": "http", "scheme": "bearer"},
            "clientId": {"type": "apiKey", "in": "header", "name": "PLAID-CLIENT-ID"},
            "secret": {"type": "apiKey", "in": "header", "name": "PLAID-SECRET"},
            "queryKey": {"type": "apiKey", "in": "query", "name": "api_key"},
            "cookieKey": {"type": "apiKey", "in": "cookie", "name": "session_id"},
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": "/oauth/token",
                        "scopes": {"reports:read": "read reports", "unused": "not asked"},
                    }
                },
            },
            "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://id.vault.test/.wk"},
        }
    },
}
"""The document: every operation GETs a path and answers an object."""
