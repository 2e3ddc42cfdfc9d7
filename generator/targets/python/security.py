"""The IR's security schemes, requirements and server variables as the Python client writes
them: the `Scheme` constants, the credential and server-variable options of the client, and
an operation's alternatives as a literal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.ir.model import Api, AuthRequirement, SecurityScheme
from generator.targets.python.naming import safe_attribute, snake
from generator.templating import py_str

LINE_LENGTH = 100
"""The line length of generated Python (black's setting for it)."""


@dataclass(frozen=True, slots=True)
class CredentialOption:
    """A keyword argument of the client that configures a credential."""

    name: str
    env: str | None
    scheme: str
    role: str
    """What the value is, in words: `username`, `API key`, `client secret`, ..."""


@dataclass(frozen=True, slots=True)
class VariableOption:
    """A keyword argument of the client that fills a server variable."""

    name: str
    wire_name: str
    default: str
    enum: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class SecurityView:
    schemes: tuple[str, ...]
    """Each scheme as a `Scheme(...)` expression."""
    given: tuple[tuple[str, str], ...]
    """Scheme name literal -> the tuple of the client's options that configure it."""
    options: tuple[CredentialOption, ...]
    """Every credential option but `token` (which every client has)."""
    default: str
    required: bool
    variables: tuple[VariableOption, ...]
    servers: tuple[tuple[str, tuple[tuple[str, str, tuple[str, ...]], ...]], ...]
    """Per environment name: its variables (name in the URL, default, allowed values)."""

    @property
    def schemes_code(self) -> str:
        """The `_SCHEMES` constant laid out as black lays it out."""
        start = "_SCHEMES: tuple[Scheme, ...] = "
        one_line = start + _tuple(self.schemes)
        if len(self.schemes) < 2 and len(one_line) <= LINE_LENGTH:
            return one_line
        return start + "(\n" + "".join(f"    {s},\n" for s in self.schemes) + ")"


def requirement_literal(requirement: AuthRequirement) -> str:
    """`(("basicAuth",), ("bearerAuth",))`: the alternatives as a Python literal."""
    return _tuple(_tuple(py_str(name) for name in names) for names in requirement.alternatives)


def _tuple(items: Iterable[str]) -> str:
    parts = list(items)
    if len(parts) == 1:
        return f"({parts[0]},)"
    return "(" + ", ".join(parts) + ")"


def option_name(scheme: SecurityScheme, position: int) -> str:
    return safe_attribute(snake(scheme.credentials[position].name))


def security_view(api: Api, token_env: str | None, environments: tuple[str, ...]) -> SecurityView:
    """What `client.py.j2` writes about credentials and server variables."""
    schemes: list[str] = []
    given: list[tuple[str, str]] = []
    options: list[CredentialOption] = []
    for scheme in api.security:
        if scheme.kind == "other":
            continue
        names = [option_name(scheme, i) for i in range(len(scheme.credentials))]
        envs = [token_env if c.env is None else c.env for c in scheme.credentials]
        schemes.append(_scheme(scheme, names, envs))
        given.append((py_str(scheme.name), _tuple(names)))
        options.extend(
            CredentialOption(name, env, scheme.name, _label(scheme, credential.role))
            for name, env, credential in zip(names, envs, scheme.credentials, strict=True)
            if name != "token"
        )
    variables = tuple(
        VariableOption(safe_attribute(snake(v.name)), v.wire_name, v.default, v.enum, v.description)
        for v in api.server_variables
    )
    servers = tuple(
        (environment, tuple((v.wire_name, v.default, v.enum) for v in server.variables))
        for environment, server in zip(environments, api.servers, strict=True)
    )
    return SecurityView(
        schemes=tuple(schemes),
        given=tuple(given),
        options=tuple(options),
        default=requirement_literal(api.auth),
        required=api.credentials_required,
        variables=variables,
        servers=servers,
    )


def _scheme(scheme: SecurityScheme, names: list[str], envs: list[str | None]) -> str:
    env = _tuple("None" if e is None else py_str(e) for e in envs)
    kind = "api_key" if scheme.kind == "api_key" else scheme.kind
    parts = [py_str(scheme.name), py_str(kind), _tuple(py_str(n) for n in names), env]
    if scheme.place != "header":
        parts.append(f"place={py_str(scheme.place)}")
    if scheme.parameter_name != "Authorization":
        parts.append(f"parameter={py_str(scheme.parameter_name)}")
    if scheme.token_alias:
        parts.append("token_alias=True")
    if scheme.token_url is not None:
        parts.append(f"token_url={py_str(scheme.token_url)}")
    if scheme.scopes:
        parts.append("scopes=" + _tuple(py_str(s) for s in scheme.scopes))
    return "Scheme(" + ", ".join(parts) + ")"


def _label(scheme: SecurityScheme, role: str) -> str:
    if scheme.kind == "api_key":
        return "API key"
    return role.replace("_", " ")
