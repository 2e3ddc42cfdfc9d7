"""The TypeScript SDK of one API, from the IR: views the templates read, and the files.

Every name is made here, once (camelCase members, PascalCase types, fields by their wire
names); the templates only place them. The runtime (`runtime/*.ts`) is copied verbatim.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path

import jinja2

from generator.ir.model import (
    Api,
    Argument,
    EnumDef,
    Field,
    ModelDef,
    NamedType,
    Operation,
    OperationShape,
    Pagination,
    TypeNode,
    WebhookSigning,
)
from generator.ir.names import Name
from generator.ir.shape import shape_of
from generator.load.guide import GuideSection
from generator.load.records import record
from generator.targets.files import portable_stem
from generator.targets.typescript.docs_language import TypescriptDocsLanguage
from generator.targets.typescript.naming import (
    GLOBAL_TYPES,
    RESERVED_WORDS,
    RUNTIME_EXPORTS,
    Scope,
    camel,
    member,
    pascal,
    property_key,
    safe_identifier,
    ts_comment,
    ts_string,
)
from generator.targets.typescript.security import requirement_literal, security_view
from generator.targets.typescript.types import Annotator, open_enum

RUNTIME_DIR = Path(__file__).parent / "runtime"
RAW_CALLS = frozenset({"get", "post", "put", "patch", "delete"})
"""The client's calls of any path (`runtime/calls.ts`): no client member takes them."""
TYPESCRIPT_VERSION = "5.7.2"
"""The compiler a generated package builds with (its devDependency): the project's own."""


@record
class TypescriptOptions:
    package: str
    client_class: str
    token_env: str | None
    sdk_version: str
    header: str
    provenance: str = ""
    guide: tuple[GuideSection, ...] = ()
    """Hand-written sections the README ends with (`patches/<api>/guide/<target>/`)."""
    license: str = "UNLICENSED"
    typescript_version: str = TYPESCRIPT_VERSION


@record
class FieldView:
    key: str
    """The property key as written: the wire name, quoted when it is no identifier."""
    wire_name: str
    annotation: str
    optional: bool
    description: str
    deprecated: bool = False

    @property
    def name(self) -> str:
        return self.wire_name

    @property
    def required(self) -> bool:
        return not self.optional

    @property
    def nullable(self) -> bool:
        return self.annotation.endswith("| null")


@record
class TypeView:
    kind: str
    """interface or alias."""
    name: str
    description: str
    fields: tuple[FieldView, ...] = ()
    index: str | None = None
    target: str = ""
    deprecated: bool = False

    @property
    def class_name(self) -> str:
        return self.name

    @property
    def annotation(self) -> str:
        return self.target


@record
class ArgView:
    name: str
    """The argument (path parameters) or request property (the rest), by wire name."""
    wire_name: str
    annotation: str
    required: bool
    description: str
    where: str
    default_json: str | None = None
    type_node: TypeNode | None = None
    key: str = ""
    access: str = ""
    """The expression reading the value inside the method."""
    style: str = ""
    """`["style", explode]` when the value is not written OpenAPI's default way, else empty."""


@record
class PageView:
    style: str
    paging: str
    """The runtime's `Paging` of the list, as an object literal."""
    item_annotation: str
    envelope: str


@record
class PollView:
    method_name: str
    retrieve: str
    retrieve_takes_request: bool
    status_field: str
    id_field: str
    terminal: tuple[str, ...]
    terminal_literal: str


@record
class MethodView:
    name: str
    http_method: str
    path: str
    path_expr: str
    summary: str
    description: str
    deprecated: bool
    positional: tuple[ArgView, ...]
    keyword: tuple[ArgView, ...]
    request_type: str | None
    request_required: bool
    body_kind: str | None
    whole_body: ArgView | None
    response_kind: str
    return_annotation: str
    page: PageView | None
    poll: PollView | None
    event_annotation: str = ""
    """The type of each event of a call that can answer with server-sent events."""
    stream_selector: ArgView | None = None
    """The boolean request field that asks for the event stream, when it is optional."""
    idempotency_header: str | None = None
    security: str | None = None
    """The operation's credential alternatives as a literal, when they are not the API's."""
    accept: str = ""
    """The `Accept` header when it is not `application/json`, else empty."""
    content_type: str = ""
    """The `Content-Type` of a raw body the spec names exactly, else empty."""

    @property
    def styled(self) -> tuple[ArgView, ...]:
        """The request's arguments written in a style of their own."""
        return tuple(a for a in self.keyword if a.style)

    @property
    def returns_none(self) -> bool:
        return self.response_kind == "empty"

    @property
    def full_return(self) -> str:
        """What the implementation resolves to: the model or, as the request asks, a stream."""
        if self.stream_selector is None:
            return self.return_annotation
        return f"{self.return_annotation} | Stream<{self.event_annotation}>"

    @property
    def response_kind_expr(self) -> str:
        """The request's `responseKind`, chosen at run time when the request chooses it."""
        if self.stream_selector is None:
            return ts_string(self.response_kind)
        return f'{self.stream_selector.access} === true ? "event_stream" : "json"'

    @property
    def stream_overloads(self) -> tuple[tuple[str, str], ...]:
        """(parameter list, resolved type) of each overload of a call a request field switches
        to a stream: asked, not asked, either."""
        if self.stream_selector is None or self.request_type is None:
            return ()
        key = self.stream_selector.key
        asked = self._signature(f"{self.request_type} & {{ {key}: true }}", False)
        not_asked = self._signature(f"{self.request_type} & {{ {key}?: false | null }}", True)
        return (
            (asked, f"Stream<{self.event_annotation}>"),
            (not_asked, self.return_annotation),
            (self._signature(self.request_type, True), self.full_return),
        )

    def _signature(self, request_type: str, optional: bool) -> str:
        """An overload's parameters (an overload declares no default: `request?`)."""
        parts = [f"{a.name}: {a.annotation}" for a in self.positional]
        mark = "?" if optional and not self.request_required else ""
        parts.append(f"request{mark}: {request_type}")
        return ", ".join(parts)

    @property
    def sync_return(self) -> str:
        return self.return_annotation

    def args(self, where: str) -> tuple[ArgView, ...]:
        return tuple(a for a in self.keyword if a.where == where)

    @property
    def body_fields(self) -> tuple[ArgView, ...]:
        return tuple(a for a in self.keyword if a.where in ("body", "form", "file"))

    @property
    def signature_args(self) -> str:
        """The parameter list as declared."""
        parts = [f"{a.name}: {a.annotation}" for a in self.positional]
        if self.request_type is not None:
            default = "" if self.request_required else " = {}"
            parts.append(f"request: {self.request_type}{default}")
        return ", ".join(parts)


@record
class ResourceView:
    attribute: str
    module: str
    class_name: str
    methods: tuple[MethodView, ...]
    type_imports: tuple[str, ...]
    requests: tuple[TypeView, ...]

    @property
    def uses_pages(self) -> bool:
        return any(m.page is not None for m in self.methods)

    @property
    def uses_polling(self) -> bool:
        return any(m.poll is not None for m in self.methods)

    @property
    def uses_streams(self) -> bool:
        return any("Stream<" in m.full_return for m in self.methods)

    @property
    def uses_encode(self) -> bool:
        return any(m.positional for m in self.methods)


@record
class ServerView:
    name: str
    url: str
    description: str


@record
class ClientHeaderView:
    name: str
    wire_name: str
    default: str | None
    description: str


@record
class EventView:
    event_type: str
    annotation: str
    description: str


@record
class WebhooksView:
    events: tuple[EventView, ...]
    type_property: str
    signing: WebhookSigning | None

    @property
    def union(self) -> str:
        return " | ".join(dict.fromkeys(e.annotation for e in self.events)) or "unknown"


def _module_names(api: Api) -> dict[Name, str]:
    """Distinct type names; one the SDK or the language already uses gets `Model` added."""
    taken = GLOBAL_TYPES | RUNTIME_EXPORTS | RESERVED_WORDS
    scope = Scope(taken)
    names = {}
    for named in api.types:
        text = pascal(named.name)
        names[named.name] = scope.claim(f"{text}Model" if text in taken else text)
    return names


def _style_literal(arg: Argument) -> str:
    """`["style", explode]` for an argument not written OpenAPI's default way, else empty."""
    if arg.default_style:
        return ""
    return f"[{ts_string(arg.style or '')}, {'true' if arg.explode else 'false'}]"


def _path_expression(path: str, names: Mapping[str, tuple[str, str]]) -> str:
    """A template literal of the path, each parameter percent-encoded by its style."""

    def piece(match: re.Match[str]) -> str:
        wire = match.group(1)
        if wire not in names:
            return match.group(0)
        name, style = names[wire]
        if style:
            return "${encodePath(" + f"{name}, {style[1:-1]}, {ts_string(wire)}" + ")}"
        return "${encodePath(" + name + ")}"

    escaped = path.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
    return "`" + re.sub(r"\{([^}]+)\}", piece, escaped) + "`"


class TypescriptRenderer:
    """The TypeScript SDK of one API."""

    folder = "typescript"
    language = "TypeScript"
    readme_template = "typescript/README.md.j2"
    protected = "src/lib/"
    """Hand-written modules compiled with the SDK, never generated."""

    def __init__(self, api: Api, options: TypescriptOptions, env: jinja2.Environment) -> None:
        self.api = api
        self.options = options
        self.env = env
        self.types: dict[Name, NamedType] = {t.name: t for t in api.types}
        self.class_names: dict[Name, str] = _module_names(api)
        self.annotator = Annotator(self.class_names)
        self._request_names = Scope(
            GLOBAL_TYPES
            | RUNTIME_EXPORTS
            | RESERVED_WORDS
            | set(self.class_names.values())
            | {options.client_class}
        )

    @property
    def package(self) -> str:
        return self.options.package

    @functools.cached_property
    def docs_language(self) -> TypescriptDocsLanguage:
        return TypescriptDocsLanguage(self.options.package, self.options.client_class)

    # ----- types ---------------------------------------------------------------------------
    def _field(self, field: Field) -> FieldView:
        annotation = self.annotator.annotation(field.type)
        description = field.description
        if field.deprecated:
            description = f"@deprecated {description}".strip()
        return FieldView(
            property_key(field.wire_name),
            field.wire_name,
            annotation,
            not field.required,
            description,
            field.deprecated,
        )

    @functools.cached_property
    def type_views(self) -> tuple[TypeView, ...]:
        views = []
        for named in self.api.types:
            name = self.class_names[named.name]
            if isinstance(named, ModelDef):
                index = None
                if named.additional is not None:
                    index = "unknown"
                views.append(
                    TypeView(
                        "interface",
                        name,
                        named.description,
                        tuple(self._field(f) for f in named.fields),
                        index,
                        deprecated=named.deprecated,
                    )
                )
            elif isinstance(named, EnumDef):
                views.append(
                    TypeView("alias", name, named.description, target=open_enum(named.values))
                )
            else:
                target = self.annotator.annotation(named.target)
                if target == name:
                    target = "unknown"
                views.append(TypeView("alias", name, named.description, target=target))
        return tuple(views)

    # ----- operations ----------------------------------------------------------------------
    def method_view(
        self, op: Operation, name: str, owner: str
    ) -> tuple[MethodView, TypeView | None]:
        shape = shape_of(op)
        args = Scope(RESERVED_WORDS | {"request", "options", "encodePath", "core"})
        keys = Scope(frozenset())
        positional = []
        for argument in shape.path_arguments:
            arg = args.claim(safe_identifier(camel(argument.name, "param")))
            positional.append(
                ArgView(arg, argument.wire_name, self.annotator.annotation(argument.type), True,
                        argument.description, "path", argument.default_json, argument.type, arg,
                        arg)
            )  # fmt: skip
        path_names = {
            a.wire_name: (a.name, _style_literal(s))
            for a, s in zip(positional, shape.path_arguments, strict=True)
        }
        # A call overrides a client header through `options.headers`, as extend-ai's do: a
        # request object only for it would change the signature of calls that take none.
        keyword = tuple(
            self._request_arg(keys.claim(a.wire_name or "body"), a, shape.body_kind)
            for a in shape.request_arguments
            if a.location != "client_header"
        )
        whole = next((a for a in keyword if a.where == "body" and not a.wire_name), None)
        request_type, request_view = self._request_type(keyword, name, owner)
        event = ""
        if shape.event_stream is not None:
            event = self.annotator.annotation(shape.event_stream.item_type)
        annotation = self._resolves_to(shape, event)
        selector = shape.event_stream.selector if shape.event_stream is not None else None
        page = None
        if shape.pagination is not None:
            page = PageView(
                shape.pagination.style,
                _paging_literal(shape.pagination),
                self.annotator.annotation(shape.pagination.item_type),
                annotation,
            )
        view = MethodView(
            name=name,
            http_method=op.method.upper(),
            path=op.path,
            path_expr=_path_expression(op.path, path_names),
            summary=op.summary,
            description=op.description,
            deprecated=op.deprecated,
            positional=tuple(positional),
            keyword=keyword,
            request_type=request_type,
            request_required=any(a.required for a in keyword),
            body_kind=shape.body_kind,
            whole_body=whole,
            response_kind=shape.response_kind,
            return_annotation=annotation,
            page=page,
            poll=None,
            event_annotation=event,
            stream_selector=next(
                (a for a in keyword if a.where == "body" and a.wire_name == selector), None
            ),
            idempotency_header=shape.idempotency_header,
            security=(None if shape.auth == self.api.auth else requirement_literal(shape.auth)),
            accept="" if shape.accept == "application/json" else shape.accept,
            content_type=shape.content_type or "",
        )
        return view, request_view

    def _resolves_to(self, shape: OperationShape, event: str) -> str:
        """What a call's promise resolves to: the body's stream of bytes, text, a `Stream` of
        `event`s, nothing, or the JSON type (the model, when a request field may ask for
        events instead: the overloads say so)."""
        if shape.response_kind == "binary":
            return "ReadableStream<Uint8Array>"
        if shape.response_kind == "text":
            return "string"
        if shape.response_kind == "event_stream":
            return f"Stream<{event}>"
        if shape.response_type is None:
            return "void"
        return self.annotator.annotation(shape.response_type)

    def _request_type(
        self, keyword: tuple[ArgView, ...], name: str, owner: str
    ) -> tuple[str | None, TypeView | None]:
        """The interface of a method's request object, when it takes one."""
        if not keyword:
            return None, None
        request_type = self._request_names.claim(f"{owner}{name[:1].upper()}{name[1:]}Params")
        fields = tuple(
            FieldView(a.key, a.wire_name or a.key, a.annotation, not a.required, a.description)
            for a in keyword
        )
        return request_type, TypeView("interface", request_type, f"What `{name}` sends.", fields)

    def _request_arg(self, key: str, arg: Argument, body_kind: str | None) -> ArgView:
        if arg.whole_body:
            annotation = {"binary": "Blob | Uint8Array | ArrayBuffer", "text": "string"}.get(
                body_kind or ""
            ) or self.annotator.annotation(arg.type)
        else:
            annotation = self.annotator.annotation(arg.type)
        return ArgView(key, arg.wire_name, annotation, arg.required, arg.description,
                       arg.location, arg.default_json, arg.type, property_key(key),
                       member("request", key), _style_literal(arg))  # fmt: skip

    def _poll_view(
        self, op: Operation, views: Mapping[Name, MethodView], own: MethodView, taken: Scope
    ) -> PollView | None:
        polling = shape_of(op).polling
        if polling is None:
            return None
        retrieve = views[polling.retrieve_operation]
        terminal = tuple(polling.terminal_values)
        return PollView(
            taken.claim(f"{own.name}AndPoll"),
            retrieve.name,
            retrieve.request_type is not None,
            polling.status_field,
            polling.id_field,
            terminal,
            "[" + ", ".join(ts_string(t) for t in terminal) + "]",
        )

    def resource_view(
        self,
        attribute: str,
        name: Name,
        ops: tuple[Operation, ...],
        module: str,
        members: frozenset[str] = frozenset(),
    ) -> ResourceView:
        """A resource's class; `members` are names its methods must leave to others."""
        class_name = pascal(name, "Resource")
        taken = set(self.class_names.values()) | GLOBAL_TYPES | RUNTIME_EXPORTS
        while class_name in taken or class_name == self.options.client_class:
            class_name += "Resource"
        scope = Scope(
            frozenset({"core", "constructor", "withRawResponse", "webhooks", "baseUrl", "root"})
            | members
        )
        methods: list[MethodView] = []
        requests: list[TypeView] = []
        by_name: dict[Name, MethodView] = {}
        for op in ops:
            view, request = self.method_view(op, scope.claim(camel(op.name, "call")), class_name)
            methods.append(view)
            by_name[op.name] = view
            if request is not None:
                requests.append(request)
        finished = []
        for op, view in zip(ops, methods, strict=True):
            poll = self._poll_view(op, by_name, view, scope)
            finished.append(view if poll is None else _with_poll(view, poll))
        used: set[str] = set()
        for view in finished:
            for text in (
                view.full_return,
                *(a.annotation for a in view.keyword + view.positional),
            ):
                used |= set(re.findall(r"[A-Za-z_$][A-Za-z0-9_$]*", text))
            if view.page is not None:
                used |= set(re.findall(r"[A-Za-z_$][A-Za-z0-9_$]*", view.page.item_annotation))
        imports = tuple(sorted(used & set(self.class_names.values())))
        return ResourceView(
            attribute, module, class_name, tuple(finished), imports, tuple(requests)
        )

    @functools.cached_property
    def resource_views(self) -> tuple[ResourceView, ...]:
        reserved = {"withRawResponse", "webhooks", "baseUrl", "core", "constructor", "root"}
        reserved |= {m.name for m in self.root_view.methods} | RAW_CALLS
        scope = Scope(frozenset(reserved))
        files = Scope(frozenset({"index", "client", "models", "runtime", "version", "webhooks"}))
        views = []
        for resource in self.api.resources:
            attribute = scope.claim(camel(resource.name, "resource"))
            module = files.claim(portable_stem(resource.name.kebab() or attribute))
            views.append(self.resource_view(attribute, resource.name, resource.operations, module))
        return tuple(views)

    @functools.cached_property
    def root_view(self) -> ResourceView:
        return self.resource_view(
            "client", Name(("root",)), self.api.root_operations, "root", RAW_CALLS
        )

    # ----- client --------------------------------------------------------------------------
    def context(self) -> dict[str, object]:
        servers = tuple(
            ServerView(s.name.snake().upper() or "DEFAULT", s.url, s.description)
            for s in self.api.servers
        )
        headers = []
        names = Scope(frozenset({"token", "environment", "baseUrl", "maxRetries", "fetch"})
                      | {"timeoutInSeconds", "headers"})  # fmt: skip
        for header in self.api.client_headers:
            default = header.default
            headers.append(
                ClientHeaderView(
                    names.claim(camel(header.name, "header")),
                    header.wire_name,
                    default,
                    header.description,
                )
            )
        return {
            "api": self.api,
            "options": self.options,
            "header": self.options.header,
            "resources": self.resource_views,
            "root": self.root_view,
            "types": self.type_views,
            "models": tuple(v for v in self.type_views if v.kind == "interface"),
            "enums": tuple(
                v
                for v, t in zip(self.type_views, self.api.types, strict=True)
                if isinstance(t, EnumDef)
            ),
            "aliases": tuple(
                v
                for v, t in zip(self.type_views, self.api.types, strict=True)
                if v.kind == "alias" and not isinstance(t, EnumDef)
            ),
            "servers": servers,
            "client_headers": tuple(headers),
            "webhooks": self.webhooks_view,
            "security": security_view(
                self.api, self.options.token_env, tuple(s.name for s in servers)
            ),
            "ts_string": ts_string,
            "ts_comment": ts_comment,
            "property_key": property_key,
            "type_names": sorted(set(self.class_names.values())),
            "json": json,
            "runtime_modules": sorted(p.stem for p in RUNTIME_DIR.glob("*.ts")),
        }

    @functools.cached_property
    def webhooks_view(self) -> WebhooksView | None:
        webhooks = self.api.webhooks
        if webhooks is None:
            return None
        events = tuple(
            EventView(e.event_type, self.annotator.annotation(e.type), e.description)
            for e in webhooks.events
        )
        return WebhooksView(events, webhooks.type_property, webhooks.signing)

    # ----- files ---------------------------------------------------------------------------
    def render(self) -> dict[str, str]:
        env = self.env
        context = self.context()
        files: dict[str, str] = {}
        for view in self.resource_views:
            template = env.get_template("typescript/resource.ts.j2")
            files[f"src/resources/{view.module}.ts"] = template.render(context, resource=view)
        simple = {
            "typescript/client.ts.j2": "src/client.ts",
            "typescript/index.ts.j2": "src/index.ts",
            "typescript/models.ts.j2": "src/models.ts",
            "typescript/version.ts.j2": "src/version.ts",
            "typescript/package.json.j2": "package.json",
            "typescript/tsconfig.json.j2": "tsconfig.json",
            "typescript/tsconfig.cjs.json.j2": "tsconfig.cjs.json",
            "typescript/README.md.j2": "README.md",
            "typescript/gitignore.j2": ".gitignore",
        }
        if self.root_view.methods:
            template = env.get_template("typescript/resource.ts.j2")
            files["src/resources/root.ts"] = template.render(context, resource=self.root_view)
        for template_name, path in simple.items():
            files[path] = env.get_template(template_name).render(context)
        if self.webhooks_view is not None:
            files["src/webhooks.ts"] = env.get_template("typescript/webhooks.ts.j2").render(context)
        for source in sorted(RUNTIME_DIR.glob("*.ts")):
            body = source.read_text(encoding="utf-8")
            files[f"src/runtime/{source.name}"] = f"// {self.options.header}\n{body}"
        return files


def _with_poll(view: MethodView, poll: PollView) -> MethodView:
    from dataclasses import replace

    return replace(view, poll=poll)


def _paging_literal(paging: Pagination) -> str:
    """The list's `Paging` as a TypeScript object literal; unset fields, and a page size that
    cannot tell the last page (tokens and URLs do), are left out."""
    size = paging.size_param if paging.style in ("offset", "page", "cursor") else None
    values: list[tuple[str, str | bool | None]] = [
        ("style", paging.style),
        ("itemsField", paging.items_field),
        ("param", paging.param),
        ("nextField", paging.next_field),
        ("sizeParam", size),
        ("hasMoreField", paging.has_more_field),
        ("totalField", paging.total_field),
        ("cursorItemField", paging.cursor_item_field),
        ("linkHeader", paging.link_header or None),
    ]
    fields = [
        f"{key}: {'true' if value is True else ts_string(str(value))}"
        for key, value in values
        if value is not None
    ]
    return "{ " + ", ".join(fields) + " }"
