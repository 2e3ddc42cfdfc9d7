"""The Java target's docs language: signatures and example code as Java users write them.

Examples are the body of a method with `client` in scope (the setup example makes it); the
SDK's exceptions are unchecked, so no example declares any. Values are written by
`JavaValues`, typed as the SDK declares them."""

from __future__ import annotations

import json
from collections.abc import Mapping

from generator.ir.model import Operation
from generator.ir.names import Name
from generator.targets.docs.examples import SAMPLE_FILE, Code
from generator.targets.docs.model import DocsModel, MethodDoc
from generator.targets.docs.surface import ErrorClass, MethodSurface, ResourceSurface
from generator.targets.docs.typed_examples import CLIENT, TypedExamples
from generator.targets.java.docs_values import JavaValues
from generator.targets.java.naming import KEYWORDS, java_string

_WIDTH = 100
_TAKEN = frozenset({"client", "item", "page", "response", "e"})


def variable_name(annotation: str, fallback: str = "result") -> str:
    """A variable for a value of the Java type `annotation`: `ParseRun` -> `parseRun`."""
    if not annotation.isidentifier():
        return fallback
    name = Name.parse(annotation).camel()
    return fallback if not name or name in KEYWORDS or name in _TAKEN else name


class JavaDocsLanguage(TypedExamples):
    """Implements the docs' `DocsLanguage` for the Java SDK."""

    status_getter = "getStatus()"

    code_block = "java"
    file_sample = Code(f"FileUpload.of(Path.of({java_string(SAMPLE_FILE)}))")

    def __init__(
        self,
        package: str,
        client_class: str,
        values: JavaValues,
        errors: Mapping[int, str],
        getters: Mapping[str, Mapping[str, str]],
    ) -> None:
        self.package = package
        self.client_class = client_class
        self.java_values = values
        self.errors = errors
        """Declared error status -> its exception class (`errors` package)."""
        self.getters = getters
        """Model class -> wire name -> getter, for reading fields off results."""

    def error_class(self, status: str) -> str:
        code = int(status) if status.isdigit() else 0
        return self.errors.get(code, "ApiException")

    models_intro = (
        "Immutable classes built with `builder()`; an optional field's getter returns an\n"
        "`Optional`. Reading is lenient: fields the SDK does not know are kept, and a value that\n"
        "drifted to another shape reads as absent instead of failing the call. String enums are\n"
        "open: known values are constants, any other value is kept (`isKnown()`)."
    )
    errors_intro = (
        "Every exception the SDK throws is an unchecked `core.SdkException`; an error status is a\n"
        "`core.ApiException`, a declared one its subclass in the `errors` package."
    )
    errors_fields = (
        "An `ApiException` carries `statusCode()`, `headers()` and `body()` (the parsed error\n"
        "body, or its text)."
    )
    retries_text = (
        "Failed requests are retried twice by default (`maxRetries` on the client or in\n"
        "`RequestOptions`), with exponential backoff that honours `Retry-After`: after connection\n"
        "failures and `408`, `409` and `5XX` answers where repeating the request is safe, and\n"
        "after `429`. `timeout` bounds each request."
    )
    pages_note = "its `<list>AutoPaging` twin is an `Iterable` over every item of every page"

    def setup_example(self, token_env: str | None) -> str:
        token = "" if token_env else '.apiKey("YOUR_TOKEN")'
        client = self.client_class
        return (
            f"import {self.package}.{client};\n\n"
            f"{client} {CLIENT} = {client}.builder(){token}.build();"
        )

    def client_note(self, token_env: str | None) -> str:
        if not token_env:
            return "Pass the token to the builder's `apiKey`."
        return (
            f"The token comes from the builder's `apiKey` or, when that is not given, from the\n"
            f"`{token_env}` environment variable."
        )

    def stream_note(self) -> str:
        return "through its `<create>Stream` twin, an `Iterable` of events"

    def poll_note(self, method: str) -> str:
        return (
            f"`{method}AndPoll` takes the same arguments (the client's `pollInterval` and"
            " `pollTimeout` set the schedule)"
        )

    def error_table(self, *, polling: bool, webhooks: bool) -> tuple[ErrorClass, ...]:
        table = [
            ErrorClass("ApiException", "the API answered with an error status", "any 4xx or 5xx"),
            *(
                ErrorClass(name, "the API answered with this status", str(status))
                for status, name in sorted(self.errors.items())
            ),
            ErrorClass(
                "SdkException",
                "the API could not be reached, a request timed out or a body did not read"
                + (", or a poll helper's wait ran out" if polling else "")
                + (", or a webhook delivery fails checks" if webhooks else ""),
                "—",
            ),
        ]
        return tuple(table)

    def client_title(self, resource: ResourceSurface | None) -> str:
        return CLIENT if resource is None else f"{CLIENT}.{resource.attribute}()"

    def signature(self, qualified: str, m: MethodSurface) -> str:
        params = [f"{a.annotation} {a.name}" for a in m.positional]
        request = getattr(m, "request_type", None)
        if request:
            params.append(f"{request} request")
        params.append("RequestOptions requestOptions")
        returns = m.sync_return
        one_line = f"{returns} {qualified}({', '.join(params)})"
        if len(one_line) <= _WIDTH:
            return one_line
        return f"{returns} {qualified}(\n" + ",\n".join(f"    {p}" for p in params) + ")"

    # ----- calls ---------------------------------------------------------------------------
    def id_type(self, annotation: str) -> str | None:
        return annotation if annotation.isidentifier() and annotation != "String" else None

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
        """`call(path..., Request.builder()...build(), options)` with the example arguments
        (and the builder calls `extra`, written `.name(value)`)."""
        positional: list[str] = []
        setters: list[str] = list(extra)
        for arg in docs.example_arguments(m):
            value = self.argument(docs, arg, m, op)
            written = self.java_values.value(arg.type_node, value)
            if "FileUpload" in arg.annotation:  # a file argument: its upload, not its bytes
                files = value if isinstance(value, list) else [value]
                uploads = ", ".join(v.source for v in files if isinstance(v, Code))
                written = f"List.of({uploads})" if isinstance(value, list) else uploads
            if arg.where == "path":
                positional.append(written or '""')
            elif written is not None:
                setters.append(f".{arg.name}({written})")
        request = getattr(m, "request_type", None)
        parts = list(positional)
        if request and (setters or getattr(m, "request_required", False)):
            built = f"{request}.builder(){''.join(setters)}.build()"
            if len(f"{call}({built})") > _WIDTH:
                built = (
                    f"{request}.builder()\n"
                    + "".join(f"        {s}\n" for s in setters)
                    + "        .build()"
                )
            parts.append(built)
        if options:
            parts.append(options)
        return f"{call}({', '.join(parts)})"

    def assigned(self, m: MethodSurface, code: str, name: str) -> list[str]:
        if m.returns_none:
            return [f"{code};"]
        return [f"{m.return_annotation} {name} = {code};"]

    def printed(self, value: str) -> str:
        return f"System.out.println({value});"

    def walked(self, m: MethodSurface, code: str) -> list[str]:
        item = m.page.item_annotation if m.page is not None else "Object"
        return [f"for ({item} item : {code}) {{", "    System.out.println(item);", "}"]

    def streamed(self, code: str) -> list[str]:
        return [f"try (var stream = {code}) {{", "    for (var event : stream) {",
                "        System.out.println(event);", "    }", "}"]  # fmt: skip

    def items_shown(self, method: MethodDoc) -> str:
        pagination = method.operation.pagination
        getters = self.getters.get(method.view.return_annotation, {})
        getter = getters.get(pagination.items_field) if pagination is not None else None
        return f"page.{getter}()" if getter else "page"

    # ----- the guide -----------------------------------------------------------------------
    def raw_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        if m is None:
            return "// every client has withRawResponse(), returning status and headers too"
        owner, method = m.qualified.rsplit(".", 1)
        code = self.call_code(docs, f"{owner}.withRawResponse().{method}", m.view, m.operation)
        return "\n".join(
            [
                f"RawResponse<{m.view.return_annotation}> response = {code};",
                'System.out.println(response.statusCode() + " "'
                ' + response.headers().firstValue("content-type").orElse("")'
                ' + " " + response.body());',
            ]
        )

    def options_example(self, docs: DocsModel) -> str:
        options = (
            "RequestOptions.builder().timeout(20).maxRetries(5)"
            '.addHeader("X-Trace-Id", "abc123").build()'
        )
        lines = self.simple_call(docs, options=options)
        return "\n".join(lines) if lines else f"// every method takes {options} last"

    def async_example(self, docs: DocsModel) -> str:
        client = self.client_class
        lines = [f"Async{client} asyncClient = Async{client}.builder().build();"]
        m = docs.simple_method
        if m is None:
            return "\n".join(lines)
        call = m.qualified.replace(f"{CLIENT}.", "asyncClient.", 1)
        code = self.call_code(docs, call, m.view, m.operation)
        return "\n".join(
            [*lines, f"CompletableFuture<{m.view.return_annotation}> future = {code};",
             "future.thenAccept(System.out::println).join();"]
        )  # fmt: skip

    def errors_example(self, docs: DocsModel) -> str:
        body = self.simple_call(docs)
        limited = self.errors.get(429)
        lines = ["try {", *(f"    {line}" for line in body)]
        if limited is not None:
            lines += [
                f"}} catch ({limited} e) {{",
                '    System.out.println("rate limited; retry after "'
                ' + e.headers().firstValue("retry-after").orElse("?"));',
            ]
        lines += [
            "} catch (ApiException e) {",
            '    System.out.println(e.statusCode() + " " + e.body());',
            "} catch (SdkException e) {",
            '    System.out.println("the API could not be reached: " + e.getMessage());',
            "}",
        ]
        return "\n".join(lines)

    def polling_example(self, docs: DocsModel) -> str:
        if not docs.quickstarts:
            return ""
        q = docs.quickstarts[0]
        assert q.view.poll is not None
        name = variable_name(q.view.return_annotation)
        client = self.client_class
        code = self.call_code(
            docs, self.poll_qualified(q.qualified).replace(f"{CLIENT}.", "patient.", 1),
            q.view, q.operation,
        )  # fmt: skip
        status = getattr(q.view.poll, "status_getter", "getStatus()")
        return "\n".join(
            [
                f"{client} patient = {client}.builder()",
                "        .pollInterval(Duration.ofMillis(500))",
                "        .pollTimeout(Duration.ofMinutes(10))",
                "        .build();",
                f"{q.view.return_annotation} {name} = {code};",
                f"System.out.println({name}.{status});",
            ]
        )

    def webhook_example(self, docs: DocsModel) -> str:
        if docs.context["webhooks"] is None:
            return ""
        client = self.client_class
        return "\n".join(
            [
                "// A web handler's core: the HTTP status to answer the delivery with.",
                "java.util.function.BiFunction<String, Map<String, List<String>>, Integer>"
                " handleWebhook =",
                "        (body, headers) -> {",
                "            try {",
                f"                Object event = {client}.webhooks().verifyAndParse(",
                '                        body, headers, "wss_test_secret", Object.class)'
                ".orElseThrow();",
                '                System.out.println("received " + event);',
                "                return 200;",
                "            } catch (SdkException rejected) {",
                "                return 400;",
                "            }",
                "        };",
            ]
        )

    def webhook_test_example(self, docs: DocsModel) -> str:
        """Follows `webhook_example` in the same block: it calls `handleWebhook`."""
        found = docs.webhook_event_example()
        if found is None:
            return ""
        _event_type, delivery = found
        client = self.client_class
        body = java_string(json.dumps(delivery, ensure_ascii=False))
        return "\n".join(
            [
                f"String body = {body};",
                f'Map<String, String> signed = {client}.webhooks().sign(body, "wss_test_secret",',
                "        java.time.Instant.now().getEpochSecond());",
                "Map<String, List<String>> headers = new java.util.HashMap<>();",
                "signed.forEach((name, value) -> headers.put(name, List.of(value)));",
                "System.out.println(handleWebhook.apply(body, headers) == 200);",
            ]
        )

    def http_client_example(self, docs: DocsModel) -> str:
        client = self.client_class
        lines = [
            "java.net.http.HttpClient own = java.net.http.HttpClient.newBuilder()",
            "        .connectTimeout(Duration.ofSeconds(5))",
            "        .build();",
            f'{client} ownClient = {client}.builder().apiKey("test").httpClient(own).build();',
        ]
        body = self.simple_call(docs, client="ownClient")
        return "\n".join([*lines, *body])
