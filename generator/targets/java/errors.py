"""The `errors` package: one exception class per error status the API declares, each a
`core.ApiException`, and `Errors.create`, which the client makes every unsuccessful
response's exception with."""

from __future__ import annotations

from generator.ir.model import Api

_REASONS = {
    400: "BadRequest",
    401: "Unauthorized",
    402: "PaymentRequired",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    406: "NotAcceptable",
    408: "RequestTimeout",
    409: "Conflict",
    410: "Gone",
    412: "PreconditionFailed",
    413: "ContentTooLarge",
    415: "UnsupportedMediaType",
    422: "UnprocessableEntity",
    423: "Locked",
    424: "FailedDependency",
    428: "PreconditionRequired",
    429: "TooManyRequests",
    500: "InternalServer",
    501: "NotImplemented",
    502: "BadGateway",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}


def error_classes(api: Api) -> dict[int, str]:
    """Each declared error status (`4XX` and `default` aside) and its class."""
    statuses = {
        int(response.status)
        for op in api.operations()
        for response in op.errors
        if response.status.isdigit() and int(response.status) >= 400
    }
    return {s: f"{_REASONS.get(s, f'Status{s}')}Error" for s in sorted(statuses)}


def error_files(classes: dict[int, str], package: str) -> dict[str, str]:
    """The package's sources by class name, without the header."""
    head = f"package {package}.errors;\n\nimport {package}.core.ApiException;\n"
    head += "import java.net.http.HttpHeaders;\n\n"
    files = {}
    for status, name in classes.items():
        files[name] = (
            head
            + "\n".join(
                [
                    f"/** The API answered {status}. */",
                    f"public final class {name} extends ApiException {{",
                    "    private static final long serialVersionUID = 1L;",
                    "",
                    f"    public {name}(String message, HttpHeaders headers, Object body) {{",
                    f"        super(message, {status}, headers, body);",
                    "    }",
                    "}",
                ]
            )
            + "\n"
        )
    cases = [
        line
        for status, name in classes.items()
        for line in (
            f"            case {status}:",
            f"                return new {name}(message, headers, body);",
        )
    ]
    files["Errors"] = (
        head
        + "\n".join(
            [
                "/** The exception of an unsuccessful response: a declared error its own class. */",
                "public final class Errors {",
                "    private Errors() {}",
                "",
                "    public static ApiException create(",
                "            String message, int statusCode, HttpHeaders headers, Object body) {",
                *(
                    [
                        "        switch (statusCode) {",
                        *cases,
                        "            default:",
                        "                return new ApiException("
                        "message, statusCode, headers, body);",
                        "        }",
                    ]
                    if cases
                    else ["        return new ApiException(message, statusCode, headers, body);"]
                ),
                "    }",
                "}",
            ]
        )
        + "\n"
    )
    return files
