"""TypeScript names and annotations: valid identifiers, safe literals, open enums."""

from __future__ import annotations

import pytest

from generator.ir.model import (
    Array,
    Const,
    EnumType,
    Map,
    Nullable,
    Primitive,
    Ref,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.targets.typescript.naming import (
    Scope,
    camel,
    member,
    property_key,
    safe_identifier,
    ts_comment,
    ts_string,
)
from generator.targets.typescript.types import Annotator, open_enum


@pytest.mark.parametrize(
    ("wire", "key", "access"),
    [
        ("presignedUrl", "presignedUrl", "r.presignedUrl"),
        ("x-api-key", '"x-api-key"', 'r["x-api-key"]'),
        ("$ref", "$ref", "r.$ref"),
        ("9lives", '"9lives"', 'r["9lives"]'),
    ],
)
def test_keys_are_bare_only_when_they_are_identifiers(wire: str, key: str, access: str) -> None:
    assert property_key(wire) == key
    assert member("r", wire) == access


def test_strings_and_comments_cannot_escape() -> None:
    assert ts_string('a"b\\c\u2028`') == '"a\\"b\\\\c\\u2028\\u0060"'
    assert ts_comment("ends */ here\nnext") == "ends *\\/ here next"


def test_identifiers_avoid_reserved_words_and_digits() -> None:
    assert safe_identifier("delete") == "delete_"
    assert camel(Name(("2", "fa"))) == "value2Fa"
    scope = Scope(frozenset({"files"}))
    assert [scope.claim("files"), scope.claim("files")] == ["files2", "files3"]


def test_enums_stay_open() -> None:
    assert open_enum(("PDF", "IMG")) == '"PDF" | "IMG" | (string & {})'
    assert open_enum((1, 2)) == "1 | 2 | (number & {})"
    assert open_enum((True,)) == "true"


@pytest.mark.parametrize(
    ("node", "annotation"),
    [
        (Primitive("integer"), "number"),
        (Array(Primitive("string")), "string[]"),
        (Array(Union((Primitive("string"), Primitive("number")))), "Array<string | number>"),
        (Map(Ref(Name(("file",)))), "{ [key: string]: File }"),
        (Nullable(Ref(Name(("file",)))), "File | null"),
        (Const("x"), '"x"'),
        (EnumType(("a",)), '"a" | (string & {})'),
        (Union((Primitive("string"), Ref(Name(("missing",))))), "unknown"),
    ],
)
def test_annotations(node: TypeNode, annotation: str) -> None:
    annotator = Annotator({Name(("file",)): "File"})
    assert annotator.annotation(node) == annotation
