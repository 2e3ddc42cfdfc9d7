"""Which SDK methods and models a change touches, named as a target names them.

The IR of each document is built, and the target (the default one unless told) names the
member of every operation (`client.files.retrieve`) and the class of every named type; a
change's model is the named type whose schema holds the change's JSON pointer most closely.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import join_pointer, split_pointer
from generator.diff.document import MatchKey, match_key
from generator.ir.build import build_api
from generator.ir.model import Operation, refs_in
from generator.ir.names import Name
from generator.targets.registry import LANGUAGE_DEFAULT, get_target

NAMING_TARGET = LANGUAGE_DEFAULT[0]
"""The target whose names the diff reports when none is given: the default target."""


class SdkIndex:
    """SDK names for one document."""

    def __init__(
        self, document: dict[str, Any], api_name: str = "api", target: str = NAMING_TARGET
    ) -> None:
        self.methods: dict[MatchKey, str] = {}
        self.models: dict[str, str] = {}
        """Schema pointer -> class name of every named type."""
        self.operation_models: dict[MatchKey, tuple[str, ...]] = {}
        """The models each operation takes or returns directly."""
        self.problem: str | None = None
        """Why the SDK could not be named, when it could not."""
        try:
            self._index(document, api_name, target)
        except Exception as error:  # an input the IR cannot take: the diff goes on without names
            self.methods, self.models, self.operation_models = {}, {}, {}
            self.problem = f"{type(error).__name__}: {error}"[:300]

    def _index(self, document: dict[str, Any], api_name: str, target: str) -> None:
        api = build_api(document, api_name)
        names = get_target(target).names(api)
        self.methods = {
            match_key(method, path): name for (method, path), name in names.methods.items()
        }
        classes = names.classes
        for named in api.types:
            if named.pointer:
                self.models.setdefault(named.pointer, classes[named.name])
        self.operation_models = {
            match_key(op.method, op.path): tuple(
                sorted(classes[n] for n in _used(op) if n in classes)
            )
            for op in api.operations()
        }

    def model_at(self, pointer: str) -> str | None:
        """The class of the closest named type whose schema contains `pointer`."""
        tokens = split_pointer(pointer)
        while tokens:
            found = self.models.get(join_pointer("", *tokens))
            if found is not None:
                return found
            tokens.pop()
        return None

    def classes(self) -> dict[str, str]:
        """Class name -> schema pointer."""
        result: dict[str, str] = {}
        for pointer, name in sorted(self.models.items()):
            result.setdefault(name, pointer)
        return result


def _used(op: Operation) -> set[Name]:
    names: set[Name] = set()
    for param in op.params:
        names |= refs_in(param.type)
    if op.body is not None:
        for field in op.body.fields or ():
            names |= refs_in(field.type)
        if op.body.fields is None:
            names |= refs_in(op.body.type)
    return names | refs_in(op.success.type)
