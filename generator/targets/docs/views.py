"""Plain views of an SDK's surface, for targets whose own code model is not shaped like the
docs' protocols (`surface.py`): Go and Java fill these with their names and types, and the docs
read them like any other target's views. Every string is already in the target's language."""

from __future__ import annotations

from generator.ir.model import TypeNode
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
