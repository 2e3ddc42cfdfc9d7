"""The Go SDK as the docs read it (`SdkSurface`): its resources, methods and types as plain
views (`docs/views.py`) in Go's names, made from the same method code the SDK is written from."""

from __future__ import annotations

from collections.abc import Mapping

from generator.ir.model import AliasDef, Api, EnumDef, ModelDef, Nullable
from generator.ir.names import Name
from generator.ir.shape import shape_of
from generator.targets.docs.views import (
    ArgView,
    FieldView,
    MethodView,
    ModelView,
    NamedView,
    PageView,
    PollView,
    ResourceView,
    WebhooksView,
)
from generator.targets.go import methods as code
from generator.targets.go.naming import exported
from generator.targets.go.types import (
    GoTypes,
    emits_alias,
    scalar_type,
    struct_field_names,
    tagged_union,
)


def method_views(methods: tuple[code.MethodCode, ...], package: str) -> tuple[MethodView, ...]:
    """The docs' views of a resource's methods; request structs qualified by the root
    package (`extend.FilesListRequest`)."""
    return tuple(
        _method_view(m, h, package) for m, h in zip(methods, code.helpers(methods), strict=True)
    )


def _method_view(method: code.MethodCode, helpers: code.Helpers, package: str) -> MethodView:
    op = method.operation
    shape = shape_of(op)
    positional = tuple(
        ArgView(name, a.wire_name, annotation, True, a.description, "path", a.type)
        for name, annotation, a in method.path_parameters
    )
    keyword = tuple(
        ArgView(
            f.name, f.argument.wire_name, f.annotation, f.argument.required,
            f.argument.description, f.argument.location, f.argument.type,
        )
        for f in method.fields
    )  # fmt: skip
    page = None
    if shape.pagination is not None and helpers.pager is not None and method.item is not None:
        page = PageView(shape.pagination.style, method.item, helpers.pager)
    poll = None
    if shape.polling is not None and helpers.poller is not None:
        polling = shape.polling
        status = exported(Name.parse(polling.status_field))
        poll = PollView(polling.status_field, polling.terminal_values, helpers.poller, status)
    returns = method.result or "error"
    return MethodView(
        name=method.name,
        http_method=op.method.upper(),
        path=op.path,
        summary=op.summary,
        description=op.description,
        deprecated=op.deprecated,
        positional=positional,
        keyword=keyword,
        return_annotation=method.result,
        response_kind=shape.response_kind,
        returns_none=not method.result,
        sync_return=returns,
        page=page,
        poll=poll,
        request_type=f"{package}.{method.request_struct}" if method.request_struct else None,
        request_required=any(f.argument.required for f in method.fields),
    )


def resource_views(
    resources: tuple[code.ResourceCode, ...], package: str
) -> tuple[ResourceView, ...]:
    return tuple(
        ResourceView(r.attribute, r.package, method_views(r.methods, package)) for r in resources
    )


def root_view(methods: tuple[code.MethodCode, ...], package: str) -> ResourceView:
    return ResourceView("", "client", method_views(methods, package))


def docs_context(api: Api, names: Mapping[Name, str], types: GoTypes) -> dict[str, object]:
    """What the docs templates (and the Go README, the guide) see of the API's types; the
    renderer adds itself and its options."""
    models, enums, aliases = [], [], []
    for definition in api.types:
        name = names[definition.name]
        if isinstance(definition, ModelDef):
            field_names = struct_field_names(definition)
            fields = tuple(
                FieldView(
                    go_name, f.wire_name, types.field(f.type, f.required), f.required,
                    isinstance(f.type, Nullable), f.description, f.deprecated,
                )
                for f, go_name in zip(definition.fields, field_names, strict=True)
            )  # fmt: skip
            models.append(ModelView(name, definition.description, definition.deprecated, fields))
        elif isinstance(definition, EnumDef):
            enums.append(NamedView(name, scalar_type(definition.values), definition.description))
        elif isinstance(definition, AliasDef) and emits_alias(definition):
            union = tagged_union(definition) is not None
            underlying = "struct { Value any }" if union else types.alias_underlying(definition)
            aliases.append(NamedView(name, underlying, definition.description))
    webhooks = api.webhooks
    return {
        "api": api,
        "models": tuple(models),
        "enums": tuple(enums),
        "aliases": tuple(aliases),
        "servers": api.servers,
        "webhooks": None if webhooks is None else WebhooksView(webhooks.type_property),
    }
