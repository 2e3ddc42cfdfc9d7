"""The Go code of each operation, from its shape: the request struct, the function building the
`core.Request`, the method, its WithRawResponse twin, and its paging and polling helpers.

The code is written as gofmt lays it out (one-line composite literals, no aligned columns but
the struct's, computed by `naming.aligned`)."""

from __future__ import annotations

from generator.ir.model import (
    Argument,
    Array,
    AuthRequirement,
    Nullable,
    Operation,
    OperationShape,
    Pagination,
    Polling,
)
from generator.ir.shape import shape_of
from generator.load.records import record
from generator.targets.go.naming import (
    Scope,
    aligned,
    exported,
    go_comment,
    go_string,
    method_name,
    struct_tag,
    top_comment,
    unexported,
)
from generator.targets.go.security import requirement_literal
from generator.targets.go.types import GoTypes, needs_no_pointer

_PAGING_FIELDS = (
    ("ItemsField", "items_field"), ("Param", "param"), ("NextField", "next_field"),
    ("SizeParam", "size_param"), ("HasMoreField", "has_more_field"),
    ("TotalField", "total_field"), ("CursorItemField", "cursor_item_field"),
)  # fmt: skip


@record
class FieldCode:
    """A request struct's field: its Go name and type, and the argument it carries."""

    name: str
    annotation: str
    argument: Argument

    @property
    def pointer(self) -> bool:
        return self.annotation.startswith("*")


@record
class MethodCode:
    """One operation's Go names and code."""

    operation: Operation
    name: str
    request_struct: str | None
    """The request struct's name in the root package; None when the call takes only path
    arguments."""
    path_parameters: tuple[tuple[str, str, Argument], ...]
    """(Go name, Go type, argument) of each path parameter, in order."""
    fields: tuple[FieldCode, ...]
    result: str
    """The Go type a call returns; empty for an operation answering nothing."""
    decoder: str
    item: str | None
    """The item type of a list's auto-pager."""
    security: str | None = None
    """The operation's own requirement as a `core.Requirement`; None for the API's."""
    stream_item: str | None = None
    """The event type of the stream method beside this one (`CreateStream`), when a body
    field chooses between JSON and events."""

    @property
    def shape(self) -> OperationShape:
        return shape_of(self.operation)


@record
class ResourceCode:
    attribute: str
    """The client's field (`Files`)."""
    package: str
    """Its package (`files`)."""
    methods: tuple[MethodCode, ...]


def method_code(
    op: Operation,
    request_struct: str | None,
    local: GoTypes,
    root: GoTypes,
    default_auth: AuthRequirement,
) -> MethodCode:
    """The Go names of one operation; `local` and `root` annotate types from the resource's
    package and from the root package; `default_auth` is the API's own requirement."""
    shape = shape_of(op)
    scope = Scope()
    path = tuple(
        (scope.claim(unexported(a.name)), local.annotation(a.type), a) for a in shape.path_arguments
    )
    fields = Scope(frozenset({"String"}))
    codes = tuple(
        FieldCode(fields.claim(exported(a.name)), _request_type(a, root), a)
        for a in shape.arguments_beside_selector
    )
    result, decoder = _result(shape, local)
    item = local.annotation(shape.pagination.item_type) if shape.pagination else None
    security = None if shape.auth == default_auth else requirement_literal(shape.auth)
    stream = shape.event_stream
    chosen = local.annotation(stream.item_type) if stream and shape.stream_selector else None
    return MethodCode(
        op, method_name(op.name), request_struct if codes else None, path, codes, result, decoder,
        item, security, chosen,
    )  # fmt: skip


def _request_type(argument: Argument, root: GoTypes) -> str:
    if argument.location == "file":
        plain = argument.type.inner if isinstance(argument.type, Nullable) else argument.type
        return "[]io.Reader" if isinstance(plain, Array) else "io.Reader"
    if argument.whole_body and root.annotation(argument.type) == "[]byte":
        return "io.Reader"
    if argument.location == "client_header":
        return "*string"
    return root.field(argument.type, argument.required)


def _result(shape: OperationShape, local: GoTypes) -> tuple[str, str]:
    if shape.response_kind == "json":
        annotation = local.annotation(shape.response_type)
        return annotation, f"core.JSON[{annotation}]"
    if shape.response_kind == "binary":
        return "io.ReadCloser", "core.Download"
    if shape.response_kind == "event_stream":
        event = local.annotation(shape.event_stream.item_type if shape.event_stream else None)
        return f"*core.Stream[{event}]", f"core.Events[{event}]"
    if shape.response_kind == "text":
        return "string", "core.Text"
    return "", "core.Nothing"


def request_struct_lines(method: MethodCode) -> list[str]:
    """The request struct's declaration, its fields aligned as gofmt aligns them."""
    assert method.request_struct is not None
    lines = [f"// {method.request_struct} is what {_qualified(method)} sends."]
    lines.append(f"type {method.request_struct} struct {{")
    block: list[tuple[str, ...]] = []
    for field in method.fields:
        comment = go_comment(field.argument.description, "\t")
        if comment:
            lines.extend(aligned(block))
            block = []
            lines.extend(comment)
        tagged = field.argument.location == "body" and not field.argument.whole_body
        tag = struct_tag(field.argument.wire_name, not field.argument.required)
        block.append((field.name, field.annotation, tag if tagged else '`json:"-"`'))
    lines.extend(aligned(block))
    lines.append("}")
    return lines


def _qualified(method: MethodCode) -> str:
    return f"{method.operation.method.upper()} {method.operation.path}"


def signature(method: MethodCode, root_package: str) -> str:
    """The parameters after `ctx`: path parameters, the request, the options."""
    parts = ["ctx context.Context"]
    parts.extend(f"{name} {annotation}" for name, annotation, _ in method.path_parameters)
    if method.request_struct is not None:
        parts.append(f"request *{root_package}{method.request_struct}")
    parts.append("opts ...option.RequestOption")
    return ", ".join(parts)


def call_arguments(method: MethodCode) -> str:
    names = ["ctx", *(name for name, _, _ in method.path_parameters)]
    if method.request_struct is not None:
        names.append("request")
    return ", ".join([*names, "opts..."])


def builder_name(method: MethodCode) -> str:
    return method.name[:1].lower() + method.name[1:] + "Request"


def builder_lines(method: MethodCode, root_package: str) -> list[str]:
    """The function building the method's `core.Request`."""
    params = [f"{name} {annotation}" for name, annotation, _ in method.path_parameters]
    if method.request_struct is not None:
        params.append(f"request *{root_package}{method.request_struct}")
    if method.stream_item is not None:
        params.append("stream bool")
    lines = [f"func {builder_name(method)}({', '.join(params)}) (*core.Request, error) {{"]
    if method.request_struct is not None:
        empty = f"&{root_package}{method.request_struct}{{}}"
        lines += ["\tif request == nil {", f"\t\trequest = {empty}", "\t}"]
    lines += ["\tquery := url.Values{}", "\theader := http.Header{}", "\tvar body *core.Body"]
    for field in method.fields:
        lines.extend(_send_field(field))
    lines.extend(_accept_lines(method))
    lines.extend(_body_lines(method))
    shape = method.shape
    streamed = ""
    if method.stream_item is not None:
        streamed = ", Stream: stream"
    elif shape.response_kind in ("event_stream", "binary"):
        streamed = ", Stream: true"
    request = (
        f"&core.Request{{Method: {go_string(method.operation.method.upper())}, "
        f"Path: {_path_expression(method)}, Query: query, Header: header, Body: body, "
        f"RetrySafe: {'true' if shape.retry_safe else 'false'}"
        + (
            f", IdempotencyHeader: {go_string(shape.idempotency_header)}"
            if shape.idempotency_header
            else ""
        )
        + (f", Security: &{method.security}" if method.security else "")
        + streamed
        + "}"
    )
    return [*lines, f"\treturn {request}, nil", "}"]


def _accept_lines(method: MethodCode) -> list[str]:
    """The `Accept` of a call read as it arrives: the media types it answers, or events when
    the stream method is the one calling."""
    if method.stream_item is not None:
        return ["\tif stream {", '\t\theader.Set("Accept", "text/event-stream")', "\t}"]
    if method.shape.response_kind in ("event_stream", "binary"):
        return [f'\theader.Set("Accept", {go_string(method.shape.accept)})']
    return []


def _path_expression(method: MethodCode) -> str:
    path = method.operation.path
    parts: list[str] = []
    for name, _, argument in method.path_parameters:
        before, _, path = path.partition("{" + argument.wire_name + "}")
        parts += [go_string(before)] if before else []
        parts.append(f"core.PathSegment({name})")
    parts += [go_string(path)] if path or not parts else []
    return " + ".join(parts)


def _send_field(field: FieldCode) -> list[str]:
    argument = field.argument
    value = f"request.{field.name}"
    wire = go_string(argument.wire_name)
    if argument.location == "query":
        explode = "false" if argument.explode is False else "true"
        send = f"core.AddQuery(query, {wire}, {'*' if field.pointer else ''}{value}, {explode})"
    elif argument.location in ("header", "client_header"):
        send = f"core.SetHeader(header, {wire}, {'*' if field.pointer else ''}{value})"
    elif argument.location == "cookie":
        escaped = f"core.PathSegment({'*' if field.pointer else ''}{value})"
        send = f'header.Add("Cookie", {wire}+"="+{escaped})'
    else:
        return []
    if field.pointer or needs_no_pointer(field.annotation) or not argument.required:
        return [f"\tif {value} != nil {{", f"\t\t{send}", "\t}"]
    return [f"\t{send}"]


def _body_lines(method: MethodCode) -> list[str]:
    shape = method.shape
    kind = shape.body_kind
    if kind is None:
        return []
    media = go_string(shape.media_type or "")
    whole = next((f for f in method.fields if f.argument.whole_body), None)
    fail = ["\tif err != nil {", "\t\treturn nil, err", "\t}"]
    selector = shape.stream_selector
    if kind == "json" and selector is not None:
        chosen = f"core.JSONBodyChoosing(request, {go_string(selector.wire_name)}, stream)"
        return [f"\tbody, err := {chosen}", *fail]
    if kind == "json":
        value = "request.Body" if whole is not None else "request"
        return [f"\tbody, err := core.JSONBody({value})", *fail]
    if whole is not None and kind == "binary":
        return [f"\tbody, err := core.ReaderBody(request.Body, {media})", *fail]
    if whole is not None and kind == "text":
        value = "*request.Body" if whole.pointer else "request.Body"
        return [f"\tbody = &core.Body{{ContentType: {media}, Bytes: []byte({value})}}"]
    if whole is not None:
        encoded = ["\tform, err := core.FormValues(request.Body)", *fail]
        return [*encoded, "\tbody = core.FormBody(form)"]
    if kind == "form":
        lines = ["\tform := url.Values{}"]
        for field in method.fields:
            if field.argument.location == "form":
                lines.extend(_form_line(field, "core.AddQuery(form, {wire}, {value}, true)"))
        return [*lines, "\tbody = core.FormBody(form)"]
    lines = ["\tvar parts []core.Part"]
    for field in method.fields:
        if field.argument.location == "form":
            template = "parts = append(parts, core.Part{{Name: {wire}, Value: {value}}})"
            lines.extend(_form_line(field, template))
        elif field.argument.location == "file":
            lines.extend(_file_lines(field))
    return [*lines, "\tbody, err := core.MultipartBody(parts)", *fail]


def _form_line(field: FieldCode, template: str) -> list[str]:
    value = ("*" if field.pointer else "") + f"request.{field.name}"
    send = template.format(wire=go_string(field.argument.wire_name), value=value)
    if field.pointer or needs_no_pointer(field.annotation) or not field.argument.required:
        return [f"\tif request.{field.name} != nil {{", f"\t\t{send}", "\t}"]
    return [f"\t{send}"]


def _file_lines(field: FieldCode) -> list[str]:
    wire = go_string(field.argument.wire_name)
    if field.annotation.startswith("[]"):
        append = f"\t\tparts = append(parts, core.Part{{Name: {wire}, File: file}})"
        return [f"\tfor _, file := range request.{field.name} {{", append, "\t}"]
    return [f"\tif request.{field.name} != nil {{",
            f"\t\tparts = append(parts, core.Part{{Name: {wire}, File: request.{field.name}}})",
            "\t}"]  # fmt: skip


def method_lines(method: MethodCode, receiver: str, root_package: str) -> list[str]:
    """The method and its WithRawResponse twin."""
    params = signature(method, root_package)
    summary = method.operation.summary or method.operation.description.split("\n")[0]
    doc = top_comment(f"{method.name} calls {_qualified(method)}.", summary)
    result = f"*core.Response[{method.result or 'struct{}'}]"
    raw = [
        f"// {method.name} calls {_qualified(method)} and returns the response's status and"
        " headers too.",
        f"func (r *Raw{receiver}) {method.name}({params}) ({result}, error) {{",
        f"\tcall, err := {builder_name(method)}({_builder_arguments(method)})",
        "\tif err != nil {", "\t\treturn nil, err", "\t}",
        f"\treturn core.Call(ctx, r.caller, call, opts, {method.decoder})", "}",
    ]  # fmt: skip
    call = f"c.WithRawResponse.{method.name}({call_arguments(method)})"
    if not method.result:
        body = [f"\t_, err := {call}", "\treturn err"]
        returns = "error"
    else:
        zero = (
            "nil"
            if needs_no_pointer(method.result) or method.result == "[]byte"
            else f"*new({method.result})"
        )
        body = [f"\tresponse, err := {call}", "\tif err != nil {", f"\t\treturn {zero}, err", "\t}",
                "\treturn response.Body, nil"]  # fmt: skip
        returns = f"({method.result}, error)"
    plain = [*doc,
             f"func (c *{receiver}) {method.name}({params}) {returns} {{", *body, "}"]  # fmt: skip
    return [*plain, "", *raw]


def _builder_arguments(method: MethodCode, stream: bool = False) -> str:
    """The builder's arguments; for a call a body field switches to events, whether the
    stream method is the one calling."""
    names = [name for name, _, _ in method.path_parameters]
    names += ["request"] if method.request_struct is not None else []
    names += [("true" if stream else "false")] if method.stream_item is not None else []
    return ", ".join(names)


def stream_lines(method: MethodCode, receiver: str, root_package: str, name: str) -> list[str]:
    """`<Create>Stream` and its WithRawResponse twin: the call with its selector field set
    (`"stream": true`), its events returned as they arrive."""
    assert method.stream_item is not None and method.shape.stream_selector is not None
    params = signature(method, root_package)
    stream = f"*core.Stream[{method.stream_item}]"
    field = method.shape.stream_selector.wire_name
    return [
        f"// {name} calls {_qualified(method)} with \"{field}\": true and returns its events as",
        "// they arrive:",
        "//",
        "//\tdefer stream.Close()",
        "//\tfor stream.Next() { event := stream.Current() }",
        f"func (c *{receiver}) {name}({params}) ({stream}, error) {{",
        f"\tresponse, err := c.WithRawResponse.{name}({call_arguments(method)})",
        "\tif err != nil {", "\t\treturn nil, err", "\t}",
        "\treturn response.Body, nil", "}",
        "",
        f"// {name} calls {_qualified(method)} with \"{field}\": true and returns the",
        "// response's status and headers too.",
        f"func (r *Raw{receiver}) {name}({params}) (*core.Response[{stream}], error) {{",
        f"\tcall, err := {builder_name(method)}({_builder_arguments(method, stream=True)})",
        "\tif err != nil {", "\t\treturn nil, err", "\t}",
        f"\treturn core.Call(ctx, r.caller, call, opts, core.Events[{method.stream_item}])", "}",
    ]  # fmt: skip


def pager_lines(method: MethodCode, receiver: str, root_package: str, name: str) -> list[str]:
    """`<List>AutoPaging`: an iterator over every item of every page."""
    pagination = method.shape.pagination
    assert pagination is not None and method.item is not None
    iterator = f"*core.Iterator[{method.item}]"
    return [
        f"// {name} walks every item of every page of {method.name}:",
        "//",
        "//\tfor iter.Next() { item := iter.Current() }",
        f"func (c *{receiver}) {name}({signature(method, root_package)}) {iterator} {{",
        f"\tcall, err := {builder_name(method)}({_builder_arguments(method)})",
        "\tif err != nil {",
        f"\t\treturn core.FailedIterator[{method.item}](err)",
        "\t}",
        f"\treturn core.NewIterator[{method.item}](ctx, c.caller, call, opts, "
        f"{paging_literal(pagination)})",
        "}",
    ]  # fmt: skip


def paging_literal(pagination: Pagination) -> str:
    fields = [f"Style: {go_string(pagination.style)}"]
    for go_name, attribute in _PAGING_FIELDS:
        value = getattr(pagination, attribute)
        if value:
            fields.append(f"{go_name}: {go_string(value)}")
    if pagination.link_header:
        fields.append("LinkHeader: true")
    return "core.Paging{" + ", ".join(fields) + "}"


def poller_lines(
    method: MethodCode, retrieve: MethodCode, receiver: str, root_package: str, name: str
) -> list[str]:
    """`<Create>AndPoll`: the call, then its run retrieved until its status is terminal."""
    polling: Polling | None = method.shape.polling
    assert polling is not None
    request = "nil, " if retrieve.request_struct is not None else ""
    terminal = ", ".join(go_string(v) for v in polling.terminal_values)
    spec = (
        f"core.PollSpec{{StatusField: {go_string(polling.status_field)}, "
        f"IDField: {go_string(polling.id_field)}, Terminal: []string{{{terminal}}}}}"
    )
    return [
        f"// {name} calls {method.name}, then {retrieve.name} until the run's"
        f" {polling.status_field} is one of",
        f"// {', '.join(polling.terminal_values)}; the context bounds the wait.",
        f"func (c *{receiver}) {name}({signature(method, root_package)}) "
        f"({method.result}, error) {{",
        f"\trun, err := c.{method.name}({call_arguments(method)})",
        "\tif err != nil {",
        "\t\treturn nil, err",
        "\t}",
        f"\tretrieve := func(ctx context.Context, id string) ({method.result}, error) {{",
        f"\t\treturn c.{retrieve.name}(ctx, id, {request}opts...)",
        "\t}",
        f"\treturn core.Poll(ctx, run, retrieve, {spec}, c.caller.Options(opts))",
        "}",
    ]  # fmt: skip


def polls(method: MethodCode, retrieve: MethodCode | None) -> bool:
    """Whether the poll helper can be written: the retrieve takes the run's id as a string and
    returns what the call does."""
    return (
        retrieve is not None
        and method.shape.polling is not None
        and method.result.startswith("*")
        and retrieve.result == method.result
        and len(retrieve.path_parameters) == 1
        and retrieve.path_parameters[0][1] == "string"
    )


@record
class Helpers:
    """The helpers written beside one method: its auto-pager and its poller, named."""

    pager: str | None
    poller: str | None
    retrieve: MethodCode | None
    """The method the poller retrieves the run with."""
    stream: str | None = None
    """The twin asking for server-sent events, where a body field chooses them."""


def helpers(methods: tuple[MethodCode, ...]) -> tuple[Helpers, ...]:
    """Each method's helpers, named once for the code and the docs (`ListAutoPaging`,
    `CreateStream`, `CreateAndPoll`; a clash with a method's name takes the next free name)."""
    names = Scope(frozenset(m.name for m in methods) | {"WithRawResponse"})
    by_operation = {m.operation.name: m for m in methods}
    found = []
    for method in methods:
        pager = None
        if method.shape.pagination is not None and method.item is not None:
            pager = names.claim(method.name + "AutoPaging")
        stream = names.claim(method.name + "Stream") if method.stream_item is not None else None
        polling = method.shape.polling
        retrieve = by_operation.get(polling.retrieve_operation) if polling else None
        poller = None
        if retrieve is not None and polls(method, retrieve):
            poller = names.claim(method.name + "AndPoll")
        found.append(Helpers(pager, poller, retrieve if poller else None, stream))
    return tuple(found)
