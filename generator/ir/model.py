"""IR node types. Frozen dataclasses with tuples only, so an Api is immutable and hashable."""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from generator.diagnostics import Diagnostic
from generator.ir.names import Name
from generator.load.records import record

PrimitiveKind = Literal["string", "integer", "number", "boolean"]
ScalarValue = str | int | float | bool | None


@record
class Bounds:
    """A value's constraints beyond its type (`pattern`, lengths, range, `multipleOf`), which
    example values must keep. `exclusive_*` says the bound itself is outside."""

    pattern: str | None = None
    min_length: int = 0
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    multiple_of: float | None = None


@record
class Primitive:
    """A scalar. `bounds` constrain its values, not its type: two primitives of one kind and
    format are the same type whatever their bounds."""

    kind: PrimitiveKind
    format: str | None = None
    bounds: Bounds = field(default=Bounds(), compare=False)


@record
class Const:
    """A single allowed value (`const`, or an enum of one value)."""

    value: ScalarValue


@record
class EnumType:
    """An anonymous enum; named enums are `Ref`s to an `EnumDef`."""

    values: tuple[ScalarValue, ...]


@record
class Ref:
    """A reference to a named type (model, enum or alias) in `Api.types`."""

    name: Name


@record
class Array:
    item: TypeNode


@record
class Map:
    value: TypeNode


@record
class Discriminator:
    property: str
    mapping: tuple[tuple[str, Name], ...]


@record
class Union:
    members: tuple[TypeNode, ...]
    discriminator: Discriminator | None = None


@record
class Nullable:
    inner: TypeNode


@record
class AnyType:
    pass


@record
class Binary:
    """Raw bytes: a file upload part or a binary response."""


TypeNode = Primitive | Const | EnumType | Ref | Array | Map | Union | Nullable | AnyType | Binary


@record
class Field:
    name: Name
    wire_name: str
    type: TypeNode
    required: bool
    description: str = ""
    default_json: str | None = None
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False


@record
class ModelDef:
    name: Name
    fields: tuple[Field, ...]
    description: str = ""
    additional: TypeNode | None = None
    deprecated: bool = False
    pointer: str = ""
    example_json: str | None = None


@record
class EnumDef:
    name: Name
    values: tuple[ScalarValue, ...]
    description: str = ""
    pointer: str = ""


@record
class AliasDef:
    """A named schema that is not an object or enum (a union, an array, a primitive)."""

    name: Name
    target: TypeNode
    description: str = ""
    pointer: str = ""


NamedType = ModelDef | EnumDef | AliasDef

ParamLocation = Literal["path", "query", "header", "cookie"]


@record
class Param:
    name: Name
    wire_name: str
    location: ParamLocation
    type: TypeNode
    required: bool
    description: str = ""
    default_json: str | None = None
    deprecated: bool = False
    pointer: str = ""
    style: str | None = None
    explode: bool | None = None


BodyKind = Literal["json", "multipart", "form", "binary", "text"]


@record
class FieldEncoding:
    """How one property of a form or multipart body is sent, as the media type's `encoding`
    object declares it (each part left unset when the document does not say)."""

    property: str
    style: str | None = None
    explode: bool | None = None
    content_type: str | None = None


@record
class Body:
    """A request body. Object bodies are flattened into `fields`; others travel whole."""

    kind: BodyKind
    media_type: str
    required: bool
    fields: tuple[Field, ...] | None
    type: TypeNode
    description: str = ""
    encodings: tuple[FieldEncoding, ...] = ()


ResponseKind = Literal["json", "binary", "text", "empty", "event_stream"]
"""What a response body is: parsed JSON, bytes, text, nothing, or server-sent events."""


@record
class Response:
    status: str
    kind: ResponseKind
    media_type: str | None
    type: TypeNode | None
    description: str = ""
    event_type: TypeNode | None = None
    """The type of each event when the response may be `text/event-stream` (OAS 3.2's
    `itemSchema`, or its `schema`), alone or beside another media type."""


@record
class EventStream:
    """A call that answers with server-sent events, each parsed as `item_type`."""

    item_type: TypeNode
    selector: str | None = None
    """The wire name of the boolean body field that asks for the stream (`stream`), when the
    same call answers with JSON without it; None when the call always streams."""


PaginationStyle = Literal["page_token", "cursor", "offset", "page", "next_url"]
"""How a list walks its pages:

- `page_token`: the response names the next page's token, the request sends it back;
- `cursor`: the same with a cursor, or the last item's id when the response only says whether
  there are more (`starting_after` with `has_more`);
- `offset`: the request skips the items already seen; the last page is the one the total, a
  missing next link, `has_more` or a short or empty page says is last;
- `page`: page numbers, until the total pages, the `Link` header, a short or empty page say stop;
- `next_url`: the response (its body or its `Link` header) holds the whole next page's URL.
"""

PaginationSource = Literal["detected", "extension"]


@record
class Pagination:
    """A list operation's paging. Fields are wire names; a dotted name is a path into the body
    (`response_metadata.next_cursor`), and an empty `items_field` means the body is the list."""

    style: PaginationStyle
    items_field: str
    item_type: TypeNode
    param: str | None = None
    """The query parameter a next request sets: token, cursor, offset or page number."""
    next_field: str | None = None
    """The next token or cursor (page_token, cursor), or the next page's URL."""
    size_param: str | None = None
    """The page size the request asks for (`limit`, `per_page`), if the operation takes one."""
    has_more_field: str | None = None
    total_field: str | None = None
    """The total count: of items for `offset`, of pages for `page`."""
    cursor_item_field: str | None = None
    """For a cursor read from the last item (`id`), when the response names none."""
    link_header: bool = False
    """The next page is announced in a `Link: <url>; rel="next"` response header."""
    source: PaginationSource = "detected"
    """Recognised from names and shapes, or stated by the spec's `x-pagination`."""


@record
class Polling:
    """A run that can be polled until its status is terminal."""

    retrieve_operation: Name
    """The operation of the same resource that fetches the run (each target names it)."""
    status_field: str
    terminal_values: tuple[str, ...]
    id_field: str = "id"


@record
class ServerVariable:
    """A `{name}` in a server URL: a client option, its default substituted when not given."""

    name: Name
    """The client option (each target cases it)."""
    wire_name: str
    """The name between the braces of the URL."""
    default: str
    enum: tuple[str, ...] = ()
    """The values the variable may take; empty for any."""
    description: str = ""


@record
class Server:
    url: str
    """The URL as written, `{variable}`s included."""
    name: Name
    description: str = ""
    variables: tuple[ServerVariable, ...] = ()

    def default_url(self) -> str:
        """The URL with every variable's default substituted."""
        url = self.url
        for variable in self.variables:
            url = url.replace("{" + variable.wire_name + "}", variable.default)
        return url


SchemeKind = Literal["bearer", "basic", "api_key", "oauth2", "other"]
"""`bearer`: a token in `Authorization: Bearer` (HTTP bearer, OpenID Connect, and OAuth2
without a client-credentials flow, whose token the caller obtains); `basic`: a username and a
password; `api_key`: a key in a header, the query or a cookie; `oauth2`: a client-credentials
flow the client runs itself; `other`: a scheme no client sends (mutual TLS, HTTP digest)."""
CredentialRole = Literal["token", "username", "password", "client_id", "client_secret"]
CredentialPlace = Literal["header", "query", "cookie"]


@record
class Credential:
    """One value a caller configures for a scheme: a client option, read from an environment
    variable when it is not given."""

    role: CredentialRole
    name: Name
    """The client option (each target cases it); `token` for the API's main token."""
    env: str | None
    """The environment variable; None for `token`, whose variable is a target setting."""


@record
class SecurityScheme:
    name: str
    """The key of `components.securitySchemes`."""
    kind: SchemeKind
    credentials: tuple[Credential, ...] = ()
    """In the order the scheme uses them (username before password, id before secret)."""
    place: CredentialPlace = "header"
    parameter_name: str = "Authorization"
    """The header, query parameter or cookie the credential travels in."""
    token_alias: bool = False
    """The client's `token` option fills this scheme when its own options are not given (a
    basic scheme reads `user:password`, or a token alone as the username)."""
    token_url: str | None = None
    """The OAuth2 client-credentials token endpoint, as the spec writes it."""
    scopes: tuple[str, ...] = ()
    """The scopes the client asks its OAuth2 token for."""
    description: str = ""
    pointer: str = ""


AuthMode = Literal["required", "optional", "none"]


@record
class AuthRequirement:
    """What credentials an operation sends: alternatives in the document's order, each the
    names of the schemes it sends together; an empty alternative means "none needed"."""

    alternatives: tuple[tuple[str, ...], ...] = ()

    @property
    def mode(self) -> AuthMode:
        """`none`: no credentials are sent (`security: []`, or none declared); `optional`: sent
        when configured; `required`: a call without them fails before it is sent."""
        if not self.alternatives:
            return "none"
        return "optional" if () in self.alternatives else "required"


ParamStyle = Literal[
    "simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject", "json"
]
"""How a value is written on the wire: OpenAPI's parameter styles, and `json` for a value sent
as JSON text (a form or multipart field whose encoding's content type is JSON)."""

STYLES_BY_LOCATION: dict[str, tuple[ParamStyle, ...]] = {
    "path": ("simple", "label", "matrix"),
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "header": ("simple",),
    "cookie": ("form",),
    "form": ("form", "spaceDelimited", "pipeDelimited", "deepObject", "json"),
    "file": ("form", "deepObject", "json"),
}
"""The styles OpenAPI allows where an argument travels; the first is the default."""

ArgumentLocation = Literal[
    "path", "query", "header", "cookie", "body", "form", "file", "client_header"
]
"""Where an argument travels: a path segment, a query, header or cookie parameter, a field of a
JSON body (`body`), a form or multipart field (`form`), a file part of one (`file`), or a header
every operation takes that the client sets and a call may override (`client_header`). A whole
body (one that is not flattened into fields) is a `body` argument without a wire name."""


@record
class Argument:
    name: Name
    wire_name: str
    """The name on the wire; empty for a whole request body."""
    location: ArgumentLocation
    type: TypeNode
    required: bool
    description: str = ""
    default_json: str | None = None
    deprecated: bool = False
    style: ParamStyle | None = None
    """How the value is written (`STYLES_BY_LOCATION`); None where no style applies (a JSON
    body field, a client header)."""
    explode: bool = False
    """OpenAPI's `explode`: each item or property a name of its own (`a=1&a=2`, `a.b.c`)."""

    @property
    def default_style(self) -> bool:
        """Whether the value is written as OpenAPI writes it when the document says nothing,
        so a target need not spell out its style."""
        allowed = STYLES_BY_LOCATION.get(self.location)
        if self.style is None or allowed is None:
            return True
        return self.style == allowed[0] and self.explode == (self.style == "form")

    @property
    def whole_body(self) -> bool:
        return self.location == "body" and not self.wire_name


@record
class OperationShape:
    """What a call of one operation takes and gives, for every target alike."""

    path_arguments: tuple[Argument, ...]
    """Path parameters: each target's positional arguments, in this order."""
    request_arguments: tuple[Argument, ...]
    """Everything else a call may send, required ones first (otherwise in spec order)."""
    body_kind: BodyKind | None
    """How the request body is encoded; None when the operation takes no body."""
    media_type: str | None
    response_kind: ResponseKind
    """What a successful call returns: parsed JSON, bytes, text, nothing, or an event
    stream."""
    response_type: TypeNode | None
    """The JSON type a call returns (None for any other response kind)."""
    pagination: Pagination | None
    """Set when the call is a list a target's method pages through."""
    polling: Polling | None
    """Set when the call starts a run a target's `..._and_poll` helper waits on: the retrieve
    operation it polls takes the run's id and nothing else that is required."""
    retry_safe: bool
    """Whether a failed attempt may be sent again as it is: an idempotent method, or one
    that carries an idempotency key."""
    event_stream: EventStream | None = None
    """Set when the call can answer with server-sent events: always (`response_kind` is
    `event_stream`), or when its `selector` body field is true (`response_kind` is `json`)."""
    idempotency_header: str | None = None
    """The header that carries an idempotency key (`Idempotency-Key`), when the operation
    declares one: the SDK sends one key per call, the same on every retry."""
    auth: AuthRequirement = AuthRequirement()
    """The credentials a call sends (its own `security`, else the document's)."""
    accept: str = "application/json"
    """The `Accept` header of a call: the media types the success responses declare."""

    @property
    def arguments(self) -> tuple[Argument, ...]:
        return self.path_arguments + self.request_arguments

    @property
    def content_type(self) -> str | None:
        """The `Content-Type` of a body when it is not what the runtime writes for its kind:
        the media type the spec names exactly for a raw (binary or text) body (Spotify's
        `image/jpeg`) or a JSON one other than `application/json` (Kubernetes'
        `application/merge-patch+json`); None for forms, multipart and a wildcard (`*/*`)."""
        media = self.media_type
        if media is None or "*" in media or media.lower() == "application/json":
            return None
        return media if self.body_kind in ("binary", "text", "json") else None

    @property
    def whole_body(self) -> Argument | None:
        return next((a for a in self.request_arguments if a.whole_body), None)

    def located(self, *locations: ArgumentLocation) -> tuple[Argument, ...]:
        return tuple(a for a in self.arguments if a.location in locations)

    @property
    def requires_request(self) -> bool:
        """Whether a call must pass some argument besides its path parameters."""
        return any(a.required for a in self.request_arguments)

    @property
    def stream_selector(self) -> Argument | None:
        """The body argument that asks for the event stream (`stream`), when the same call
        answers with JSON without it."""
        selector = self.event_stream.selector if self.event_stream is not None else None
        if selector is None:
            return None
        return next(
            (a for a in self.request_arguments if a.location == "body" and a.wire_name == selector),
            None,
        )

    @property
    def arguments_beside_selector(self) -> tuple[Argument, ...]:
        """The request arguments but the stream selector: what a target that offers the
        stream as a method of its own (`CreateStream`) takes in both methods, the selector
        being set by the method called."""
        selector = self.stream_selector
        return tuple(a for a in self.request_arguments if a is not selector)


@record
class Operation:
    operation_id: str
    resource: Name | None
    name: Name
    method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    params: tuple[Param, ...]
    body: Body | None
    success: Response
    errors: tuple[Response, ...]
    tags: tuple[str, ...]
    pointer: str
    pagination: Pagination | None = None
    polling: Polling | None = None
    auth: AuthRequirement = AuthRequirement()
    accept: tuple[str, ...] = ()
    """The media types of every success response, in document order."""
    shape: OperationShape | None = None
    """Decided once the whole API is built (`ir.shape.with_shapes`); read it through
    `ir.shape.shape_of`."""


@record
class Resource:
    name: Name
    operations: tuple[Operation, ...]


@record
class ClientHeader:
    """A header every operation takes: it becomes a client option, overridable per call."""

    name: Name
    wire_name: str
    required: bool
    default: str | None
    description: str = ""


WebhookScheme = Literal["hmac", "standard"]
"""How a delivery's signature is written: `hmac`, the hex HMAC-SHA256 of a payload the spec
describes (`x-sdk-webhooks`); `standard`, Standard Webhooks (`webhook-id`,
`webhook-timestamp`, `webhook-signature: v1,<base64>`, `whsec_` secrets)."""


@record
class WebhookSigning:
    """How deliveries are signed: HMAC over a payload built from the timestamp and body."""

    signature_header: str
    timestamp_header: str
    signed_payload: str
    algorithm: str
    tolerance_seconds: int
    scheme: WebhookScheme = "hmac"
    id_header: str | None = None
    """The header of the delivery's id, signed with it (Standard Webhooks)."""


@record
class WebhookEvent:
    event_type: str
    name: Name
    type: TypeNode
    description: str = ""


@record
class Webhooks:
    events: tuple[WebhookEvent, ...]
    type_property: str
    signing: WebhookSigning | None = None


@record
class Api:
    name: Name
    title: str
    version: str
    description: str
    servers: tuple[Server, ...]
    security: tuple[SecurityScheme, ...]
    """The schemes operations use, the client's first choice first."""
    client_headers: tuple[ClientHeader, ...]
    root_operations: tuple[Operation, ...]
    resources: tuple[Resource, ...]
    types: tuple[NamedType, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    webhooks: Webhooks | None = None
    auth: AuthRequirement = AuthRequirement()
    """The document's own requirement: what an operation without `security` sends."""
    server_variables: tuple[ServerVariable, ...] = ()
    """Every variable of the servers' URLs, once by name: one client option each."""
    docs_url: str | None = None
    """Where the API's own documentation lives (the spec's `externalDocs.url`, or the
    configuration's `docs_url`): relative links in descriptions resolve against it."""

    @property
    def credentials_required(self) -> bool:
        """Whether every operation needs credentials: a client without any is refused when it
        is made, not on its first call."""
        operations = self.operations()
        return bool(operations) and all(op.auth.mode == "required" for op in operations)

    def operations(self) -> tuple[Operation, ...]:
        return self.root_operations + tuple(op for r in self.resources for op in r.operations)


def refs_in(node: TypeNode | None) -> set[Name]:
    """The names of the named types a type node refers to, at any depth."""
    found: set[Name] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, Ref):
            found.add(current.name)
        elif isinstance(current, Array):
            stack.append(current.item)
        elif isinstance(current, Map):
            stack.append(current.value)
        elif isinstance(current, Nullable):
            stack.append(current.inner)
        elif isinstance(current, Union):
            stack.extend(current.members)
    return found
