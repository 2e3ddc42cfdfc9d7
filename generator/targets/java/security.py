"""The IR's security schemes, requirements and server variables as the Java client writes them:
one builder method per credential and per server variable (`.username(...)`, `.region(...)`),
the `Security` value the client starts from, the server variables' table, and an operation's
own requirement as `call.security(...)`."""

from __future__ import annotations

from generator.ir.client_options import (
    CredentialOption,
    SchemeOptions,
    VariableOption,
    credential_options,
    scheme_options,
    variable_options,
)
from generator.ir.model import Api, AuthRequirement
from generator.ir.names import Name
from generator.load.records import record
from generator.targets.java.naming import Scope, java_string, member_name

TOKEN_OPTION = "apiKey"
RESERVED_OPTIONS = frozenset(
    {
        TOKEN_OPTION, "url", "environment", "timeout", "maxRetries", "addHeader", "httpClient",
        "executor", "retryUnit", "pollInterval", "pollTimeout", "build", "options",
    }
)  # fmt: skip
"""The builders' own methods: a credential or a variable never takes one."""


@record
class JavaOption:
    """A builder method that sets a credential or a server variable."""

    name: str
    setter: str
    """What it does with `value` on the builder."""
    doc: str


@record
class JavaSecurity:
    options: tuple[JavaOption, ...]
    credentials: tuple[CredentialOption, ...]
    """Every credential option but the token, for the README."""
    variables: tuple[VariableOption, ...]
    security: str
    """The `Security` expression."""
    server_variables: str
    """The `String[][]` of the server variables: name, default, allowed values."""


def java_security(api: Api, token_env: str | None) -> JavaSecurity:
    """What the client builders write about credentials and server variables."""
    scope = Scope(RESERVED_OPTIONS)

    def option_name(name: Name) -> str:
        if name == Name(("token",)):
            return TOKEN_OPTION
        return scope.claim(member_name(name))

    sendable = scheme_options(api, token_env, option_name)
    variables = variable_options(api, option_name)
    options = [
        JavaOption(
            o.name,
            f"options.credential({java_string(s.scheme.name)}, {i}, value)",
            f"The {o.role} of security scheme {s.scheme.name}"
            + (f" (by default, ${o.env})." if o.env else "."),
        )
        for s in sendable
        for i, o in enumerate(s.options)
        if not o.is_token
    ]
    options += [_variable_option(v) for v in variables]
    return JavaSecurity(
        options=tuple(options),
        credentials=credential_options(sendable),
        variables=variables,
        security=_security_expression(api, sendable, token_env),
        server_variables=_variables_expression(api),
    )


def _variable_option(option: VariableOption) -> JavaOption:
    variable = option.variable
    return JavaOption(
        option.name,
        f"variables.put({java_string(variable.wire_name)}, value)",
        f"Fills the server URL's {{{variable.wire_name}}} (by default {variable.default!r})"
        + (f"; one of {', '.join(variable.enum)}." if variable.enum else "."),
    )


def _strings(values: tuple[str, ...] | list[str]) -> str:
    return "new String[] {" + ", ".join(java_string(v) for v in values) + "}"


def requirement_arguments(requirement: AuthRequirement) -> str:
    """The alternatives as `security(...)`'s arguments: `new String[] {"a"}, ...`."""
    return ", ".join(_strings(names) for names in requirement.alternatives)


def _security_expression(
    api: Api, sendable: tuple[SchemeOptions, ...], token_env: str | None
) -> str:
    schemes = []
    for entry in sendable:
        scheme = entry.scheme
        parts = [f"Security.scheme({java_string(scheme.name)}, {java_string(scheme.kind)})"]
        if scheme.kind == "api_key":
            place, parameter = java_string(scheme.place), java_string(scheme.parameter_name)
            parts.append(f".in({place}, {parameter})")
        names = _strings([f"{o.name}" for o in entry.options])
        parts.append(f".options({names}, {_strings([o.env or '' for o in entry.options])})")
        if any(o.is_token for o in entry.options):
            parts.append(".token()")
        if scheme.token_alias:
            parts.append(".tokenAlias()")
        if scheme.token_url is not None:
            scopes = "".join(", " + java_string(s) for s in scheme.scopes)
            parts.append(f".oauth2({java_string(scheme.token_url)}{scopes})")
        schemes.append("".join(parts))
    indent = "\n                    "
    listed = "List.of(" + ",".join(indent + s for s in schemes) + ")"
    default = "new String[][] {" + requirement_arguments(api.auth) + "}"
    env = java_string(token_env) if token_env else "null"
    return f"new Security({listed},{indent[:-4]}{default}, {env})"


def _variables_expression(api: Api) -> str:
    rows = [_strings((v.wire_name, v.default, *v.enum)) for v in api.server_variables]
    return "new String[][] {" + ", ".join(rows) + "}"
