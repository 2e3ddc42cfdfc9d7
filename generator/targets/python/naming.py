"""Python identifiers from IR names: valid, stable, and distinct within their scope."""

from __future__ import annotations

import builtins
import keyword

from generator.ir.names import Name
from generator.targets.python.imports import SHADOW_GUARDS

# Names that annotations in the client's own code use: resource attributes of the client and
# method names keep clear of them (the client's signatures are written by hand in its template).
ANNOTATION_NAMES = frozenset(
    {"str", "int", "float", "bool", "list", "dict", "bytes", "object", "type", "tuple"}
    | {"datetime", "date", "time", "Any", "Literal", "TypeAlias", "cast", "Unpack", "union"}
    | {"httpx", "builtins"}
)
PYDANTIC_ATTRIBUTES = frozenset(
    {
        "model_config", "model_fields", "model_computed_fields", "model_extra",
        "model_fields_set", "model_construct", "model_copy", "model_dump", "model_dump_json",
        "model_json_schema", "model_parametrized_name", "model_post_init", "model_rebuild",
        "model_validate", "model_validate_json", "model_validate_strings", "copy", "dict",
        "json", "parse_obj", "parse_raw", "parse_file", "from_orm", "construct", "schema",
        "schema_json", "validate", "update_forward_refs", "to_dict",
    }
)  # fmt: skip
RESERVED_CLASS_NAMES = frozenset(
    {"BaseModel", "Field", "Any", "Literal", "TypeAlias", "NotGiven", "RequestOptions"}
    | {"Annotated", "OneOf", "TypeAliasType"}
    | {"FileUpload", "List", "Dict", "Unpack", "Environment", "SyncCore", "AsyncCore"}
    | {"Requirement", "Scheme", "Security", "Variables"}
    | {"AwareDatetime", "Annotated"}
    | {"Stream", "AsyncStream", "BinaryResponse", "AsyncBinaryResponse", "SyncCalls", "AsyncCalls"}
)
REQUEST_OPTION_NAMES = frozenset(
    {"timeout", "max_retries", "extra_headers", "extra_query", "extra_body", "options", "self"}
    | {"max_wait", "polling_options", "run", "response"}
)
BODY_NAMES = frozenset(
    {"cast", "checked", "encode_path", "NOT_GIVEN", "poll", "poll_async", "retrieve"}
)
"""Module names a method's body calls (and a local function it defines): no parameter's."""
BUILTIN_NAMES = frozenset(dir(builtins))


def _identifier(text: str, fallback: str) -> str:
    if not text:
        return fallback
    if text[0].isdigit():
        return f"{fallback}_{text}"
    return text


def snake(name: Name, fallback: str = "field") -> str:
    return _identifier(name.snake(), fallback)


def pascal(name: Name) -> str:
    text = _identifier(name.pascal(), "Type")
    if text[0].isdigit():
        text = "T" + text
    if keyword.iskeyword(text):
        text += "_"
    return text


def safe_attribute(text: str, reserved: frozenset[str] = frozenset()) -> str:
    """A snake_case name that is not a keyword, nor one of `reserved`.

    Builtins stay as they are (`type`, `object`, `id`, `list`, `format`): where a field or a
    parameter rebinds a name that code beside it uses, that code says `builtins.list` (see
    `imports.qualify`). Soft keywords (`match`, `case`, `type`) are valid names. `builtins`
    itself is taken by the qualified forms.
    """
    while keyword.iskeyword(text) or text in reserved or text in SHADOW_GUARDS:
        text += "_"
    return text


def safe_method(text: str) -> str:
    """Method names may be `list` or `dict` (signatures use List/Dict), not other type names."""
    while keyword.iskeyword(text) or (text in ANNOTATION_NAMES and text not in ("list", "dict")):
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
            candidate = f"{text}_{suffix}"
            suffix += 1
        self._used.add(candidate)
        return candidate
