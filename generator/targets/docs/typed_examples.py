"""The example writing Go and Java share: both docs languages read the plain views of
`views.py` and write the same shapes of example, a call assigning its result and printing it, a
list walked by its auto-pager, a poll helper's status, a page then every item. The shapes are
written once here; each language gives its statements through the hooks (`call_code`,
`assigned`, `printed`, `walked`, ...)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from generator.ir.model import Operation
from generator.ir.names import Name
from generator.targets.docs.model import DocsModel, MethodDoc
from generator.targets.docs.surface import ArgSurface, MethodSurface, ResourceSurface

CLIENT = "client"


class TypedExamples(ABC):
    """The shared part of a statically typed language's docs examples; a subclass gives the
    hooks below and the rest of `DocsLanguage`."""

    status_getter = "Status"
    """How a run's status is read when the view names no getter."""

    # ----- hooks ---------------------------------------------------------------------------
    @abstractmethod
    def client_title(self, resource: ResourceSurface | None) -> str:
        """How users reach `resource` (the client itself for None)."""

    @abstractmethod
    def call_code(
        self,
        docs: DocsModel,
        call: str,
        m: MethodSurface,
        op: Operation,
        options: str = "",
        extra: tuple[str, ...] = (),
    ) -> str:
        """The expression calling `call` with the example arguments, then `options`."""

    @abstractmethod
    def id_type(self, annotation: str) -> str | None:
        """The type name of a result `annotation` whose snake case names an example id
        (`parse_run_123`); None when it names none."""

    @abstractmethod
    def result_name(self, annotation: str) -> str:
        """A variable for a result of type `annotation`."""

    @abstractmethod
    def assigned(self, m: MethodSurface, code: str, name: str) -> list[str]:
        """The statements running the call `code`, its result (if any) in `name`."""

    @abstractmethod
    def printed(self, value: str) -> str:
        """The statement printing `value`."""

    @abstractmethod
    def walked(self, m: MethodSurface, code: str) -> list[str]:
        """The statements printing every item the auto-pager call `code` walks."""

    @abstractmethod
    def streamed(self, code: str) -> list[str]:
        """The statements printing each event of the stream the call `code` returns, then
        closing it."""

    @abstractmethod
    def items_shown(self, method: MethodDoc) -> str:
        """What a list method's example prints of its first page (held in `page`)."""

    # ----- the shapes ----------------------------------------------------------------------
    def qualified(self, resource: ResourceSurface | None, method: MethodSurface) -> str:
        return f"{self.client_title(resource)}.{method.name}"

    def poll_qualified(self, qualified: str) -> str:
        return qualified + "AndPoll"

    def argument(self, docs: DocsModel, arg: ArgSurface, m: MethodSurface, op: Operation) -> Any:
        """The example value of `arg`: a path `id` is the spec's example id, or one named
        after the type the call returns."""
        if arg.where == "path" and arg.wire_name == "id" and docs.textual(arg.type_node):
            known = docs.example_id(op)
            if known is not None:
                return known
            bare = self.id_type(m.return_annotation)
            if bare is not None:
                return f"{Name.parse(bare).snake()}_123"
        return docs.values.value(arg.type_node, arg.wire_name or arg.name)

    def example(
        self, docs: DocsModel, qualified: str, m: MethodSurface, op: Operation, *, poll: bool
    ) -> str:
        if m.page is not None and not poll:
            walker = qualified.rsplit(".", 1)[0] + "." + getattr(m.page, "walker", "")
            return "\n".join(self.walked(m, self.call_code(docs, walker, m, op)))
        name = self.result_name(m.return_annotation)
        call = self.poll_qualified(qualified) if poll else qualified
        lines = self.assigned(m, self.call_code(docs, call, m, op), name)
        if not m.returns_none:
            shown = name
            if poll and m.poll is not None:
                shown = f"{name}.{getattr(m.poll, 'status_getter', self.status_getter)}"
            lines.append(self.printed(shown))
        return "\n".join(lines)

    def stream_example(
        self, docs: DocsModel, qualified: str, m: MethodSurface, op: Operation
    ) -> str:
        """A call answering with events, read event by event: the method itself where it
        always answers events, else its twin asking for them (`CreateStream`)."""
        twin = getattr(m, "stream", None)
        if m.response_kind != "event_stream":
            if twin is None:
                return self.example(docs, qualified, m, op, poll=False)
            qualified = qualified.rsplit(".", 1)[0] + "." + twin
        return "\n".join(self.streamed(self.call_code(docs, qualified, m, op)))

    def simple_call(self, docs: DocsModel, client: str = CLIENT, options: str = "") -> list[str]:
        """The guide's general call (a method returning a model) on `client`, its result
        printed; nothing when the API has no such method."""
        m = docs.simple_method
        if m is None:
            return []
        call = m.qualified.replace(f"{CLIENT}.", f"{client}.", 1)
        name = self.result_name(m.view.return_annotation)
        code = self.call_code(docs, call, m.view, m.operation, options)
        return [*self.assigned(m.view, code, name), self.printed(name)]

    def pages_example(self, docs: DocsModel, method: MethodDoc) -> str:
        m = method
        page = m.view.page
        assert page is not None
        owner = m.qualified.rsplit(".", 1)[0]
        first = self.call_code(docs, m.qualified, m.view, m.operation)
        walk = self.call_code(docs, f"{owner}.{getattr(page, 'walker', '')}", m.view, m.operation)
        return "\n".join(
            [
                *self.assigned(m.view, first, "page"),
                self.printed(self.items_shown(m)),
                *self.walked(m.view, walk),
            ]
        )
