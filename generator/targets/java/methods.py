"""The Java code of each operation, from its shape: the request class, the raw client's method
building the `ApiRequest`, the overloads each client offers, and the paging and polling helpers."""

from __future__ import annotations

from generator.ir.model import (
    Argument,
    Array,
    AuthRequirement,
    Nullable,
    Operation,
    OperationShape,
)
from generator.ir.shape import shape_of
from generator.load.records import record
from generator.targets.java.naming import Scope, java_string, javadoc, member_name
from generator.targets.java.security import requirement_arguments
from generator.targets.java.types import JavaTypes, reader

_LOCALS = frozenset({"request", "requestOptions", "call", "body", "parts", "form", "caller"})


@record
class FieldCode:
    """A request class's field: its Java names and type, and the argument it carries."""

    name: str
    getter: str
    annotation: str
    argument: Argument

    @property
    def optional(self) -> bool:
        return not self.argument.required


@record
class MethodCode:
    """One operation's Java names and code."""

    operation: Operation
    name: str
    request_class: str | None
    """The request class's simple name; None when the call takes only path arguments."""
    path_parameters: tuple[tuple[str, str, Argument], ...]
    fields: tuple[FieldCode, ...]
    result: str
    """The Java type a call returns; `Void` for an operation answering nothing."""
    item: str | None
    security: str | None = None
    """The operation's own requirement as `security(...)`'s arguments; None for the API's."""
    stream_item: str | None = None
    """The event type of the stream method beside this one (`createStream`), when a body
    field chooses between JSON and events."""
    stream_name: str | None = None
    """That stream method's name."""

    @property
    def shape(self) -> OperationShape:
        return shape_of(self.operation)

    @property
    def request_optional(self) -> bool:
        """Whether the call may leave its request object out."""
        return self.request_class is not None and not self.shape.requires_request


def method_code(
    op: Operation, request_class: str | None, types: JavaTypes, default_auth: AuthRequirement
) -> MethodCode:
    """The Java names of one operation; `default_auth` is the API's own requirement."""
    shape = shape_of(op)
    scope = Scope(_LOCALS)
    path = tuple(
        (scope.claim(member_name(a.name)), types.annotation(a.type), a)
        for a in shape.path_arguments
    )
    names = Scope(frozenset({"build", "builder", "getClass", "hashCode", "toString", "equals"}))
    fields = []
    for argument in shape.arguments_beside_selector:
        name = names.claim(member_name(argument.name, "body"))
        fields.append(
            FieldCode(
                name, "get" + name[:1].upper() + name[1:], _request_type(argument, types), argument
            )
        )
    result = _result(shape, types)
    item = types.annotation(shape.pagination.item_type) if shape.pagination else None
    stream = shape.event_stream
    chosen = types.annotation(stream.item_type) if stream and shape.stream_selector else None
    name = member_name(op.name, "call")
    return MethodCode(
        op, name, request_class if fields else None, path, tuple(fields), result, item,
        None if shape.auth == default_auth else requirement_arguments(shape.auth), chosen,
        name + "Stream" if chosen else None,
    )  # fmt: skip


def _request_type(argument: Argument, types: JavaTypes) -> str:
    if argument.location == "file":
        plain = argument.type.inner if isinstance(argument.type, Nullable) else argument.type
        return "List<FileUpload>" if isinstance(plain, Array) else "FileUpload"
    if argument.location == "client_header":
        return "String"
    return types.annotation(argument.type)


def _result(shape: OperationShape, types: JavaTypes) -> str:
    if shape.response_kind == "json":
        return types.annotation(shape.response_type)
    if shape.response_kind == "binary":
        return "java.io.InputStream"
    if shape.response_kind == "event_stream":
        item = shape.event_stream.item_type if shape.event_stream else None
        return f"Stream<{types.annotation(item)}>"
    return "String" if shape.response_kind == "text" else "Void"


def request_class_lines(method: MethodCode) -> list[str]:
    """The request object: immutable, built by its builder; required fields checked."""
    name = method.request_class
    assert name is not None
    op = method.operation
    lines = [f"/** What {op.method.upper()} {op.path} sends. */", f"public final class {name} {{"]
    lines += [f"    private final {f.annotation} {f.name};" for f in method.fields]
    lines += ["", f"    private {name}(Builder builder) {{"]
    for field in method.fields:
        if field.optional:
            lines.append(f"        this.{field.name} = builder.{field.name};")
        else:
            message = java_string(f"{field.name} is required")
            lines.append(
                f"        this.{field.name} = Objects.requireNonNull(builder.{field.name}, "
                f"{message});"
            )
    lines += [
        "    }",
        "",
        "    public static Builder builder() {",
        "        return new Builder();",
        "    }",
    ]
    for field in method.fields:
        returned = f"Optional<{field.annotation}>" if field.optional else field.annotation
        value = f"Optional.ofNullable({field.name})" if field.optional else field.name
        lines += [
            "",
            *javadoc(field.argument.description, "    "),
            f"    public {returned} {field.getter}() {{",
            f"        return {value};",
            "    }",
        ]
    lines += ["", "    public static final class Builder {"]
    lines += [f"        private {f.annotation} {f.name};" for f in method.fields]
    lines += ["", "        private Builder() {}"]
    for field in method.fields:
        lines += [
            "",
            f"        public Builder {field.name}({field.annotation} value) {{",
            f"            this.{field.name} = value;",
            "            return this;",
            "        }",
        ]
        if field.optional:
            lines += [
                "",
                f"        public Builder {field.name}(Optional<{field.annotation}> value) {{",
                f"            this.{field.name} = value.orElse(null);",
                "            return this;",
                "        }",
            ]
    return [
        *lines,
        "",
        f"        public {name} build() {{",
        f"            return new {name}(this);",
        "        }",
        "    }",
        "}",
    ]


def parameters(method: MethodCode, with_request: bool, with_options: bool) -> str:
    parts = [f"{annotation} {name}" for name, annotation, _ in method.path_parameters]
    if with_request and method.request_class is not None:
        parts.append(f"{method.request_class} request")
    if with_options:
        parts.append("RequestOptions requestOptions")
    return ", ".join(parts)


def arguments(method: MethodCode, request: str, options: str) -> str:
    parts = [name for name, _, _ in method.path_parameters]
    if method.request_class is not None:
        parts.append(request)
    return ", ".join([*parts, options])


def overloads(method: MethodCode) -> list[tuple[str, str]]:
    """Each overload's parameters and the full call it makes: with and without the request
    object (when it may be left out), each with and without `RequestOptions`."""
    empty = f"{method.request_class}.builder().build()"
    forms = [
        (parameters(method, True, True), arguments(method, "request", "requestOptions")),
        (parameters(method, True, False), arguments(method, "request", "null")),
    ]
    if method.request_class is not None and method.request_optional:
        forms += [
            (parameters(method, False, True), arguments(method, empty, "requestOptions")),
            (parameters(method, False, False), arguments(method, empty, "null")),
        ]
    return forms


def builder_lines(method: MethodCode) -> list[str]:
    """The raw client's private method describing the call as an `ApiRequest`."""
    shape = method.shape
    op = method.operation
    params = [f"{annotation} {name}" for name, annotation, _ in method.path_parameters]
    if method.request_class is not None:
        params.append(f"{method.request_class} request")
    if method.stream_item is not None:
        params.append("boolean stream")
    retry = "true" if shape.retry_safe else "false"
    lines = [
        f"    private static ApiRequest {method.name}Request({', '.join(params)}) {{",
        f"        ApiRequest call = new ApiRequest({java_string(op.method.upper())}, "
        f"{_path_expression(method)}, {retry});",
        f"        call.accept({java_string(shape.accept)});",
    ]
    if method.security is not None:
        lines.append(f"        call.security({method.security});")
    if shape.idempotency_header is not None:
        lines.append(f"        call.idempotency({java_string(shape.idempotency_header)});")
    for field in method.fields:
        lines += _send_field(field)
    lines += _body_lines(method)
    return [*lines, "        return call;", "    }"]


def _chosen_lines(method: MethodCode) -> list[str]:
    """For a call a body field switches to events: the field set, events accepted, when the
    stream method is the one calling."""
    selector = method.shape.stream_selector
    if method.stream_item is None or selector is None:
        return []
    return [
        "        if (stream) {",
        f"            body.put({java_string(selector.wire_name)}, true);",
        '            call.accept("text/event-stream");',
        "        }",
    ]


def _value(field: FieldCode) -> str:
    return f"request.{field.getter}()" + (".orElse(null)" if field.optional else "")


def _path_expression(method: MethodCode) -> str:
    path = method.operation.path
    parts: list[str] = []
    for name, _, argument in method.path_parameters:
        before, _, path = path.partition("{" + argument.wire_name + "}")
        parts += [java_string(before)] if before else []
        parts.append(f"ApiRequest.segment({name})")
    parts += [java_string(path)] if path or not parts else []
    return " + ".join(parts)


def _send_field(field: FieldCode) -> list[str]:
    location = field.argument.location
    wire = java_string(field.argument.wire_name)
    if location == "query":
        explode = "false" if field.argument.explode is False else "true"
        return [f"        call.query({wire}, {_value(field)}, {explode});"]
    if location in ("header", "client_header"):
        return [f"        call.header({wire}, {_value(field)});"]
    if location == "cookie":
        return [f"        call.cookie({wire}, {_value(field)});"]
    return []


def _body_lines(method: MethodCode) -> list[str]:
    shape = method.shape
    kind = shape.body_kind
    if kind is None:
        return []
    media = java_string(shape.media_type or "application/octet-stream")
    whole = next((f for f in method.fields if f.argument.whole_body), None)
    if whole is not None:
        value = _value(whole)
        if kind == "json":
            return [f"        call.json({value});"]
        if whole.annotation == "byte[]":
            return [f"        call.raw({value}, {media});"]
        if kind == "text":
            return [
                f"        call.raw(String.valueOf({value})"
                f".getBytes(java.nio.charset.StandardCharsets.UTF_8), {media});"
            ]
        return [f"        call.form(Json.fields({value}));"]
    located = [f for f in method.fields if f.argument.location in ("body", "form", "file")]
    if kind == "json":
        lines = ["        Map<String, Object> body = new LinkedHashMap<>();"]
        lines += [
            f"        body.put({java_string(f.argument.wire_name)}, {_value(f)});" for f in located
        ]
        lines += _chosen_lines(method)
        lines.append("        body.values().removeIf(Objects::isNull);")
        return [*lines, "        call.json(body);"]
    if kind == "form":
        lines = ["        Map<String, Object> form = new LinkedHashMap<>();"]
        lines += [
            f"        form.put({java_string(f.argument.wire_name)}, {_value(f)});" for f in located
        ]
        lines.append("        form.values().removeIf(Objects::isNull);")
        return [*lines, "        call.form(form);"]
    lines = ["        Multipart parts = new Multipart();"]
    for field in located:
        wire = java_string(field.argument.wire_name)
        if field.argument.location == "file":
            adds = "files" if field.annotation.startswith("List<") else "file"
            lines.append(f"        parts.{adds}({wire}, {_value(field)});")
        else:
            lines.append(f"        parts.field({wire}, {_value(field)});")
    return [*lines, "        call.multipart(parts);"]


def raw_method_lines(method: MethodCode) -> list[str]:
    """The raw client's overloads: each returns `RawResponse` with the body decoded."""
    op = method.operation
    summary = op.summary or op.description.split("\n")[0]
    doc = javadoc(f"{op.method.upper()} {op.path}" + (f": {summary}" if summary else ""), "    ")
    build = f"{method.name}Request({_builder_arguments(method)})"
    if method.result == "Void":
        decode = f"caller.nothing({build}, requestOptions)"
    elif method.result == "java.io.InputStream":
        decode = f"caller.download({build}, requestOptions)"
    elif method.result.startswith("Stream<"):
        decode = f"caller.stream({build}, requestOptions, {reader(method.result[7:-1])})"
    elif method.result == "String" and method.shape.response_kind == "text":
        decode = f"caller.text({build}, requestOptions)"
    else:
        decode = f"caller.json({build}, requestOptions, {reader(method.result)})"
    result = f"RawResponse<{method.result}>"
    lines = [
        "",
        *doc,
        f"    public {result} {method.name}({parameters(method, True, True)}) {{",
        f"        return {decode};",
        "    }",
    ]
    for params, call in overloads(method)[1:]:
        lines += [
            "",
            f"    public {result} {method.name}({params}) {{",
            f"        return {method.name}({call});",
            "    }",
        ]
    return lines + _raw_stream_lines(method)


def _raw_stream_lines(method: MethodCode) -> list[str]:
    """The raw client's stream method: the call with its selector field set, its events
    read as they arrive."""
    if method.stream_item is None or method.stream_name is None:
        return []
    name = method.stream_name
    build = f"{method.name}Request({_builder_arguments(method, stream=True)})"
    result = f"RawResponse<Stream<{method.stream_item}>>"
    lines = [
        "",
        _stream_doc(method),
        f"    public {result} {name}({parameters(method, True, True)}) {{",
        f"        return caller.stream({build}, requestOptions, {reader(method.stream_item)});",
        "    }",
    ]
    for params, call in overloads(method)[1:]:
        lines += ["", f"    public {result} {name}({params}) {{",
                  f"        return {name}({call});", "    }"]  # fmt: skip
    return lines


def _stream_doc(method: MethodCode) -> str:
    op = method.operation
    selector = method.shape.stream_selector
    field = java_string(selector.wire_name if selector else "stream")
    return (
        f"    /** {op.method.upper()} {op.path} with {{@code {field}: true}}: its events, read as"
        " they arrive. */"
    )


def _builder_arguments(method: MethodCode, stream: bool = False) -> str:
    """The builder's arguments; for a call a body field switches to events, whether the
    stream method is the one calling."""
    names = [name for name, _, _ in method.path_parameters]
    names += ["request"] if method.request_class is not None else []
    names += [("true" if stream else "false")] if method.stream_item is not None else []
    return ", ".join(names)


def sync_method_lines(method: MethodCode) -> list[str]:
    """The client's overloads: the raw call's body."""
    op = method.operation
    doc = javadoc(op.summary or op.description.split("\n")[0], "    ")
    returns = "void" if method.result == "Void" else method.result
    lines: list[str] = []
    for index, (params, call) in enumerate(overloads(method)):
        prefix = "" if returns == "void" else "return "
        suffix = "" if returns == "void" else ".body()"
        lines += [
            "",
            *(doc if index == 0 else []),
            *(["    @Deprecated"] if op.deprecated else []),
            f"    public {returns} {method.name}({params}) {{",
            f"        {prefix}raw.{method.name}({call}){suffix};",
            "    }",
        ]
    if method.stream_item is not None and method.stream_name is not None:
        name = method.stream_name
        for index, (params, call) in enumerate(overloads(method)):
            lines += [
                "",
                *([_stream_doc(method)] if index == 0 else []),
                f"    public Stream<{method.stream_item}> {name}({params}) {{",
                f"        return raw.{name}({call}).body();",
                "    }",
            ]  # fmt: skip
    return lines


def async_method_lines(method: MethodCode) -> list[str]:
    """The async client's overloads: the raw call on the client's executor."""
    lines: list[str] = []
    forms = [(method.name, method.result)]
    if method.stream_item is not None and method.stream_name is not None:
        forms.append((method.stream_name, f"Stream<{method.stream_item}>"))
    for name, result in forms:
        for params, call in overloads(method):
            lines += [
                "",
                *(["    @Deprecated"] if method.operation.deprecated else []),
                f"    public CompletableFuture<{result}> {name}({params}) {{",
                f"        return CompletableFuture.supplyAsync(() -> raw.{name}({call})"
                ".body(), executor);",
                "    }",
            ]
    return lines


def pager_lines(method: MethodCode, name: str, raw: str) -> list[str]:
    """`<list>AutoPaging`: an Iterable over every item of every page."""
    pagination = method.shape.pagination
    assert pagination is not None and method.item is not None
    values = [
        pagination.style,
        pagination.items_field,
        pagination.param,
        pagination.next_field,
        pagination.size_param,
        pagination.has_more_field,
        pagination.total_field,
        pagination.cursor_item_field,
    ]
    literal = ", ".join("null" if v is None else java_string(v) for v in values)
    link = "true" if pagination.link_header else "false"
    iterable = f"PagingIterable<{method.item}>"
    lines = [
        "",
        f"    /** Every item of every page of {method.name}, fetched as iteration reaches it. */",
        f"    public {iterable} {name}({parameters(method, True, True)}) {{",
        f"        return new PagingIterable<>(caller, {raw}.{method.name}Request("
        f"{_builder_arguments(method)}), requestOptions,",
        f"                new Paging({literal}, {link}), new TypeReference<{method.item}>() {{}});",
        "    }",
    ]
    for params, call in overloads(method)[1:]:
        lines += [
            "",
            f"    public {iterable} {name}({params}) {{",
            f"        return {name}({call});",
            "    }",
        ]
    return lines


def polls(method: MethodCode, retrieve: MethodCode | None) -> bool:
    """Whether the poll helper can be written: the retrieve takes the run's id as a string,
    needs no request object and returns what the call does (a model)."""
    return (
        retrieve is not None
        and method.shape.polling is not None
        and retrieve.result == method.result
        and method.result not in ("Void", "Object", "String", "java.io.InputStream")
        and "<" not in method.result
        and len(retrieve.path_parameters) == 1
        and retrieve.path_parameters[0][1] == "String"
        and (retrieve.request_class is None or retrieve.request_optional)
    )


def poller_lines(method: MethodCode, retrieve: MethodCode, name: str) -> list[str]:
    """`<create>AndPoll`: the call, then its run retrieved until its status is terminal."""
    polling = method.shape.polling
    assert polling is not None
    terminal = ", ".join(java_string(v) for v in polling.terminal_values)
    request = f"{retrieve.request_class}.builder().build(), " if retrieve.request_class else ""
    call = arguments(method, "request", "requestOptions")
    lines = [
        "",
        f"    /** Calls {method.name}, then {retrieve.name} until the run's "
        f"{polling.status_field} is terminal. */",
        f"    public {method.result} {name}({parameters(method, True, True)}) {{",
        f"        {method.result} run = {method.name}({call});",
        f"        return Poller.poll(run, id -> {retrieve.name}(id, {request}requestOptions),",
        f"                {java_string(polling.status_field)}, {java_string(polling.id_field)}, "
        f"Set.of({terminal}), caller.options());",
        "    }",
    ]
    for params, call in overloads(method)[1:]:
        lines += [
            "",
            f"    public {method.result} {name}({params}) {{",
            f"        return {name}({call});",
            "    }",
        ]
    return lines


@record
class Helpers:
    """The helpers the sync client writes beside one method: its auto-pager and its poller."""

    pager: str | None
    poller: str | None
    retrieve: MethodCode | None
    """The method the poller retrieves the run with."""


def helpers(methods: tuple[MethodCode, ...]) -> tuple[Helpers, ...]:
    """Each method's helpers, named once for the code and the docs (`listAutoPaging`,
    `createAndPoll`; a clash with a method's name takes the next free name)."""
    names = Scope(frozenset(m.name for m in methods) | {"withRawResponse"})
    by_operation = {m.operation.name: m for m in methods}
    found = []
    for method in methods:
        pager = None
        if method.shape.pagination is not None and method.item is not None:
            pager = names.claim(method.name + "AutoPaging")
        polling = method.shape.polling
        retrieve = by_operation.get(polling.retrieve_operation) if polling else None
        poller = None
        if retrieve is not None and polls(method, retrieve):
            poller = names.claim(method.name + "AndPoll")
        found.append(Helpers(pager, poller, retrieve if poller else None))
    return tuple(found)
