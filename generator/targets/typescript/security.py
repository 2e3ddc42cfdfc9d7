"""The IR's security schemes, requirements and server variables as the TypeScript client writes
them: the `Scheme` constants, the credential and server-variable options of the client, and an
operation's alternatives as a literal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.ir.client_options import (
    CredentialOption,
    VariableOption,
    credential_options,
    scheme_options,
    variable_options,
)
from generator.ir.model import Api, AuthRequirement, SecurityScheme
from generator.targets.typescript.naming import camel, ts_string


@dataclass(frozen=True, slots=True)
class SecurityView:
    schemes: tuple[str, ...]
    """Each scheme as an object literal."""
    given: str
    """The options that configure each scheme, as an object literal."""
    options: tuple[CredentialOption, ...]
    """Every credential option but `token` (which every client has)."""
    default: str
    variables: tuple[VariableOption, ...]
    servers: str
    """Per environment name: its variables as `[name, default, allowed]` triples."""


def requirement_literal(requirement: AuthRequirement) -> str:
    """`[["basicAuth"], ["bearerAuth"]]`: the alternatives as a TypeScript literal."""
    return _array(_array(ts_string(n) for n in names) for names in requirement.alternatives)


def _array(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"


def security_view(api: Api, token_env: str | None, environments: tuple[str, ...]) -> SecurityView:
    """What `client.ts.j2` writes about credentials and server variables."""
    sendable = scheme_options(api, token_env, camel)
    schemes = tuple(
        _scheme(s.scheme, [o.name for o in s.options], [o.env for o in s.options]) for s in sendable
    )
    given = [
        f"{ts_string(s.scheme.name)}: " + _array(f"options.{o.name}" for o in s.options)
        for s in sendable
    ]
    servers = ", ".join(
        f"{ts_string(environment)}: "
        + _array(
            _array((ts_string(v.wire_name), ts_string(v.default), _array(map(ts_string, v.enum))))
            for v in server.variables
        )
        for environment, server in zip(environments, api.servers, strict=True)
    )
    return SecurityView(
        schemes=schemes,
        given="{ " + ", ".join(given) + " }" if given else "{}",
        options=credential_options(sendable),
        default=requirement_literal(api.auth),
        variables=variable_options(api, camel),
        servers="{ " + servers + " }" if servers else "{}",
    )


def _scheme(scheme: SecurityScheme, names: list[str], envs: list[str | None]) -> str:
    parts = [
        f"name: {ts_string(scheme.name)}",
        f"kind: {ts_string(scheme.kind)}",
        "options: " + _array(map(ts_string, names)),
        "env: " + _array("undefined" if e is None else ts_string(e) for e in envs),
    ]
    if scheme.kind == "api_key":
        parts.append(f"place: {ts_string(scheme.place)}")
        parts.append(f"parameter: {ts_string(scheme.parameter_name)}")
    if scheme.token_alias:
        parts.append("tokenAlias: true")
    if scheme.token_url is not None:
        parts.append(f"tokenUrl: {ts_string(scheme.token_url)}")
    if scheme.scopes:
        parts.append("scopes: " + _array(map(ts_string, scheme.scopes)))
    return "{ " + ", ".join(parts) + " }"
