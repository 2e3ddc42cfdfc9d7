"""Security schemes, requirements and server variables, decided once for every target.

- Each scheme of `components.securitySchemes` becomes a `SecurityScheme` with the client
  options (`Credential`s) a caller configures it with: `token` for the first bearer scheme,
  `username`/`password` for basic, the API key's own parameter name (`PLAID-CLIENT-ID` ->
  `plaid client id`), `client id`/`client secret` for an OAuth2 client-credentials flow.
- Each operation's requirement (`AuthRequirement`): its own `security`, else the document's,
  the alternatives in the document's order; alternatives naming a scheme no client can send
  are left out (with one warning per scheme).
- Server variables: one client option per variable name across the document's servers.

Names never clash with the client's other options: a clash takes the scheme's (or
`server`'s) words in front.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import join_pointer
from generator.ir.model import (
    AuthRequirement,
    Credential,
    CredentialPlace,
    CredentialRole,
    SchemeKind,
    SecurityScheme,
    Server,
    ServerVariable,
)
from generator.ir.names import Name
from generator.load.document import DocumentModel, SecurityRequirement

CLIENT_OPTIONS = frozenset(
    Name.parse(text)
    for text in (
        "token", "environment", "base url", "timeout", "max retries", "default headers",
        "http client", "strict response validation", "headers", "fetch", "timeout in seconds",
    )
)  # fmt: skip
"""The client options every target has: credentials and server variables are named around
them."""

Problem = Callable[[str, str, str], None]
"""Reports a warning: code, pointer, message."""


@dataclass(frozen=True, slots=True)
class _Raw:
    key: str
    kind: SchemeKind
    place: CredentialPlace
    parameter: str
    token_url: str | None
    scopes: tuple[str, ...]
    description: str
    pointer: str


def security_schemes(
    model: DocumentModel, api: Name, taken: Iterable[Name], problem: Problem
) -> tuple[SecurityScheme, ...]:
    """The schemes of the document, the client's first choice first (the document's own
    requirement, then those most operations name), each with its client options."""
    raw = [_read(key, node, model) for key, node in _scheme_nodes(model).items()]
    usage = _usage(model)
    raw.sort(key=lambda scheme: usage.get(scheme.key, (1, 0)))
    for scheme in raw:
        if scheme.kind == "other" and scheme.key in usage:
            problem(
                "unsupported-security",
                scheme.pointer,
                f"the client sends no credentials for security scheme {scheme.key!r} "
                "(neither bearer, basic, OAuth2, OpenID Connect nor an API key in a header, "
                "the query or a cookie); pass them with extra_headers",
            )
    names = _Names(api, set(taken) | set(CLIENT_OPTIONS))
    token_scheme = next((s.key for s in raw if s.kind == "bearer"), None)
    alias = token_scheme is None
    found: list[SecurityScheme] = []
    for scheme in raw:
        credentials = names.credentials(scheme, is_token=scheme.key == token_scheme)
        takes_token = alias and scheme.kind != "other"
        alias = alias and not takes_token
        found.append(
            SecurityScheme(
                name=scheme.key, kind=scheme.kind, credentials=credentials, place=scheme.place,
                parameter_name=scheme.parameter, token_alias=takes_token,
                token_url=scheme.token_url, scopes=scheme.scopes,
                description=scheme.description, pointer=scheme.pointer,
            )
        )  # fmt: skip
    return tuple(found)


def requirement(
    listed: tuple[SecurityRequirement, ...] | None, schemes: tuple[SecurityScheme, ...]
) -> AuthRequirement:
    """The alternatives of a `security` list a client can send, in the document's order."""
    usable = {s.name for s in schemes if s.kind != "other"}
    alternatives: list[tuple[str, ...]] = []
    for entry in listed or ():
        names = tuple(name for name, _scopes in entry.schemes)
        if all(name in usable for name in names) and names not in alternatives:
            alternatives.append(names)
    if listed and not alternatives:
        # Only schemes no client sends: send nothing, as the warning says.
        alternatives.append(())
    return AuthRequirement(tuple(alternatives))


def server_variables(
    servers: tuple[Server, ...], taken: Iterable[Name]
) -> tuple[ServerVariable, ...]:
    """Every variable of `servers`, once by its name in the URL, named as a client option."""
    names = _Names(Name(()), set(taken) | set(CLIENT_OPTIONS))
    found: dict[str, ServerVariable] = {}
    for server in servers:
        for variable in server.variables:
            if variable.wire_name not in found:
                name = names.claim(variable.name, Name(("server",)))
                found[variable.wire_name] = ServerVariable(
                    name, variable.wire_name, variable.default, variable.enum,
                    variable.description,
                )  # fmt: skip
    return tuple(found.values())


@dataclass(slots=True)
class _Names:
    api: Name
    taken: set[Name] = field(default_factory=set)
    envs: set[Name] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.envs.add(self.api + Name(("api", "key")))

    def claim(self, wanted: Name, prefix: Name) -> Name:
        name = wanted if wanted.words else prefix
        if name in self.taken:
            name = prefix + wanted
        base, number = name, 2
        while name in self.taken:
            name = base + Name((str(number),))
            number += 1
        self.taken.add(name)
        return name

    def credentials(self, scheme: _Raw, *, is_token: bool) -> tuple[Credential, ...]:
        prefix = Name.parse(scheme.key)
        wanted: tuple[tuple[CredentialRole, Name], ...]
        if is_token:
            self.taken.discard(Name(("token",)))
            wanted = (("token", Name(("token",))),)
        elif scheme.kind == "basic":
            wanted = (("username", Name(("username",))), ("password", Name(("password",))))
        elif scheme.kind == "oauth2":
            wanted = (
                ("client_id", Name(("client", "id"))),
                ("client_secret", Name(("client", "secret"))),
            )
        elif scheme.kind == "api_key":
            wanted = (("token", Name.parse(scheme.parameter)),)
        elif scheme.kind == "bearer":
            wanted = (("token", prefix + Name(("token",))),)
        else:
            return ()
        found: list[Credential] = []
        for role, name in wanted:
            claimed = self.claim(name, prefix)
            env = None if is_token else self.env(claimed, prefix)
            found.append(Credential(role, claimed, env))
        return tuple(found)

    def env(self, name: Name, prefix: Name) -> str:
        """`<API>_<OPTION>`, without the API's words twice (`PLAID_CLIENT_ID`); never the
        token's own variable (`<API>_API_KEY` by default), nor one taken already."""
        words = name.words
        if words[: len(self.api.words)] != self.api.words:
            words = self.api.words + words
        if Name(words) in self.envs:
            words = self.api.words + prefix.words + name.words
        self.envs.add(Name(words))
        return "_".join(words).upper()


def _scheme_nodes(model: DocumentModel) -> dict[str, dict[str, Any]]:
    components = model.document.get("components")
    section = components.get("securitySchemes") if isinstance(components, dict) else None
    found: dict[str, dict[str, Any]] = {}
    for key, node in (section if isinstance(section, dict) else {}).items():
        pointer = join_pointer("/components/securitySchemes", str(key))
        target = model.resolve(node, pointer).mapping()
        if target is not None:
            found[str(key)] = target
    return found


def _read(key: str, node: dict[str, Any], model: DocumentModel) -> _Raw:
    pointer = join_pointer("/components/securitySchemes", key)
    kind = str(node.get("type", ""))
    http = str(node.get("scheme", "")).lower()
    description = str(node.get("description") or "")
    plain = _Raw(key, "other", "header", "Authorization", None, (), description, pointer)
    if kind == "http" and http in ("bearer", "basic"):
        return _with(plain, "bearer" if http == "bearer" else "basic")
    if kind == "apiKey":
        where = str(node.get("in", "header"))
        place: CredentialPlace = "query" if where == "query" else "header"
        place = "cookie" if where == "cookie" else place
        return _Raw(
            key, "api_key", place, str(node.get("name") or key), None, (), description, pointer
        )
    if kind == "openIdConnect":
        return _with(plain, "bearer")
    if kind == "oauth2":
        flows = node.get("flows")
        flow = flows.get("clientCredentials") if isinstance(flows, dict) else None
        url = flow.get("tokenUrl") if isinstance(flow, dict) else None
        if not isinstance(flow, dict) or not isinstance(url, str) or not url:
            return _with(plain, "bearer")  # the caller obtains the token
        scopes = _scopes_used(model, key) or tuple(str(s) for s in flow.get("scopes") or {})
        return _Raw(key, "oauth2", "header", "Authorization", url, scopes, description, pointer)
    return plain


def _with(raw: _Raw, kind: SchemeKind) -> _Raw:
    return _Raw(
        raw.key, kind, raw.place, raw.parameter, raw.token_url, raw.scopes, raw.description,
        raw.pointer,
    )  # fmt: skip


def _scopes_used(model: DocumentModel, key: str) -> tuple[str, ...]:
    """The scopes the document's requirements ask of scheme `key`, in first-seen order: one
    token serves every operation."""
    found: dict[str, None] = {}
    for listed in (model.security, *(op.security for op in model.operations)):
        for entry in listed or ():
            for name, scopes in entry.schemes:
                if name == key:
                    found.update(dict.fromkeys(scopes))
    return tuple(found)


def _usage(model: DocumentModel) -> dict[str, tuple[int, int]]:
    """Scheme name -> sort key: the document's own requirements first, then the schemes most
    operations require."""
    usage: dict[str, tuple[int, int]] = {}
    for entry in model.security or ():
        for name, _scopes in entry.schemes:
            usage.setdefault(name, (0, 0))
    counts: Counter[str] = Counter()
    for op in model.operations:
        if not op.security_inherited:
            for entry in op.security or ():
                counts.update(name for name, _scopes in entry.schemes)
    for name, count in counts.items():
        usage.setdefault(name, (1, -count))
    return usage
