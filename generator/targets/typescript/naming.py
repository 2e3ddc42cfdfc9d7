"""TypeScript identifiers from IR names: valid, stable, and distinct within their scope."""

from __future__ import annotations

import json
import re

from generator.ir.names import Name

RESERVED_WORDS = frozenset(
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
        "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
        "throw", "true", "try", "typeof", "var", "void", "while", "with", "as", "implements",
        "interface", "let", "package", "private", "protected", "public", "static", "yield",
        "await", "arguments", "eval", "any", "boolean", "number", "string", "symbol", "unknown",
        "never", "object", "undefined", "type", "of", "async",
    }
)  # fmt: skip
"""Words no parameter or type may be named."""
GLOBAL_TYPES = frozenset(
    {"Array", "Record", "Blob", "Uint8Array", "Promise", "Partial", "Headers", "Date"}
    | {"AsyncIterable", "AsyncIterator", "PromiseLike", "Object", "String", "Number", "Boolean"}
    | {"Error", "Symbol", "Function", "Map", "Set", "AbortSignal", "RequestInit", "Response"}
)
"""Global types the generated code uses: no named type may shadow them."""
RUNTIME_EXPORTS = frozenset(
    {"ApiPromise", "Page", "PagePromise", "RequestOptions", "RawResponse", "PollingOptions"}
    | {"ApiError", "SdkError", "BadRequestError", "AuthenticationError", "PaymentRequiredError"}
    | {"PermissionDeniedError", "NotFoundError", "ConflictError", "UnprocessableEntityError"}
    | {"RateLimitError", "InternalServerError", "APIConnectionError", "APITimeoutError"}
    | {"ConfigurationError", "WebhookVerificationError", "PollingTimeoutError", "Core"}
    | {"Fetch", "Token", "WebhookEvent", "Webhooks", "HeadersLike", "VERSION"}
    | {"Stream", "StreamError", "RawRequest"}
    | {"Hooks", "HookRequest"}
)
"""What the package root exports besides the API's own types."""
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def is_identifier(text: str) -> bool:
    return bool(_IDENTIFIER.match(text))


def property_key(wire_name: str) -> str:
    """An object key: bare when it is an identifier, a string literal otherwise."""
    return wire_name if is_identifier(wire_name) else ts_string(wire_name)


def member(target: str, wire_name: str) -> str:
    """`target.key` or `target["key"]`."""
    return (
        f"{target}.{wire_name}" if is_identifier(wire_name) else f"{target}[{ts_string(wire_name)}]"
    )


def ts_string(text: str) -> str:
    """A double-quoted string literal; `</` and line separators escaped."""
    literal = json.dumps(text, ensure_ascii=False)
    return literal.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("`", "\\u0060")


def ts_comment(text: str) -> str:
    """Text safe inside a `/** ... */` comment, on one line."""
    flat = " ".join(text.split())
    return flat.replace("*/", "*\\/")


def camel(name: Name, fallback: str = "value") -> str:
    text = name.camel()
    if not text:
        return fallback
    if text[0].isdigit():
        text = f"{fallback}{text[0].upper()}{text[1:]}"
    return text


def pascal(name: Name, fallback: str = "Type") -> str:
    text = name.pascal()
    if not text:
        return fallback
    if text[0].isdigit():
        text = f"{fallback}{text}"
    return text


def safe_identifier(text: str) -> str:
    while text in RESERVED_WORDS:
        text += "_"
    return text


class Scope:
    """Hands out distinct identifiers; the first claimant of a name keeps it."""

    def __init__(self, reserved: frozenset[str] = frozenset()) -> None:
        self._used: set[str] = set(reserved)

    def claim(self, text: str) -> str:
        candidate = text
        suffix = 2
        while candidate in self._used:
            candidate = f"{text}{suffix}"
            suffix += 1
        self._used.add(candidate)
        return candidate
