"""Render the Python SDK: IR in, {relative path: text} out. Pure; formatting is the writer's."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.ir.model import (
    AliasDef,
    Api,
    Binary,
    ClientHeader,
    EnumDef,
    Field,
    ModelDef,
    NamedType,
    Operation,
    Param,
    Ref,
    TypeNode,
)
from generator.names import Name
from generator.targets.python.naming import (
    BUILTIN_NAMES,
    PYDANTIC_ATTRIBUTES,
    REQUEST_OPTION_NAMES,
    RESERVED_CLASS_NAMES,
    Scope,
    pascal,
    safe_attribute,
    safe_method,
    snake,
)
from generator.targets.python.types import TypeRenderer, literal, split_union

RUNTIME_DIR = Path(__file__).parent / "runtime"


@dataclass(frozen=True, slots=True)
class PythonOptions:
    package: str
    client_class: str
    async_client_class: str
    token_env: str | None
    sdk_version: str
    header: str
    """The one-line 'generated, do not edit' notice, without a comment marker."""


@dataclass(frozen=True, slots=True)
class FieldView:
    name: str
    wire_name: str
    annotation: str
    required: bool
    description: str
    deprecated: bool
    nullable: bool = False
    default_json: str | None = None
    type_node: TypeNode | None = None

    @property
    def default_code(self) -> str:
        """What follows the annotation: nothing, ` = None` or a `Field(...)` with the alias."""
        alias = f"alias={self.wire_name!r}" if self.wire_name != self.name else ""
        if self.required:
            return f" = Field({alias})" if alias else ""
        return f" = Field(default=None, {alias})" if alias else " = None"


@dataclass(frozen=True, slots=True)
class ModelView:
    class_name: str
    description: str
    deprecated: bool
    fields: tuple[FieldView, ...]


@dataclass(frozen=True, slots=True)
class AliasView:
    name: str
    annotation: str
    description: str


@dataclass(frozen=True, slots=True)
class ArgView:
    name: str
    wire_name: str
    annotation: str
    required: bool
    description: str
    where: str  # path, query, header, cookie, body, file, client_header
    default_json: str | None = None
    type_node: TypeNode | None = None
    """The IR type, for targets (docs) that synthesise example values."""


@dataclass(frozen=True, slots=True)
class PageView:
    token_param: str
    items_field: str
    next_field: str
    item_annotation: str


@dataclass(frozen=True, slots=True)
class PollView:
    retrieve: str
    status_field: str
    id_field: str
    terminal: tuple[str, ...]


@dataclass(frozen=True, slots=True)
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
    body_kind: str | None
    whole_body: ArgView | None
    return_annotation: str
    cast_expr: str
    returns_none: bool
    errors: tuple[str, ...]
    page: PageView | None = None
    poll: PollView | None = None
    cast_models: tuple[str, ...] = ()
    """Model classes `cast_expr` needs at run time, for methods that import them lazily."""
    cast_runtime: tuple[str, ...] = ()

    @property
    def sync_return(self) -> str:
        return f"SyncPage[{self.page.item_annotation}]" if self.page else self.return_annotation

    @property
    def async_return(self) -> str:
        return f"AsyncPager[{self.page.item_annotation}]" if self.page else self.return_annotation

    def args(self, where: str) -> tuple[ArgView, ...]:
        return tuple(a for a in self.positional + self.keyword if a.where == where)


@dataclass(frozen=True, slots=True)
class ResourceView:
    attribute: str
    module: str
    class_name: str
    async_class_name: str
    methods: tuple[MethodView, ...]
    model_imports: tuple[str, ...]
    uses_file_input: bool


@dataclass(frozen=True, slots=True)
class ClientHeaderView:
    name: str
    wire_name: str
    default: str | None
    description: str


@dataclass(frozen=True, slots=True)
class EventView:
    event_type: str
    class_name: str
    description: str


@dataclass(frozen=True, slots=True)
class WebhooksView:
    events: tuple[EventView, ...]
    generic_fields: tuple[FieldView, ...]
    type_property: str
    signing: object | None


@dataclass(frozen=True, slots=True)
class ServerView:
    name: str
    url: str
    description: str


def class_names(types: tuple[NamedType, ...]) -> dict[Name, str]:
    scope = Scope(RESERVED_CLASS_NAMES | BUILTIN_NAMES)
    result: dict[Name, str] = {}
    for named in types:
        wanted = pascal(named.name)
        if wanted in RESERVED_CLASS_NAMES or wanted in BUILTIN_NAMES:
            wanted += "Model"
        result[named.name] = scope.claim(wanted)
    return result


def refs_in(node: TypeNode | None) -> set[Name]:
    from generator.ir.model import Array, Map, Nullable, Union

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


def _uses_binary(node: TypeNode | None) -> bool:
    from generator.ir.model import Array, Nullable

    while isinstance(node, Array | Nullable):
        node = node.item if isinstance(node, Array) else node.inner
    return isinstance(node, Binary)


class PythonRenderer:
    def __init__(self, api: Api, options: PythonOptions, env: jinja2.Environment) -> None:
        self.api = api
        self.options = options
        self.env = env
        self.types = {t.name: t for t in api.types}
        self.class_names = class_names(api.types)
        self.renderer = TypeRenderer(self.types, self.class_names)
        # Resource classes have methods named `list`, so their signatures say List and Dict.
        self.signatures = TypeRenderer(
            self.types, self.class_names, list_name="List", dict_name="Dict"
        )

    # ----- models ------------------------------------------------------------------------
    def model_view(self, model: ModelDef) -> ModelView:
        scope = Scope(PYDANTIC_ATTRIBUTES)
        fields = []
        for field in model.fields:
            name = scope.claim(safe_attribute(snake(field.name), PYDANTIC_ATTRIBUTES))
            annotation = self.renderer.annotation(field.type, "output")
            if not field.required and annotation != "Any" and "None" not in split_union(annotation):
                annotation += " | None"
            fields.append(
                FieldView(
                    name=name,
                    wire_name=field.wire_name,
                    annotation=annotation,
                    required=field.required,
                    description=field.description,
                    deprecated=field.deprecated,
                    nullable=_is_nullable(field.type, self.types),
                    default_json=field.default_json,
                    type_node=field.type,
                )
            )
        return ModelView(
            self.class_names[model.name], model.description, model.deprecated, tuple(fields)
        )

    def alias_views(self) -> tuple[tuple[AliasView, ...], tuple[AliasView, ...]]:
        """(enum aliases, other aliases in dependency order)."""
        enums = tuple(
            AliasView(
                self.class_names[t.name],
                "Literal[" + ", ".join(literal(v) for v in t.values) + "]",
                t.description,
            )
            for t in self.api.types
            if isinstance(t, EnumDef)
        )
        aliases = [t for t in self.api.types if isinstance(t, AliasDef)]
        ordered: list[AliasDef] = []
        placed: set[Name] = set()
        alias_names = {a.name for a in aliases}
        pending = list(aliases)
        while pending:
            progressed = False
            for alias in list(pending):
                needs = (refs_in(alias.target) & alias_names) - placed - {alias.name}
                if not needs:
                    ordered.append(alias)
                    placed.add(alias.name)
                    pending.remove(alias)
                    progressed = True
            if not progressed:  # a cycle through aliases only: emit the rest as they are
                ordered.extend(pending)
                break
        views = tuple(
            AliasView(
                self.class_names[a.name],
                self.renderer.annotation(a.target, "output"),
                a.description,
            )
            for a in ordered
        )
        return enums, views

    # ----- operations --------------------------------------------------------------------
    def method_view(self, op: Operation) -> MethodView:
        scope = Scope(REQUEST_OPTION_NAMES | {"cast", "encode_path", "NOT_GIVEN"})
        positional: list[ArgView] = []
        keyword: list[ArgView] = []
        path_names: dict[str, str] = {}
        for param in op.params:
            view = self._param_view(param, scope)
            if param.location == "path":
                path_names[param.wire_name] = view.name
                positional.append(view)
            else:
                keyword.append(view)
        whole_body: ArgView | None = None
        body = op.body
        if body is not None and body.fields is not None:
            where = "body" if body.kind == "json" else "form"
            for field in body.fields:
                keyword.append(self._field_arg(field, scope, where))
        elif body is not None:
            annotation = self.signatures.annotation(body.type, "input")
            name = scope.claim("body")
            whole_body = ArgView(
                name, "", annotation, body.required, body.description, "body", None, body.type
            )
            keyword.append(whole_body)
        for header in self.api.client_headers:
            name = scope.claim(safe_attribute(snake(header.name)))
            keyword.append(
                ArgView(name, header.wire_name, "str", False, header.description, "client_header")
            )
        keyword.sort(key=lambda a: not a.required)
        success = op.success
        returns_none = success.kind == "empty"
        if success.kind == "binary":
            annotation, cast_expr = "bytes", "bytes"
        elif success.kind == "text":
            annotation, cast_expr = "str", "str"
        elif returns_none or success.type is None:
            annotation, cast_expr = "None", "None"
        else:
            annotation = self.signatures.annotation(success.type, "output")
            cast_expr = annotation
        errors = tuple(r.status for r in op.errors)
        used = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", cast_expr))
        page = None
        if op.pagination is not None:
            page = PageView(
                op.pagination.token_param,
                op.pagination.items_field,
                op.pagination.next_token_field,
                self.signatures.annotation(op.pagination.item_type, "output"),
            )
        poll = None
        if op.polling is not None:
            poll = PollView(
                safe_method(op.polling.retrieve_operation),
                self._attribute_of(op.success.type, op.polling.status_field),
                self._attribute_of(op.success.type, op.polling.id_field),
                op.polling.terminal_values,
            )
        return MethodView(
            name=safe_method(snake(op.name, "call")),
            http_method=op.method,
            path=op.path,
            path_expr=_path_expression(op.path, path_names),
            summary=op.summary,
            description=op.description,
            deprecated=op.deprecated,
            positional=tuple(positional),
            keyword=tuple(keyword),
            body_kind=body.kind if body is not None else None,
            whole_body=whole_body,
            return_annotation=annotation,
            cast_expr=cast_expr,
            returns_none=returns_none,
            errors=errors,
            page=page,
            poll=poll,
            cast_models=tuple(sorted(used & set(self.class_names.values()))),
            cast_runtime=tuple(sorted(used & {"AwareDatetime", "union"})),
        )

    def _attribute_of(self, node: TypeNode | None, wire_name: str) -> str:
        """The Python attribute of a model's field, by its wire name."""
        from generator.ir.model import Nullable

        if isinstance(node, Nullable):
            node = node.inner
        named = self.types.get(node.name) if isinstance(node, Ref) else None
        if isinstance(named, ModelDef):
            for field in self.model_view(named).fields:
                if field.wire_name == wire_name:
                    return field.name
        return wire_name

    def _param_view(self, param: Param, scope: Scope) -> ArgView:
        name = scope.claim(safe_attribute(snake(param.name, "param")))
        annotation = self.signatures.annotation(param.type, "input")
        return ArgView(
            name,
            param.wire_name,
            annotation,
            param.required,
            param.description,
            param.location,
            param.default_json,
            param.type,
        )

    def _field_arg(self, field: Field, scope: Scope, where: str) -> ArgView:
        name = scope.claim(safe_attribute(snake(field.name)))
        annotation = self.signatures.annotation(field.type, "input")
        kind = "file" if where == "form" and _uses_binary(field.type) else where
        return ArgView(
            name,
            field.wire_name,
            annotation,
            field.required,
            field.description,
            kind,
            field.default_json,
            field.type,
        )

    def resource_view(self, attribute: str, name: Name, ops: tuple[Operation, ...]) -> ResourceView:
        methods = tuple(self.method_view(op) for op in ops)
        class_name = pascal(name)
        taken = set(self.class_names.values())
        if class_name in taken or f"Async{class_name}" in taken:
            class_name += "Resource"  # never shadow a model the module imports
        return ResourceView(
            attribute=attribute,
            module=attribute,
            class_name=class_name,
            async_class_name="Async" + class_name,
            methods=methods,
            model_imports=self._imports(ops),
            uses_file_input=any(
                "FileUpload" in a.annotation for m in methods for a in m.positional + m.keyword
            ),
        )

    def _imports(self, ops: tuple[Operation, ...]) -> tuple[str, ...]:
        names: set[Name] = set()
        for op in ops:
            for param in op.params:
                names |= refs_in(param.type)
            if op.body is not None:
                for field in op.body.fields or ():
                    names |= refs_in(field.type)
                if op.body.fields is None:
                    names |= refs_in(op.body.type)
            names |= refs_in(op.success.type)
            if op.pagination is not None:
                names |= refs_in(op.pagination.item_type)
        return tuple(sorted(self.class_names[n] for n in names))

    # ----- files -------------------------------------------------------------------------
    @functools.cached_property
    def resource_views(self) -> tuple[ResourceView, ...]:
        """One view per resource, with client attribute names distinct from client members."""
        reserved = {"close", "with_raw_response", "base_url", "webhooks"} | {
            safe_method(snake(op.name, "call")) for op in self.api.root_operations
        }
        scope = Scope(REQUEST_OPTION_NAMES | reserved)
        views = []
        for resource in self.api.resources:
            attribute = scope.claim(safe_attribute(snake(resource.name, "resource")))
            views.append(self.resource_view(attribute, resource.name, resource.operations))
        return tuple(views)

    @functools.cached_property
    def root_view(self) -> ResourceView:
        return self.resource_view("client", Name(("client",)), self.api.root_operations)

    def render(self) -> dict[str, str]:
        package = self.options.package
        files: dict[str, str] = {}
        resources = self.resource_views
        context = self.context()
        env = self.env
        for view in resources:
            text = env.get_template("python/resource.py.j2").render(context, resource=view)
            files[f"{package}/resources/{view.module}.py"] = text
        simple = {
            "python/__init__.py.j2": f"{package}/__init__.py",
            "python/client.py.j2": f"{package}/_client.py",
            "python/models.py.j2": f"{package}/models.py",
            "python/resources_init.py.j2": f"{package}/resources/__init__.py",
            "python/version.py.j2": f"{package}/_version.py",
            "python/pyproject.toml.j2": "pyproject.toml",
        }
        for template, path in simple.items():
            files[path] = env.get_template(template).render(context)
        # The README is the docs' guide: the docs target renders it, examples and all.
        from generator.targets.docs.render import render_readme

        files["README.md"] = render_readme(self)
        if context["webhooks"] is not None:
            files[f"{package}/_webhooks.py"] = env.get_template("python/webhooks.py.j2").render(
                context
            )
        files[f"{package}/py.typed"] = ""
        for source in sorted(RUNTIME_DIR.glob("*.py")):
            body = source.read_text(encoding="utf-8")
            files[f"{package}/_runtime/{source.name}"] = f"# {self.options.header}\n{body}"
        return files

    def context(self) -> dict[str, object]:
        """What every template of this target sees."""
        resources = self.resource_views
        root = self.root_view
        models = tuple(self.model_view(t) for t in self.api.types if isinstance(t, ModelDef))
        enums, aliases = self.alias_views()
        servers = tuple(
            ServerView(s.name.snake().upper() or "DEFAULT", s.url, s.description)
            for s in self.api.servers
        )
        auth = next(iter(self.api.security), None)
        auth_kind, auth_name = "none", "Authorization"
        if auth is not None:
            auth_kind = {
                "bearer": "bearer",
                "basic": "basic",
                "api_key_header": "header",
                "api_key_query": "query",
            }.get(auth.kind, "bearer")
            auth_name = auth.parameter_name or "Authorization"
        return {
            "api": self.api,
            "options": self.options,
            "header": self.options.header,
            "resources": resources,
            "root": root,
            "models": models,
            "enums": enums,
            "aliases": aliases,
            "servers": servers,
            "client_headers": tuple(self._client_header_view(h) for h in self.api.client_headers),
            "webhooks": self.webhooks_view(),
            "auth_kind": auth_kind,
            "auth_name": auth_name,
            "json": json,
        }

    def webhooks_view(self) -> WebhooksView | None:
        """Events by type, and a generic event made of the fields every event shares."""
        webhooks = self.api.webhooks
        if webhooks is None:
            return None
        events: list[EventView] = []
        shared: dict[str, FieldView] | None = None
        for event in webhooks.events:
            if not isinstance(event.type, Ref):
                continue
            events.append(
                EventView(event.event_type, self.class_names[event.type.name], event.description)
            )
            named = self.types.get(event.type.name)
            fields = self.model_view(named).fields if isinstance(named, ModelDef) else ()
            mine = {f.wire_name: f for f in fields}
            if shared is None:
                shared = mine
            else:
                shared = {
                    wire: field if field.annotation == mine[wire].annotation else _any_field(field)
                    for wire, field in shared.items()
                    if wire in mine
                }
        generic = tuple(
            _any_field(f) if f.wire_name == webhooks.type_property else _optional(f)
            for f in (shared or {}).values()
        )
        if not any(f.wire_name == webhooks.type_property for f in generic):
            type_field = FieldView(
                safe_attribute(snake(Name.parse(webhooks.type_property))),
                webhooks.type_property, "str", True, "What happened.", False,
            )  # fmt: skip
            generic = (type_field, *generic)
        return WebhooksView(tuple(events), generic, webhooks.type_property, webhooks.signing)

    def _client_header_view(self, header: ClientHeader) -> ClientHeaderView:
        default = header.default
        if default is None and header.name.words == ("api", "version"):
            default = self.api.version
        return ClientHeaderView(
            safe_attribute(snake(header.name)), header.wire_name, default, header.description
        )


def _is_nullable(node: TypeNode, types: dict[Name, NamedType]) -> bool:
    """Whether `null` is a valid value: a nullable type, directly or through aliases."""
    from generator.ir.model import Nullable, Union

    seen: set[Name] = set()
    while isinstance(node, Ref) and node.name not in seen:
        seen.add(node.name)
        named = types.get(node.name)
        if not isinstance(named, AliasDef):
            return False
        node = named.target
    if isinstance(node, Union):
        return any(_is_nullable(member, types) for member in node.members)
    return isinstance(node, Nullable)


def _any_field(field: FieldView) -> FieldView:
    """The field with a type loose enough for every event: `str` for the type tag, else Any."""
    loose = field.annotation.startswith("Literal[") or field.annotation == "str"
    annotation = "str" if loose else "Any"
    description = field.description if annotation == field.annotation else ""
    return FieldView(field.name, field.wire_name, annotation, field.required, description, False)


def _optional(field: FieldView) -> FieldView:
    annotation = field.annotation
    if annotation != "Any" and "None" not in split_union(annotation):
        annotation += " | None"
    return FieldView(field.name, field.wire_name, annotation, False, field.description, False)


def _path_expression(path: str, names: dict[str, str]) -> str:
    """The request path as a Python expression: literal parts and encoded parameters."""
    parts: list[str] = []
    position = 0
    for match in re.finditer(r"{([^}]+)}", path):
        if match.start() > position:
            parts.append(repr(path[position : match.start()]))
        name = names.get(match.group(1))
        parts.append(f"encode_path({name})" if name else repr(match.group(0)))
        position = match.end()
    if position < len(path):
        parts.append(repr(path[position:]))
    return " + ".join(parts) if parts else repr("/")


def render_python(api: Api, options: PythonOptions, env: jinja2.Environment) -> dict[str, str]:
    return PythonRenderer(api, options, env).render()
