"""Plain views of an SDK's surface, for targets whose own code model is not shaped like the
docs' protocols (`surface.py`): Go and Java fill these with their names and types, and the docs
read them like any other target's views. Every string is already in the target's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from generator.ir.model import Argument, Operation, TypeNode
from generator.ir.shape import shape_of
from generator.load.records import record


@record
class ArgView:
    """An argument: a path parameter passed by position, or a field of the request object."""

    name: str
    wire_name: str
    annotation: str
    required: bool
    description: str
    where: str
    """path, query, header, cookie, body, form, file or client_header."""
    type_node: TypeNode | None
    default_json: str | None = None


@record
class PageView:
    style: str
    item_annotation: str
    walker: str
    """The method walking every item of every page (`ListAutoPaging`, `listAll`)."""


@record
class PollView:
    status_field: str
    terminal: tuple[str, ...]
    method_name: str
    """The helper creating the run and waiting for it (`CreateAndPoll`)."""
    status_getter: str
    """How the language reads the status off the run (`Status`, `getStatus()`)."""


@record
class MethodView:
    name: str
    http_method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    positional: tuple[ArgView, ...]
    """Path parameters, passed by position."""
    keyword: tuple[ArgView, ...]
    """The request object's fields, set by name."""
    return_annotation: str
    response_kind: str
    returns_none: bool
    sync_return: str
    page: PageView | None
    poll: PollView | None
    request_type: str | None
    """The request object's type; None when the call takes path parameters only."""
    request_required: bool
    stream: str | None = None
    """The twin asking for server-sent events (`CreateStream`), where a body field chooses
    them."""


class FieldCode(Protocol):
    """A request object's field as a target's code model holds it."""

    @property
    def name(self) -> str: ...
    @property
    def annotation(self) -> str: ...
    @property
    def argument(self) -> Argument: ...


class MethodCode(Protocol):
    """A method as the Go and Java code models hold it: what `method_view` reads."""

    @property
    def operation(self) -> Operation: ...
    @property
    def name(self) -> str: ...
    @property
    def path_parameters(self) -> tuple[tuple[str, str, Argument], ...]:
        """(name, type, argument) of each path parameter, in order."""
        ...

    @property
    def fields(self) -> Sequence[FieldCode]: ...
    @property
    def item(self) -> str | None:
        """The item type of a list's auto-pager."""
        ...


def method_view(
    method: MethodCode,
    pager: str | None,
    poller: str | None,
    status_getter: Callable[[str], str],
    *,
    returns: str,
    sync_return: str,
    request_type: str | None,
    request_required: bool,
    stream: str | None = None,
) -> MethodView:
    """The view of `method`, its auto-pager and poller named `pager` and `poller`; a run's
    status read by `status_getter(status field)`; `returns` is empty for a call answering
    nothing; `stream` names the twin asking for events."""
    op = method.operation
    shape = shape_of(op)
    positional = tuple(
        ArgView(name, a.wire_name, annotation, True, a.description, "path", a.type)
        for name, annotation, a in method.path_parameters
    )
    keyword = tuple(
        ArgView(
            f.name, f.argument.wire_name, f.annotation, f.argument.required,
            f.argument.description, f.argument.location, f.argument.type,
        )
        for f in method.fields
    )  # fmt: skip
    page = None
    if shape.pagination is not None and pager is not None and method.item is not None:
        page = PageView(shape.pagination.style, method.item, pager)
    poll = None
    if shape.polling is not None and poller is not None:
        polling = shape.polling
        getter = status_getter(polling.status_field)
        poll = PollView(polling.status_field, polling.terminal_values, poller, getter)
    return MethodView(
        name=method.name,
        http_method=op.method.upper(),
        path=op.path,
        summary=op.summary,
        description=op.description,
        deprecated=op.deprecated,
        positional=positional,
        keyword=keyword,
        return_annotation=returns,
        response_kind=shape.response_kind,
        returns_none=not returns,
        sync_return=sync_return,
        page=page,
        poll=poll,
        request_type=request_type,
        request_required=request_required,
        stream=stream,
    )


@record
class ResourceView:
    attribute: str
    module: str
    methods: tuple[MethodView, ...]


@record
class FieldView:
    name: str
    wire_name: str
    annotation: str
    required: bool
    nullable: bool
    description: str
    deprecated: bool


@record
class ModelView:
    class_name: str
    description: str
    deprecated: bool
    fields: tuple[FieldView, ...]


@record
class NamedView:
    """An enum or another named type, for the models page."""

    name: str
    annotation: str
    description: str


@record
class WebhooksView:
    type_property: str
