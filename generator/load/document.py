"""The document model: a loaded OpenAPI 3 document read once, for every stage that needs it.

`build_model(document)` (or `LoadResult.model`, built once per load) gives a `DocumentModel`:

- `resolve(node, pointer) -> Target`: the one `$ref` follower (`generator.load.refs`); a
  `Target` holds the node a chain ends at, its pointer, the first ref, and a problem when the
  chain cannot be followed (then `node` is None).
- `path_items` (document order) and `webhooks`: `PathItem(path, pointer, location, node, ref,
  parameters, servers, operations)`. `pointer` is where `paths` names the item, `location`
  where its object is written (a `$ref`'d item lives elsewhere).
- `operations`: every operation of `paths`, each an `Operation` with `method` (lower case, one
  of HTTP_METHODS), `path`, `operation_id`, `pointer` (`/paths/<path>/<method>`), `location`,
  the raw `node`, the merged `parameters` (path-level overridden by operation-level of the same
  (name, in); an entry with no `in` or no name is dropped: the structural checks report it),
  `request_body` (media types with their encodings), `responses` (by status, document order),
  `security` (its own or inherited from the root) and `servers` (its own, else the path
  item's, else the root's).
- Schemas stay raw: a `Schema` is the node as written and its pointer; follow it with `resolve`.

Every node is the document's own object, never a copy: read it, do not change it. Whatever is
not a mapping where a mapping belongs is left out; the structural checks report it.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from generator.diagnostics import join_pointer
from generator.load.records import record
from generator.load.refs import Resolver, Target

HTTP_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
"""An HTTP field name (RFC 9110's token): a header parameter named otherwise cannot be sent."""
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The operations a path item can hold, in the order the specification lists them."""
SWAGGER2_METHODS = tuple(method for method in HTTP_METHODS if method != "trace")
"""Swagger 2.0 has no `trace`."""

Level = Literal["root", "path", "operation"]


@record
class Schema:
    node: Any
    """The schema as written (a `$ref` object stays one)."""
    pointer: str


@record
class Encoding:
    """How one property of a multipart or form body is sent."""

    property: str
    content_type: str | None
    style: str | None
    explode: bool | None
    node: dict[str, Any]
    pointer: str


@record
class MediaType:
    name: str
    """The media type as the `content` key writes it."""
    node: Any
    pointer: str
    schema: Schema | None
    encodings: tuple[Encoding, ...] = ()
    item_schema: Schema | None = None
    """OAS 3.2's `itemSchema`: the schema of each item of a sequential media type (each
    event of `text/event-stream`)."""


@record
class Parameter:
    name: str
    location: str
    """`in` as written: path, query, header, cookie (anything else is kept for the reader)."""
    node: dict[str, Any]
    """The parameter object, refs followed."""
    pointer: str
    """Where the parameter object lives (in components when it was a ref)."""
    listed_at: str
    """The entry of the `parameters` list that names it."""
    ref: str | None
    level: Level
    schema: Schema | None
    """`schema`, or the schema of the first media type of `content`."""
    media_type: str | None
    """The media type of `content` the schema came from; None for `schema`."""

    @property
    def required(self) -> bool:
        return self.location == "path" or bool(self.node.get("required"))

    @property
    def declared_style(self) -> str | None:
        style = self.node.get("style")
        return style if isinstance(style, str) else None

    @property
    def declared_explode(self) -> bool | None:
        explode = self.node.get("explode")
        return explode if isinstance(explode, bool) else None

    @property
    def style(self) -> str:
        """The serialisation style, OpenAPI's default when none is declared."""
        default = "simple" if self.location in ("path", "header") else "form"
        return self.declared_style or default

    @property
    def explode(self) -> bool:
        declared = self.declared_explode
        return self.style == "form" if declared is None else declared


@record
class RequestBody:
    node: dict[str, Any]
    """The request body object, refs followed."""
    pointer: str
    listed_at: str
    ref: str | None
    content: tuple[MediaType, ...]

    @property
    def required(self) -> bool:
        return bool(self.node.get("required"))

    @property
    def description(self) -> str:
        return str(self.node.get("description") or "")

    def media_type(self, name: str) -> MediaType | None:
        return next((m for m in self.content if m.name == name), None)


@record
class Header:
    name: str
    node: dict[str, Any]
    """The header object, refs followed."""
    pointer: str
    schema: Schema | None


@record
class Response:
    status: str
    """The key of `responses` as text: "200", "4XX", "default"."""
    node: dict[str, Any]
    """The response object, refs followed."""
    pointer: str
    listed_at: str
    ref: str | None
    content: tuple[MediaType, ...]
    headers: tuple[Header, ...]

    @property
    def description(self) -> str:
        return str(self.node.get("description") or "")

    def media_type(self, name: str) -> MediaType | None:
        return next((m for m in self.content if m.name == name), None)


@record
class SecurityRequirement:
    """One alternative: every scheme it names, with the scopes each needs."""

    schemes: tuple[tuple[str, tuple[str, ...]], ...]
    pointer: str


@record
class ServerVariable:
    name: str
    default: str | None
    enum: tuple[str, ...]
    description: str
    pointer: str


@record
class Server:
    url: str
    description: str
    variables: tuple[ServerVariable, ...]
    node: dict[str, Any]
    pointer: str
    position: int
    """Its index in the `servers` list it comes from (entries that are no server count too)."""
    level: Level

    def default_url(self) -> str:
        """The URL with every variable that has a default replaced by it."""
        url = self.url
        for variable in self.variables:
            if variable.default is not None:
                url = url.replace("{" + variable.name + "}", variable.default)
        return url


@record
class Operation:
    method: str
    """Lower case, one of HTTP_METHODS."""
    path: str
    """The path template (for a webhook, its name)."""
    operation_id: str | None
    pointer: str
    """Where `paths` (or `webhooks`) names the operation: `/paths/<path>/<method>`."""
    location: str
    """Where the operation object is written (under a `$ref`'d path item's target)."""
    node: dict[str, Any]
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: tuple[Response, ...]
    security: tuple[SecurityRequirement, ...] | None
    """The requirements that apply: the operation's own, else the root's; None when neither
    declares any (an empty tuple is an explicit "no security")."""
    security_pointer: str
    security_inherited: bool
    servers: tuple[Server, ...]

    def response(self, status: str) -> Response | None:
        return next((r for r in self.responses if r.status == status), None)


@record
class PathItem:
    path: str
    pointer: str
    location: str
    node: dict[str, Any]
    ref: str | None
    parameters: tuple[Parameter, ...]
    """The path-level parameters, before operations override them."""
    servers: tuple[Server, ...]
    """The path item's own servers."""
    operations: tuple[Operation, ...]


@record
class DocumentModel:
    document: dict[str, Any]
    """The raw document, for what the model does not cover (info, components, extensions)."""
    resolver: Resolver
    servers: tuple[Server, ...]
    security: tuple[SecurityRequirement, ...] | None
    path_items: tuple[PathItem, ...]
    webhooks: tuple[PathItem, ...]

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for item in self.path_items for op in item.operations)

    def resolve(self, node: Any, pointer: str) -> Target:
        return self.resolver.resolve(node, pointer)


def build_model(document: dict[str, Any]) -> DocumentModel:
    """The model of a loaded (bundled, OpenAPI 3) document."""
    reader = _Reader(Resolver(document))
    servers = reader.servers(document, "", "root")
    security = reader.security(document, "")
    return DocumentModel(
        document=document,
        resolver=reader.resolver,
        servers=servers,
        security=security,
        path_items=reader.path_items(document.get("paths"), "/paths", servers, security),
        webhooks=reader.path_items(document.get("webhooks"), "/webhooks", servers, security),
    )


def _mapping(node: Any) -> dict[str, Any]:
    return node if isinstance(node, dict) else {}


def _text(node: Any) -> str | None:
    """A name as YAML may have parsed it (`name: 200` is a number): text, or None for none."""
    if isinstance(node, str):
        return node
    if isinstance(node, int | float) and not isinstance(node, bool):
        return str(node)
    return None


@record
class _Reader:
    resolver: Resolver

    def path_items(
        self,
        section: Any,
        base: str,
        servers: tuple[Server, ...],
        security: tuple[SecurityRequirement, ...] | None,
    ) -> tuple[PathItem, ...]:
        found: list[PathItem] = []
        for path, raw in _mapping(section).items():
            key = str(path)
            if key.startswith("x-"):
                continue
            pointer = join_pointer(base, key)
            target = self.resolver.resolve(raw, pointer)
            item = target.mapping()
            if item is not None:
                found.append(self.path_item(key, pointer, target, item, servers, security))
        return tuple(found)

    def path_item(
        self,
        path: str,
        pointer: str,
        target: Target,
        item: dict[str, Any],
        root_servers: tuple[Server, ...],
        security: tuple[SecurityRequirement, ...] | None,
    ) -> PathItem:
        location = target.pointer
        shared = self.parameters(item.get("parameters"), join_pointer(location, "parameters"))
        servers = self.servers(item, location, "path")
        operations: list[Operation] = []
        for method in HTTP_METHODS:
            node = item.get(method)
            if not isinstance(node, dict):
                continue
            written = join_pointer(location, method)
            own = self.parameters(
                node.get("parameters"), join_pointer(written, "parameters"), "operation"
            )
            merged = {(p.name, p.location): p for p in shared}
            merged.update({(p.name, p.location): p for p in own})
            own_servers = self.servers(node, written, "operation")
            operations.append(
                Operation(
                    method=method,
                    path=path,
                    operation_id=_text(node.get("operationId")) or None,
                    pointer=join_pointer(pointer, method),
                    location=written,
                    node=node,
                    parameters=tuple(merged.values()),
                    request_body=self.request_body(node, written),
                    responses=self.responses(node.get("responses"), written),
                    security=security if "security" not in node else self.security(node, written),
                    security_pointer=join_pointer(
                        written if "security" in node else "", "security"
                    ),
                    security_inherited="security" not in node,
                    servers=own_servers or servers or root_servers,
                )
            )
        return PathItem(
            path, pointer, location, item, target.ref, shared, servers, tuple(operations)
        )

    def parameters(self, listed: Any, base: str, level: Level = "path") -> tuple[Parameter, ...]:
        """The usable parameters of one `parameters` list (a header parameter whose name is not
        an HTTP token is not); the last of one (name, in) wins."""
        found: dict[tuple[str, str], Parameter] = {}
        for position, raw in enumerate(listed if isinstance(listed, list) else ()):
            listed_at = join_pointer(base, position)
            target = self.resolver.resolve(raw, listed_at)
            node = target.mapping()
            if node is None:
                continue
            name, location = _text(node.get("name")), node.get("in")
            if name is None or not isinstance(location, str):
                continue
            if location == "header" and not HTTP_TOKEN.match(name):
                continue  # no request can carry it (the structural checks say so)
            schema, media_type = self.parameter_schema(node, target.pointer)
            found[name, location] = Parameter(
                name, location, node, target.pointer, listed_at, target.ref, level, schema,
                media_type,
            )  # fmt: skip
        return tuple(found.values())

    @staticmethod
    def parameter_schema(node: dict[str, Any], pointer: str) -> tuple[Schema | None, str | None]:
        if node.get("schema") is not None:
            return Schema(node["schema"], join_pointer(pointer, "schema")), None
        content = node.get("content")
        if not isinstance(content, dict) or not content:
            return None, None
        media_type, first = next(iter(content.items()))
        schema = first.get("schema") if isinstance(first, dict) else None
        if schema is None:
            return None, str(media_type)
        return Schema(schema, join_pointer(pointer, "content", str(media_type), "schema")), str(
            media_type
        )

    def request_body(self, operation: dict[str, Any], pointer: str) -> RequestBody | None:
        if operation.get("requestBody") is None:
            return None
        listed_at = join_pointer(pointer, "requestBody")
        target = self.resolver.resolve(operation["requestBody"], listed_at)
        node = target.mapping()
        if node is None:
            return None
        content = self.content(node.get("content"), join_pointer(target.pointer, "content"))
        return RequestBody(node, target.pointer, listed_at, target.ref, content)

    def responses(self, section: Any, pointer: str) -> tuple[Response, ...]:
        found: list[Response] = []
        for status, raw in _mapping(section).items():
            code = str(status)
            if code.startswith("x-"):
                continue
            listed_at = join_pointer(pointer, "responses", code)
            target = self.resolver.resolve(raw, listed_at)
            node = target.mapping()
            if node is None:
                continue
            where = target.pointer
            found.append(
                Response(
                    status=code,
                    node=node,
                    pointer=where,
                    listed_at=listed_at,
                    ref=target.ref,
                    content=self.content(node.get("content"), join_pointer(where, "content")),
                    headers=self.headers(node.get("headers"), join_pointer(where, "headers")),
                )
            )
        return tuple(found)

    def headers(self, section: Any, pointer: str) -> tuple[Header, ...]:
        found: list[Header] = []
        for name, raw in _mapping(section).items():
            target = self.resolver.resolve(raw, join_pointer(pointer, str(name)))
            node = target.mapping()
            if node is not None:
                schema, _ = self.parameter_schema(node, target.pointer)
                found.append(Header(str(name), node, target.pointer, schema))
        return tuple(found)

    def content(self, section: Any, pointer: str) -> tuple[MediaType, ...]:
        found: list[MediaType] = []
        for name, node in _mapping(section).items():
            where = join_pointer(pointer, str(name))
            media = _mapping(node)
            raw_schema = media.get("schema")
            schema = (
                None if raw_schema is None else Schema(raw_schema, join_pointer(where, "schema"))
            )
            encodings = self.encodings(media.get("encoding"), join_pointer(where, "encoding"))
            raw_items = media.get("itemSchema")
            items = (
                None if raw_items is None else Schema(raw_items, join_pointer(where, "itemSchema"))
            )
            found.append(MediaType(str(name), node, where, schema, encodings, items))
        return tuple(found)

    @staticmethod
    def encodings(section: Any, pointer: str) -> tuple[Encoding, ...]:
        found: list[Encoding] = []
        for name, node in _mapping(section).items():
            if not isinstance(node, dict):
                continue
            content_type, style = node.get("contentType"), node.get("style")
            explode = node.get("explode")
            found.append(
                Encoding(
                    property=str(name),
                    content_type=content_type if isinstance(content_type, str) else None,
                    style=style if isinstance(style, str) else None,
                    explode=explode if isinstance(explode, bool) else None,
                    node=node,
                    pointer=join_pointer(pointer, str(name)),
                )
            )
        return tuple(found)

    @staticmethod
    def security(owner: dict[str, Any], pointer: str) -> tuple[SecurityRequirement, ...] | None:
        """The requirements `owner` declares; None when it declares none (or no list)."""
        listed = owner.get("security")
        if not isinstance(listed, list):
            return None
        here = join_pointer(pointer, "security")
        found: list[SecurityRequirement] = []
        for position, requirement in enumerate(listed):
            if not isinstance(requirement, dict):
                continue
            schemes = tuple(
                (str(name), tuple(str(s) for s in scopes) if isinstance(scopes, list) else ())
                for name, scopes in requirement.items()
            )
            found.append(SecurityRequirement(schemes, join_pointer(here, position)))
        return tuple(found)

    @staticmethod
    def servers(owner: dict[str, Any], pointer: str, level: Level) -> tuple[Server, ...]:
        listed = owner.get("servers")
        here = join_pointer(pointer, "servers")
        found: list[Server] = []
        for position, server in enumerate(listed if isinstance(listed, list) else ()):
            if not isinstance(server, dict) or not isinstance(server.get("url"), str):
                continue
            where = join_pointer(here, position)
            variables = tuple(
                _variable(str(name), variable, join_pointer(where, "variables", str(name)))
                for name, variable in _mapping(server.get("variables")).items()
                if isinstance(variable, dict)
            )
            description = str(server.get("description") or "")
            found.append(
                Server(server["url"], description, variables, server, where, position, level)
            )
        return tuple(found)


def _variable(name: str, node: dict[str, Any], pointer: str) -> ServerVariable:
    default = node.get("default")
    enum = node.get("enum")
    return ServerVariable(
        name=name,
        default=None if default is None else str(default),
        enum=tuple(str(v) for v in enum) if isinstance(enum, list) else (),
        description=str(node.get("description") or ""),
        pointer=pointer,
    )
