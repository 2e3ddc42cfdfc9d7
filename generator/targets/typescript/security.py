"""The IR's security schemes, requirements and server variables as the TypeScript client writes
them: the `Scheme` constants, the credential and server-variable options of the client, and an
operation's alternatives as a literal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.ir.model import Api, AuthRequirement, SecurityScheme
from generator.targets.typescript.naming import camel, ts_string


@dataclass(frozen=True, slots=True)
class CredentialOption:
    """An option of the client that configures a credential."""

    name: str
    env: str | None
    scheme: str
    role: str
    """What the value is, in words: `username`, `API key`, `client secret`, ..."""


@dataclass(frozen=True, slots=True)
class VariableOption:
    """An option of the client that fills a server variable."""

    name: str
    wire_name: str
    default: str
    enum: tuple[str, ...]
    description: str


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
    schemes: list[str] = []
    given: list[str] = []
    options: list[CredentialOption] = []
    for scheme in api.security:
        if scheme.kind == "other":
            continue
        names = [camel(c.name) for c in scheme.credentials]
        envs = [token_env if c.env is None else c.env for c in scheme.credentials]
        schemes.append(_scheme(scheme, names, envs))
        given.append(f"{ts_string(scheme.name)}: " + _array(f"options.{n}" for n in names))
        options.extend(
            CredentialOption(name, env, scheme.name, _label(scheme, credential.role))
            for name, env, credential in zip(names, envs, scheme.credentials, strict=True)
            if name != "token"
        )
    variables = tuple(
        VariableOption(camel(v.name), v.wire_name, v.default, v.enum, v.description)
        for v in api.server_variables
    )
    servers = ", ".join(
        f"{ts_string(environment)}: "
        + _array(
            _array((ts_string(v.wire_name), ts_string(v.default), _array(map(ts_string, v.enum))))
            for v in server.variables
        )
        for environment, server in zip(environments, api.servers, strict=True)
    )
    return SecurityView(
        schemes=tuple(schemes),
        given="{ " + ", ".join(given) + " }" if given else "{}",
        options=tuple(options),
        default=requirement_literal(api.auth),
        variables=variables,
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


def _label(scheme: SecurityScheme, role: str) -> str:
    if scheme.kind == "api_key":
        return "API key"
    return role.replace("_", " ")
