"""One OpenAPI document as the diff sees it: operations by identity, refs, schema reach.

Operations are matched across versions by method and path template with the parameter names
blanked (`/files/{id}` and `/files/{fileId}` are the same endpoint). Component schemas are
compared once each; `reach` says which operations use a component, in which direction
(request or response) and in which role (parameter or body), through any chain of refs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any, Literal

from generator.diagnostics import join_pointer, split_pointer
from generator.load.document import HTTP_METHODS, DocumentModel, Parameter, build_model
from generator.load.document import Operation as ModelOperation
from generator.load.records import record
from generator.load.refs import ref_of

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


@record
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


@record
class OperationEntry:
    method: str
    path: str
    pointer: str
    node: dict[str, Any]
    item: dict[str, Any]
    """The path item the operation belongs to (its shared parameters and servers)."""
    params: tuple[ParamEntry, ...]
    source: ModelOperation
    """The operation as the document model reads it."""

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def match(self) -> MatchKey:
        return match_key(self.method, self.path)


class Document:
    """A loaded OpenAPI document (a dict), indexed for comparison. Never modified."""

    def __init__(self, data: dict[str, Any], model: DocumentModel | None = None) -> None:
        self.data = data
        self.model = model or build_model(data)
        components = data.get("components")
        self.components: dict[str, Any] = components if isinstance(components, dict) else {}
        schemas = self.components.get("schemas")
        self.schemas: dict[str, Any] = schemas if isinstance(schemas, dict) else {}
        self._reach: dict[str, dict[ReachKey, frozenset[MatchKey]]] = {}

    # ----- refs ---------------------------------------------------------------------------
    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow a chain of local `$ref`s; an unresolvable or circular one yields `{}`."""
        target = self.model.resolve(node, pointer)
        return (target.node, target.pointer) if target.ok else ({}, pointer)

    # ----- operations ---------------------------------------------------------------------
    @cached_property
    def operations(self) -> dict[MatchKey, OperationEntry]:
        found: dict[MatchKey, OperationEntry] = {}
        for item in self.model.path_items:
            for op in item.operations:
                entry = OperationEntry(
                    op.method.upper(), op.path, op.location, op.node, item.node, _params(op), op
                )
                found.setdefault(entry.match, entry)
        return found

    def security(self, op: OperationEntry | None) -> tuple[Any, str, bool]:
        """(requirements, pointer, whether the operation sets its own) for `op` or the API."""
        if op is not None and not op.source.security_inherited:
            return op.node["security"], op.source.security_pointer, True
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
                        found, target = self.model.resolver.lookup(ref[1:])
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


def _params(op: ModelOperation) -> tuple[ParamEntry, ...]:
    """The operation's parameters by the diff's key (a header's name in any case is one)."""
    params: dict[tuple[str, str], ParamEntry] = {}
    for param in op.parameters:
        entry = _param_entry(param)
        params[entry.key] = entry
    return tuple(params.values())


def _param_entry(param: Parameter) -> ParamEntry:
    return ParamEntry(param.name, param.location, param.node, param.pointer)
