"""The client options an API's credentials and server variables become, in a target's casing:
which scheme each option configures, the environment variable it is read from when not given,
what it is in words (for the README), and each server variable's default and allowed values.

Every target lays these out in its own syntax; none decides them again.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.ir.model import Api, Credential, SecurityScheme, ServerVariable
from generator.ir.names import Name
from generator.load.records import record

Casing = Callable[[Name], str]
"""A target's name for a client option (`plaid_client_id`, `plaidClientId`, ...)."""


@record
class CredentialOption:
    """A client option that configures a credential."""

    name: str
    env: str | None
    """The environment variable read when the option is not given; None when there is none
    (the token without a `token_env` setting)."""
    scheme: str
    role: str
    """What the value is, in words: `username`, `API key`, `client secret`, ..."""
    is_token: bool = False
    """The client's main token (`token`), which every client has."""


@record
class SchemeOptions:
    """One scheme a client can send and the options of its credentials, in the scheme's
    order (username before password, id before secret)."""

    scheme: SecurityScheme
    options: tuple[CredentialOption, ...]


@record
class VariableOption:
    """A client option that fills a server variable: the variable under its target-cased
    name."""

    name: str
    variable: ServerVariable


def scheme_options(api: Api, token_env: str | None, case: Casing) -> tuple[SchemeOptions, ...]:
    """The schemes of `api` a client sends (every kind but `other`), the client's first choice
    first, each with its options named by `case`; the token's variable is `token_env`."""
    return tuple(
        SchemeOptions(
            scheme,
            tuple(
                _option(scheme, credential, token_env, case) for credential in scheme.credentials
            ),
        )
        for scheme in api.security
        if scheme.kind != "other"
    )


def credential_options(schemes: tuple[SchemeOptions, ...]) -> tuple[CredentialOption, ...]:
    """Every credential option but the token, in the schemes' order."""
    return tuple(o for s in schemes for o in s.options if not o.is_token)


def variable_options(api: Api, case: Casing) -> tuple[VariableOption, ...]:
    """One option per server variable of `api`, named by `case`."""
    return tuple(VariableOption(case(v.name), v) for v in api.server_variables)


def _option(
    scheme: SecurityScheme, credential: Credential, token_env: str | None, case: Casing
) -> CredentialOption:
    is_token = credential.env is None
    env = token_env if is_token else credential.env
    role = "API key" if scheme.kind == "api_key" else credential.role.replace("_", " ")
    return CredentialOption(case(credential.name), env, scheme.name, role, is_token)
