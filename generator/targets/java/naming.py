"""Java's names: classes (PascalCase), members (camelCase), constants, keywords, string
literals and Javadoc, and the names a generated file may not take from its imports."""

from __future__ import annotations

import json
import re

from generator.ir.names import Name

_JAVA_KEYWORDS = """abstract assert boolean break byte case catch char class const continue default
do double else enum extends final finally float for goto if implements import instanceof int
interface long native new package private protected public return short static strictfp super
switch synchronized this throw throws transient try void volatile while true false null var
yield record sealed permits _"""
KEYWORDS = frozenset(_JAVA_KEYWORDS.split())
_IMPORTED = """List Map Set Optional Objects Collections LinkedHashMap HashMap Arrays ArrayList
OffsetDateTime LocalDate Duration JsonNode JsonCreator JsonValue TypeReference CompletableFuture
Function HttpClient Executor String Object Integer Long Double Boolean Void Class Iterable
Override Deprecated SuppressWarnings Math Number Character Byte Short Float Enum Record System
Thread Runtime Exception RuntimeException Error Throwable Module Package Process Iterator
Model Json ApiRequest HttpCaller RequestOptions ClientOptions RawResponse ApiException
SdkException ErrorFactory FileUpload Multipart Paging PagingIterable Poller ObjectMappers
Environment Errors Builder WebhookVerifier
Stream ServerSentEvent EventDecoder StreamException"""
RESERVED_CLASSES = frozenset(_IMPORTED.split())
"""Simple names generated code uses from its imports, java.lang and the runtime: no generated
class may take one."""
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def class_name(name: Name, fallback: str = "Value") -> str:
    """A class's name: `extract_run` -> `ExtractRun`."""
    text = name.pascal() or fallback
    return "Value" + text if text[0].isdigit() else text


def member_name(name: Name, fallback: str = "value") -> str:
    """A method's or parameter's name: `next_page_token` -> `nextPageToken`, never a keyword."""
    text = name.camel() or fallback
    if text[0].isdigit():
        text = "v" + text
    return text + "_" if text in KEYWORDS else text


def constant_name(text: str) -> str:
    """An enum constant of a value: `in_progress` -> `IN_PROGRESS`."""
    name = Name.parse(text).snake().upper() or "EMPTY"
    return "VALUE_" + name if name[0].isdigit() else name


def java_string(text: str) -> str:
    """A Java string literal (JSON's escapes are Java's but for `\\/`)."""
    escaped = json.dumps(text, ensure_ascii=True).replace("\\/", "/")
    return escaped


def javadoc(text: str, indent: str = "") -> list[str]:
    """A Javadoc comment of a description; none for no text. `*/`, `@` and HTML are escaped."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    if not lines:
        return []
    safe = [
        line.replace("*/", "*&#47;")
        .replace("@", "&#64;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\\u", "\\\\u")
        for line in lines
    ]
    return [
        f"{indent}/**",
        *(f"{indent} *" + (f" {line}" if line else "") for line in safe),
        f"{indent} */",
    ]


def is_identifier(text: str) -> bool:
    return bool(_IDENTIFIER.match(text)) and text not in KEYWORDS


class Scope:
    """Names taken in one Java scope; a clash gets a number."""

    def __init__(self, reserved: frozenset[str] = frozenset()) -> None:
        self._taken = set(reserved)

    def claim(self, text: str) -> str:
        candidate, n = text, 2
        while candidate in self._taken:
            candidate, n = f"{text}{n}", n + 1
        self._taken.add(candidate)
        return candidate
