"""The IR's security schemes, requirements and server variables as the Python client writes
them: the `Scheme` constants, the credential and server-variable options of the client, and
an operation's alternatives as a literal."""

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
from generator.ir.names import Name
from generator.targets.python.naming import safe_attribute, snake
from generator.templating import py_str

LINE_LENGTH = 100
"""The line length of generated Python (black's setting for it)."""


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


def option_name(name: Name) -> str:
    """The client's keyword argument for option `name`."""
    return safe_attribute(snake(name))


def security_view(api: Api, token_env: str | None, environments: tuple[str, ...]) -> SecurityView:
    """What `client.py.j2` writes about credentials and server variables."""
    sendable = scheme_options(api, token_env, option_name)
    schemes = tuple(
        _scheme(s.scheme, [o.name for o in s.options], [o.env for o in s.options]) for s in sendable
    )
    given = tuple((py_str(s.scheme.name), _tuple(o.name for o in s.options)) for s in sendable)
    servers = tuple(
        (environment, tuple((v.wire_name, v.default, v.enum) for v in server.variables))
        for environment, server in zip(environments, api.servers, strict=True)
    )
    return SecurityView(
        schemes=schemes,
        given=given,
        options=credential_options(sendable),
        default=requirement_literal(api.auth),
        required=api.credentials_required,
        variables=variable_options(api, option_name),
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
