"""The Java SDK as the docs read it (`SdkSurface`): its resources, methods and types as plain
views (`docs/views.py`) in Java's names, made from the same method code the SDK is written
from."""

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
from generator.targets.java import methods as code
from generator.targets.java.models import member_names
from generator.targets.java.naming import class_name
from generator.targets.java.types import JavaTypes, emits_class, scalar_type


def method_views(methods: tuple[code.MethodCode, ...]) -> tuple[MethodView, ...]:
    return tuple(_method_view(m, h) for m, h in zip(methods, code.helpers(methods), strict=True))


def _method_view(method: code.MethodCode, helpers: code.Helpers) -> MethodView:
    returns_none = method.result == "Void"
    return method_view(
        method,
        helpers.pager,
        helpers.poller,
        lambda field: "get" + class_name(Name.parse(field), "Value") + "()",
        returns="" if returns_none else method.result,
        sync_return="void" if returns_none else method.result,
        request_type=method.request_class,
        request_required=method.request_class is not None and not method.request_optional,
        stream=method.stream_name,
    )


def resource_views(
    resources: tuple[tuple[str, str, tuple[code.MethodCode, ...]], ...],
) -> tuple[ResourceView, ...]:
    """The views of the resources given as (accessor, package, methods)."""
    return tuple(
        ResourceView(accessor, package, method_views(methods))
        for accessor, package, methods in resources
    )


def root_view(methods: tuple[code.MethodCode, ...]) -> ResourceView:
    return ResourceView("", "client", method_views(methods))


def docs_context(api: Api, names: Mapping[Name, str], types: JavaTypes) -> dict[str, object]:
    """What the docs templates (and the Java README, the guide) see of the API's types; the
    renderer adds itself and its options."""
    models, enums, aliases = [], [], []
    for definition in api.types:
        name = names[definition.name]
        if isinstance(definition, ModelDef):
            fields = tuple(
                FieldView(
                    getter + "()", f.wire_name,
                    _field_type(types.annotation(f.type), f.required),
                    f.required, isinstance(f.type, Nullable), f.description, f.deprecated,
                )
                for f, (getter, _) in zip(definition.fields, member_names(definition), strict=True)
            )  # fmt: skip
            models.append(ModelView(name, definition.description, definition.deprecated, fields))
        elif isinstance(definition, EnumDef):
            underlying = name if emits_class(definition) else scalar_type(definition.values)
            enums.append(NamedView(name, underlying, definition.description))
        elif isinstance(definition, AliasDef) and emits_class(definition):
            aliases.append(NamedView(name, "a union: one member's value", definition.description))
    webhooks = api.webhooks
    return {
        "api": api,
        "models": tuple(models),
        "enums": tuple(enums),
        "aliases": tuple(aliases),
        "servers": api.servers,
        "webhooks": None if webhooks is None else WebhooksView(webhooks.type_property),
    }


def _field_type(annotation: str, required: bool) -> str:
    """What a field's getter returns: an `Optional` for an optional field."""
    return annotation if required else f"Optional<{annotation}>"
