"""`record`: a frozen, slotted dataclass made for a quarter of what `@dataclass` costs to create.

`@dataclass(frozen=True, slots=True)` compiles six methods per class (`__init__`, `__repr__`,
`__eq__`, `__hash__`, `__setattr__`, `__delattr__`); on Python 3.11 that is about 0.4 ms a class,
which a generator of a hundred frozen classes pays on every start. A `record` is the same
dataclass (`dataclasses.fields`, `replace`, `__match_args__` and slots as before) whose
`__init__` alone is compiled; the other methods are shared functions, or closures over the
class's field names, and answer exactly as the generated ones: equality and hash over the same
tuples of the compared (hashed) fields, the same repr, the same `FrozenInstanceError`, and
pickling and copying through the slots. Classes with `__post_init__`, `init=False` fields or
ordering keep `@dataclass`, as do classes that write one of these methods themselves. Shared by
every stage's frozen data, so it sits in the first stage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

Record = TypeVar("Record")
_set = object.__setattr__
_NO_ARGUMENT = object()
_PROVIDED = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
"""The methods a record makes: a class that writes one itself keeps `@dataclass`."""


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _eq_over(names: tuple[str, ...]) -> Callable[[Any, object], Any]:
    """`__eq__` comparing the tuples of the named fields, as the generated one does."""
    compared = _values(names)

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return __eq__


def _hash_over(names: tuple[str, ...]) -> Callable[[Any], int]:
    """`__hash__` of the tuple of the named fields, as the generated one does."""
    hashed = _values(names)

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    return __hash__


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_repr__)
    return f"{self.__class__.__qualname__}({shown})"


def _getstate(self: Any) -> list[object]:
    return [getattr(self, name) for name in self.__record_fields__]


def _setstate(self: Any, state: list[object]) -> None:
    for name, value in zip(self.__record_fields__, state, strict=True):
        _set(self, name, value)


def _values(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """The tuple of the named attributes, as the generated methods build it."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda value: (one(value),)
    return lambda value: ()


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """`__init__` with the fields' parameters, defaults and factories, as `@dataclass` writes
    it for a frozen class, storing each value through its slot's own setter: one call where
    `object.__setattr__` first looks the name up (half the time of a record's creation)."""
    names: dict[str, object] = {"_NO_ARGUMENT": _NO_ARGUMENT}
    parameters, lines = [], []
    for field in fields:
        name = field.name
        slot = next(k.__dict__[name] for k in cls.__mro__ if name in k.__dict__)
        names[f"_set_{name}"] = slot.__set__
        if field.default is not dataclasses.MISSING:
            names[f"_default_{name}"] = field.default
            parameters.append(f"{name}=_default_{name}")
            lines.append(f" _set_{name}(self, {name})")
        elif field.default_factory is not dataclasses.MISSING:
            names[f"_factory_{name}"] = field.default_factory
            parameters.append(f"{name}=_NO_ARGUMENT")
            made = f"_factory_{name}() if {name} is _NO_ARGUMENT else {name}"
            lines.append(f" _set_{name}(self, {made})")
        else:
            parameters.append(name)
            lines.append(f" _set_{name}(self, {name})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(lines) or " pass")
    exec(source, names)  # the source is built above from field names only
    init: Callable[..., None] = names["__init__"]  # type: ignore[assignment]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[Record]) -> type[Record]:
    """`cls` as `@dataclass(frozen=True, slots=True)` makes it, for less (see the module)."""
    own = [name for name in _PROVIDED if name in cls.__dict__]
    if own:
        raise TypeError(f"{cls.__qualname__}: a record makes its own {', '.join(own)}")
    made: Any = dataclasses.dataclass(init=False, repr=False, eq=False, slots=True)(cls)
    fields = dataclasses.fields(made)
    for field in fields:
        if not field.init or field.kw_only:
            raise TypeError(f"{made.__qualname__}.{field.name}: a record's fields are plain")
    if hasattr(made, "__post_init__"):
        raise TypeError(f"{made.__qualname__}: a record has no __post_init__")
    hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
    made.__init__ = _init(made, fields)
    made.__setattr__, made.__delattr__ = _frozen_setattr, _frozen_delattr
    made.__eq__ = _eq_over(tuple(f.name for f in fields if f.compare))
    made.__hash__ = _hash_over(hashed)
    made.__repr__ = _repr
    made.__getstate__, made.__setstate__ = _getstate, _setstate
    made.__record_fields__ = tuple(f.name for f in fields)
    made.__record_repr__ = tuple(f.name for f in fields if f.repr)
    result: type[Record] = made
    return result
