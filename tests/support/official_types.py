"""The official Extend SDK's model list (`../shared/reference/extend-ai-types.tsv`), and how
much of it an IR covers: models under the same name, fields with the same wire name,
required-ness and an agreeing type, and required fields the official models do not have.

The list gives Python type hints as text (`Optional[List[Block]]`, `Literal['file']`,
`Annotated[Union[A, B], <UnionMetadata ...>]`); `parse_hint` reads them into small tuples and
`agrees` compares one with an IR type node.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.ir import model as ir
from generator.ir.names import Name


@dataclass(frozen=True)
class OfficialField:
    wire_name: str
    hint: str
    required: bool


@dataclass(frozen=True)
class Official:
    models: dict[str, tuple[OfficialField, ...]]
    aliases: dict[str, str]
    enums: dict[str, tuple[str, ...]]


def read_official(path: Path) -> Official:
    """The three tables of the list: models (one row a field), aliases, enums."""
    models: dict[str, list[OfficialField]] = {}
    aliases: dict[str, str] = {}
    enums: dict[str, tuple[str, ...]] = {}
    section = "model"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if (
            cells[0] in ("model", "alias", "enum")
            and len(cells) <= 4
            and cells[1]
            in (
                "field (wire name)",
                "definition",
                "values",
            )
        ):
            section = cells[0]
            continue
        if section == "model":
            name, wire, hint, required = cells
            models.setdefault(name, []).append(OfficialField(wire, hint, required == "required"))
        elif section == "alias":
            aliases[cells[0]] = cells[1]
        else:
            enums[cells[0]] = tuple(v.strip() for v in cells[1].split(","))
    return Official({k: tuple(v) for k, v in models.items()}, aliases, enums)


def is_request_shape(name: str) -> bool:
    """Models that describe what a caller sends: request parameters (`*Params`, `*Request`)."""
    return name.endswith(("Params", "Request"))


def is_legacy(name: str) -> bool:
    """Models of the 2025-04-21 API (processors, processor runs, batch processor runs)."""
    return name.startswith(("Legacy", "Processor", "BatchProcessor"))


# --- type hints -------------------------------------------------------------------------------

Hint = tuple[object, ...]
"""("name", text) | ("literal", value) | ("none",) | (generic, *args) for Optional, List,
Dict, Union and Annotated (whose metadata argument is dropped)."""

_TOKEN = re.compile(r"\s*(<[^>]*>|'[^']*'|[A-Za-z_][\w.]*|\[|\]|,)")


def parse_hint(text: str) -> Hint:
    tokens = [m.group(1) for m in _TOKEN.finditer(text)]
    hint, rest = _parse(tokens)
    if rest:
        raise ValueError(f"trailing text in type hint {text!r}")
    return hint


def _parse(tokens: list[str]) -> tuple[Hint, list[str]]:
    head, rest = tokens[0], tokens[1:]
    if head.startswith("<"):
        return ("meta",), rest
    if rest and rest[0] == "[":
        args: list[Hint] = []
        rest = rest[1:]
        while True:
            if head == "Literal":
                value = rest[0]
                args.append(("literal", value[1:-1] if value.startswith("'") else value == "True"))
                rest = rest[1:]
            else:
                arg, rest = _parse(rest)
                args.append(arg)
            if rest[0] == "]":
                rest = rest[1:]
                break
            rest = rest[1:]  # the comma
        if head == "Literal":
            return (args[0] if len(args) == 1 else ("union", *args)), rest
        if head == "Annotated":
            return ("annotated", args[0]), rest
        return (head.lower(), *args), rest
    if head == "NoneType":
        return ("none",), rest
    return ("name", head), rest


def _key(name: str) -> str:
    return Name.parse(name).pascal()


@dataclass
class Comparer:
    """Compares official type hints with the types of one IR."""

    official: Official
    types: dict[str, ir.NamedType]

    @classmethod
    def of(cls, official: Official, api: ir.Api) -> Comparer:
        return cls(official, {t.name.pascal(): t for t in api.types})

    def agrees(self, node: ir.TypeNode, hint: Hint) -> bool:
        kind = hint[0]
        if kind == "optional":
            inner = hint[1]
            assert isinstance(inner, tuple)
            return self.agrees(_strip_null(node), inner)
        if isinstance(node, ir.Nullable):
            if kind != "union" or ("none",) not in hint[1:]:
                return False
            rest = tuple(m for m in hint[1:] if isinstance(m, tuple) and m != ("none",))
            return self.agrees(node.inner, rest[0] if len(rest) == 1 else ("union", *rest))
        if kind == "name":
            return self._agrees_name(node, str(hint[1]))
        if isinstance(node, ir.Ref) and not isinstance(
            self.types.get(node.name.pascal()), ir.ModelDef
        ):
            target = self.types.get(node.name.pascal())
            if isinstance(target, ir.AliasDef):
                return self.agrees(target.target, hint)
            if isinstance(target, ir.EnumDef) and kind == "literal":
                return tuple(target.values) == (hint[1],)
            return False
        if kind == "literal":
            if isinstance(node, ir.Const):
                return node.value == hint[1]
            return isinstance(node, ir.EnumType) and node.values == (hint[1],)
        if kind == "list":
            inner = hint[1]
            assert isinstance(inner, tuple)
            return isinstance(node, ir.Array) and self.agrees(node.item, inner)
        if kind == "dict":
            value = hint[2]
            assert isinstance(value, tuple)
            if value == ("name", "Any"):
                return isinstance(node, ir.Map | ir.AnyType) or (
                    isinstance(node, ir.Ref) and self._is_free_object(node)
                )
            return isinstance(node, ir.Map) and self.agrees(node.value, value)
        if kind in ("union", "annotated"):
            union = hint if kind == "union" else hint[1]
            assert isinstance(union, tuple)
            if kind == "annotated" and not (
                isinstance(node, ir.Union) and node.discriminator is not None
            ):
                return False
            members = [m for m in union[1:] if isinstance(m, tuple) and m != ("none",)]
            if ("none",) in union[1:]:
                return False  # a union with None needs a Nullable node, handled above
            return isinstance(node, ir.Union) and self._same_members(node.members, members)
        return False

    def _same_members(self, nodes: Iterable[ir.TypeNode], hints: list[Hint]) -> bool:
        left = list(nodes)
        if len(left) != len(hints):
            return False
        remaining = list(left)
        for hint in hints:
            match = next((n for n in remaining if self.agrees(n, hint)), None)
            if match is None:
                return False
            remaining.remove(match)
        return True

    def _is_free_object(self, node: ir.Ref) -> bool:
        target = self.types.get(node.name.pascal())
        if isinstance(target, ir.AliasDef):
            return isinstance(target.target, ir.Map | ir.AnyType)
        return isinstance(target, ir.ModelDef) and not target.fields

    def _agrees_name(self, node: ir.TypeNode, name: str) -> bool:
        primitive = _PRIMITIVES.get(name)
        if primitive is not None:
            return primitive(node)
        if name in self.official.enums:
            values = self.official.enums[name]
            if isinstance(node, ir.Ref):
                target = self.types.get(node.name.pascal())
                return (
                    isinstance(target, ir.EnumDef)
                    and _key(name) == node.name.pascal()
                    and set(target.values) == set(values)
                )
            return isinstance(node, ir.EnumType) and set(node.values) == set(values)
        if isinstance(node, ir.Ref) and node.name.pascal() == _key(name):
            return True
        if name in self.official.aliases:
            if isinstance(node, ir.Ref):
                target = self.types.get(node.name.pascal())
                if isinstance(target, ir.AliasDef):
                    node = target.target
            return self.agrees(node, parse_hint(self.official.aliases[name]))
        return False


def _strip_null(node: ir.TypeNode) -> ir.TypeNode:
    return node.inner if isinstance(node, ir.Nullable) else node


Check = Callable[[ir.TypeNode], bool]


def _is_string(fmt: str | None = None) -> Check:
    def check(node: ir.TypeNode) -> bool:
        if not (isinstance(node, ir.Primitive) and node.kind == "string"):
            return False
        if fmt is None:
            return node.format not in ("date-time", "date")
        return node.format == fmt

    return check


_PRIMITIVES: dict[str, Check] = {
    "str": _is_string(),
    "int": lambda n: isinstance(n, ir.Primitive) and n.kind == "integer",
    "float": lambda n: isinstance(n, ir.Primitive) and n.kind in ("number", "integer"),
    "bool": lambda n: isinstance(n, ir.Primitive) and n.kind == "boolean",
    "datetime": _is_string("date-time"),
    "datetime.datetime": _is_string("date-time"),
    "datetime.date": _is_string("date"),
    "Any": lambda n: True,
}


# --- coverage ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    models: int
    models_present: int
    fields: int
    fields_covered: int
    missing_models: tuple[str, ...]
    field_problems: tuple[str, ...]
    invented_required: tuple[str, ...]

    def summary(self) -> str:
        return (
            f"models present: {self.models_present}/{self.models} "
            f"({100 * self.models_present / self.models:.1f}%); "
            f"fields covered: {self.fields_covered}/{self.fields} "
            f"({100 * self.fields_covered / self.fields:.1f}%); "
            f"invented required fields: {len(self.invented_required)}"
        )


def coverage(official: Official, api: ir.Api, names: Iterable[str]) -> Coverage:
    """How many of the official models `names` the IR has, and how well."""
    comparer = Comparer.of(official, api)
    ours = {t.name.pascal(): t for t in api.types if isinstance(t, ir.ModelDef)}
    wanted = sorted(names)
    missing: list[str] = []
    problems: list[str] = []
    invented: list[str] = []
    fields = covered = 0
    for name in wanted:
        theirs = official.models[name]
        fields += len(theirs)
        model = ours.get(_key(name))
        if model is None:
            missing.append(name)
            problems.extend(f"{name}.{f.wire_name}: model missing" for f in theirs)
            continue
        by_wire = {f.wire_name: f for f in model.fields}
        for field in theirs:
            mine = by_wire.get(field.wire_name)
            if mine is None:
                problems.append(f"{name}.{field.wire_name}: missing")
            elif mine.required != field.required:
                problems.append(f"{name}.{field.wire_name}: required is {mine.required}")
            elif not comparer.agrees(mine.type, parse_hint(field.hint)):
                problems.append(f"{name}.{field.wire_name}: {mine.type} vs {field.hint}")
            else:
                covered += 1
        wires = {f.wire_name for f in theirs}
        invented.extend(
            f"{name}.{f.wire_name}" for f in model.fields if f.required and f.wire_name not in wires
        )
    return Coverage(
        len(wanted),
        len(wanted) - len(missing),
        fields,
        covered,
        tuple(missing),
        tuple(problems),
        tuple(invented),
    )
