"""The TypeScript target's docs language: signatures and example code as TypeScript users
write them. The docs (`targets/docs/`) ask this for every signature, example and error name."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.ir.model import Operation
from generator.ir.names import Name
from generator.targets.docs.examples import SAMPLE_FILE, Code
from generator.targets.docs.model import DocsModel, MethodDoc, stream_selector
from generator.targets.docs.surface import ArgSurface, ErrorClass, MethodSurface, ResourceSurface
from generator.targets.typescript.naming import RESERVED_WORDS, property_key, ts_string

CLIENT = "client"
_WIDTH = 100

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


def error_class(status: str) -> str:
    if status.isdigit():
        code = int(status)
        return "InternalServerError" if code >= 500 else ERROR_CLASSES.get(code, "ApiError")
    return "InternalServerError" if status.upper() == "5XX" else "ApiError"


def ts_code(value: Any, indent: int = 0) -> str:
    """A value as a TypeScript expression: one line when it fits, else one item per line."""
    if isinstance(value, Code):
        return value.source
    flat = _flat(value)
    if indent + len(flat) <= _WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [
            f"{pad}{property_key(str(k))}: {ts_code(v, indent + 2)}," for k, v in value.items()
        ]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{ts_code(v, indent + 2)}," for v in value]
    return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"


def _flat(value: Any) -> str:
    if isinstance(value, Code):
        return value.source
    if isinstance(value, str):
        return ts_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        return (
            "{ " + ", ".join(f"{property_key(str(k))}: {_flat(v)}" for k, v in value.items()) + " }"
        )
    return "[" + ", ".join(_flat(v) for v in value) + "]"


def variable_name(annotation: str, fallback: str = "result") -> str:
    """A variable for a value of this type: `ParseRun` -> `parseRun`."""
    if not annotation.isidentifier():
        return fallback
    name = Name.parse(annotation).camel()
    if not name or name in RESERVED_WORDS or name in ("client", "options"):
        return fallback
    return name


NEXT_PAGE_ACCESSORS = {
    "page_token": "nextPageToken",
    "cursor": "nextCursor",
    "offset": "nextOffset",
    "page": "nextPageNumber",
    "next_url": "nextUrl",
}
"""The accessor of a page's next-page value, by paging style (the runtime's `Page`)."""


class TypescriptDocsLanguage:
    """Implements the docs' `DocsLanguage` for the TypeScript SDK."""

    code_block = "ts"
    file_sample = Code(
        f'new Blob([await readFile({ts_string(SAMPLE_FILE)})], {{ type: "application/pdf" }})'
    )

    def __init__(self, package: str, client_class: str) -> None:
        self.package = package
        self.client_class = client_class

    # ----- names ---------------------------------------------------------------------------
    def error_class(self, status: str) -> str:
        return error_class(status)

    # ----- prose ---------------------------------------------------------------------------
    models_intro = (
        "Types of what the API sends and takes, fields by their wire names. Responses are not\n"
        "validated: a field the API adds, drops or changes never throws. Enums are open: a value\n"
        "the SDK does not know yet type-checks as a plain string."
    )
    errors_fields = (
        "An `ApiError` carries `statusCode`, `code`, `message`, `retryable`, `requestId`,\n"
        "`headers` and `body` (the parsed error body, or its text). `APITimeoutError` is an\n"
        "`APIConnectionError`."
    )
    retries_text = (
        "Failed requests are retried twice by default (`maxRetries` on the client or per call),\n"
        "with exponential backoff (0.5 s doubling up to 8 s, with jitter) that honours\n"
        "`Retry-After` and `retry-after-ms`. Idempotent requests (`GET`, `HEAD`, `OPTIONS`,\n"
        "`PUT`, `DELETE`) are retried after connection failures, timeouts and `408`, `429`,\n"
        "`500`, `502`, `503` or `504` answers. A `POST` is retried only when that cannot\n"
        "duplicate work: the connection never reached the server, the answer was `429`, or the\n"
        "API says it is safe"
        ' (`x-should-retry: true`, or `"retryable": true` in the error body).'
    )

    @property
    def errors_intro(self) -> str:
        base = self.client_class.removesuffix("Client") or "Api"
        return (
            f"Every error the SDK throws extends `SdkError`; an error status is an `ApiError`\n"
            f"(also exported as `{base}Error`). All are exported from `{self.package}`."
        )

    def setup_example(self, token_env: str | None) -> str:
        token = "" if token_env else '{ token: "YOUR_TOKEN" }'
        client = self.client_class
        return (
            f"import {{ {client} }} from {ts_string(self.package)};\n\n"
            f"const {CLIENT} = new {client}({token});"
        )

    def client_note(self, token_env: str | None) -> str:
        if not token_env:
            return "Pass the token as `token`, or a function returning it for each request."
        return (
            f"The token comes from `token` or, when that is not given, from the `{token_env}`\n"
            "environment variable where the runtime has `process.env`."
        )

    def stream_note(self) -> str:
        return "`for await` reads each event as it arrives; `stream.abort()` closes the connection"

    def poll_note(self, method: str) -> str:
        return (
            f"`{method}AndPoll` takes the same arguments, its options also `maxWaitMs` and"
            " `pollIntervalMs`"
        )

    pages_note = "iterating it walks every page"

    def poll_qualified(self, qualified: str) -> str:
        return qualified + "AndPoll"

    def error_table(self, *, polling: bool, webhooks: bool) -> tuple[ErrorClass, ...]:
        table = [
            ErrorClass("ApiError", "the API answered with an error status", "any 4xx or 5xx"),
            *(
                ErrorClass(name, "the API answered with this status", str(status))
                for status, name in ERROR_CLASSES.items()
            ),
            ErrorClass("InternalServerError", "the API failed", "5xx"),
            ErrorClass(
                "APIConnectionError", "the API could not be reached, or the call was aborted", "—"
            ),
            ErrorClass("APITimeoutError", "the request timed out", "—"),
            ErrorClass("ConfigurationError", "the client has no token or a bad option", "—"),
        ]
        if polling:
            table.append(ErrorClass("PollingTimeoutError", "`maxWaitMs` ran out", "—"))
        if webhooks:
            table.append(
                ErrorClass("WebhookVerificationError", "a webhook delivery fails checks", "—")
            )
        return tuple(table)

    def client_title(self, resource: ResourceSurface | None) -> str:
        return CLIENT if resource is None else f"{CLIENT}.{resource.attribute}"

    def qualified(self, resource: ResourceSurface | None, method: MethodSurface) -> str:
        return f"{self.client_title(resource)}.{method.name}"

    def signature(self, qualified: str, m: MethodSurface) -> str:
        params = [f"{a.name}: {a.annotation}" for a in m.positional]
        request = getattr(m, "request_type", None)
        if request:
            optional = "" if getattr(m, "request_required", False) else "?"
            params.append(f"request{optional}: {request}")
        params.append("options?: RequestOptions")
        page = m.page
        returns = (
            f"PagePromise<{page.item_annotation}>"
            if page is not None
            else f"ApiPromise<{m.return_annotation}>"
        )
        one_line = f"{qualified}({', '.join(params)}): {returns}"
        if len(one_line) <= _WIDTH:
            return one_line
        body = "".join(f"  {p},\n" for p in params)
        return f"{qualified}(\n{body}): {returns}"

    # ----- calls ---------------------------------------------------------------------------
    def argument_value(
        self, docs: DocsModel, arg: ArgSurface, m: MethodSurface, op: Operation
    ) -> object:
        if arg.where == "path" and arg.wire_name == "id" and docs.textual(arg.type_node):
            known = docs.example_id(op)
            if known is not None:
                return known
            if m.return_annotation.isidentifier() and m.return_annotation not in ("void", "string"):
                return f"{Name.parse(m.return_annotation).snake()}_123"
        return docs.values.value(arg.type_node, arg.wire_name or arg.name)

    def call_code(
        self,
        docs: DocsModel,
        call: str,
        m: MethodSurface,
        op: Operation,
        options: str = "",
        extra: Mapping[str, Any] | None = None,
    ) -> tuple[str, bool]:
        """`call(args...)` with the example arguments (and the request fields of `extra`),
        and whether it reads a local file."""
        positional: list[str] = []
        fields: dict[str, Any] = dict(extra or {})
        for arg in docs.example_arguments(m):
            value = self.argument_value(docs, arg, m, op)
            if arg.where == "path":
                positional.append(ts_code(value, 2))
            else:
                fields[arg.name] = value
        reads_file = any(isinstance(v, Code) for v in fields.values())
        parts = list(positional)
        if getattr(m, "request_type", None) and (fields or options):
            parts.append(ts_code(fields, 2) if fields else "{}")
        if options:
            parts.append(options)
        one_line = f"{call}({', '.join(parts)})"
        if len(one_line) <= _WIDTH and "\n" not in one_line:
            return one_line, reads_file
        return call + "(\n" + "".join(f"  {p},\n" for p in parts) + ")", reads_file

    def _imports(self, names: list[str], reads_file: bool) -> list[str]:
        lines = []
        if reads_file:
            lines.append('import { readFile } from "node:fs/promises";')
        if names:
            lines.append(
                f"import {{ {', '.join(sorted(set(names)))} }} from {ts_string(self.package)};"
            )
        return [*lines, ""] if lines else []

    def example(
        self, docs: DocsModel, qualified: str, m: MethodSurface, op: Operation, *, poll: bool
    ) -> str:
        call = f"{qualified}AndPoll" if poll else qualified
        name = variable_name(m.return_annotation)
        if m.page is not None:
            item = variable_name(m.page.item_annotation, "item")
            code, reads = self.call_code(docs, call, m, op)
            body = [f"for await (const {item} of {code}) {{", f"  console.log({item});", "}"]
        elif m.returns_none:
            code, reads = self.call_code(docs, call, m, op)
            body = [f"await {code};"]
        else:
            code, reads = self.call_code(docs, call, m, op)
            body = [f"const {name} = await {code};"]
            if poll and m.poll is not None:
                body.append(f"console.log({name}.{m.poll.status_field});")
            else:
                body.append(f"console.log({name});")
        return "\n".join(self._imports([], reads) + body)

    def stream_example(
        self, docs: DocsModel, qualified: str, m: MethodSurface, op: Operation
    ) -> str:
        selector = stream_selector(m, op)
        extra = {selector.name: True} if selector is not None else None
        code, reads = self.call_code(docs, qualified, m, op, extra=extra)
        body = [
            f"const stream = await {code};",
            "for await (const event of stream) {",
            "  console.log(event);",
            "}",
        ]
        return "\n".join(self._imports([], reads) + body)

    # ----- the guide -----------------------------------------------------------------------
    def raw_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        if m is None:
            return "// every method's promise has .withRawResponse()"
        code, reads = self.call_code(docs, m.qualified, m.view, m.operation)
        return "\n".join(
            [
                *self._imports([], reads),
                "const { statusCode, headers, requestId, data } ="
                f" await {code}.withRawResponse();",
                'console.log(statusCode, requestId, headers.get("content-type"), data);',
            ]
        )

    def options_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        options = '{ timeoutInSeconds: 20, maxRetries: 5, headers: { "x-trace-id": "abc123" } }'
        if m is None:
            return f"// every method takes {options} last"
        name = variable_name(m.view.return_annotation)
        code, reads = self.call_code(docs, m.qualified, m.view, m.operation, options)
        return "\n".join([*self._imports([], reads), f"const {name} = await {code};"])

    def async_example(self, docs: DocsModel) -> str:
        m = docs.simple_method
        lines = [
            "const controller = new AbortController();",
            "setTimeout(() => controller.abort(), 5000);",
        ]
        if m is not None:
            code, reads = self.call_code(
                docs, m.qualified, m.view, m.operation, "{ abortSignal: controller.signal }"
            )
            lines = self._imports([], reads) + lines + [f"await {code};"]
        return "\n".join(lines)

    def errors_example(self, docs: DocsModel) -> str:
        names = ["APIConnectionError", "ApiError", "RateLimitError"]
        m = docs.simple_method
        example = m.example if m is not None else ""
        body = [line for line in example.split("\n") if not line.startswith("import ")]
        lines = [*self._imports(names, False), "try {"]
        lines += ["  " + line if line else "" for line in body if line]
        lines += [
            "} catch (error) {",
            "  if (error instanceof RateLimitError) {",
            '    console.log("rate limited; retry after", error.headers?.get("retry-after"));',
            "  } else if (error instanceof ApiError) {",
            "    console.log(error.statusCode, error.code, error.message, error.requestId);",
            "  } else if (error instanceof APIConnectionError) {",
            '    console.log("the API could not be reached:", error.message);',
            "  } else {",
            "    throw error;",
            "  }",
            "}",
        ]
        return "\n".join(lines)

    def polling_example(self, docs: DocsModel) -> str:
        if not docs.quickstarts:
            return ""
        q = docs.quickstarts[0]
        assert q.view.poll is not None
        name = variable_name(q.view.return_annotation)
        code, reads = self.call_code(
            docs,
            f"{q.qualified}AndPoll",
            q.view,
            q.operation,
            "{ maxWaitMs: 600_000, pollIntervalMs: 500 }",
        )
        status = q.view.poll.status_field
        lines = self._imports(["PollingTimeoutError"], reads)
        lines += ["try {", f"  const {name} = await {code.replace(chr(10), chr(10) + '  ')};"]
        lines += [
            f"  console.log({name}.{status});",
            "} catch (error) {",
            "  if (!(error instanceof PollingTimeoutError)) throw error;",
            '  console.log("still running after", error.waitedMs, "ms:", error.last);',
            "}",
        ]
        return "\n".join(lines)

    def pages_example(self, docs: DocsModel, method: MethodDoc) -> str:
        m = method
        style = m.operation.pagination.style if m.operation.pagination else ""
        accessor = NEXT_PAGE_ACCESSORS.get(style, "hasNextPage()")
        code, reads = self.call_code(docs, m.qualified, m.view, m.operation)
        return "\n".join(
            [
                *self._imports([], reads),
                f"const first = await {code};",
                f"console.log(first.data.length, first.{accessor});",
                "for await (const page of first.iterPages()) {",
                "  console.log(page.data.length);",
                "}",
            ]
        )

    def webhook_example(self, docs: DocsModel) -> str:
        view = docs.context["webhooks"]
        if view is None:
            return ""
        type_property = getattr(view, "type_property", "type")
        return "\n".join(
            [
                *self._imports(["WebhookVerificationError"], False),
                "/** A web handler's core: the HTTP status to answer the delivery with. */",
                "async function handleWebhook(",
                "  body: string,",
                "  headers: Record<string, string>,",
                "  signingSecret: string,",
                "): Promise<number> {",
                "  try {",
                f"    const event = await {CLIENT}.webhooks.verifyAndParse("
                "body, headers, signingSecret);",
                f'    console.log("received", event[{ts_string(type_property)}]);',
                "    return 200;",
                "  } catch (error) {",
                "    if (error instanceof WebhookVerificationError) return 400;",
                "    throw error;",
                "  }",
                "}",
            ]
        )

    def webhook_test_example(self, docs: DocsModel) -> str:
        found = docs.webhook_event_example()
        if found is None:
            return ""
        _event_type, delivery = found
        return "\n".join(
            [
                f"const delivery = {ts_code(delivery, 0)};",
                "const body = JSON.stringify(delivery);",
                f'const signed = await {CLIENT}.webhooks.sign(body, "wss_test_secret");',
                'console.assert((await handleWebhook(body, signed, "wss_test_secret")) === 200);',
            ]
        )

    def http_client_example(self, docs: DocsModel) -> str:
        lines = [
            *self._imports([self.client_class, "NotFoundError"], False),
            "const offline = async (): Promise<Response> =>",
            '  new Response(JSON.stringify({ message: "no such thing" }), { status: 404 });',
            f'const testClient = new {self.client_class}({{ token: "test", fetch: offline }});',
        ]
        m = docs.simple_method
        if m is None:
            return "\n".join(lines)
        call = m.qualified.replace(f"{CLIENT}.", "testClient.", 1)
        code, _reads = self.call_code(docs, call, m.view, m.operation)
        lines += [
            "try {",
            f"  await {code};",
            "} catch (error) {",
            "  if (error instanceof NotFoundError) console.log(error.statusCode, error.message);",
            "}",
        ]
        return "\n".join(lines)
