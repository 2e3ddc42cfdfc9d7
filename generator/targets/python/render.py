"""Render the Python SDK: IR in, {relative path: text} out (the runtime's static files read from
this folder); formatting is the writer's."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from generator.ir.model import (
    AliasDef,
    AnyType,
    Api,
    Argument,
    ClientHeader,
    EnumDef,
    ModelDef,
    NamedType,
    Nullable,
    Operation,
    OperationShape,
    Pagination,
    Ref,
    TypeNode,
    refs_in,
)
from generator.ir.names import Name
from generator.ir.shape import shape_of
from generator.load.guide import GuideSection
from generator.targets.docs.render import render_readme
from generator.targets.docs.surface import FIXED_PAGES
from generator.targets.files import portable_stem
from generator.targets.python.docs_language import PythonDocsLanguage
from generator.targets.python.imports import Source, names_in, qualify, render_imports, sources
from generator.targets.python.modules import (
    components,
    merged_into_sole_users,
    on_cycles,
    types_names,
)
from generator.targets.python.naming import (
    ANNOTATION_NAMES,
    BODY_NAMES,
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
from generator.targets.python.security import requirement_literal, security_view
from generator.targets.python.types import (
    TypeRenderer,
    default_literal,
    is_nullable,
    literal,
    split_union,
)
from generator.targets.python.views import (
    AliasView,
    ArgView,
    ClientHeaderView,
    EventView,
    FieldView,
    MethodView,
    ModelsModuleView,
    ModelView,
    PageView,
    PollView,
    ResourceView,
    ServerView,
    WebhooksView,
)
from generator.templating import py_str, quoted

RUNTIME_DIR = Path(__file__).parent / "runtime"
RAW_CALLS = ("get", "post", "put", "patch", "delete")
"""The client's calls of any path (`runtime/calls.py`): no resource attribute takes them."""


@dataclass(frozen=True, slots=True)
class PythonOptions:
    package: str
    client_class: str
    async_client_class: str
    token_env: str | None
    sdk_version: str
    header: str
    """The one-line 'generated, do not edit' notice, without a comment marker."""
    provenance: str = ""
    """Which spec and generator made the SDK (the README says it)."""
    guide: tuple[GuideSection, ...] = ()
    """Hand-written sections the README ends with (`patches/<api>/guide/<target>/`)."""
    split_models_above: int = 400
    """Named types above which `models` becomes a package of modules loaded on first use."""


def class_names(
    types: tuple[NamedType, ...], reserved: frozenset[str] = frozenset()
) -> dict[Name, str]:
    """Distinct class names of named types, none equal to what generated modules define."""
    taken = RESERVED_CLASS_NAMES | BUILTIN_NAMES | reserved
    scope = Scope(taken)
    result: dict[Name, str] = {}
    for named in types:
        wanted = pascal(named.name)
        if wanted in taken:
            wanted += "Model"
        result[named.name] = scope.claim(wanted)
    return result


class PythonRenderer:
    """The Python SDK of one API; also the surface the docs read it through (`SdkSurface`)."""

    folder = "python"
    language = "Python"
    readme_template = "python/README.md.j2"

    @property
    def protected(self) -> str:
        """`<package>/lib/`: hand-written modules of the package, never generated."""
        return f"{self.options.package}/lib/"

    def __init__(self, api: Api, options: PythonOptions, env: jinja2.Environment) -> None:
        self.api = api
        self.options = options
        self.env = env
        self.types = {t.name: t for t in api.types}
        clients = {options.client_class, options.async_client_class, "ENVIRONMENTS"}
        self.class_names = class_names(api.types, frozenset(clients))
        self.renderer = TypeRenderer(self.types, self.class_names)
        self.model_types = TypeRenderer(self.types, self.class_names, discriminate=True)
        self.signatures = self.renderer
        self._source_tables: dict[str, dict[str, Source]] = {}

    @property
    def package(self) -> str:
        return self.options.package

    @functools.cached_property
    def docs_language(self) -> PythonDocsLanguage:
        options = self.options
        return PythonDocsLanguage(options.package, options.client_class, options.async_client_class)

    # ----- models ------------------------------------------------------------------------
    def model_view(self, model: ModelDef) -> ModelView:
        scope = Scope(PYDANTIC_ATTRIBUTES)
        names = [
            scope.claim(safe_attribute(snake(field.name), PYDANTIC_ATTRIBUTES))
            for field in model.fields
        ]
        # The class body binds its field names: annotations there must not mean them.
        members = frozenset(names)
        fields = []
        for name, field in zip(names, model.fields, strict=True):
            annotation = self.renderer.annotation(field.type, "output")
            code = self.model_types.annotation(field.type, "output")
            if not field.required and annotation != "Any" and "None" not in split_union(annotation):
                annotation += " | None"
                code += " | None"
            code = qualify(code, members)
            fields.append(
                FieldView(
                    name=name,
                    wire_name=field.wire_name,
                    annotation=annotation,
                    required=field.required,
                    description=field.description,
                    deprecated=field.deprecated,
                    nullable=is_nullable(field.type, self.types),
                    default_json=field.default_json,
                    type_node=field.type,
                    code_annotation=code,
                    default=None if field.required else default_literal(field, self.types),
                )
            )
        extra = None
        if model.additional is not None and not isinstance(model.additional, AnyType):
            extra = f"dict[str, {self.model_types.annotation(model.additional, 'output')}]"
            extra = qualify(extra, members)
        return ModelView(
            self.class_names[model.name],
            model.description,
            model.deprecated,
            tuple(fields),
            extra,
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
        needs = {a.name: refs_in(a.target) & alias_names for a in aliases}
        recursive = on_cycles(needs)
        pending = [a for a in aliases if a.name not in recursive]
        while pending:
            progressed = False
            for alias in list(pending):
                if not (needs[alias.name] - placed - recursive):
                    ordered.append(alias)
                    placed.add(alias.name)
                    pending.remove(alias)
                    progressed = True
            if not progressed:  # cannot happen: what is left on a cycle was set apart above
                ordered.extend(pending)
                break
        # Aliases on a cycle are lazy (TypeAliasType), so they go first and may refer ahead.
        ordered = [a for a in aliases if a.name in recursive] + ordered
        views = tuple(
            AliasView(
                self.class_names[a.name],
                self.renderer.annotation(a.target, "output"),
                a.description,
                self.model_types.annotation(a.target, "output"),
                a.name in recursive,
            )
            for a in ordered
        )
        return enums, views

    # ----- operations --------------------------------------------------------------------
    def method_view(
        self,
        op: Operation,
        method_name: str | None = None,
        members: frozenset[str] = frozenset(),
    ) -> MethodView:
        """The method of an operation; `members` are the names its class binds, which its
        signature's annotations must not mean."""
        shape = shape_of(op)
        scope = Scope(REQUEST_OPTION_NAMES | BODY_NAMES)
        positional = tuple(self._arg_view(a, scope, members) for a in shape.path_arguments)
        keyword = tuple(
            self._arg_view(a, scope, members, shape.body_kind) for a in shape.request_arguments
        )
        path_names = {a.wire_name: (a.name, a.style) for a in positional}
        whole_body = next((a for a in keyword if a.where == "body" and not a.wire_name), None)
        annotation, cast_expr = self._response_annotation(shape)
        event = ""
        if shape.event_stream is not None:
            event = self.signatures.annotation(shape.event_stream.item_type, "output")
        selector = shape.event_stream.selector if shape.event_stream is not None else None
        # The body binds the parameters: what it names must not mean them.
        arguments = frozenset(a.name for a in positional + keyword)
        cast_expr = qualify(cast_expr, arguments)
        used = names_in(cast_expr) | names_in(qualify(event, arguments))
        page = None
        if shape.pagination is not None:
            page = PageView(
                shape.pagination.style,
                _paging_arguments(shape.pagination),
                self.signatures.annotation(shape.pagination.item_type, "output"),
            )
        poll = None
        if shape.polling is not None:
            poll = PollView(
                safe_method(snake(shape.polling.retrieve_operation, "call")),
                self._attribute_of(shape.response_type, shape.polling.status_field),
                self._attribute_of(shape.response_type, shape.polling.id_field),
                shape.polling.terminal_values,
            )
        item = page.item_annotation if page is not None else ""
        return MethodView(
            name=method_name or safe_method(snake(op.name, "call")),
            http_method=op.method,
            path=op.path,
            path_expr=_path_expression(op.path, path_names),
            accept="" if shape.accept == "application/json" else shape.accept,
            content_type=shape.content_type or "",
            summary=op.summary,
            description=op.description,
            deprecated=op.deprecated,
            positional=positional,
            keyword=keyword,
            body_kind=shape.body_kind,
            whole_body=whole_body,
            return_annotation=annotation,
            cast_expr=cast_expr,
            response_kind=shape.response_kind,
            errors=tuple(r.status for r in op.errors),
            page=page,
            poll=poll,
            cast_models=tuple(sorted(used & self._class_name_set)),
            cast_runtime=tuple(
                "union as _union" if name == "_union" else name
                for name in sorted(used & {"AwareDatetime", "union", "_union"})
            ),
            code_return=qualify(annotation, members),
            body_return=qualify(annotation, arguments),
            code_item=qualify(item, members),
            body_item=qualify(item, arguments),
            code_event=qualify(event, members),
            body_event=qualify(event, arguments),
            stream_selector=next(
                (a for a in keyword if a.where == "body" and a.wire_name == selector), None
            ),
            idempotency_header=shape.idempotency_header,
            security=(None if shape.auth == self.api.auth else requirement_literal(shape.auth)),
        )

    def _response_annotation(self, shape: OperationShape) -> tuple[str, str]:
        """(what a call returns as the docs name it, what the core casts the body to); a body
        read as it arrives or an event stream is named by its bytes or its event type."""
        if shape.response_kind == "binary":
            return "bytes", "bytes"
        if shape.response_kind == "text":
            return "str", "str"
        if shape.response_kind == "event_stream" and shape.event_stream is not None:
            return self.signatures.annotation(shape.event_stream.item_type, "output"), "None"
        if shape.response_type is None:
            return "None", "None"
        annotation = self.signatures.annotation(shape.response_type, "output")
        return annotation, annotation

    def _attribute_of(self, node: TypeNode | None, wire_name: str) -> str:
        """The Python attribute of a model's field, by its wire name."""

        if isinstance(node, Nullable):
            node = node.inner
        named = self.types.get(node.name) if isinstance(node, Ref) else None
        if isinstance(named, ModelDef):
            for field in self.model_view(named).fields:
                if field.wire_name == wire_name:
                    return field.name
        return wire_name

    def _arg_view(
        self, arg: Argument, scope: Scope, members: frozenset[str], body_kind: str | None = None
    ) -> ArgView:
        """An argument as the signature writes it; the name is claimed in `scope`."""
        if arg.location == "client_header":
            name = scope.claim(safe_attribute(snake(arg.name)))
            return ArgView(
                name,
                arg.wire_name,
                "str",
                False,
                arg.description,
                "client_header",
                code_annotation=qualify("str", members),
            )
        if arg.whole_body:
            annotation = {"binary": "bytes", "text": "str"}.get(body_kind or "") or (
                self.signatures.annotation(arg.type, "input")
            )
            return ArgView(scope.claim("body"), "", annotation, arg.required, arg.description,
                           "body", None, arg.type, qualify(annotation, members))  # fmt: skip
        fallback = "param" if arg.location in ("path", "query", "header", "cookie") else "field"
        name = scope.claim(safe_attribute(snake(arg.name, fallback)))
        annotation = self.signatures.annotation(arg.type, "input")
        return ArgView(
            name,
            arg.wire_name,
            annotation,
            arg.required,
            _deprecated(arg.description, arg.deprecated),
            arg.location,
            arg.default_json,
            arg.type,
            qualify(annotation, members),
            "" if arg.default_style else f"({quoted(arg.style or '')}, {arg.explode})",
        )

    def resource_view(
        self,
        attribute: str,
        name: Name,
        ops: tuple[Operation, ...],
        module: str | None = None,
        members: frozenset[str] = frozenset(),
    ) -> ResourceView:
        """A resource's class; `members` are names its class binds besides its methods."""
        scope = Scope(frozenset({"_core"}) | members)
        names = [scope.claim(safe_method(snake(op.name, "call"))) for op in ops]
        polled = {f"{n}_and_poll" for n, op in zip(names, ops, strict=True) if op.polling}
        members = members | frozenset(names) | polled | {"_core"}
        methods = tuple(
            self.method_view(op, method, members) for op, method in zip(ops, names, strict=True)
        )
        taken = set(self.class_names.values()) | RESERVED_CLASS_NAMES
        taken |= {self.options.client_class, self.options.async_client_class}
        class_name = pascal(name)
        while class_name in taken or f"Async{class_name}" in taken:
            class_name += "Resource"
        used = {"SyncCore", "AsyncCore"}
        if methods:
            used |= {"to_raw", "to_raw_async"}
        for method in methods:
            used |= method.names()
        return ResourceView(
            attribute=attribute,
            module=module or attribute,
            class_name=class_name,
            async_class_name=f"Async{class_name}",
            methods=methods,
            uses_file_input=any(
                "FileUpload" in a.annotation for m in methods for a in m.positional + m.keyword
            ),
            imports=render_imports(used, self._sources("..")),
        )

    @functools.cached_property
    def _class_name_set(self) -> frozenset[str]:
        return frozenset(self.class_names.values())

    def _sources(self, up: str) -> dict[str, Source]:
        """Where a module `up` ("." or "..") below the package finds every name; models
        from the package's `models`."""
        found = self._source_tables.get(up)
        if found is None:
            found = sources(up, dict.fromkeys(self._class_name_set, f"{up}models"))
            self._source_tables[up] = found
        return found

    # ----- files -------------------------------------------------------------------------
    @functools.cached_property
    def resource_views(self) -> tuple[ResourceView, ...]:
        """One view per resource, with client attribute names distinct from client members."""
        reserved = {"close", "with_raw_response", "base_url", "webhooks", *RAW_CALLS} | {
            safe_method(snake(op.name, "call")) for op in self.api.root_operations
        }
        scope = Scope(REQUEST_OPTION_NAMES | reserved)
        # module names are file names here and docs page names beside the fixed pages
        files = Scope(FIXED_PAGES)
        views = []
        for resource in self.api.resources:
            # the client's template writes annotations by hand: attributes keep clear of them
            attribute = scope.claim(
                safe_attribute(snake(resource.name, "resource"), ANNOTATION_NAMES)
            )
            module = files.claim(portable_stem(attribute))
            views.append(self.resource_view(attribute, resource.name, resource.operations, module))
        return tuple(views)

    @functools.cached_property
    def root_view(self) -> ResourceView:
        members = {"close", "with_raw_response", "base_url", "webhooks", *RAW_CALLS}
        members |= {view.attribute for view in self.resource_views}
        return self.resource_view(
            "client", Name(("client",)), self.api.root_operations, members=frozenset(members)
        )

    def render(self) -> dict[str, str]:
        package = self.options.package
        files: dict[str, str] = {}
        resources = self.resource_views
        context = self.context()
        env = self.env
        for view in resources:
            text = env.get_template("python/resource.py.j2").render(context, resource=view)
            files[f"{package}/resources/{view.module}.py"] = text
        modules = self.models_modules()
        if modules is None:
            text = env.get_template("python/models.py.j2").render(context)
            files[f"{package}/models.py"] = text
        else:
            init = env.get_template("python/models_init.py.j2").render(context, modules=modules)
            files[f"{package}/models/__init__.py"] = init
            module_template = env.get_template("python/models_module.py.j2")
            for module in modules:
                text = module_template.render(context, module=module)
                files[f"{package}/models/{module.module}.py"] = text
        simple = {
            "python/__init__.py.j2": f"{package}/__init__.py",
            "python/client.py.j2": f"{package}/_client.py",
            "python/resources_init.py.j2": f"{package}/resources/__init__.py",
            "python/version.py.j2": f"{package}/_version.py",
            "python/pyproject.toml.j2": "pyproject.toml",
        }
        for template, path in simple.items():
            files[path] = env.get_template(template).render(context)
        # The README is the docs' guide: the docs render it, examples and all.
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

    @functools.cached_property
    def _model_views(self) -> tuple[ModelView, ...]:
        return tuple(self.model_view(t) for t in self.api.types if isinstance(t, ModelDef))

    @functools.cached_property
    def _alias_views(self) -> tuple[tuple[AliasView, ...], tuple[AliasView, ...]]:
        return self.alias_views()

    def models_modules(self) -> tuple[ModelsModuleView, ...] | None:
        """The modules of a split `models` package, or None when the SDK keeps one module.

        Types on a reference cycle share a module; any other type has its own, importing the
        modules of the types it names, so using one model loads only what it needs."""
        named = [t for t in self.api.types if isinstance(t, EnumDef | ModelDef | AliasDef)]
        if len(named) <= self.options.split_models_above:
            return None
        known = {t.name for t in named}
        edges: dict[Name, set[Name]] = {}
        for t in named:
            if isinstance(t, ModelDef):
                found = set().union(*(refs_in(f.type) for f in t.fields)) | refs_in(t.additional)
            elif isinstance(t, AliasDef):
                found = refs_in(t.target)
            else:
                found = set()
            edges[t.name] = found & known
        groups = merged_into_sole_users(components([t.name for t in named], edges), edges)
        enums, aliases = self._alias_views
        by_class = {view.name: view for view in enums + aliases}
        models = {view.class_name: view for view in self._model_views}
        alias_order = {view.name: position for position, view in enumerate(aliases)}
        scope = Scope(frozenset({"__init__"}))
        modules = [scope.claim("_" + snake(group[0], "model")) for group in groups]
        home = {
            self.class_names[name]: f".{module}"
            for module, group in zip(modules, groups, strict=True)
            for name in group
        }
        table = sources("..", home)
        views: list[ModelsModuleView] = []
        kinds = {t.name: t for t in named}
        for module, group in zip(modules, groups, strict=True):
            classes = {name: self.class_names[name] for name in group}
            group_enums = tuple(
                by_class[classes[n]] for n in group if isinstance(kinds[n], EnumDef)
            )
            group_models = tuple(
                models[classes[n]] for n in group if isinstance(kinds[n], ModelDef)
            )
            group_aliases = tuple(
                sorted(
                    (by_class[classes[n]] for n in group if isinstance(kinds[n], AliasDef)),
                    key=lambda view: alias_order[view.name],
                )
            )
            used = types_names(group_enums, group_models, group_aliases) - set(classes.values())
            views.append(
                ModelsModuleView(
                    module, group_enums, group_models, group_aliases, render_imports(used, table)
                )
            )
        return tuple(views)

    def context(self) -> dict[str, object]:
        """What every template of this target sees."""
        resources = self.resource_views
        root = self.root_view
        models = self._model_views
        enums, aliases = self._alias_views
        servers = tuple(
            ServerView(s.name.snake().upper() or "DEFAULT", s.url, s.description)
            for s in self.api.servers
        )
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
            "security": security_view(
                self.api, self.options.token_env, tuple(s.name for s in servers)
            ),
            "json": json,
            "imports": ModuleImports(self),
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
        members = frozenset(f.name for f in generic)
        generic = tuple(replace(f, code_annotation=qualify(f.annotation, members)) for f in generic)
        return WebhooksView(tuple(events), generic, webhooks.type_property, webhooks.signing)

    def _client_header_view(self, header: ClientHeader) -> ClientHeaderView:
        return ClientHeaderView(
            safe_attribute(snake(header.name)), header.wire_name, header.default, header.description
        )


class ModuleImports:
    """The import statements of the package's own modules (client, package, models,
    webhooks), each from the names that module's code uses; computed when a template asks."""

    CLIENT_FIXED = frozenset(
        {"functools", "Callable", "Mapping", "TracebackType", "Literal", "httpx"}
        | {"ConfigurationError", "AsyncCore", "Hooks", "SyncCore", "__version__"}
        | {"Requirement", "Scheme", "Security"}
        | {"AsyncCalls", "SyncCalls"}
    )
    """What `client.py.j2` writes whatever the API."""
    LAZY_RUNTIME = frozenset({"AwareDatetime", "union", "_union"})

    def __init__(self, renderer: PythonRenderer) -> None:
        self._renderer = renderer

    @functools.cached_property
    def _client_used(self) -> tuple[set[str], set[str]]:
        """(names the client imports, names it imports only for type checking: models, which
        its methods import when called, so importing the client stays cheap)."""
        renderer = self._renderer
        root = renderer.root_view
        used = set(self.CLIENT_FIXED)
        if root.methods:
            used |= {"to_raw", "to_raw_async"}
        if renderer.api.server_variables:
            used |= {"Variables", "server_url"}
        for method in root.methods:
            used |= method.names()
        lazy = used & (renderer._class_name_set | self.LAZY_RUNTIME)
        if renderer.webhooks_view() is not None:
            lazy.add("Webhooks")
        if lazy or renderer.resource_views:
            used.add("TYPE_CHECKING")
        return used - lazy, lazy

    @functools.cached_property
    def client(self) -> str:
        return render_imports(self._client_used[0], self._renderer._sources("."))

    @functools.cached_property
    def client_types(self) -> str:
        """Under `if TYPE_CHECKING:` (the resource classes follow in the template)."""
        table = {**self._renderer._sources("."), "Webhooks": ("._webhooks", "Webhooks")}
        return render_imports(self._client_used[1], table, indent="    ")

    @functools.cached_property
    def package_models(self) -> str:
        """The package's `__init__` names every model for type checkers."""
        renderer = self._renderer
        return render_imports(renderer._class_name_set, renderer._sources("."), indent="    ")

    @functools.cached_property
    def models(self) -> str:
        """The one `models` module, when the models are not split."""
        renderer = self._renderer
        enums, aliases = renderer._alias_views
        used = types_names(enums, renderer._model_views, aliases) - renderer._class_name_set
        return render_imports(used, renderer._sources("."))

    @functools.cached_property
    def webhooks(self) -> str:
        renderer = self._renderer
        view = renderer.webhooks_view()
        if view is None:
            return ""
        used = {"TypeAlias", "BaseModel", "WebhookVerificationError", "Signing", "WebhookVerifier"}
        used |= {event.class_name for event in view.events}
        for field in view.generic_fields:
            used |= names_in(field.code_annotation) | names_in(field.default_code)
        return render_imports(used, renderer._sources("."))


def _any_field(field: FieldView) -> FieldView:
    """The field with a type loose enough for every event: `str` for the type tag, else Any."""
    loose = field.annotation.startswith("Literal[") or field.annotation in ("str", "str | None")
    annotation = "str" if loose else "Any"
    if loose and not field.required:  # some event may leave it out: its default is None
        annotation += " | None"
    description = field.description if annotation == field.annotation else ""
    return FieldView(field.name, field.wire_name, annotation, field.required, description, False)


def _optional(field: FieldView) -> FieldView:
    annotation = field.annotation
    if annotation != "Any" and "None" not in split_union(annotation):
        annotation += " | None"
    return FieldView(field.name, field.wire_name, annotation, False, field.description, False)


def _deprecated(description: str, deprecated: bool) -> str:
    """An argument's description, marked when the API deprecates the argument."""
    if not deprecated or "deprecated" in description.lower():
        return description
    return f"{description.rstrip()} Deprecated." if description.strip() else "Deprecated."


def _path_expression(path: str, names: dict[str, tuple[str, str]]) -> str:
    """The request path as a Python expression: literal parts and encoded parameters, each
    with its style where it is not `simple` (`names`: the argument and its style literal)."""
    parts: list[str] = []
    position = 0
    for match in re.finditer(r"{([^}]+)}", path):
        if match.start() > position:
            parts.append(quoted(path[position : match.start()]))
        name, style = names.get(match.group(1), ("", ""))
        wire = quoted(match.group(1))
        encoded = f"encode_path({name}, {style[1:-1]}, {wire})" if style else f"encode_path({name})"
        parts.append(encoded if name else quoted(match.group(0)))
        position = match.end()
    if position < len(path):
        parts.append(quoted(path[position:]))
    return " + ".join(parts) if parts else quoted("/")


def _paging_arguments(pagination: Pagination) -> tuple[tuple[str, str], ...]:
    """The paging rule as `paginate`'s keyword arguments; unset ones, and a page size that
    cannot tell the last page (tokens and URLs do), are left out."""
    size = pagination.size_param if pagination.style in ("offset", "page", "cursor") else None
    values: list[tuple[str, object]] = [
        ("style", pagination.style),
        ("param", pagination.param),
        ("items_field", pagination.items_field),
        ("next_field", pagination.next_field),
        ("size_param", size),
        ("has_more_field", pagination.has_more_field),
        ("total_field", pagination.total_field),
        ("cursor_item_field", pagination.cursor_item_field),
        ("link_header", pagination.link_header or None),
    ]
    return tuple(
        (name, "True" if value is True else py_str(value))
        for name, value in values
        if value is not None
    )
