"""Compare two indexed documents into the diff tree (`SpecDiff`). No judgement here."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import join_pointer
from generator.diff.document import (
    Document,
    MatchKey,
    OperationEntry,
    ParamEntry,
    operation_sort_key,
    schema_name,
)
from generator.diff.lifecycle import stability, sunset_text
from generator.diff.schemas import SchemaComparer
from generator.diff.sdk import SdkIndex
from generator.diff.tree import (
    BodyDiff,
    Changed,
    ComponentDiff,
    ContentDiff,
    HeaderDiff,
    MediaDiff,
    Member,
    ModelEntry,
    OperationDiff,
    ParamDiff,
    ResponseDiff,
    SchemeDiff,
    SecurityDiff,
    ServerEntry,
    ServersDiff,
    SpecDiff,
)

_PATH_PARAM = re.compile(r"{([^}]*)}")
Requirements = tuple[frozenset[tuple[str, frozenset[str]]], ...]


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _flag(node: dict[str, Any], key: str) -> bool:
    return node.get(key) is True


def requirements(raw: object) -> Requirements:
    """Security requirements as sets of (scheme, scopes); `()` when none is required."""
    if not isinstance(raw, list):
        return ()
    found = []
    for requirement in raw:
        if isinstance(requirement, dict):
            found.append(
                frozenset(
                    (str(scheme), frozenset(str(s) for s in _list(scopes)))
                    for scheme, scopes in requirement.items()
                )
            )
    return tuple(found)


class Comparer:
    """Builds the `SpecDiff` of two documents."""

    def __init__(self, old: Document, new: Document, old_sdk: SdkIndex, new_sdk: SdkIndex) -> None:
        self.old = old
        self.new = new
        self.old_sdk = old_sdk
        self.new_sdk = new_sdk
        self.schemas = SchemaComparer(old, new)

    def compare(self) -> SpecDiff:
        old_ops, new_ops = self.old.operations, self.new.operations
        common = sorted(
            (key for key in new_ops if key in old_ops),
            key=lambda k: operation_sort_key(new_ops[k].key),
        )
        operations = tuple(
            diff
            for key in common
            if (diff := self._operation(old_ops[key], new_ops[key])) is not None
        )
        methods: dict[MatchKey, tuple[str | None, str | None]] = {
            key: (self.old_sdk.methods.get(key), self.new_sdk.methods.get(key))
            for key in {*old_ops, *new_ops}
        }
        old_classes, new_classes = self.old_sdk.classes(), self.new_sdk.classes()
        if self.old_sdk.problem or self.new_sdk.problem:
            old_classes = new_classes = {}  # models cannot be compared when one side is unnamed
        return SpecDiff(
            old=self.old,
            new=self.new,
            endpoints_added=tuple(
                sorted(
                    (op for k, op in new_ops.items() if k not in old_ops),
                    key=lambda op: operation_sort_key(op.key),
                )
            ),
            endpoints_removed=tuple(
                sorted(
                    (op for k, op in old_ops.items() if k not in new_ops),
                    key=lambda op: operation_sort_key(op.key),
                )
            ),
            operations=operations,
            components=self._components(),
            servers=self._servers(),
            security=self._global_security(common),
            schemes=self._schemes(common),
            models_removed=tuple(
                ModelEntry(name, pointer)
                for name, pointer in sorted(old_classes.items())
                if name not in new_classes
            ),
            methods=methods,
            operation_models={
                key: (
                    self.old_sdk.operation_models.get(key, ()),
                    self.new_sdk.operation_models.get(key, ()),
                )
                for key in {*old_ops, *new_ops}
            },
        )

    # ----- operations --------------------------------------------------------------------
    def _operation(self, old: OperationEntry, new: OperationEntry) -> OperationDiff | None:
        old_params = _param_keys(old)
        new_params = _param_keys(new)
        added = [p for k, p in new_params.items() if k not in old_params]
        removed = [p for k, p in old_params.items() if k not in new_params]
        moved = []
        for before in list(removed):
            after = next((p for p in added if p.name.lower() == before.name.lower()), None)
            if after is not None and after.location != before.location:
                moved.append((before, after))
                removed.remove(before)
                added.remove(after)
        params = tuple(
            found
            for key, param in new_params.items()
            if key in old_params and (found := self._param(old_params[key], param)) is not None
        )
        statuses_added, statuses_removed, responses = self._responses(old, new)
        diff = OperationDiff(
            key=new.key,
            old=old,
            new=new,
            old_method=self.old_sdk.methods.get(old.match),
            new_method=self.new_sdk.methods.get(new.match),
            deprecated=_changed_flag(old.node, new.node, "deprecated"),
            params_added=tuple(added),
            params_removed=tuple(removed),
            params_moved=tuple(moved),
            params=params,
            body=self._body(old, new),
            statuses_added=statuses_added,
            statuses_removed=statuses_removed,
            responses=responses,
            security=self._operation_security(old, new),
            sunset=_changed_text(sunset_text(old.node), sunset_text(new.node)),
            stability=_changed_text(stability(old.node), stability(new.node)),
        )
        unchanged = (
            diff.old_method == diff.new_method
            and not (diff.deprecated or added or removed or moved or params)
            and not (diff.body or statuses_added or statuses_removed or responses)
            and diff.security is None
            and not (diff.sunset or diff.stability)
        )
        return None if unchanged else diff

    def _param(self, old: ParamEntry, new: ParamEntry) -> ParamDiff | None:
        old_schema, old_where = _param_schema(old)
        new_schema, new_where = _param_schema(new)
        schema = self.schemas.compare(old_schema, new_schema, old_where, new_where)
        diff = ParamDiff(
            old=old,
            new=new,
            required=_changed_value(old.required, new.required),
            deprecated=_changed_flag(old.node, new.node, "deprecated"),
            schema=schema,
            sunset=_changed_text(sunset_text(old.node), sunset_text(new.node)),
        )
        changed = diff.required or diff.deprecated or schema or diff.sunset
        return diff if changed or diff.renamed else None

    def _body(self, old: OperationEntry, new: OperationEntry) -> BodyDiff | None:
        old_where = join_pointer(old.pointer, "requestBody")
        new_where = join_pointer(new.pointer, "requestBody")
        old_body, old_where = self.old.deref(old.node.get("requestBody"), old_where)
        new_body, new_where = self.new.deref(new.node.get("requestBody"), new_where)
        old_present, new_present = isinstance(old_body, dict), isinstance(new_body, dict)
        if not old_present and not new_present:
            return None
        old_node, new_node = _dict(old_body), _dict(new_body)
        content = None
        if old_present and new_present:
            content = self._content(
                _dict(old_node.get("content")),
                _dict(new_node.get("content")),
                join_pointer(old_where, "content"),
                join_pointer(new_where, "content"),
            )
        diff = BodyDiff(
            old=old_where if old_present else old.pointer,
            new=new_where if new_present else new.pointer,
            old_present=old_present,
            new_present=new_present,
            old_required=_flag(old_node, "required"),
            new_required=_flag(new_node, "required"),
            content=content,
        )
        same = old_present == new_present and diff.old_required == diff.new_required
        return None if same and content is None else diff

    def _content(
        self, old: dict[str, Any], new: dict[str, Any], old_where: str, new_where: str
    ) -> ContentDiff | None:
        old_types = {str(k).lower(): k for k in old}
        new_types = {str(k).lower(): k for k in new}
        added = tuple(
            Member(str(new_types[t]), join_pointer(new_where, new_types[t]), old_where)
            for t in new_types
            if t not in old_types
        )
        removed = tuple(
            Member(str(old_types[t]), join_pointer(old_where, old_types[t]), new_where)
            for t in old_types
            if t not in new_types
        )
        media = []
        schema_added: list[Member] = []
        schema_removed: list[Member] = []
        for lowered, key in new_types.items():
            if lowered not in old_types:
                continue
            old_key = old_types[lowered]
            before = join_pointer(old_where, old_key, "schema")
            after = join_pointer(new_where, key, "schema")
            old_schema = _dict(old[old_key]).get("schema")
            new_schema = _dict(new[key]).get("schema")
            if old_schema is None and new_schema is not None:
                schema_added.append(Member(str(key), after, join_pointer(old_where, old_key)))
            if new_schema is None and old_schema is not None:
                schema_removed.append(Member(str(key), before, join_pointer(new_where, key)))
            if old_schema is None or new_schema is None:
                continue
            schema = self.schemas.compare(old_schema, new_schema, before, after)
            if schema is not None:
                media.append(MediaDiff(str(key), before, after, schema))
        if not (added or removed or media or schema_added or schema_removed):
            return None
        return ContentDiff(added, removed, tuple(media), tuple(schema_added), tuple(schema_removed))

    def _responses(
        self, old: OperationEntry, new: OperationEntry
    ) -> tuple[tuple[Member, ...], tuple[Member, ...], tuple[ResponseDiff, ...]]:
        old_where = join_pointer(old.pointer, "responses")
        new_where = join_pointer(new.pointer, "responses")
        old_responses = {str(k): v for k, v in _dict(old.node.get("responses")).items()}
        new_responses = {str(k): v for k, v in _dict(new.node.get("responses")).items()}
        added = tuple(
            Member(status, self.new.deref(raw, join_pointer(new_where, status))[1], old_where)
            for status, raw in new_responses.items()
            if status not in old_responses
        )
        removed = tuple(
            Member(status, self.old.deref(raw, join_pointer(old_where, status))[1], new_where)
            for status, raw in old_responses.items()
            if status not in new_responses
        )
        diffs = []
        for status, raw in new_responses.items():
            if status not in old_responses:
                continue
            before, before_where = self.old.deref(
                old_responses[status], join_pointer(old_where, status)
            )
            after, after_where = self.new.deref(raw, join_pointer(new_where, status))
            content = self._content(
                _dict(_dict(before).get("content")),
                _dict(_dict(after).get("content")),
                join_pointer(before_where, "content"),
                join_pointer(after_where, "content"),
            )
            headers = self._headers(_dict(before), _dict(after), before_where, after_where)
            if content is not None or any(headers):
                diffs.append(ResponseDiff(status, before_where, after_where, content, *headers))
        return added, removed, tuple(diffs)

    def _headers(
        self, old: dict[str, Any], new: dict[str, Any], old_where: str, new_where: str
    ) -> tuple[tuple[Member, ...], tuple[Member, ...], tuple[HeaderDiff, ...]]:
        """Response headers by case-insensitive name: (added, removed, changed)."""
        old_base, new_base = join_pointer(old_where, "headers"), join_pointer(new_where, "headers")
        old_parent = old_base if "headers" in old else old_where
        new_parent = new_base if "headers" in new else new_where
        old_headers = {str(k).lower(): (str(k), v) for k, v in _dict(old.get("headers")).items()}
        new_headers = {str(k).lower(): (str(k), v) for k, v in _dict(new.get("headers")).items()}

        def entry(document: Document, base: str, name: str, raw: Any) -> tuple[Any, str]:
            node, where = document.deref(raw, join_pointer(base, name))
            return _dict(node), where

        added = []
        for key, (name, raw) in new_headers.items():
            if key not in old_headers:
                node, where = entry(self.new, new_base, name, raw)
                added.append(Member(name, where, old_parent, node, _flag(node, "required")))
        removed = []
        for key, (name, raw) in old_headers.items():
            if key not in new_headers:
                node, where = entry(self.old, old_base, name, raw)
                removed.append(Member(name, where, new_parent, node, _flag(node, "required")))
        changed = []
        for key, (name, raw) in new_headers.items():
            if key not in old_headers:
                continue
            old_name, old_raw = old_headers[key]
            before, before_where = entry(self.old, old_base, old_name, old_raw)
            after, after_where = entry(self.new, new_base, name, raw)
            old_schema, old_at = _param_schema_node(before, before_where)
            new_schema, new_at = _param_schema_node(after, after_where)
            schema = self.schemas.compare(old_schema, new_schema, old_at, new_at)
            required = _changed_flag(before, after, "required")
            if schema is not None or required is not None:
                changed.append(HeaderDiff(name, before_where, after_where, required, schema))
        return tuple(added), tuple(removed), tuple(changed)

    # ----- security ----------------------------------------------------------------------
    def _operation_security(self, old: OperationEntry, new: OperationEntry) -> SecurityDiff | None:
        old_raw, old_where, old_own = self.old.security(old)
        new_raw, new_where, new_own = self.new.security(new)
        if not (old_own or new_own):
            return None  # both inherit the API's requirements: compared once, for the API
        before, after = requirements(old_raw), requirements(new_raw)
        if set(before) == set(after):
            return None
        return SecurityDiff(old_where, new_where, before, after, (new.key,))

    def _global_security(self, common: list[MatchKey]) -> SecurityDiff | None:
        before = requirements(self.old.data.get("security"))
        after = requirements(self.new.data.get("security"))
        if set(before) == set(after):
            return None
        inheriting = tuple(
            self.new.operations[key].key
            for key in common
            if not self.old.security(self.old.operations[key])[2]
            and not self.new.security(self.new.operations[key])[2]
        )
        return SecurityDiff("/security", "/security", before, after, inheriting)

    def _schemes(self, common: list[MatchKey]) -> tuple[SchemeDiff, ...]:
        old_schemes = _dict(self.old.components.get("securitySchemes"))
        new_schemes = _dict(self.new.components.get("securitySchemes"))
        found = []
        for name, raw in new_schemes.items():
            if name not in old_schemes:
                continue
            where = join_pointer("", "components", "securitySchemes", name)
            before, old_where = self.old.deref(old_schemes[name], where)
            after, new_where = self.new.deref(raw, where)
            old_kind, new_kind = _scheme_kind(_dict(before)), _scheme_kind(_dict(after))
            if old_kind == new_kind:
                continue
            users = tuple(
                self.new.operations[key].key
                for key in common
                if any(
                    scheme == name
                    for requirement in requirements(self.new.security(self.new.operations[key])[0])
                    for scheme, _scopes in requirement
                )
            )
            found.append(SchemeDiff(name, old_where, new_where, old_kind, new_kind, users))
        return tuple(found)

    # ----- servers and components --------------------------------------------------------
    def _servers(self) -> ServersDiff | None:
        old, new = _servers(self.old), _servers(self.new)
        old_urls = {s.url for s in old}
        new_urls = {s.url for s in new}
        added = [s for s in new if s.url not in old_urls]
        removed = [s for s in old if s.url not in new_urls]
        moved = []
        for before in list(removed):
            after = next((s for s in added if s.name == before.name), None)
            if after is not None:
                moved.append((before, after))
                removed.remove(before)
                added.remove(after)
        if not (added or removed or moved):
            return None
        return ServersDiff(tuple(added), tuple(removed), tuple(moved))

    def _components(self) -> tuple[ComponentDiff, ...]:
        found = []
        old_ops, new_ops = self.old.operations, self.new.operations
        for name, schema in self.new.schemas.items():
            if name not in self.old.schemas:
                continue
            where = join_pointer("", "components", "schemas", name)
            diff = self.schemas.compare(self.old.schemas[name], schema, where, where)
            if diff is None:
                continue
            old_reach, new_reach = self.old.reach(name), self.new.reach(name)
            reach = []
            for reach_key, keys in new_reach.items():
                both = keys & old_reach.get(reach_key, frozenset()) & old_ops.keys()
                if both:
                    labels = sorted((new_ops[k].key for k in both), key=operation_sort_key)
                    reach.append((reach_key[0], reach_key[1], tuple(labels)))
            found.append(ComponentDiff(name, diff, tuple(reach)))
        return tuple(found)


def _changed_value(old: bool, new: bool) -> Changed[bool] | None:
    return Changed(old, new) if old != new else None


def _changed_flag(old: dict[str, Any], new: dict[str, Any], key: str) -> Changed[bool] | None:
    return _changed_value(_flag(old, key), _flag(new, key))


def _param_keys(op: OperationEntry) -> dict[tuple[str, str], ParamEntry]:
    """Parameters by location and name; path parameters by their place in the path."""
    places = {name: i for i, name in enumerate(_PATH_PARAM.findall(op.path))}
    keyed: dict[tuple[str, str], ParamEntry] = {}
    for param in op.params:
        key = param.key
        if param.location == "path" and param.name in places:
            key = ("path", f"#{places[param.name]}")
        keyed[key] = param
    return keyed


def _changed_text(old: str | None, new: str | None) -> Changed[str | None] | None:
    return Changed(old, new) if old != new else None


def _param_schema(param: ParamEntry) -> tuple[Any, str]:
    return _param_schema_node(param.node, param.pointer)


def _param_schema_node(node: dict[str, Any], pointer: str) -> tuple[Any, str]:
    """The schema of a parameter or header object: `schema`, else the first `content`'s."""
    if "schema" in node:
        return node["schema"], join_pointer(pointer, "schema")
    for media_type, media in _dict(node.get("content")).items():
        if isinstance(media, dict) and "schema" in media:
            return media["schema"], join_pointer(pointer, "content", media_type, "schema")
    return {}, pointer


def _scheme_kind(scheme: dict[str, Any]) -> str:
    """A security scheme as the SDK sees it: how the credential travels."""
    kind = str(scheme.get("type", ""))
    if kind == "http":
        return f"http {str(scheme.get('scheme', '')).lower()}"
    if kind == "apiKey":
        return f"apiKey in {scheme.get('in', '')} {scheme.get('name', '')}"
    return kind


def _servers(document: Document) -> list[ServerEntry]:
    found = []
    for position, server in enumerate(_list(document.data.get("servers"))):
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        label = server.get("x-sdk-environment") or server.get("description") or ""
        name = str(label) if label else f"server {position + 1}"
        found.append(ServerEntry(server["url"], name, join_pointer("", "servers", position)))
    return found


def compare_documents(
    old: Document, new: Document, old_sdk: SdkIndex, new_sdk: SdkIndex
) -> SpecDiff:
    return Comparer(old, new, old_sdk, new_sdk).compare()


__all__ = ["compare_documents", "requirements", "schema_name"]
