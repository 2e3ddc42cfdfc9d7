"""The IR's security schemes, requirements and server variables as the Go client writes them:
one option per credential and per server variable (`option.WithUsername`, `option.WithRegion`),
the `core.Security` and `[]core.Variable` values `NewClient` starts from, and an operation's
own requirement as a `core.Requirement`."""

from __future__ import annotations

from generator.ir.client_options import (
    CredentialOption,
    SchemeOptions,
    VariableOption,
    credential_options,
    scheme_options,
    variable_options,
)
from generator.ir.model import Api, AuthRequirement, SecurityScheme
from generator.ir.names import Name
from generator.load.records import record
from generator.targets.go.naming import Scope, aligned, exported, go_string

TOKEN_OPTION = "WithToken"
RESERVED_OPTIONS = frozenset(
    {
        "RequestOption", "WithBaseURL", "WithHTTPClient", TOKEN_OPTION, "WithHTTPHeader",
        "WithQueryParameters", "WithMaxAttempts", "WithStrictDecoding", "WithPollInterval",
        "WithIdempotencyKey",
    }
)  # fmt: skip
"""The options package's own names: a credential or a variable never takes one."""


@record
class GoOption:
    """A function of package option that configures a credential or a server variable."""

    name: str
    parameter: str
    """Its parameter's name."""
    call: str
    """The `core` option it returns."""
    doc: str
    """Its doc comment, without the leading `//`."""


@record
class GoSecurity:
    options: tuple[GoOption, ...]
    credentials: tuple[CredentialOption, ...]
    """Every credential option but the token, for the README."""
    variables: tuple[VariableOption, ...]
    security: str
    """The `core.Security` literal."""
    server_variables: str
    """The `[]core.Variable` literal."""


def go_security(api: Api, token_env: str | None) -> GoSecurity:
    """What the client and option packages write about credentials and server variables."""
    scope = Scope(RESERVED_OPTIONS)

    def option_name(name: Name) -> str:
        if name == Name(("token",)):
            return TOKEN_OPTION
        return scope.claim("With" + exported(name))

    sendable = scheme_options(api, token_env, option_name)
    variables = variable_options(api, option_name)
    credentials = credential_options(sendable)
    options = [
        _credential_option(s.scheme, i, o)
        for s in sendable
        for i, o in enumerate(s.options)
        if not o.is_token
    ]
    options += [_variable_option(v) for v in variables]
    return GoSecurity(
        options=tuple(options),
        credentials=credentials,
        variables=variables,
        security=_security_literal(api, sendable, token_env),
        server_variables=_variables_literal(api),
    )


def requirement_literal(requirement: AuthRequirement) -> str:
    """`core.Requirement{{"basicAuth"}, {"bearerAuth"}}`: the alternatives as Go."""
    alternatives = ", ".join(
        "{" + ", ".join(go_string(name) for name in names) + "}"
        for names in requirement.alternatives
    )
    return "core.Requirement{" + alternatives + "}"


def _credential_option(scheme: SecurityScheme, index: int, option: CredentialOption) -> GoOption:
    env = f" (by default, ${option.env})" if option.env else ""
    return GoOption(
        option.name,
        "value",
        f"core.WithCredential({go_string(scheme.name)}, {index}, value)",
        f"{option.name} sets the {option.role} of security scheme {scheme.name}{env}.",
    )


def _variable_option(option: VariableOption) -> GoOption:
    variable = option.variable
    return GoOption(
        option.name,
        "value",
        f"core.WithVariable({go_string(variable.wire_name)}, value)",
        f"{option.name} fills the server URL's {{{variable.wire_name}}}"
        f" (by default {variable.default!r})"
        + (f"; one of {', '.join(variable.enum)}." if variable.enum else "."),
    )


def _strings(values: tuple[str, ...] | list[str]) -> str:
    return "[]string{" + ", ".join(go_string(v) for v in values) + "}"


def _security_literal(api: Api, sendable: tuple[SchemeOptions, ...], token_env: str | None) -> str:
    schemes = []
    for entry in sendable:
        scheme = entry.scheme
        fields = [f"Name: {go_string(scheme.name)}", f"Kind: {go_string(scheme.kind)}"]
        if scheme.kind == "api_key":
            fields.append(f"Place: {go_string(scheme.place)}")
            fields.append(f"Parameter: {go_string(scheme.parameter_name)}")
        fields.append("Options: " + _strings([f"option.{o.name}" for o in entry.options]))
        if any(o.is_token for o in entry.options):
            fields.append("Token: true")
        else:
            fields.append("Env: " + _strings([o.env or "" for o in entry.options]))
        if scheme.token_alias:
            fields.append("TokenAlias: true")
        if scheme.token_url is not None:
            fields.append(f"TokenURL: {go_string(scheme.token_url)}")
        if scheme.scopes:
            fields.append("Scopes: " + _strings(scheme.scopes))
        schemes.append("\t\t{" + ", ".join(fields) + "},")
    lines = ["core.Security{"]
    if schemes:
        lines += ["\tSchemes: []core.Scheme{", *schemes, "\t},"]
    rows = [("Default:", requirement_literal(api.auth) + ",")]
    if token_env:
        rows.append(("TokenEnv:", go_string(token_env) + ","))
    return "\n".join([*lines, *aligned(rows), "}"])


def _variables_literal(api: Api) -> str:
    rows = [
        f"\t{{Name: {go_string(v.wire_name)}, Default: {go_string(v.default)}"
        + (f", Enum: {_strings(v.enum)}" if v.enum else "")
        + "},"
        for v in api.server_variables
    ]
    return "[]core.Variable{\n" + "\n".join(rows) + "\n}" if rows else "[]core.Variable(nil)"
