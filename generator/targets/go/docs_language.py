"""The Go target's docs language: signatures and example code as Go users write them.

Examples are the body of a function returning `error`, with `ctx` and `client` in scope (the
setup example makes them): each call checks its error and returns it, as Go code does. Values
are written by `GoValues`, typed as the SDK declares them."""

from __future__ import annotations

import json
from collections.abc import Mapping

from generator.ir.model import Operation
from generator.ir.names import Name
from generator.targets.docs.examples import SAMPLE_FILE, Code
from generator.targets.docs.model import DocsModel, MethodDoc
from generator.targets.docs.surface import ErrorClass, MethodSurface, ResourceSurface
from generator.targets.docs.typed_examples import CLIENT, TypedExamples
from generator.targets.go.docs_values import GoValues
from generator.targets.go.naming import KEYWORDS, go_string

_WIDTH = 100
_TAKEN = frozenset({"client", "ctx", "err", "fmt", "errors", "option", "core", "http", "page"})
_RETURN_ERR = ["if err != nil {", "\treturn err", "}"]


def variable_name(annotation: str, fallback: str = "result") -> str:
    """A variable for a value of the Go type `annotation`: `*extend.ParseRun` -> `parseRun`."""
    bare = annotation.lstrip("*[]").rsplit(".", 1)[-1]
    if not bare.isidentifier():
        return fallback
    name = Name.parse(bare).camel()
    return fallback if not name or name in KEYWORDS or name in _TAKEN else name


class GoDocsLanguage(TypedExamples):
    """Implements the docs' `DocsLanguage` for the Go SDK."""

    code_block = "go"
    file_sample = Code(f'strings.NewReader("%PDF-1.7 contents of {SAMPLE_FILE}")')

    def __init__(
        self, module: str, package: str, values: GoValues, fields: Mapping[str, Mapping[str, str]]
    ) -> None:
        self.module = module
        self.package = package
        self.go_values = values
        self.fields = fields
        """Struct name -> wire name -> Go field name, for reading fields off results."""

    def error_class(self, status: str) -> str:
        return "core.APIError"

    models_intro = (
        "Structs of what the API sends and takes; an optional field is a pointer (set it with\n"
        "the root package's helpers, `String`, `Int`, `Float64`, `Bool`). Decoding is lenient: a\n"
        "field the API adds, drops or changes never fails a call (`option.WithStrictDecoding`\n"
        "makes it an error). Enums are string types with constants; any other value decodes too."
    )
    errors_intro = (
        "Every method returns an `error`. A status of 400 or more is a `*core.APIError`; reach it\n"
        "with `errors.As` (`core.NotFound(err)` tells a 404)."
    )
    errors_fields = (
        "A `*core.APIError` carries `StatusCode`, `Header` and `Body` (the raw error body).\n"
        "Timeouts and cancellation come from the context: `context.DeadlineExceeded`,\n"
        "`context.Canceled`."
    )
    retries_text = (
        "Failed requests are tried up to three times by default (`option.WithMaxAttempts`), with\n"
        "exponential backoff that honours `Retry-After`: after connection failures and `408`,\n"
        "`429` and `5XX` answers, the last only where repeating the request is safe (`GET`,\n"
        "`PUT`, `DELETE`, or a request carrying an idempotency key). The context bounds every\n"
        "attempt and every wait."
    )

    def setup_example(self, token_env: str | None) -> str:
        token = "" if token_env else 'option.WithToken("YOUR_TOKEN")'
        option = [] if token_env else [f'\t"{self.module}/option"']
        return "\n".join(
            [
                "import (",
                '\t"context"',
                "",
                f'\t{self.package}client "{self.module}/client"',
                *option,
                ")",
                "",
                "ctx := context.Background()",
                f"{CLIENT} := {self.package}client.NewClient({token})",
            ]
        )

    def client_note(self, token_env: str | None) -> str:
        if not token_env:
            return "Pass the token with `option.WithToken`."
        return (
            f"The token comes from `option.WithToken` or, when that is not given, from the\n"
            f"`{token_env}` environment variable. Every option can also be given per call."
        )

    def stream_note(self) -> str:
        return "through its `<Create>Stream` twin, read with `for stream.Next()`"

    def poll_note(self, method: str) -> str:
        return (
            f"`{method}AndPoll` takes the same arguments (`option.WithPollInterval` sets the"
            " interval; the context bounds the wait)"
        )

    pages_note = "its `<List>AutoPaging` twin walks every item of every page"

    def error_table(self, *, polling: bool, webhooks: bool) -> tuple[ErrorClass, ...]:
        table = [
            ErrorClass("core.APIError", "the API answered with an error status", "any 4xx or 5xx"),
            ErrorClass("core.DecodeError", "a body does not decode (strict decoding)", "—"),
            ErrorClass("url.Error", "the API could not be reached", "—"),
            ErrorClass(
                "context.DeadlineExceeded",
                "the context's deadline passed"
                + (" (a poll helper's wait included)" if polling else ""),
                "—",
            ),
        ]
        if webhooks:
            table.append(
                ErrorClass("webhook.VerificationError", "a webhook delivery fails checks", "—")
            )
        return tuple(table)

    def client_title(self, resource: ResourceSurface | None) -> str:
        return CLIENT if resource is None else f"{CLIENT}.{resource.attribute}"

    def signature(self, qualified: str, m: MethodSurface) -> str:
        params = ["ctx context.Context", *(f"{a.name} {a.annotation}" for a in m.positional)]
        request = getattr(m, "request_type", None)
        if request:
            params.append(f"request *{request}")
        params.append("opts ...option.RequestOption")
        returns = f"({m.return_annotation}, error)" if m.return_annotation else "error"
        one_line = f"{qualified}({', '.join(params)}) {returns}"
        if len(one_line) <= _WIDTH:
            return one_line
        return f"{qualified}(\n" + "".join(f"\t{p},\n" for p in params) + f") {returns}"

    # ----- calls ---------------------------------------------------------------------------
    def id_type(self, annotation: str) -> str | None:
        bare = annotation.lstrip("*").rsplit(".", 1)[-1]
        return bare if bare.isidentifier() and bare != "string" else None

    def result_name(self, annotation: str) -> str:
        return variable_name(annotation)

    def call_code(
        self,
        docs: DocsModel,
        call: str,
        m: MethodSurface,
        op: Operation,
        options: str = "",
        extra: tuple[str, ...] = (),
    ) -> str:
        """`call(ctx, path..., &Request{...}, options)` with the example arguments (and the
        request fields `extra`, written `Name: value`)."""
        positional = ["ctx"]
        fields: list[str] = list(extra)
        for arg in docs.example_arguments(m):
            value = self.argument(docs, arg, m, op)
            if arg.where == "path":
                positional.append(self.go_values.value(arg.type_node, value) or '""')
                continue
            written = self.go_values.field(arg.type_node, value, arg.annotation)
            if written is not None:
                fields.append(f"{arg.name}: {written}")
        request = getattr(m, "request_type", None)
        parts = list(positional)
        if request:
            literal = f"&{request}{{{', '.join(fields)}}}" if fields else "nil"
            if len(f"{call}({literal})") > _WIDTH and fields:
                literal = f"&{request}{{\n" + "".join(f"\t{f},\n" for f in fields) + "}"
            parts.append(literal)
        if options:
            parts.append(options)
        return f"{call}({', '.join(parts)})"

    def assigned(self, m: MethodSurface, code: str, name: str) -> list[str]:
        """The call assigning its result to `name` (nothing for no result), then its error
        checked."""
        if m.returns_none:
            return [f"err := {code}", *_RETURN_ERR]
        return [f"{name}, err := {code}", *_RETURN_ERR]

    def printed(self, value: str) -> str:
        return f"fmt.Println({value})"

    def walked(self, m: MethodSurface, code: str) -> list[str]:
        return [f"iter := {code}", "for iter.Next() {", "\tfmt.Println(iter.Current())", "}",
                "if err := iter.Err(); err != nil {", "\treturn err", "}"]  # fmt: skip

    def streamed(self, code: str) -> list[str]:
        return [f"stream, err := {code}", *_RETURN_ERR, "defer stream.Close()",
                "for stream.Next() {", "\tfmt.Println(stream.Current())", "}",
                "if err := stream.Err(); err != nil {", "\treturn err", "}"]  # fmt: skip

    def items_shown(self, method: MethodDoc) -> str:
        pagination = method.operation.pagination
        struct = method.view.return_annotation.lstrip("*").rsplit(".", 1)[-1]
        field = self.fields.get(struct, {}).get(pagination.items_field) if pagination else None
        return f"len(page.{field})" if field else "page"

    # ----- the guide -----------------------------------------------------------------------
    def raw_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        if m is None:
            return "// every resource has WithRawResponse, returning status and headers too"
        owner, method = m.qualified.rsplit(".", 1)
        code = self.call_code(docs, f"{owner}.WithRawResponse.{method}", m.view, m.operation)
        return "\n".join(
            [f"response, err := {code}", *_RETURN_ERR,
             'fmt.Println(response.StatusCode, response.Header.Get("Content-Type"), response.Body)']
        )  # fmt: skip

    def options_example(self, docs: DocsModel) -> str:
        options = (
            'option.WithMaxAttempts(5), option.WithHTTPHeader(http.Header{"X-Trace-Id": '
            '{"abc123"}})'
        )
        lines = self.simple_call(docs, options=options)
        return "\n".join(lines) if lines else f"// every method takes options last: {options}"

    def async_example(self, docs: DocsModel) -> str:
        """Timeouts and cancellation: Go's calls block, and the context bounds them."""
        lines = ["ctx, cancel := context.WithTimeout(ctx, 5*time.Second)", "defer cancel()"]
        return "\n".join([*lines, *self.simple_call(docs)])

    def errors_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        if m is None:
            return ""
        code = self.call_code(docs, m.qualified, m.view, m.operation)
        result = "_, err" if m.view.return_annotation else "err"
        return "\n".join(
            [
                f"{result} := {code}",
                "var apiError *core.APIError",
                "switch {",
                "case errors.As(err, &apiError) &&"
                " apiError.StatusCode == http.StatusTooManyRequests:",
                '\tfmt.Println("rate limited; retry after", apiError.Header.Get("Retry-After"))',
                "case errors.As(err, &apiError):",
                "\tfmt.Println(apiError.StatusCode, string(apiError.Body))",
                "case errors.Is(err, context.DeadlineExceeded):",
                '\tfmt.Println("timed out")',
                "case err != nil:",
                "\treturn err",
                "}",
            ]
        )

    def polling_example(self, docs: DocsModel) -> str:
        if not docs.quickstarts:
            return ""
        q = docs.quickstarts[0]
        assert q.view.poll is not None
        name = variable_name(q.view.return_annotation)
        code = self.call_code(
            docs, self.poll_qualified(q.qualified), q.view, q.operation,
            "option.WithPollInterval(500*time.Millisecond)",
        )  # fmt: skip
        status = getattr(q.view.poll, "status_getter", "Status")
        return "\n".join(
            [
                "ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)",
                "defer cancel()",
                f"{name}, err := {code}",
                "if errors.Is(err, context.DeadlineExceeded) {",
                '\tfmt.Println("still running after ten minutes")',
                "} else if err != nil {",
                "\treturn err",
                "} else {",
                f"\tfmt.Println({name}.{status})",
                "}",
            ]
        )

    def webhook_example(self, docs: DocsModel) -> str:
        if docs.context["webhooks"] is None:
            return ""
        return "\n".join(
            [
                "// handleWebhook is a web handler's core: the HTTP status to answer with.",
                "handleWebhook := func(body []byte, header http.Header,"
                " signingSecret string) int {",
                "\tevent, err := webhook.VerifyAndParse(body, header, signingSecret)",
                "\tvar verificationError *webhook.VerificationError",
                "\tif errors.As(err, &verificationError) {",
                "\t\treturn http.StatusBadRequest",
                "\t} else if err != nil {",
                "\t\treturn http.StatusInternalServerError",
                "\t}",
                '\tfmt.Println("received", event.Type)',
                "\treturn http.StatusOK",
                "}",
            ]
        )

    def webhook_test_example(self, docs: DocsModel) -> str:
        """Follows `webhook_example` in the same block: it calls `handleWebhook`."""
        found = docs.webhook_event_example()
        if found is None:
            return ""
        _event_type, delivery = found
        text = json.dumps(delivery, ensure_ascii=False)
        body = f"`{text}`" if "`" not in text else go_string(text)
        return "\n".join(
            [
                f"body := []byte({body})",
                'header, err := webhook.Sign(body, "wss_test_secret", time.Now())',
                *_RETURN_ERR,
                'fmt.Println(handleWebhook(body, header, "wss_test_secret") == http.StatusOK)',
            ]
        )

    def http_client_example(self, docs: DocsModel) -> str:
        lines = [
            "offline := httptest.NewServer(http.HandlerFunc("
            "func(w http.ResponseWriter, _ *http.Request) {",
            "\tw.WriteHeader(http.StatusNotFound)",
            '\tfmt.Fprint(w, `{"message": "no such thing"}`)',
            "}))",
            "defer offline.Close()",
            f"testClient := {self.package}client.NewClient(",
            '\toption.WithToken("test"),',
            "\toption.WithBaseURL(offline.URL),",
            "\toption.WithHTTPClient(offline.Client()),",
            ")",
        ]
        m = docs.simple_method
        if m is None:
            return "\n".join([*lines, "_ = testClient"])
        call = m.qualified.replace(f"{CLIENT}.", "testClient.", 1)
        code = self.call_code(docs, call, m.view, m.operation)
        result = "_, err" if m.view.return_annotation else "err"
        return "\n".join([*lines, f"{result} := {code}", "fmt.Println(core.NotFound(err))"])
