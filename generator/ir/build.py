"""Normalise a loaded OpenAPI document into the IR (`Api`). Pure: document in, Api out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import Diagnostic, Severity, join_pointer
from generator.ir.model import (
    AnyType,
    Api,
    Binary,
    Body,
    BodyKind,
    ClientHeader,
    Const,
    EnumDef,
    EnumType,
    Field,
    FieldEncoding,
    ModelDef,
    Nullable,
    Operation,
    Pagination,
    Param,
    Polling,
    Primitive,
    Ref,
    Resource,
    Response,
    ResponseKind,
    SecurityScheme,
    Server,
    ServerVariable,
    TypeNode,
    WebhookEvent,
    Webhooks,
)
from generator.ir.names import Name
from generator.ir.naming import collection_paths, derive_name
from generator.ir.pagination import EXTENSIONS, detect, from_extension
from generator.ir.schemas import SchemaConverter, to_json
from generator.ir.security import requirement, security_schemes, server_variables
from generator.ir.shape import with_shapes
from generator.ir.streams import is_event_stream
from generator.ir.webhooks import signing_of
from generator.load.document import DocumentModel, build_model
from generator.load.document import Operation as RawOperation
from generator.load.document import Parameter as RawParameter
from generator.load.document import Response as RawResponse

TERMINAL_STATUSES = (
    "PROCESSED",
    "FAILED",
    "CANCELLED",
    "CANCELED",
    "COMPLETED",
    "SUCCEEDED",
    "NEEDS_REVIEW",
    "REJECTED",
)
_PATH_PARAM = re.compile(r"{([^}]+)}")


def build_api(
    document: dict[str, Any],
    name: str,
    source: str | None = None,
    *,
    model: DocumentModel | None = None,
) -> Api:
    """The IR of `document`; `model` is its document model when the loader already built it."""
    return _Builder(model or build_model(document), Name.parse(name), source).build()


def build_api_indexed(
    document: dict[str, Any], name: str, source: str | None = None
) -> tuple[Api, dict[str, TypeNode]]:
    """The Api, and the type every converted schema became, by the schema's pointer."""
    builder = _Builder(build_model(document), Name.parse(name), source)
    api = builder.build()
    return api, dict(builder.schemas.types_at)


class _Builder:
    def __init__(self, model: DocumentModel, name: Name, source: str | None) -> None:
        self.model = model
        self.document = model.document
        self.name = name
        self.source = source
        self.schemas = SchemaConverter(model.document, source)
        self.diagnostics: list[Diagnostic] = []
        self.collections = collection_paths({item.path: item.node for item in model.path_items})
        self.raw_operations = {raw.pointer: raw for raw in model.operations}

    def problem(self, code: str, pointer: str, message: str, *, error: bool = True) -> None:
        severity = Severity.ERROR if error else Severity.WARNING
        self.diagnostics.append(Diagnostic(code, message, pointer, self.source, None, severity))

    # ----- top level ---------------------------------------------------------------------
    def build(self) -> Api:
        info = self.document.get("info") or {}
        self.schemas.register_components()
        raw_ops = self.model.operations
        self._note_incoming()
        client_headers, shared = self._client_headers(raw_ops)
        names = self._distinct_names([self._naming(op) for op in raw_ops])
        root: list[Operation] = []
        grouped: dict[Name, list[Operation]] = {}
        for raw in raw_ops:
            resource, verb = names[raw.pointer]
            operation = self._operation(raw, shared, resource, verb)
            if operation.resource is None:
                root.append(operation)
            else:
                grouped.setdefault(operation.resource, []).append(operation)
        resources = tuple(Resource(name, tuple(ops)) for name, ops in grouped.items())
        self._check_names(root, resources)
        resources = tuple(self._with_polling(r) for r in resources)
        webhooks = self._webhooks()
        servers = self._servers()
        variables = server_variables(servers, (h.name for h in client_headers))
        taken = [h.name for h in client_headers] + [v.name for v in variables]
        schemes = security_schemes(self.model, self.name, taken, self._warn)
        root = [self._with_auth(op, schemes) for op in root]
        resources = tuple(
            replace(r, operations=tuple(self._with_auth(op, schemes) for op in r.operations))
            for r in resources
        )
        api = Api(
            name=self.name,
            title=str(info.get("title") or self.name.pascal()),
            version=str(info.get("version") or "0"),
            description=str(info.get("description") or ""),
            servers=servers,
            security=schemes,
            client_headers=client_headers,
            root_operations=tuple(root),
            resources=resources,
            types=self.schemas.named_types(),
            diagnostics=tuple(self.schemas.diagnostics + self.diagnostics),
            webhooks=webhooks,
            docs_url=self._docs_url(),
            auth=requirement(self.model.security, schemes),
            server_variables=variables,
        )
        return with_shapes(api)

    def _with_auth(self, op: Operation, schemes: tuple[SecurityScheme, ...]) -> Operation:
        """`op` with the credentials its calls send (`ir.security.requirement`)."""
        raw = self.raw_operations[op.pointer]
        return replace(op, auth=requirement(raw.security, schemes))

    def _docs_url(self) -> str | None:
        external = self.document.get("externalDocs")
        url = external.get("url") if isinstance(external, dict) else None
        return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None

    def _webhooks(self) -> Webhooks | None:
        """Events from the 3.1 `webhooks` section; signing from the `x-sdk-webhooks` extension,
        Standard Webhooks without one (`ir/webhooks.py`)."""
        section = self.document.get("webhooks")
        settings = self.document.get("x-sdk-webhooks")
        settings = settings if isinstance(settings, dict) else {}
        if not isinstance(section, dict) or not section:
            return None
        type_property = str(settings.get("eventTypeProperty") or "type")
        events: list[WebhookEvent] = []
        for item in self.model.webhooks:
            key, pointer = item.path, item.location
            operation = next((op for op in item.operations if op.method == "post"), None)
            if operation is None:
                self.problem("webhook-unsupported", pointer, "a webhook needs a POST", error=False)
                continue
            body = self._body(operation, Name.parse(key))
            if body is None or body.kind != "json":
                self.problem(
                    "webhook-unsupported", pointer, "a webhook needs a JSON body", error=False
                )
                continue
            event_type = self._event_type(body.type, type_property) or key
            node = operation.node
            events.append(
                WebhookEvent(
                    event_type,
                    Name.parse(key),
                    body.type,
                    str(node.get("summary") or node.get("description") or ""),
                )
            )
        return Webhooks(tuple(events), type_property, signing_of(settings))

    def _event_type(self, node: TypeNode, prop: str) -> str | None:
        model = self._model_of(node)
        for field in model.fields if model else ():
            if field.wire_name == prop and isinstance(field.type, Const):
                return str(field.type.value)
        return None

    def _servers(self) -> tuple[Server, ...]:
        servers: list[Server] = []
        for server in self.model.servers:
            position = server.position
            label = server.node.get("x-sdk-environment") or server.description
            name = Name.parse(str(label)) if label else Name(("server", str(position + 1)))
            if position == 0 and not label:
                name = Name(("default",))
            variables = tuple(
                ServerVariable(Name.parse(v.name), v.name, v.default or "", v.enum, v.description)
                for v in server.variables
            )
            servers.append(Server(server.url, name, server.description, variables))
        return tuple(servers)

    def _warn(self, code: str, pointer: str, message: str) -> None:
        self.problem(code, pointer, message, error=False)

    # ----- operations ---------------------------------------------------------------------
    def _note_incoming(self) -> None:
        """Callbacks are requests the API makes, not operations a client calls: no methods,
        and a warning saying so. Webhooks become typed events with signature verification
        (`_webhooks`), so they need no warning."""
        for op in self.model.operations:
            if op.node.get("callbacks"):
                self.problem(
                    "callbacks-not-generated",
                    join_pointer(op.pointer, "callbacks"),
                    "callbacks are requests the API sends: no methods are generated",
                    error=False,
                )

    def _client_headers(
        self, raw_ops: tuple[RawOperation, ...]
    ) -> tuple[tuple[ClientHeader, ...], frozenset[str]]:
        """Header parameters that every operation shares (by reference) become client options."""
        if len(raw_ops) < 2:
            return (), frozenset()
        counts: Counter[str] = Counter()
        by_name: dict[str, RawParameter] = {}
        for raw in raw_ops:
            for param in raw.parameters:
                if _ignored_header(param):
                    continue
                if param.location == "header" and param.ref is not None:
                    wire = param.name.lower()
                    counts[wire] += 1
                    by_name.setdefault(wire, param)
        headers: list[ClientHeader] = []
        for wire, count in counts.items():
            if count != len(raw_ops):
                continue
            param = by_name[wire]
            schema, _ = self.schemas.deref(param.node.get("schema") or {}, "")
            default = _header_default(schema)
            words = Name.parse(param.name).words
            if words[:1] == ("x",):
                words = words[1:]
            if words[: len(self.name.words)] == self.name.words:
                words = words[len(self.name.words) :]
            override = param.node.get("x-sdk-name")
            name = Name.parse(override) if isinstance(override, str) else Name(words)
            if default is None and name.words == ("api", "version"):  # the document's own version
                default = (self.document.get("info") or {}).get("version") or "0"
            headers.append(
                ClientHeader(
                    name=name,
                    wire_name=param.name,
                    required=bool(param.node.get("required")),
                    default=str(default) if default is not None else None,
                    description=str(param.node.get("description") or ""),
                )
            )
        return tuple(headers), frozenset(h.wire_name.lower() for h in headers)

    def _operation(
        self, raw: RawOperation, shared: frozenset[str], resource: Name | None, verb: Name
    ) -> Operation:
        method, path, op, pointer = raw.method, raw.path, raw.node, raw.pointer
        operation_id = str(op.get("operationId") or f"{method}_{path}")
        context = Name((*(resource.words if resource else ()), *verb.words))
        converted: list[Param] = []
        for param in raw.parameters:
            location = param.location
            if _ignored_header(param) or (location == "header" and param.name.lower() in shared):
                continue
            if location not in ("path", "query", "header", "cookie"):
                message = f"parameter location {location!r} is not path, query, header or cookie"
                self.problem(
                    "invalid-parameter", param.pointer, message + "; left out", error=False
                )
                continue
            converted.append(self._param(param, context))
        converted = self._check_path_params(path, converted, pointer)
        order = {wire: position for position, wire in enumerate(_PATH_PARAM.findall(path))}
        converted.sort(
            key=lambda p: (p.location != "path", order.get(p.wire_name, 0), not p.required)
        )
        body = self._body(raw, context)
        success, errors = self._responses(raw, context)
        operation = Operation(
            operation_id=operation_id,
            resource=resource,
            name=verb,
            method=method.upper(),
            path=path,
            summary=str(op.get("summary") or ""),
            description=str(op.get("description") or ""),
            deprecated=bool(op.get("deprecated")),
            params=tuple(converted),
            body=body,
            success=success,
            errors=errors,
            tags=tuple(str(t) for t in op.get("tags") or []),
            pointer=pointer,
            accept=_success_media_types(raw),
        )
        pagination = self._pagination(operation, raw)
        if pagination is not None:
            operation = replace(operation, pagination=pagination)
        return operation

    def _param(self, raw: RawParameter, context: Name) -> Param:
        wire, where, param, location = raw.name, raw.pointer, raw.node, raw.location
        schema = raw.schema.node if raw.schema is not None else None
        schema_pointer = join_pointer(where, "schema")
        if raw.schema is not None:
            schema_pointer = raw.schema.pointer
        elif raw.media_type is not None:
            schema_pointer = join_pointer(where, "content", raw.media_type, "schema")
        node = self.schemas.convert(
            schema or {"type": "string"},
            Name((*context.words, *Name.parse(wire).words)),
            schema_pointer,
        )
        resolved, _ = self.schemas.deref(schema or {}, where)
        default = resolved.get("default") if isinstance(resolved, dict) else None
        return Param(
            name=Name.parse(wire) if Name.parse(wire).words else Name(("param",)),
            wire_name=wire,
            location=location,  # type: ignore[arg-type]
            type=node,
            required=bool(param.get("required")) or location == "path",
            description=str(param.get("description") or ""),
            default_json=to_json(default) if default is not None else None,
            deprecated=bool(param.get("deprecated")),
            pointer=where,
            style=raw.declared_style,
            explode=raw.declared_explode,
        )

    def _check_path_params(self, path: str, params: list[Param], pointer: str) -> list[Param]:
        """The path parameters made to match the template: undeclared ones are added as
        strings, declared ones the path does not use are left out; each with a warning."""
        in_template = _PATH_PARAM.findall(path)
        declared = {p.wire_name for p in params if p.location == "path"}
        for missing in sorted(set(in_template) - declared):
            self.problem(
                "path-param-undeclared",
                pointer,
                f"path template has {{{missing}}} but no path parameter of that name; "
                "it is taken as a string",
                error=False,
            )
            name = Name.parse(missing) if Name.parse(missing).words else Name(("param",))
            params.append(Param(name, missing, "path", Primitive("string"), True, pointer=pointer))
        for extra in sorted(declared - set(in_template)):
            self.problem(
                "path-param-not-in-template",
                pointer,
                f"path parameter {extra!r} does not appear in the path {path!r}; left out",
                error=False,
            )
        return [p for p in params if p.location != "path" or p.wire_name in in_template]

    def _body(self, raw: RawOperation, context: Name) -> Body | None:
        body = raw.request_body
        if body is None:
            return None
        if not body.content:
            message = "the request body names no media type; the method sends no body"
            self.problem("empty-request-body", body.pointer, message, error=False)
            return None
        media_type, kind = _pick_media_type([m.name for m in body.content])
        media = next(m for m in body.content if m.name == media_type)
        schema = media.schema.node if media.schema is not None else None
        schema_pointer = join_pointer(media.pointer, "schema")
        request_context = Name((*context.words, "request"))
        resolved, resolved_pointer = self.schemas.deref(schema or {}, schema_pointer)
        if _is_empty_object(resolved) and not body.required:
            return None  # an object that can hold nothing: there is nothing to send
        fields: tuple[Field, ...] | None = None
        node: TypeNode
        if kind in ("binary", "text"):
            node = Binary() if kind == "binary" else Primitive("string")
            self.schemas.types_at.setdefault(schema_pointer, node)
        elif isinstance(resolved, dict) and self._is_flat_object(resolved):
            fields, _ = self.schemas.fields_of(
                resolved, request_context, resolved_pointer, request=True
            )
            node = self.schemas.convert(schema, request_context, schema_pointer)
        else:
            node = self.schemas.convert(schema or {}, request_context, schema_pointer)
        return Body(
            kind=kind,
            media_type=media_type,
            required=body.required,
            fields=fields,
            type=node,
            description=body.description,
            encodings=tuple(
                FieldEncoding(e.property, e.style, e.explode, e.content_type)
                for e in media.encodings
            ),
        )

    def _responses(self, raw: RawOperation, context: Name) -> tuple[Response, tuple[Response, ...]]:
        success: Response | None = None
        errors: list[Response] = []
        for declared in sorted(raw.responses, key=lambda r: r.status):
            code = declared.status
            is_success = code.startswith("2")
            words = ("response",) if is_success else ("error", code.lower())
            response = self._response(declared, Name((*context.words, *words)))
            if is_success and success is None:
                success = response
            elif not is_success and (code.startswith(("4", "5")) or code == "default"):
                errors.append(response)
        if success is None:
            success = Response("200", "empty", None, None, "")
        return success, tuple(errors)

    def _response(self, declared: RawResponse, context: Name) -> Response:
        code, description = declared.status, declared.description
        if not declared.content:
            return Response(code, "empty", None, None, description)
        events = self._stream_event_type(declared, context)
        media = next((m for m in declared.content if _is_json(m.name)), None)
        if media is not None:
            schema = media.schema.node if media.schema is not None else None
            schema_pointer = join_pointer(media.pointer, "schema")
            node = self.schemas.convert(schema or {}, context, schema_pointer)
            if node == Binary():  # JSON in name only: the bytes are the answer
                return Response(code, "binary", media.name, node, description, events)
            if _any_media(media.name) and isinstance(node, Primitive) and node.kind == "string":
                # `*/*` with a string schema: the server answers text (Kubernetes' logs and
                # versions arrive as text/plain), not a JSON string
                return Response(code, "text", media.name, node, description, events)
            return Response(code, "json", media.name, node, description, events)
        media = declared.content[0]
        if events is not None and is_event_stream(media.name):
            return Response(code, "event_stream", media.name, None, description, events)
        kind: ResponseKind = "text" if media.name.startswith("text/") else "binary"
        node_text: TypeNode = Primitive("string") if kind == "text" else Binary()
        self.schemas.types_at.setdefault(join_pointer(media.pointer, "schema"), node_text)
        return Response(code, kind, media.name, node_text, description, events)

    def _stream_event_type(self, declared: RawResponse, context: Name) -> TypeNode | None:
        """The type of each event of the response's `text/event-stream`, if it has one."""
        media = next((m for m in declared.content if is_event_stream(m.name)), None)
        if media is None:
            return None
        schema = media.item_schema or media.schema
        if schema is None:
            return AnyType()
        return self.schemas.convert(schema.node, Name((*context.words, "event")), schema.pointer)

    def _is_flat_object(self, schema: dict[str, Any]) -> bool:
        """An object body with named properties: its fields become keyword arguments."""
        has_props = bool(schema.get("properties")) or bool(schema.get("allOf"))
        return (
            has_props
            and self.schemas.shape(schema) == "object"
            and not (schema.get("oneOf") or schema.get("anyOf"))
        )

    # ----- patterns ----------------------------------------------------------------------
    def _model_of(self, node: TypeNode | None) -> ModelDef | None:
        if isinstance(node, Nullable):
            node = node.inner
        if isinstance(node, Ref):
            named = self.schemas.named(node.name)
            return named if isinstance(named, ModelDef) else None
        return None

    def _pagination(self, operation: Operation, raw: RawOperation) -> Pagination | None:
        op, pointer = raw.node, raw.location
        declared = raw.response(operation.success.status)
        link = declared is not None and any(h.name.lower() == "link" for h in declared.headers)
        for key in EXTENSIONS:
            if key in op:
                where = join_pointer(pointer, key)
                found, problems = from_extension(
                    operation, op[key], where, self.schemas.named, link_header=link
                )
                for problem in problems:
                    self.problem(problem.code, problem.pointer, problem.message, error=False)
                return found
        return detect(operation, self.schemas.named, link_header=link)

    def _terminal_statuses(self, model: ModelDef) -> tuple[str, tuple[str, ...]] | None:
        status = next((f for f in model.fields if f.wire_name == "status"), None)
        if status is None:
            return None
        node = _strip_null(status.type)
        values: tuple[object, ...] = ()
        if isinstance(node, EnumType):
            values = node.values
        elif isinstance(node, Ref):
            named = self.schemas.named(node.name)
            if isinstance(named, EnumDef):
                values = named.values
        terminal = tuple(str(v) for v in values if v in TERMINAL_STATUSES)
        return (status.wire_name, terminal) if terminal else None

    def _with_polling(self, resource: Resource) -> Resource:
        retrieve = next((op for op in resource.operations if op.name.words == ("retrieve",)), None)
        if retrieve is None:
            return resource
        target = self._model_of(retrieve.success.type)
        if target is None:
            return resource
        status = self._terminal_statuses(target)
        path_params = [p for p in retrieve.params if p.location == "path"]
        has_id = any(f.wire_name == "id" for f in target.fields)
        if status is None or len(path_params) != 1 or not has_id:
            return resource
        updated = []
        for op in resource.operations:
            creates = op.method == "POST" and op.name.words == ("create",)
            if creates and self._model_of(op.success.type) == target:
                polling = Polling(retrieve.name, status[0], status[1])
                op = replace(op, polling=polling)
            updated.append(op)
        return Resource(resource.name, tuple(updated))

    def _naming(self, op: RawOperation) -> _Naming:
        override = op.node.get("x-sdk-name")
        resource, verb = derive_name(op.method, op.path, self.collections, override)
        explicit = isinstance(override, str) and bool(override.strip())
        return _Naming(
            op.pointer, resource, verb, op.method.upper(), op.path, op.operation_id, explicit
        )

    def _distinct_names(self, namings: list[_Naming]) -> dict[str, tuple[Name | None, Name]]:
        """(resource, method name) per operation pointer, distinct within each resource.

        Operations whose derived method names collide are all named again: by a closer verb,
        else from their operationId, else by their last path parameter, else with the HTTP
        method too, else a count; a warning for each name that changes. Every member of a
        colliding group is renamed, not all but the first, so the names do not depend on the
        order of paths in the document. Names set with x-sdk-name stay as they are.
        """
        groups: dict[Name | None, list[_Naming]] = {}
        for naming in namings:
            groups.setdefault(naming.resource, []).append(naming)
        resource_names = {name for name in groups if name is not None}
        renamed: dict[str, Name] = {}
        for resource_name, ops in groups.items():
            counts = Counter(op.name for op in ops)
            fixed = {op.name for op in ops if op.explicit}
            if resource_name is None:
                fixed |= resource_names
            clashing = [
                op for op in ops if not op.explicit and (counts[op.name] > 1 or op.name in fixed)
            ]
            if not clashing:
                continue
            used = {op.name for op in ops if op not in clashing} | fixed
            attempts = (_refined_verb, _operation_id_name, _by_param_name, _method_path_name)
            for attempt in attempts:
                wanted = {op.pointer: attempt(op) for op in clashing}
                wanted_counts = Counter(wanted.values())
                for op in list(clashing):
                    name = wanted[op.pointer]
                    if name.words and wanted_counts[name] == 1 and name not in used:
                        renamed[op.pointer] = name
                        used.add(name)
                        clashing.remove(op)
            for op in sorted(clashing, key=lambda o: o.pointer):
                base = _method_path_name(op)
                suffix = 2
                name = Name((*base.words, str(suffix)))
                while name in used:
                    suffix += 1
                    name = Name((*base.words, str(suffix)))
                renamed[op.pointer] = name
                used.add(name)
        result: dict[str, tuple[Name | None, Name]] = {}
        for op in namings:
            name = renamed.get(op.pointer, op.name)
            if name != op.name:
                where = f"{op.resource}." if op.resource else ""
                self.problem(
                    "method-renamed",
                    op.pointer,
                    f"the method name {where}{op.name} is shared with another operation;"
                    f" this one is named {where}{name} (set x-sdk-name to choose)",
                    error=False,
                )
            result[op.pointer] = (op.resource, name)
        return result

    def _check_names(self, root: list[Operation], resources: tuple[Resource, ...]) -> None:
        seen_ids: dict[str, str] = {}
        for op in root + [op for r in resources for op in r.operations]:
            if op.operation_id in seen_ids:
                self.problem(
                    "duplicate-operation-id",
                    op.pointer,
                    f"operationId {op.operation_id!r} is also used at {seen_ids[op.operation_id]}",
                    error=False,
                )
            seen_ids.setdefault(op.operation_id, op.pointer)
        groups = [(None, root)] + [(r.name, list(r.operations)) for r in resources]
        resource_names = {r.name for r in resources}
        for resource_name, ops in groups:
            seen: dict[Name, str] = {}
            for op in ops:
                if op.name in seen:
                    where = f"{resource_name}." if resource_name else ""
                    self.problem(
                        "duplicate-method-name",
                        op.pointer,
                        f"two operations map to the method {where}{op.name} "
                        f"(also {seen[op.name]}); set x-sdk-name on one of them",
                    )
                seen.setdefault(op.name, op.pointer)
                if resource_name is None and op.name in resource_names:
                    self.problem(
                        "method-shadows-resource",
                        op.pointer,
                        f"client method {op.name} has the name of a resource",
                    )


@dataclass(frozen=True, slots=True)
class _Naming:
    """What naming an operation's method needs to know about it."""

    pointer: str
    resource: Name | None
    name: Name
    method: str
    path: str
    operation_id: str | None
    explicit: bool


def _operation_id_name(op: _Naming) -> Name:
    return Name.parse(op.operation_id) if op.operation_id else Name(())


def _refined_verb(op: _Naming) -> Name:
    """A closer verb where the rules give two operations one: PUT beside PATCH `replace`s,
    DELETE on a collection `delete_all`s."""
    method = op.method.lower()
    if op.name == Name(("update",)) and method == "put":
        return Name(("replace",))
    if op.name == Name(("delete",)) and not op.path.rstrip("/").endswith("}"):
        return Name(("delete", "all"))
    return op.name


def _by_param_name(op: _Naming) -> Name:
    """The method name with the last path parameter's words: `retrieve_by_token`."""
    params = _PATH_PARAM.findall(op.path)
    if not params:
        return Name(())
    return Name((*op.name.words, "by", *Name.parse(params[-1]).words))


def _method_path_name(op: _Naming) -> Name:
    """The method name with the HTTP method and the path parameters' words: `delete_by_id`."""
    words = list(op.name.words)
    if op.method.lower() not in words:
        words.insert(0, op.method.lower())
    params = [Name.parse(p).words for p in _PATH_PARAM.findall(op.path)]
    if params:
        words += ["by", *[w for p in params[-1:] for w in p]]
    return Name(tuple(words))


IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
"""Header parameters OpenAPI says to ignore: the media types and the security schemes set them."""


def _header_default(schema: Any) -> Any:
    """What a client header sends when the caller sets nothing: the schema's default, else its
    one allowed value (`const`, or an `enum` of one: Box's required `box-version: 2025.0`)."""
    if not isinstance(schema, dict):
        return None
    if "default" in schema:
        return schema["default"]
    if "const" in schema:
        return schema["const"]
    allowed = schema.get("enum")
    return allowed[0] if isinstance(allowed, list) and len(allowed) == 1 else None


def _ignored_header(param: RawParameter) -> bool:
    return param.location == "header" and param.name.lower() in IGNORED_HEADERS


def _success_media_types(raw: RawOperation) -> tuple[str, ...]:
    """The media types the operation's success responses declare, each once, in order."""
    found: dict[str, None] = {}
    for response in raw.responses:
        if response.status.startswith("2"):
            found.update((media.name, None) for media in response.content)
    return tuple(found)


def _strip_null(node: TypeNode) -> TypeNode:
    return node.inner if isinstance(node, Nullable) else node


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def _any_media(media_type: str) -> bool:
    return media_type.split(";")[0].strip() == "*/*"


def _pick_media_type(media_types: list[str]) -> tuple[str, BodyKind]:
    for media_type in media_types:
        if _is_json(media_type):
            return media_type, "json"
    for media_type in media_types:
        if media_type.startswith("multipart/"):
            return media_type, "multipart"
    for media_type in media_types:
        if media_type.startswith("application/x-www-form-urlencoded"):
            return media_type, "form"
    for media_type in media_types:
        if media_type.startswith("text/"):
            return media_type, "text"
    return media_types[0], "binary"


def _is_empty_object(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and schema.get("type") == "object"
        and not schema.get("properties")
        and schema.get("additionalProperties") is False
        and not any(schema.get(k) for k in ("allOf", "oneOf", "anyOf"))
    )
