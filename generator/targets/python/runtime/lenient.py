"""Building response models without failing: servers drift ahead of their specs.

`construct(type, value)` never raises. What fits its annotation is validated and typed as
usual; a field that does not fit keeps the raw value the server sent; a field the server left
out reads as None; keys the model does not know stay reachable in `model_extra`. Unions pick
their member by discriminator, else the member that fits, else the one sharing the most keys,
and build it the same way. Only the failing parts of a value pay for this walk: whatever
validates is taken as validated.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, Union

import pydantic

_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any]] = {}
_UNIONS = (Union, types.UnionType)


def adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    """A TypeAdapter per type, built once."""
    found = _ADAPTERS.get(tp)
    if found is None:
        found = _ADAPTERS[tp] = pydantic.TypeAdapter(tp)
    return found


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)


def validate(tp: Any, value: Any) -> Any:
    """Strict validation of `value` as `tp`; raises pydantic.ValidationError."""
    if is_model(tp):
        return tp.model_validate(value)
    if tp is Any or tp is object:
        return value
    return adapter(tp).validate_python(value)


def construct(tp: Any, value: Any) -> Any:
    """`value` as `tp` as far as it fits, the raw value where it does not. Never raises."""
    try:
        return validate(tp, value)
    except (pydantic.ValidationError, TypeError, ValueError):
        pass
    except Exception:  # a validator of the SDK's own failing on odd data: keep the data
        return value
    try:
        return _rebuild(tp, value)
    except Exception:  # a shape this walk does not know: the value as sent
        return value


def _rebuild(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is Annotated:
        base, *metadata = typing.get_args(tp)
        members = _union_members(base)
        if members:
            return _union(members, value, _discriminator(metadata, members))
        return construct(base, value)
    if origin in _UNIONS:
        members = _union_members(tp)
        if len(members) == 1:  # `X | None`
            return construct(members[0], value)
        return _union(members, value, None)
    if is_model(tp):
        return _model(tp, value) if isinstance(value, Mapping) else value
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(tp) or (Any,)
        return [construct(item, v) for v in value]
    if origin is dict and isinstance(value, Mapping):
        args = typing.get_args(tp)
        item = args[1] if len(args) == 2 else Any
        return {k: construct(item, v) for k, v in value.items()}
    if _is_alias_type(tp):
        return construct(tp.__value__, value)
    return value


def _is_alias_type(tp: Any) -> bool:
    """A recursive alias (`TypeAliasType`, from typing or typing_extensions)."""
    return type(tp).__name__ == "TypeAliasType" and hasattr(tp, "__value__")


def _union_members(tp: Any) -> tuple[Any, ...]:
    if _is_alias_type(tp):
        tp = tp.__value__
    if typing.get_origin(tp) in _UNIONS:
        return tuple(m for m in typing.get_args(tp) if m is not type(None))
    return ()


def _discriminator(
    metadata: list[Any], members: tuple[Any, ...]
) -> tuple[str, dict[str, Any]] | None:
    """(wire name, tag -> member) from the union's metadata (`OneOf` or `union(...)`)."""
    by_name = {getattr(m, "__name__", None): m for m in members}
    for item in metadata:
        wire_name = getattr(item, "wire_name", None)
        mapping = getattr(item, "mapping", None)
        if wire_name is None:  # union(...): a WrapValidator whose function knows the mapping
            function = getattr(item, "func", None)
            wire_name = getattr(function, "discriminator", None)
            mapping = getattr(function, "mapping", None)
        if isinstance(wire_name, str) and isinstance(mapping, Mapping):
            chosen = {
                str(tag): by_name.get(target) if isinstance(target, str) else target
                for tag, target in mapping.items()
            }
            return wire_name, {tag: m for tag, m in chosen.items() if m is not None}
    return None


def _union(
    members: tuple[Any, ...], value: Any, discriminator: tuple[str, dict[str, Any]] | None
) -> Any:
    if discriminator is not None and isinstance(value, Mapping):
        wire_name, mapping = discriminator
        chosen = mapping.get(str(value.get(wire_name)))
        if chosen is not None:
            return construct(chosen, value)
    for member in members:
        try:
            return validate(member, value)
        except (pydantic.ValidationError, TypeError, ValueError):
            continue
        except Exception:
            continue
    if isinstance(value, Mapping):
        models = [m for m in members if is_model(m)]
        if models:
            return construct(max(models, key=lambda m: _shared_keys(m, value)), value)
    return value


def _shared_keys(model: type[pydantic.BaseModel], value: Mapping[str, Any]) -> int:
    keys = {info.alias or name for name, info in model.model_fields.items()}
    return len(keys & set(value))


def _field_type(info: Any) -> Any:
    """The field's type with the metadata pydantic keeps apart (discriminators, validators)."""
    if info.metadata:
        return Annotated[(info.annotation, *info.metadata)]
    return info.annotation


def _model(cls: type[pydantic.BaseModel], data: Mapping[str, Any]) -> pydantic.BaseModel:
    if not cls.__pydantic_complete__:
        cls.model_rebuild()
    values: dict[str, Any] = {}
    present: set[str] = set()
    used: set[str] = set()
    for name, info in cls.model_fields.items():
        key = info.alias if info.alias is not None and info.alias in data else name
        if key in data:
            values[name] = construct(_field_type(info), data[key])
            present.add(name)
            used.add(key)
        else:
            values[name] = None
    built = cls.model_construct(_fields_set=present, **values)
    extra = {k: v for k, v in data.items() if k not in used}
    if cls.model_config.get("extra") == "allow":
        object.__setattr__(built, "__pydantic_extra__", extra)
    return built
