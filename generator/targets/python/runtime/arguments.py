"""Arguments checked against the API description before a request is sent.

`@checked` wraps a generated method: on its first call it reads the method's annotations and
builds a validator per argument; every call then validates each argument it was given (never
`NOT_GIVEN`) and raises `RequestValidationError`, naming the argument, before any request. A
scalar must have its annotated type exactly (no `"1"` for an int, no unknown enum value); a
model argument may be the model or a dict of its fields, which must fit the model.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .errors import RequestValidationError
from .types import NotGiven

F = TypeVar("F", bound=Callable[..., Any])
Check = Callable[[Any], None]
_SKIP = frozenset({"self", "options"})


class _ModelNames(Mapping[str, Any]):
    """The package's models by name, for annotations a module names only for type checkers."""

    def __init__(self, module: str) -> None:
        self._package = module.split(".")[0]

    def __getitem__(self, name: str) -> Any:
        models = importlib.import_module(f"{self._package}.models")
        try:
            return getattr(models, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> typing.Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _members(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return (tp,)


def _is_model(tp: Any) -> bool:
    import pydantic

    return isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)


def _is_open_dict(tp: Any) -> bool:
    return typing.get_origin(tp) is dict and typing.get_args(tp)[1:] == (Any,)


def _validator(tp: Any) -> Check | None:
    """A check of one argument, or None when anything goes (files, Any)."""
    import pydantic

    members = [m for m in _members(tp) if m is not NotGiven and m is not type(None)]
    nullable = len(members) < len(_members(tp)) and type(None) in _members(tp)
    if any(_is_model(m) for m in members):
        members = [m for m in members if not _is_open_dict(m)]  # a dict must fit the model
    if not members or any(m is Any or m is object for m in members):
        return None
    target: Any = members[0] if len(members) == 1 else typing.Union[tuple(members)]  # noqa: UP007
    if nullable:
        target = target | None
    try:
        adapter = pydantic.TypeAdapter(target)
    except Exception:  # a type pydantic cannot check (a file-like upload): sent as given
        return None
    scalar = all(m in (str, int, float, bool) or typing.get_origin(m) is typing.Literal
                 for m in members)  # fmt: skip

    exact = target if target in (str, int, float, bool) else None

    def check(value: Any) -> None:
        if type(value) is not exact:  # a value of the exact scalar type passes as it is
            adapter.validate_python(value, strict=scalar)

    return check


def _validators(method: Callable[..., Any]) -> dict[str, Check]:
    hints = typing.get_type_hints(method, localns=_ModelNames(method.__module__))
    found: dict[str, Check] = {}
    for name in inspect.signature(method).parameters:
        if name in _SKIP or name not in hints:
            continue
        check = _validator(hints[name])
        if check is not None:
            found[name] = check
    return found


def checked(method: F) -> F:
    """Validate the arguments of a generated method before it sends anything."""
    positional = [
        name
        for name, p in inspect.signature(method).parameters.items()
        if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and name != "self"
    ]
    built: list[dict[str, Check]] = []

    def validate(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if not built:
            built.append(_validators(method))
        checks = built[0]
        given = [*zip(positional, args, strict=False), *kwargs.items()]
        for name, value in given:
            check = checks.get(name)
            if check is None or isinstance(value, NotGiven):
                continue
            try:
                check(value)
            except Exception as error:
                raise RequestValidationError(name, value, error) from None

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        validate(args, kwargs)
        return method(self, *args, **kwargs)

    return typing.cast(F, wrapper)
