"""What the docs say about an API, built once from the Python target's views and the IR.

The Markdown reference, the SDK README and the HTML site all render from this, so they cannot
disagree. Examples are synthesised here (see `examples.py`); the tests run every one of them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.ir.model import ModelDef, Operation, Ref, Response
from generator.ir.names import Name
from generator.targets.docs.examples import (
    Code,
    ExampleValues,
    imports_of,
    python_code,
    variable_name,
)
from generator.targets.python.render import (
    ArgView,
    MethodView,
    ModelView,
    PythonRenderer,
    ResourceView,
    refs_in,
)
from generator.templating import json_value

# The SDK runtime's error classes by status (generator/targets/python/runtime/errors.py);
# a test keeps the two tables equal.
ERROR_CLASSES: dict[int, str] = {
    400: "BadRequestError",
    401: "AuthenticationError",
    402: "PaymentRequiredError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}
_WIDTH = 88


@dataclass(frozen=True, slots=True)
class ErrorClass:
    name: str
    when: str
    status: str


ERROR_TABLE: tuple[ErrorClass, ...] = (
    ErrorClass("APIStatusError", "the API answered with an error status", "any 4xx or 5xx"),
    *(
        ErrorClass(name, "the API answered with this status", str(status))
        for status, name in ERROR_CLASSES.items()
    ),
    ErrorClass("InternalServerError", "the API failed", "5xx"),
    ErrorClass("APIConnectionError", "the API could not be reached", "—"),
    ErrorClass("APITimeoutError", "the request timed out", "—"),
    ErrorClass("ConfigurationError", "the client is missing a token or has a bad option", "—"),
)


def error_class(status: str) -> str:
    """The exception an error status raises."""
    if status.isdigit():
        code = int(status)
        if code >= 500:
            return "InternalServerError"
        return ERROR_CLASSES.get(code, "APIStatusError")
    if status.upper() == "5XX":
        return "InternalServerError"
    return "APIStatusError"


@dataclass(frozen=True, slots=True)
class ErrorDoc:
    status: str
    class_name: str
    description: str


@dataclass(frozen=True, slots=True)
class MethodDoc:
    view: MethodView
    resource: str
    """The client attribute of the resource (`parse_runs`); `client` for methods on the client."""
    qualified: str
    """`client.parse_runs.create`."""
    anchor: str
    page: str
    """Markdown page of the resource, without folder: `parse_runs.md`."""
    signature: str
    example: str
    """Python code calling the method with its required arguments and using the result."""
    poll_example: str | None
    response_json: str | None
    response_status: str
    response_kind: str
    """json, binary, text or empty."""
    response_media: str
    errors: tuple[ErrorDoc, ...]
    arguments: tuple[ArgView, ...]
    """Arguments users pass (client-wide headers are documented once, on the client)."""
    operation: Operation


@dataclass(frozen=True, slots=True)
class ResourceDoc:
    view: ResourceView
    title: str
    page: str
    methods: tuple[MethodDoc, ...]

    @property
    def summary(self) -> str:
        return self.methods[0].view.summary if self.methods else ""


@dataclass(frozen=True, slots=True)
class ModelDoc:
    view: ModelView
    used_by: tuple[str, ...]
    """Models with a field of this type."""
    example_json: str | None


class DocsModel:
    """Every page's content: resources with their methods, models, errors, guide examples."""

    def __init__(self, python: PythonRenderer) -> None:
        self.python = python
        self.api = python.api
        self.options = python.options
        self.values = ExampleValues(python.types)
        self.context = python.context()

    # ----- resources -----------------------------------------------------------------------
    @functools.cached_property
    def resources(self) -> tuple[ResourceDoc, ...]:
        docs = []
        if self.python.root_view.methods:
            docs.append(self._resource(self.python.root_view, self.api.root_operations, True))
        for view, resource in zip(self.python.resource_views, self.api.resources, strict=True):
            docs.append(self._resource(view, resource.operations, False))
        return tuple(docs)

    def _resource(self, view: ResourceView, ops: tuple[Operation, ...], root: bool) -> ResourceDoc:
        prefix = "client." if root else f"client.{view.attribute}."
        page = "client.md" if root else f"{view.module}.md"
        attribute = "client" if root else view.attribute
        methods = tuple(
            self._method(m, op, prefix, page, attribute)
            for m, op in zip(view.methods, ops, strict=True)
        )
        return ResourceDoc(view, prefix[:-1], page, methods)

    @functools.cached_property
    def methods(self) -> tuple[MethodDoc, ...]:
        return tuple(m for r in self.resources for m in r.methods)

    def _method(
        self, m: MethodView, op: Operation, prefix: str, page: str, attribute: str
    ) -> MethodDoc:
        arguments = tuple(a for a in m.positional + m.keyword if a.where != "client_header")
        anchor = f"{attribute}-{m.name}".replace("_", "-")
        success = op.success
        response_json = None
        if success.kind == "json" and success.type is not None:
            response_json = json_value(self.values.value(success.type, full=True))
        return MethodDoc(
            view=m,
            resource=attribute,
            qualified=prefix + m.name,
            anchor=anchor,
            page=page,
            signature=self._signature(prefix + m.name, m),
            example=self._example(prefix + m.name, m, op, poll=False),
            poll_example=self._example(prefix + m.name, m, op, poll=True) if m.poll else None,
            response_json=response_json,
            response_status=success.status,
            response_kind=success.kind if response_json or success.kind != "json" else "empty",
            response_media=success.media_type or "",
            errors=tuple(self._error(r) for r in op.errors),
            arguments=arguments,
            operation=op,
        )

    @staticmethod
    def _error(response: Response) -> ErrorDoc:
        return ErrorDoc(response.status, error_class(response.status), response.description)

    @staticmethod
    def _signature(qualified: str, m: MethodView) -> str:
        params: list[str] = [a.name + ": " + a.annotation for a in m.positional]
        if m.keyword:
            params.append("*")
        for a in m.keyword:
            default = "" if a.required else " = NOT_GIVEN"
            params.append(f"{a.name}: {a.annotation}{default}")
        params.append("**options: Unpack[RequestOptions]")
        returns = m.sync_return
        one_line = f"{qualified}({', '.join(params)}) -> {returns}"
        if len(one_line) <= _WIDTH:
            return one_line
        body = "".join(f"    {p},\n" for p in params)
        return f"{qualified}(\n{body}) -> {returns}"

    # ----- examples ------------------------------------------------------------------------
    def argument_value(self, arg: ArgView, m: MethodView, op: Operation) -> object:
        """The example value of one argument."""
        if arg.annotation == "date":
            return Code("date(2025, 1, 1)", ("from datetime import date",))
        if arg.annotation == "datetime":
            return Code(
                "datetime(2025, 1, 1, tzinfo=timezone.utc)",
                ("from datetime import datetime, timezone",),
            )
        if arg.where == "path" and arg.wire_name == "id":
            known = self._example_id(op)
            if known is not None:
                return known
            hint = Name.parse(m.return_annotation) if m.return_annotation.isidentifier() else None
            if hint is not None and m.return_annotation not in ("None", "bytes", "str"):
                return f"{hint.snake()}_123"
        return self.values.value(arg.type_node, arg.name)

    def _example_id(self, op: Operation) -> str | None:
        node = op.success.type
        if isinstance(node, Ref):
            example = self.values.model_example(node.name)
            if isinstance(example, dict) and isinstance(example.get("id"), str):
                return str(example["id"])
        return None

    @functools.cached_property
    def _commonly_required(self) -> frozenset[str]:
        """Argument names some operation requires: the API's usual inputs."""
        views = (self.python.root_view, *self.python.resource_views)
        return frozenset(
            a.name for v in views for m in v.methods for a in m.positional + m.keyword if a.required
        )

    def example_arguments(self, m: MethodView) -> tuple[ArgView, ...]:
        """The required arguments; when a body has none, the body fields other operations
        require (often the document to work on), else its first field."""
        args = tuple(
            a for a in m.positional + m.keyword if a.required and a.where != "client_header"
        )
        body = [a for a in m.keyword if a.where in ("body", "form", "file")]
        if body and not any(a.required for a in body):
            usual = tuple(a for a in body if a.name in self._commonly_required)
            args += usual or (body[0],)
        return args

    def call_code(
        self,
        call: str,
        m: MethodView,
        op: Operation,
        extra: tuple[str, ...] = (),
        lead: int = 0,
    ) -> tuple[str, set[str]]:
        """`call(args...)` with the example arguments (and `extra`), and the imports needed.
        `lead` is how many characters precede the call on its first line."""
        positional: list[str] = []
        keyword: list[str] = []
        imports: set[str] = set()
        for arg in self.example_arguments(m):
            value = self.argument_value(arg, m, op)
            imports |= imports_of(value)
            if arg in m.positional:
                positional.append(python_code(value, 4))
            else:
                keyword.append(f"{arg.name}={python_code(value, 4)}")
        parts = positional + keyword + list(extra)
        one_line = f"{call}({', '.join(parts)})"
        if lead + len(one_line) <= _WIDTH and "\n" not in one_line:
            return one_line, imports
        return call + "(\n" + "".join(f"    {p},\n" for p in parts) + ")", imports

    def _example(self, qualified: str, m: MethodView, op: Operation, *, poll: bool) -> str:
        call = qualified + ("_and_poll" if poll else "")
        name = variable_name(m.return_annotation)
        if m.page is not None:
            item = variable_name(m.page.item_annotation, "item")
            code, imports = self.call_code(call, m, op, lead=len(f"for {item} in :"))
            body = [f"for {item} in {code}:"]
            body.append(f"    print({item}{self._id_suffix(m.page.item_annotation)})")
        elif m.returns_none:
            code, imports = self.call_code(call, m, op)
            body = [code]
        elif m.return_annotation == "bytes":
            code, imports = self.call_code(call, m, op, lead=len("content = "))
            body = [f"content = {code}", "print(len(content))"]
        else:
            code, imports = self.call_code(call, m, op, lead=len(name) + 3)
            body = [f"{name} = {code}"]
            if poll and m.poll is not None:
                body.append(f"print({name}.{m.poll.status_field})")
            else:
                body.append(f"print({name}{self._id_suffix(m.return_annotation)})")
        return self._lines(imports, body)

    def _id_suffix(self, annotation: str) -> str:
        """`.id` when the type is a model with an `id` field, so examples show an attribute."""
        for model in self.context_models:
            if model.class_name == annotation:
                return ".id" if any(f.name == "id" for f in model.fields) else ""
        return ""

    @functools.cached_property
    def context_models(self) -> tuple[ModelView, ...]:
        return self.context["models"]  # type: ignore[return-value]

    # ----- models --------------------------------------------------------------------------
    @functools.cached_property
    def models(self) -> tuple[ModelDoc, ...]:
        used: dict[str, set[str]] = {}
        defs = [t for t in self.api.types if isinstance(t, ModelDef)]
        names = self.python.class_names
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
    def list_method(self) -> MethodDoc | None:
        """A paginated method with no required arguments, for the pagination section."""
        pages = [m for m in self.methods if m.view.page is not None]
        simple = [m for m in pages if not any(a.required for a in m.arguments)]
        chosen = simple or pages
        return chosen[0] if chosen else None

    @functools.cached_property
    def simple_method(self) -> MethodDoc | None:
        """A method returning a model, preferably a GET, for the guide's general examples."""
        candidates = [
            m
            for m in self.methods
            if m.view.page is None
            and m.view.return_annotation.isidentifier()
            and m.view.return_annotation not in ("None", "bytes", "str")
            and not any(a.where in ("file", "form") for a in m.arguments)
        ]
        gets = [m for m in candidates if m.view.http_method == "GET"]
        chosen = gets or candidates
        return chosen[0] if chosen else None

    def _lines(self, imports: set[str], body: list[str]) -> str:
        return "\n".join([*sorted(imports), "", *body] if imports else body)

    @functools.cached_property
    def raw_example(self) -> str:
        m = self.simple_method
        if m is None:
            return "response = client.with_raw_response"
        call = m.qualified.replace("client.", "client.with_raw_response.", 1)
        code, imports = self.call_code(call, m.view, m.operation, lead=len("response = "))
        return self._lines(
            imports,
            [
                f"response = {code}",
                "print(response.status_code, response.request_id)",
                'print(response.headers.get("content-type"))',
                f"{variable_name(m.view.return_annotation)} = response.parsed",
            ],
        )

    @functools.cached_property
    def options_example(self) -> str:
        m = self.simple_method
        extra = ("timeout=20.0", "max_retries=5", 'extra_headers={"x-trace-id": "abc123"}')
        if m is None:
            return "# every method takes " + ", ".join(extra)
        name = variable_name(m.view.return_annotation)
        code, imports = self.call_code(m.qualified, m.view, m.operation, extra, len(name) + 3)
        return self._lines(imports, [f"{name} = {code}"])

    @functools.cached_property
    def async_example(self) -> str:
        m = self.simple_method
        client = self.options.async_client_class
        lines = ["import asyncio", "", f"from {self.options.package} import {client}", "", ""]
        lines += ["async def main() -> None:", f"    async with {client}() as client:"]
        imports: set[str] = set()
        if m is None:
            lines.append("        print(client)")
        else:
            name = variable_name(m.view.return_annotation)
            call = "await " + m.qualified
            code, imports = self.call_code(call, m.view, m.operation, lead=len(name) + 11)
            body = f"{name} = {code}\nprint({name}{self._id_suffix(m.view.return_annotation)})"
            lines += ["        " + line for line in body.split("\n")]
        lines += ["", "", "asyncio.run(main())"]
        return self._lines(imports, lines)

    @functools.cached_property
    def errors_example(self) -> str:
        package = self.options.package
        lines = [f"from {package} import APIConnectionError, APIStatusError, RateLimitError", ""]
        lines.append("try:")
        m = self.simple_method
        example = m.example if m is not None else "pass"
        lines += ["    " + line if line else "" for line in example.split("\n")]
        lines += [
            "except RateLimitError as error:",
            '    print("rate limited; retry after", error.headers.get("retry-after"))',
            "except APIStatusError as error:",
            "    print(error.status_code, error.code, error.message, error.request_id)",
            "except APIConnectionError as error:",
            '    print("the API could not be reached:", error)',
        ]
        return "\n".join(lines)

    @functools.cached_property
    def polling_example(self) -> str:
        if not self.quickstarts:
            return ""
        q = self.quickstarts[0]
        assert q.view.poll is not None
        extra = (
            "max_wait=600",
            "polling_options=PollingOptions(initial_delay_ms=500, max_delay_ms=10_000)",
        )
        name = variable_name(q.view.return_annotation)
        call = q.qualified + "_and_poll"
        code, imports = self.call_code(call, q.view, q.operation, extra, len(name) + 7)
        status = q.view.poll.status_field
        imports.add(f"from {self.options.package} import PollingOptions, PollingTimeoutError")
        body = ["try:"]
        body += ["    " + line for line in f"{name} = {code}".split("\n")]
        body += [
            f"    print({name}.{status})",
            "except PollingTimeoutError as error:",
            f'    print("still running after", round(error.waited), "s:", error.last.{status})',
        ]
        return self._lines(imports, body)

    @functools.cached_property
    def pages_example(self) -> str:
        m = self.list_method
        if m is None:
            return ""
        code, imports = self.call_code(m.qualified, m.view, m.operation, lead=len("first = "))
        return self._lines(
            imports,
            [
                f"first = {code}",
                "print(len(first.data), first.next_page_token)",
                "for page in first.iter_pages():",
                "    print(len(page.data))",
            ],
        )

    @functools.cached_property
    def webhook_example(self) -> str:
        view = self.context["webhooks"]
        if view is None:
            return ""
        type_property = getattr(view, "type_property", "type")
        fields = getattr(view, "generic_fields", ())
        attribute = next((f.name for f in fields if f.wire_name == type_property), "type")
        package = self.options.package
        return "\n".join(
            [
                f"from {package} import UnknownWebhookEvent, WebhookVerificationError",
                "",
                "",
                "def handle_webhook("
                "body: bytes, headers: dict[str, str], signing_secret: str) -> int:",
                '    """A web handler\'s core: the HTTP status to answer the delivery with."""',
                "    try:",
                "        event = client.webhooks.verify_and_parse(",
                "            body=body, headers=headers, signing_secret=signing_secret",
                "        )",
                "    except WebhookVerificationError:",
                "        return 400",
                "    if isinstance(event, UnknownWebhookEvent):",
                f'        print("an event type this SDK does not know yet:", event.{attribute})',
                "    else:",
                f'        print("received", event.{attribute})',
                "    return 200",
            ]
        )
