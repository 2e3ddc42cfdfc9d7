"""What the Python SDK's templates read: one frozen view per model, alias, argument, method,
resource and client part, every name and annotation already in Python."""

from __future__ import annotations

from generator.ir.model import TypeNode
from generator.load.records import record
from generator.targets.python.imports import names_in
from generator.templating import quoted


@record
class FieldView:
    name: str
    wire_name: str
    annotation: str
    """The type as readers see it (docs)."""
    required: bool
    description: str
    deprecated: bool
    nullable: bool = False
    default_json: str | None = None
    type_node: TypeNode | None = None
    code_annotation: str = ""
    """The type as the models module declares it (discriminated unions annotated)."""
    default: str | None = None
    """The spec's default as a Python literal, when it fits the type."""

    @property
    def default_code(self) -> str:
        """What follows the annotation: nothing, ` = default` or a `Field(...)`."""
        default = self.default if self.default is not None else "None"
        arguments = [] if self.required else [f"default={default}"]
        if self.wire_name != self.name:
            arguments.append(f"alias={quoted(self.wire_name)}")
        if self.deprecated:
            arguments.append("deprecated=True")
        if self.required and len(arguments) == 0:
            return ""
        if not self.required and len(arguments) == 1:
            return f" = {default}"
        return f" = Field({', '.join(arguments)})"


@record
class ModelView:
    class_name: str
    description: str
    deprecated: bool
    fields: tuple[FieldView, ...]
    extra_annotation: str | None = None
    """The type of properties beyond the declared ones (`additionalProperties`)."""


@record
class ModelsModuleView:
    """One module of a split `models` package: some types and the modules they import."""

    module: str
    enums: tuple[AliasView, ...]
    models: tuple[ModelView, ...]
    aliases: tuple[AliasView, ...]
    imports: str
    """Its import statements: what its types name, other modules' types included."""

    @property
    def names(self) -> tuple[str, ...]:
        enums = tuple(e.name for e in self.enums)
        return (
            enums + tuple(m.class_name for m in self.models) + tuple(a.name for a in self.aliases)
        )


@record
class AliasView:
    name: str
    annotation: str
    description: str
    code_annotation: str = ""
    recursive: bool = False
    """Refers to itself through other aliases only: declared with TypeAliasType."""


@record
class ArgView:
    name: str
    wire_name: str
    annotation: str
    required: bool
    description: str
    where: str  # path, query, header, cookie, body, file, client_header
    default_json: str | None = None
    type_node: TypeNode | None = None
    """The IR type, for targets (docs) that synthesise example values."""
    code_annotation: str = ""
    """The type as the signature writes it (qualified where the class shadows a name)."""
    style: str = ""
    """`(style, explode)` as a Python literal when the value is not written OpenAPI's default
    way for its location, else empty."""


@record
class PageView:
    style: str
    arguments: tuple[tuple[str, str], ...]
    """The keyword arguments of `paginate` that describe the paging, as Python literals."""
    item_annotation: str


@record
class PollView:
    retrieve: str
    status_field: str
    id_field: str
    terminal: tuple[str, ...]


@record
class MethodView:
    name: str
    http_method: str
    path: str
    path_expr: str
    accept: str
    """The `Accept` header when it is not `application/json`, else empty."""
    content_type: str
    """The `Content-Type` of a raw body the spec names exactly, else empty."""
    summary: str
    description: str
    deprecated: bool
    positional: tuple[ArgView, ...]
    keyword: tuple[ArgView, ...]
    body_kind: str | None
    whole_body: ArgView | None
    return_annotation: str
    cast_expr: str
    response_kind: str
    """What a successful call returns (the shape's): json, binary, text or empty."""
    errors: tuple[str, ...]
    page: PageView | None = None
    poll: PollView | None = None
    cast_models: tuple[str, ...] = ()
    """Model classes `cast_expr` needs at run time, for methods that import them lazily."""
    cast_runtime: tuple[str, ...] = ()
    """Runtime names `cast_expr` needs, as an import lists them (`union as _union`)."""
    code_return: str = ""
    """`return_annotation` as the signature writes it (qualified for the class's members)."""
    body_return: str = ""
    """`return_annotation` as the body writes it (qualified for the parameters)."""
    code_item: str = ""
    body_item: str = ""
    """The page item's annotation, in the signature and in the body."""
    code_event: str = ""
    body_event: str = ""
    """The event type's annotation (in the signature and in the body) of a call that can
    answer with server-sent events."""
    stream_selector: ArgView | None = None
    """The boolean argument that asks for the event stream, when it is optional."""
    idempotency_header: str | None = None
    security: str | None = None
    """The operation's credential alternatives as a literal, when they are not the API's."""

    @property
    def returns_none(self) -> bool:
        return self.response_kind == "empty"

    @property
    def sync_return(self) -> str:
        return self._returns(
            self.page.item_annotation if self.page else "",
            self.return_annotation,
            self.code_event,
            False,
        )

    @property
    def async_return(self) -> str:
        return self._returns(
            self.page.item_annotation if self.page else "",
            self.return_annotation,
            self.code_event,
            True,
        )

    @property
    def code_sync_return(self) -> str:
        return self._returns(self.code_item, self.code_return, self.code_event, False)

    @property
    def code_async_return(self) -> str:
        return self._returns(self.code_item, self.code_return, self.code_event, True)

    @property
    def body_sync_return(self) -> str:
        return self._returns(self.body_item, self.body_return, self.body_event, False)

    @property
    def body_async_return(self) -> str:
        return self._returns(self.body_item, self.body_return, self.body_event, True)

    def _returns(self, item: str, plain: str, event: str, is_async: bool) -> str:
        """What a call returns: a page, a body read as it arrives, an event stream, the
        model, or (when an argument chooses) the model or the stream."""
        if self.page is not None:
            return f"AsyncPager[{item}]" if is_async else f"SyncPage[{item}]"
        if self.response_kind == "binary":
            return "AsyncBinaryResponse" if is_async else "BinaryResponse"
        stream = f"AsyncStream[{event}]" if is_async else f"Stream[{event}]"
        if self.response_kind == "event_stream":
            return stream
        if self.stream_selector is not None:
            return f"{plain} | {stream}"
        return plain

    def stream_factory(self, is_async: bool) -> str:
        """What the core makes of the open response, for a call that is read as it arrives
        ("" for one read whole)."""
        if self.response_kind == "binary":
            return "AsyncBinaryResponse.of()" if is_async else "BinaryResponse.of()"
        stream = f"{'AsyncStream' if is_async else 'Stream'}.of({self.body_event})"
        if self.response_kind == "event_stream":
            return stream
        if self.stream_selector is not None:
            return f"{stream} if {self.stream_selector.name} is True else None"
        return ""

    def stream_overloads(self, is_async: bool) -> tuple[tuple[str, str, str], ...]:
        """(annotation of the selector, its default, the return) of each typing overload of
        a call an argument switches to a stream: true, false or left out, any boolean."""
        if self.stream_selector is None:
            return ()
        plain = self.code_return
        stream = f"AsyncStream[{self.code_event}]" if is_async else f"Stream[{self.code_event}]"
        optional = " | None" if "None" in self.stream_selector.code_annotation else ""
        return (
            ("Literal[True]", "", stream),
            (f"Literal[False]{optional} | NotGiven", " = NOT_GIVEN", plain),
            (
                f"{self.stream_selector.code_annotation} | NotGiven",
                " = NOT_GIVEN",
                f"{plain} | {stream}",
            ),
        )

    def names(self) -> set[str]:
        """Every name the method's code refers to at module level, sync and async."""
        found = {"Unpack", "RequestOptions", "checked"}
        for arg in self.positional + self.keyword:
            found |= names_in(arg.code_annotation)
        if any(not arg.required for arg in self.keyword):
            found |= {"NotGiven", "NOT_GIVEN"}
        for code in (self.code_sync_return, self.code_async_return, self.path_expr):
            found |= names_in(code)
        found |= names_in(self.cast_expr)
        for is_async in (False, True):
            found |= names_in(self.stream_factory(is_async))
        if self.stream_selector is not None:
            found |= {"overload", "Literal", "NotGiven", "NOT_GIVEN"}
        if self.page is not None or not self.returns_none:
            found.add("cast")
            found |= names_in(self.body_sync_return) | names_in(self.body_async_return)
        if self.poll is not None:
            found |= {"PollingOptions", "poll", "poll_async"} | names_in(self.body_return)
        return found

    @property
    def styled(self) -> tuple[ArgView, ...]:
        """The arguments of the query, headers, cookies and form written in a style of their
        own (path parameters carry theirs in the path expression)."""
        return tuple(a for a in self.keyword if a.style)

    def args(self, where: str) -> tuple[ArgView, ...]:
        return tuple(a for a in self.positional + self.keyword if a.where == where)


@record
class ResourceView:
    attribute: str
    module: str
    class_name: str
    async_class_name: str
    methods: tuple[MethodView, ...]
    uses_file_input: bool
    imports: str = ""
    """The module's import statements (a resource module's), from the names it uses."""


@record
class ClientHeaderView:
    name: str
    wire_name: str
    default: str | None
    description: str


@record
class EventView:
    event_type: str
    class_name: str
    description: str


@record
class WebhooksView:
    events: tuple[EventView, ...]
    generic_fields: tuple[FieldView, ...]
    type_property: str
    signing: object | None


@record
class ServerView:
    name: str
    url: str
    description: str
