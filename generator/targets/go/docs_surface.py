"""The Go SDK as the docs read it (`SdkSurface`): its resources, methods and types as plain
views (`docs/views.py`) in Go's names, made from the same method code the SDK is written from."""

from __future__ import annotations

from collections.abc import Mapping

from generator.ir.model import AliasDef, Api, EnumDef, ModelDef, Nullable
from generator.ir.names import Name
from generator.targets.docs.views import (
    FieldView,
    MethodView,
    ModelView,
    NamedView,
    ResourceView,
    WebhooksView,
    method_view,
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
    return method_view(
        method,
        helpers.pager,
        helpers.poller,
        lambda field: exported(Name.parse(field)),
        returns=method.result,
        sync_return=method.result or "error",
        request_type=f"{package}.{method.request_struct}" if method.request_struct else None,
        request_required=any(f.argument.required for f in method.fields),
        stream=helpers.stream,
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
