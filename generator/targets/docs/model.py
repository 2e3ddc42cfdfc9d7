"""What the docs say about an API, built once from a target's views and the IR.

The Markdown reference, the SDK README and the HTML site all render from this, so they cannot
disagree. The docs know no language: a target hands them its SDK surface (`SdkSurface`) and a
`DocsLanguage` that writes signatures and example code the way its users write them. Example
values are synthesised here (see `examples.py`); the tests run every example.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Protocol

import jinja2

from generator.ir.model import (
    Api,
    ModelDef,
    NamedType,
    Operation,
    PaginationStyle,
    Primitive,
    Ref,
    TypeNode,
    refs_in,
)
from generator.ir.names import Name
from generator.ir.shape import shape_of
from generator.load.records import record
from generator.targets.docs.examples import Code, ExampleValues, as_data
from generator.targets.docs.surface import (
    FIXED_PAGES,
    ArgSurface,
    ErrorClass,
    MethodSurface,
    ModelSurface,
    ResourceSurface,
    SurfaceOptions,
)
from generator.templating import json_value

PAGING_STYLES: tuple[PaginationStyle, ...] = ("page_token", "cursor", "offset", "page", "next_url")


def _resource_page(module: str) -> str:
    """A resource's page: its module's name, unless a page of the docs has it (OpenAI's
    `models` resource beside the models page) or a model page could (`model-...`)."""
    if module in FIXED_PAGES or module.startswith("model-"):
        return f"{module}-resource.md"
    return f"{module}.md"


@record
class ErrorDoc:
    status: str
    class_name: str
    description: str


@record
class MethodDoc:
    view: MethodSurface
    resource: str
    """The client attribute of the resource (`parse_runs`); `client` for methods on the client."""
    qualified: str
    """`client.parse_runs.create`."""
    anchor: str
    page: str
    """Markdown page of the resource, without folder: `parse_runs.md`."""
    signature: str
    example: str
    """Code calling the method with its required arguments and using the result."""
    poll_example: str | None
    response_json: str | None
    response_status: str
    response_kind: str
    """json, binary, text or empty."""
    response_media: str
    errors: tuple[ErrorDoc, ...]
    arguments: tuple[ArgSurface, ...]
    """Arguments users pass (client-wide headers are documented once, on the client)."""
    operation: Operation
    stream_example: str | None = None
    """For a call an argument switches to server-sent events: the call streaming them."""


@record
class PagingDoc:
    """A paging style the API uses, for the guide."""

    style: str
    """The IR's name of the style (`page_token`, `cursor`, `offset`, `page`, `next_url`)."""
    method: MethodDoc
    example: str
    methods: tuple[MethodDoc, ...]
    """Every list method of the style."""


@record
class ResourceDoc:
    view: ResourceSurface
    title: str
    page: str
    methods: tuple[MethodDoc, ...]

    @property
    def summary(self) -> str:
        return self.methods[0].view.summary if self.methods else ""


@record
class ModelDoc:
    view: ModelSurface
    used_by: tuple[str, ...]
    """Models with a field of this type."""
    example_json: str | None


class DocsLanguage(Protocol):
    """How a target's users write code: what the docs ask of a language.

    Each target implements it once (`targets/<name>/docs_language.py`); the docs, the README and
    the site reach the target's naming only through it and through the target's views."""

    @property
    def code_block(self) -> str:
        """The Markdown fence info of the language's code (`python`, `ts`)."""
        ...

    @property
    def file_sample(self) -> Code:
        """The example value of a file upload."""
        ...

    def error_class(self, status: str) -> str:
        """The exception an error status raises."""
        ...

    def setup_example(self, token_env: str | None) -> str:
        """Code importing the SDK and making the client the examples call."""
        ...

    def client_note(self, token_env: str | None) -> str:
        """Where the token comes from, and the language's other clients (Markdown)."""
        ...

    @property
    def models_intro(self) -> str:
        """How responses and requests use the models (Markdown)."""
        ...

    @property
    def errors_intro(self) -> str:
        """What every exception derives from (Markdown)."""
        ...

    @property
    def errors_fields(self) -> str:
        """What an API error carries (Markdown)."""
        ...

    @property
    def retries_text(self) -> str:
        """When and how requests are retried (Markdown)."""
        ...

    def stream_note(self) -> str:
        """How a stream is read and closed, for the sentence before a streaming example."""
        ...

    def poll_note(self, method: str) -> str:
        """The poll helper of `method` and what it takes beyond the method's arguments."""
        ...

    def poll_qualified(self, qualified: str) -> str:
        """How users call the poll helper of the method called `qualified`."""
        ...

    @property
    def pages_note(self) -> str:
        """How a list method's result reaches every item, after "Returns: <type>" (Markdown)."""
        ...

    def error_table(self, *, polling: bool, webhooks: bool) -> tuple[ErrorClass, ...]:
        """Every exception users can catch, for the errors page."""
        ...

    def qualified(self, resource: ResourceSurface | None, method: MethodSurface) -> str:
        """How users call a method: `client.files.retrieve`; `resource` None for the client."""
        ...

    def client_title(self, resource: ResourceSurface | None) -> str:
        """A resource's title on its page: `client.files`, `client`."""
        ...

    def signature(self, qualified: str, method: MethodSurface) -> str:
        """The method's declaration as users call it: its arguments (path parameters by
        position, then keywords or a request object, as the language passes them) and what it
        returns."""
        ...

    def example(
        self, docs: DocsModel, qualified: str, method: MethodSurface, op: Operation, *, poll: bool
    ) -> str:
        """A call with the example arguments, using its result (waiting for it with `poll`)."""
        ...

    def stream_example(
        self, docs: DocsModel, qualified: str, method: MethodSurface, op: Operation
    ) -> str:
        """A call that answers with server-sent events (asking for them where an argument
        chooses), reading each event as it arrives."""
        ...

    def raw_example(self, docs: DocsModel) -> str: ...
    def options_example(self, docs: DocsModel) -> str: ...
    def async_example(self, docs: DocsModel) -> str:
        """Calls that do not block, or that can be cut short: Python's async client, an
        aborted TypeScript call, a Go context's deadline, Java's async client."""
        ...

    def errors_example(self, docs: DocsModel) -> str: ...
    def polling_example(self, docs: DocsModel) -> str: ...
    def pages_example(self, docs: DocsModel, method: MethodDoc) -> str:
        """Walking the pages of a list method, with its style's next-page accessor."""
        ...

    def webhook_example(self, docs: DocsModel) -> str: ...
    def webhook_test_example(self, docs: DocsModel) -> str:
        """A delivery signed the way the API signs it, handed to the webhook example's handler."""
        ...

    def http_client_example(self, docs: DocsModel) -> str:
        """A client on a transport of the user's (a test double answering every request)."""
        ...


class SdkSurface(Protocol):
    """A target's rendering of one API, as the docs, the README and the site read it."""

    @property
    def api(self) -> Api: ...
    @property
    def env(self) -> jinja2.Environment: ...
    @property
    def options(self) -> SurfaceOptions: ...
    @property
    def types(self) -> Mapping[Name, NamedType]: ...
    @property
    def class_names(self) -> Mapping[Name, str]:
        """The target's name of every named type."""
        ...

    @property
    def root_view(self) -> ResourceSurface:
        """The methods on the client itself."""
        ...

    @property
    def resource_views(self) -> Sequence[ResourceSurface]:
        """One per resource of the API, in the IR's order."""
        ...

    @property
    def docs_language(self) -> DocsLanguage: ...
    @property
    def folder(self) -> str:
        """The target's folder in the API's output (`python`): its README is the guide."""
        ...

    @property
    def readme_template(self) -> str:
        """The template of the target's README (the guide), rendered by the docs."""
        ...

    def context(self) -> dict[str, object]:
        """What the target's templates see; the docs templates see it too."""
        ...


class DocsModel:
    """Every page's content: resources with their methods, models, errors, guide examples."""

    def __init__(self, surface: SdkSurface) -> None:
        self.surface = surface
        self.language = surface.docs_language
        self.api = surface.api
        self.options = surface.options
        self.values = ExampleValues(surface.types, file_sample=self.language.file_sample)
        self.context = surface.context()
        self._response_json: dict[TypeNode, str] = {}
        """Each response type's example as JSON: many methods answer with the same type."""

    def build(self) -> DocsModel:
        """The model's costly parts built now (its SDK's views, by the constructor, then the
        resources and the models), as the README and every page read them; returns itself.

        A big API's render builds them before it forks, so the copy rendering the docs
        folder and this process rendering the SDK's README share them (Stripe: 0.4 s of CPU
        each would spend)."""
        _ = self.resources, self.models
        return self

    # ----- resources -----------------------------------------------------------------------
    @functools.cached_property
    def resources(self) -> tuple[ResourceDoc, ...]:
        docs = []
        surface = self.surface
        if surface.root_view.methods:
            docs.append(self._resource(surface.root_view, self.api.root_operations, True))
        for view, resource in zip(surface.resource_views, self.api.resources, strict=True):
            docs.append(self._resource(view, resource.operations, False))
        return tuple(docs)

    def _resource(
        self, view: ResourceSurface, ops: tuple[Operation, ...], root: bool
    ) -> ResourceDoc:
        page = "client.md" if root else _resource_page(view.module)
        attribute = "client" if root else view.attribute
        owner = None if root else view
        methods = tuple(
            self._method(m, op, owner, page, attribute)
            for m, op in zip(view.methods, ops, strict=True)
        )
        return ResourceDoc(view, self.language.client_title(owner), page, methods)

    @functools.cached_property
    def methods(self) -> tuple[MethodDoc, ...]:
        return tuple(m for r in self.resources for m in r.methods)

    def _response_example(self, node: TypeNode) -> str:
        found = self._response_json.get(node)
        if found is None:
            found = json_value(as_data(self.values.value(node, full=True)))
            self._response_json[node] = found
        return found

    def _method(
        self,
        m: MethodSurface,
        op: Operation,
        resource: ResourceSurface | None,
        page: str,
        attribute: str,
    ) -> MethodDoc:
        language = self.language
        arguments = tuple(a for a in (*m.positional, *m.keyword) if a.where != "client_header")
        anchor = f"{attribute}-{m.name}".replace("_", "-")
        qualified = language.qualified(resource, m)
        success = op.success
        response_json = None
        if success.kind == "json" and success.type is not None:
            response_json = self._response_example(success.type)
        poll_example = None
        if m.poll is not None:
            poll_example = language.example(self, qualified, m, op, poll=True)
        shape = shape_of(op)
        example = language.example(self, qualified, m, op, poll=False)
        stream_example = None
        if shape.response_kind == "event_stream":
            example = language.stream_example(self, qualified, m, op)
        elif shape.event_stream is not None:
            stream_example = language.stream_example(self, qualified, m, op)
        return MethodDoc(
            view=m,
            resource=attribute,
            qualified=qualified,
            anchor=anchor,
            page=page,
            signature=language.signature(qualified, m),
            example=example,
            poll_example=poll_example,
            response_json=response_json,
            response_status=success.status,
            response_kind=success.kind if response_json or success.kind != "json" else "empty",
            response_media=success.media_type or "",
            errors=tuple(
                ErrorDoc(r.status, language.error_class(r.status), r.description) for r in op.errors
            ),
            arguments=arguments,
            operation=op,
            stream_example=stream_example,
        )

    # ----- examples ------------------------------------------------------------------------
    @staticmethod
    def textual(node: TypeNode | None) -> bool:
        """Whether a value of the type is a plain string, so an id like `pet_123` fits it (an
        integer or uuid path `id` takes the synthesised value of its type instead)."""
        return isinstance(node, Primitive) and node.kind == "string" and node.format is None

    def example_id(self, op: Operation) -> str | None:
        """The `id` of the spec's example of what the operation returns, if it has one."""
        node = op.success.type
        if isinstance(node, Ref):
            example = self.values.model_example(node.name)
            if isinstance(example, dict) and isinstance(example.get("id"), str):
                return str(example["id"])
        return None

    @functools.cached_property
    def _commonly_required(self) -> frozenset[str]:
        """Argument names some operation requires: the API's usual inputs."""
        views = (self.surface.root_view, *self.surface.resource_views)
        return frozenset(
            a.name
            for v in views
            for m in v.methods
            for a in (*m.positional, *m.keyword)
            if a.required
        )

    def example_arguments(self, m: MethodSurface) -> tuple[ArgSurface, ...]:
        """The required arguments; when a body has none, the body fields other operations
        require (often the document to work on), else its first field."""
        args = tuple(
            a for a in (*m.positional, *m.keyword) if a.required and a.where != "client_header"
        )
        body = [a for a in m.keyword if a.where in ("body", "form", "file")]
        if body and not any(a.required for a in body):
            usual = tuple(a for a in body if a.name in self._commonly_required)
            args += usual or (body[0],)
        return args

    @functools.cached_property
    def context_models(self) -> tuple[ModelSurface, ...]:
        return self.context["models"]  # type: ignore[return-value]

    @functools.cached_property
    def _models_by_class(self) -> dict[str, ModelSurface]:
        """Each model's view by class name, the first when two share one (looked up per
        example)."""
        found: dict[str, ModelSurface] = {}
        for model in self.context_models:
            found.setdefault(model.class_name, model)
        return found

    def model_view(self, class_name: str) -> ModelSurface | None:
        """The view of the model with this class name, if it is one."""
        return self._models_by_class.get(class_name)

    # ----- models --------------------------------------------------------------------------
    @functools.cached_property
    def models(self) -> tuple[ModelDoc, ...]:
        used: dict[str, set[str]] = {}
        defs = [t for t in self.api.types if isinstance(t, ModelDef)]
        names = self.surface.class_names
        for model in defs:
            for field in model.fields:
                for ref in refs_in(field.type):
                    used.setdefault(names[ref], set()).add(names[model.name])
        docs = []
        for model, view in zip(defs, self.context_models, strict=True):
            example = self.values.model_example(model.name)
            docs.append(
                ModelDoc(
                    view,
                    tuple(sorted(used.get(view.class_name, set()) - {view.class_name})),
                    json_value(example) if example is not None else None,
                )
            )
        return tuple(docs)

    # ----- the guide's examples --------------------------------------------------------------
    @functools.cached_property
    def quickstarts(self) -> tuple[MethodDoc, ...]:
        """One per operation that starts a run the SDK can wait for."""
        return tuple(m for m in self.methods if m.poll_example is not None)

    @functools.cached_property
    def paging(self) -> tuple[PagingDoc, ...]:
        """One entry per paging style the API uses, in a fixed order, each with the list
        method its example calls (one with no required arguments where there is one)."""
        found = []
        for style in PAGING_STYLES:
            pages = [
                m
                for m in self.methods
                if m.operation.pagination is not None and m.operation.pagination.style == style
            ]
            if not pages:
                continue
            simple = [m for m in pages if not any(a.required for a in m.arguments)]
            chosen = (simple or pages)[0]
            example = self.language.pages_example(self, chosen)
            found.append(PagingDoc(style, chosen, example, tuple(pages)))
        return tuple(found)

    @functools.cached_property
    def simple_method(self) -> MethodDoc | None:
        """A method returning a named type, preferably a GET, for the guide's general examples."""
        candidates = [
            m
            for m in self.methods
            if m.view.page is None
            and m.operation.success.kind == "json"
            and isinstance(m.operation.success.type, Ref)
            and not any(a.where in ("file", "form") for a in m.arguments)
        ]
        gets = [m for m in candidates if m.view.http_method == "GET"]
        chosen = gets or candidates
        return chosen[0] if chosen else None

    @functools.cached_property
    def raw_example(self) -> str:
        return self.language.raw_example(self)

    @functools.cached_property
    def options_example(self) -> str:
        return self.language.options_example(self)

    @functools.cached_property
    def async_example(self) -> str:
        return self.language.async_example(self)

    @functools.cached_property
    def errors_example(self) -> str:
        return self.language.errors_example(self)

    @functools.cached_property
    def polling_example(self) -> str:
        return self.language.polling_example(self)

    @functools.cached_property
    def webhook_example(self) -> str:
        return self.language.webhook_example(self)

    @functools.cached_property
    def webhook_test_example(self) -> str:
        return self.language.webhook_test_example(self)

    @functools.cached_property
    def http_client_example(self) -> str:
        return self.language.http_client_example(self)

    def webhook_event_example(self) -> tuple[str, object] | None:
        """(event type, example delivery) of the API's first typed webhook event."""
        webhooks = self.api.webhooks
        if webhooks is None:
            return None
        for event in webhooks.events:
            if isinstance(event.type, Ref):
                value = self.values.value(event.type)
                if isinstance(value, dict):
                    return event.event_type, {**value, webhooks.type_property: event.event_type}
        return None


def stream_selector(m: MethodSurface, op: Operation) -> ArgSurface | None:
    """The argument that asks `op` for server-sent events, as the method names it."""
    stream = shape_of(op).event_stream
    selector = stream.selector if stream is not None else None
    return next((a for a in m.keyword if a.where == "body" and a.wire_name == selector), None)
