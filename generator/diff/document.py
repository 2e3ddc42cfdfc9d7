"""One OpenAPI document as the diff sees it: operations by identity, refs, schema reach.

Operations are matched across versions by method and path template with the parameter names
blanked (`/files/{id}` and `/files/{fileId}` are the same endpoint). Component schemas are
compared once each; `reach` says which operations use a component, in which direction
(request or response) and in which role (parameter or body), through any chain of refs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from generator.diagnostics import join_pointer, resolve_pointer, split_pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_REF_PREFIX = "#/components/schemas/"
_PATH_PARAM = re.compile(r"{[^}]*}")
_METHOD_ORDER = {m.upper(): i for i, m in enumerate(HTTP_METHODS)}

Direction = Literal["request", "response"]
Role = Literal["parameter", "body", "header"]
ReachKey = tuple[Direction, Role]
MatchKey = tuple[str, str]
"""(METHOD, path template with parameter names blanked)."""


def match_key(method: str, path: str) -> MatchKey:
    return method.upper(), _PATH_PARAM.sub("{}", path.rstrip("/") or "/")


def operation_sort_key(key: str) -> tuple[str, int, str]:
    """`METHOD /path` keys in path order, then in the usual order of methods."""
    method, _, path = key.partition(" ")
    return path, _METHOD_ORDER.get(method, len(_METHOD_ORDER)), method


def schema_name(ref: object) -> str | None:
    """The component schema a `$ref` names, or None when it names something else."""
    if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX):
        tokens = split_pointer(ref[1:])
        return tokens[2] if len(tokens) == 3 else None
    return None


def ref_of(node: object) -> str | None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        return ref if isinstance(ref, str) else None
    return None


@dataclass(frozen=True, slots=True)
class ParamEntry:
    name: str
    location: str
    node: dict[str, Any]
    """The parameter object, refs followed."""
    pointer: str
    """Where the parameter object lives (in components when it was a ref)."""

    @property
    def key(self) -> tuple[str, str]:
        """Header names are case-insensitive; every other name is not."""
        name = self.name.lower() if self.location == "header" else self.name
        return self.location, name

    @property
    def required(self) -> bool:
        return self.location == "path" or bool(self.node.get("required"))


@dataclass(frozen=True, slots=True)
class OperationEntry:
    method: str
    path: str
    pointer: str
    node: dict[str, Any]
    item: dict[str, Any]
    """The path item the operation belongs to (its shared parameters and servers)."""
    params: tuple[ParamEntry, ...]

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def match(self) -> MatchKey:
        return match_key(self.method, self.path)


class Document:
    """A loaded OpenAPI document (a dict), indexed for comparison. Never modified."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        components = data.get("components")
        self.components: dict[str, Any] = components if isinstance(components, dict) else {}
        schemas = self.components.get("schemas")
        self.schemas: dict[str, Any] = schemas if isinstance(schemas, dict) else {}
        self._reach: dict[str, dict[ReachKey, frozenset[MatchKey]]] = {}

    # ----- refs --------------------------------------------------------------------------
    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow a chain of local `$ref`s; an unresolvable or circular one yields `{}`."""
        seen: set[str] = set()
        while True:
            ref = ref_of(node)
            if ref is None:
                return node, pointer
            if ref in seen or not ref.startswith("#"):
                return {}, pointer
            seen.add(ref)
            found, target = resolve_pointer(self.data, ref[1:])
            if not found:
                return {}, pointer
            node, pointer = target, ref[1:]

    # ----- operations --------------------------------------------------------------------
    @cached_property
    def operations(self) -> dict[MatchKey, OperationEntry]:
        found: dict[MatchKey, OperationEntry] = {}
        paths = self.data.get("paths")
        if not isinstance(paths, dict):
            return found
        for path, raw_item in paths.items():
            item, item_pointer = self.deref(raw_item, join_pointer("", "paths", str(path)))
            if not isinstance(item, dict):
                continue
            for method in HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                pointer = join_pointer(item_pointer, method)
                entry = OperationEntry(
                    method.upper(), str(path), pointer, op, item, self._params(item, op, pointer)
                )
                found.setdefault(entry.match, entry)
        return found

    def _params(
        self, item: dict[str, Any], op: dict[str, Any], pointer: str
    ) -> tuple[ParamEntry, ...]:
        """Path-level parameters overridden by operation-level ones of the same name and place."""
        params: dict[tuple[str, str], ParamEntry] = {}
        item_pointer = pointer.rsplit("/", 1)[0]
        for base, listed in (
            (join_pointer(item_pointer, "parameters"), item.get("parameters")),
            (join_pointer(pointer, "parameters"), op.get("parameters")),
        ):
            if not isinstance(listed, list):
                continue
            for position, raw in enumerate(listed):
                node, where = self.deref(raw, join_pointer(base, position))
                if isinstance(node, dict) and isinstance(node.get("name"), str):
                    entry = ParamEntry(node["name"], str(node.get("in", "")), node, where)
                    params[entry.key] = entry
        return tuple(params.values())

    def security(self, op: OperationEntry | None) -> tuple[Any, str, bool]:
        """(requirements, pointer, whether the operation sets its own) for `op` or the API."""
        if op is not None and "security" in op.node:
            return op.node["security"], join_pointer(op.pointer, "security"), True
        return self.data.get("security"), "/security", False

    # ----- component reach ---------------------------------------------------------------
    def _schema_refs(self, node: Any, pointer: str) -> Iterator[str]:
        """Component schemas `node` refers to, following refs to non-schema components."""
        stack: list[Any] = [node]
        followed: set[str] = set()
        while stack:
            current = stack.pop()
            if isinstance(current, dict):
                ref = ref_of(current)
                if ref is not None:
                    name = schema_name(ref)
                    if name is not None:
                        yield name
                    elif ref.startswith("#") and ref not in followed:
                        followed.add(ref)
                        found, target = resolve_pointer(self.data, ref[1:])
                        if found:
                            stack.append(target)
                stack.extend(v for v in current.values() if isinstance(v, dict | list))
            elif isinstance(current, list):
                stack.extend(v for v in current if isinstance(v, dict | list))

    @cached_property
    def _graph(self) -> dict[str, frozenset[str]]:
        """Component schema -> the component schemas that refer to it."""
        referrers: dict[str, set[str]] = {}
        for name, schema in self.schemas.items():
            pointer = join_pointer("", "components", "schemas", name)
            for target in self._schema_refs(schema, pointer):
                referrers.setdefault(target, set()).add(name)
        return {name: frozenset(found) for name, found in referrers.items()}

    @cached_property
    def _roots(self) -> dict[ReachKey, dict[str, set[MatchKey]]]:
        """(direction, role) -> component schema -> operations that refer to it directly."""
        roots: dict[ReachKey, dict[str, set[MatchKey]]] = {
            ("request", "parameter"): {},
            ("request", "body"): {},
            ("response", "body"): {},
        }
        for key, op in self.operations.items():
            for param in op.params:
                self._add_roots(roots[("request", "parameter")], param.node, param.pointer, key)
            body = op.node.get("requestBody")
            if body is not None:
                where = join_pointer(op.pointer, "requestBody")
                self._add_roots(roots[("request", "body")], body, where, key)
            responses = op.node.get("responses")
            if isinstance(responses, dict):
                where = join_pointer(op.pointer, "responses")
                self._add_roots(roots[("response", "body")], responses, where, key)
        return roots

    def _add_roots(
        self, table: dict[str, set[MatchKey]], node: Any, pointer: str, key: MatchKey
    ) -> None:
        for name in self._schema_refs(node, pointer):
            table.setdefault(name, set()).add(key)

    def reach(self, name: str) -> dict[ReachKey, frozenset[MatchKey]]:
        """Operations that use component schema `name`, directly or through other schemas."""
        cached = self._reach.get(name)
        if cached is not None:
            return cached
        graph = self._graph
        ancestors = {name}
        stack = [name]
        while stack:
            for referrer in graph.get(stack.pop(), ()):
                if referrer not in ancestors:
                    ancestors.add(referrer)
                    stack.append(referrer)
        result: dict[ReachKey, frozenset[MatchKey]] = {}
        for reach_key, table in self._roots.items():
            found: set[MatchKey] = set()
            for ancestor in ancestors:
                found |= table.get(ancestor, set())
            if found:
                result[reach_key] = frozenset(found)
        self._reach[name] = result
        return result
