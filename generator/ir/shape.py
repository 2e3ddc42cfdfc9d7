"""Each operation's shape, decided once for every target: which arguments a call takes and
where each goes, in which order, how the request body travels, what the response is, and the
helpers (paging, polling) its method gets.

Targets only name, annotate and render a shape; none of them re-derives one, so the same
operation means the same thing in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from generator.ir.model import (
    STYLES_BY_LOCATION,
    Api,
    Argument,
    ArgumentLocation,
    Array,
    Binary,
    BodyKind,
    ClientHeader,
    Field,
    FieldEncoding,
    Nullable,
    Operation,
    OperationShape,
    Param,
    ParamStyle,
    Polling,
    Primitive,
    Resource,
    ResponseKind,
    TypeNode,
)
from generator.ir.names import Name
from generator.ir.streams import event_stream_of, idempotency_header_of

RETRY_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
"""Methods whose request may be sent again after a failure without doing the work twice."""


def shape_of(op: Operation) -> OperationShape:
    """The operation's shape; every operation of a built API has one."""
    if op.shape is None:
        raise ValueError(f"operation {op.operation_id!r} has no shape: build it with build_api")
    return op.shape


def with_idempotency_header(api: Api, header: str) -> Api:
    """The API with every call of a method that is not idempotent sending a generated key in
    `header` (the configuration's `idempotency_header`), which makes it safe to retry."""

    def keyed(op: Operation) -> Operation:
        shape = shape_of(op)
        if shape.retry_safe or shape.idempotency_header is not None:
            return op
        return replace(op, shape=replace(shape, idempotency_header=header, retry_safe=True))

    root = tuple(keyed(op) for op in api.root_operations)
    resources = tuple(
        replace(r, operations=tuple(keyed(op) for op in r.operations)) for r in api.resources
    )
    return replace(api, root_operations=root, resources=resources)


def with_shapes(api: Api) -> Api:
    """The API with each operation's shape decided (see `OperationShape`)."""
    headers = api.client_headers
    root = tuple(_shaped(op, headers, {}) for op in api.root_operations)
    resources = tuple(_shaped_resource(r, headers) for r in api.resources)
    return replace(api, root_operations=root, resources=resources)


def _shaped_resource(resource: Resource, headers: tuple[ClientHeader, ...]) -> Resource:
    # A poll helper calls its resource's retrieve, whose shape must be known first: every
    # shape is worked out once without its siblings, then a poll helper's is completed.
    shapes = [operation_shape(op, headers, None) for op in resource.operations]
    siblings = {op.name: shape for op, shape in zip(resource.operations, shapes, strict=True)}
    operations = tuple(
        replace(op, shape=_with_polling(op, shape, siblings))
        for op, shape in zip(resource.operations, shapes, strict=True)
    )
    return replace(resource, operations=operations)


def _with_polling(
    op: Operation, shape: OperationShape, siblings: Mapping[Name, OperationShape]
) -> OperationShape:
    if op.polling is None:
        return shape
    return replace(shape, polling=_polling(op, shape.response_kind, siblings))


def _shaped(
    op: Operation, headers: tuple[ClientHeader, ...], siblings: Mapping[Name, OperationShape]
) -> Operation:
    return replace(op, shape=operation_shape(op, headers, siblings))


def operation_shape(
    op: Operation,
    headers: tuple[ClientHeader, ...],
    siblings: Mapping[Name, OperationShape] | None,
) -> OperationShape:
    """The shape of `op`; `siblings` are the shapes of its resource's operations (the poll
    helper's retrieve among them), None while they are being worked out."""
    path = tuple(_parameter(p) for p in op.params if p.location == "path")
    request = [_parameter(p) for p in op.params if p.location != "path"]
    body = op.body
    if body is not None and body.fields is not None:
        encodings = {e.property: e for e in body.encodings}
        request.extend(_body_field(f, body.kind, encodings.get(f.wire_name)) for f in body.fields)
    elif body is not None:
        # Only JSON can leave a body out; form data, bytes and text are sent as given.
        required = body.required or body.kind != "json"
        request.append(Argument(Name(("body",)), "", "body", body.type, required, body.description))
    request.extend(_client_header(h) for h in headers)
    request.sort(key=lambda a: not a.required)
    success = op.success
    kind: ResponseKind = success.kind
    if kind == "json" and success.type is None:
        kind = "empty"
    idempotency = idempotency_header_of(op, tuple(h.wire_name for h in headers))
    return OperationShape(
        path_arguments=path,
        request_arguments=tuple(request),
        body_kind=body.kind if body is not None else None,
        media_type=body.media_type if body is not None else None,
        response_kind=kind,
        response_type=success.type if kind == "json" else None,
        pagination=op.pagination if kind == "json" else None,
        polling=_polling(op, kind, siblings or {}),
        retry_safe=op.method.upper() in RETRY_SAFE_METHODS or idempotency is not None,
        event_stream=event_stream_of(op),
        idempotency_header=idempotency,
        auth=op.auth,
        accept=_accept(op.accept, kind),
    )


def _accept(media_types: tuple[str, ...], kind: ResponseKind) -> str:
    """The `Accept` header: the success responses' media types the call can read. A call read
    as JSON asks for the JSON ones only (OpenAI's video content also comes as `video/mp4`,
    which a JSON reader cannot read)."""
    if kind == "json":
        media_types = tuple(m for m in media_types if _is_json(m))
    if not media_types or kind == "empty":
        return "application/json"
    return ", ".join(media_types)


def _polling(
    op: Operation, kind: ResponseKind, siblings: Mapping[Name, OperationShape]
) -> Polling | None:
    polling = op.polling
    if polling is None or kind != "json":
        return None
    retrieve = siblings.get(polling.retrieve_operation)
    if retrieve is None or len(retrieve.path_arguments) != 1 or retrieve.requires_request:
        return None
    if retrieve.response_kind != "json":
        return None
    return polling


def _parameter(param: Param) -> Argument:
    style, explode = effective_style(param.location, param.style, param.explode)
    return Argument(
        param.name,
        param.wire_name,
        param.location,
        param.type,
        param.required,
        param.description,
        param.default_json,
        param.deprecated,
        style,
        explode,
    )


def effective_style(
    location: ArgumentLocation, declared: str | None, explode: bool | None
) -> tuple[ParamStyle, bool]:
    """The style and explode a value is written with: the declared ones where the location
    allows them, OpenAPI's defaults otherwise (`simple` for path and header, `form` for query,
    cookie and form fields; explode only for `form`)."""
    allowed = STYLES_BY_LOCATION[location]
    style = next((s for s in allowed if s == declared), allowed[0])
    return style, (style == "form") if explode is None else explode


def _body_field(field: Field, kind: BodyKind, encoding: FieldEncoding | None) -> Argument:
    location: ArgumentLocation = "body"
    style: ParamStyle | None = None
    explode = False
    if kind != "json":
        location = "file" if carries_file(field.type) else "form"
        declared = encoding.style if encoding is not None else None
        if encoding is not None and _is_json(encoding.content_type) and declared is None:
            declared = "json"
        style, explode = effective_style(
            location, declared, encoding.explode if encoding is not None else None
        )
    return Argument(
        field.name,
        field.wire_name,
        location,
        field.type,
        field.required,
        field.description,
        field.default_json,
        field.deprecated,
        style,
        explode,
    )


def _is_json(media_type: str | None) -> bool:
    base = (media_type or "").split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def _client_header(header: ClientHeader) -> Argument:
    return Argument(
        header.name,
        header.wire_name,
        "client_header",
        Primitive("string"),
        False,
        header.description,
    )


def carries_file(node: TypeNode | None) -> bool:
    """Whether a form field's value is a file (bytes, or a list of them)."""
    while isinstance(node, Array | Nullable):
        node = node.item if isinstance(node, Array) else node.inner
    return isinstance(node, Binary)
