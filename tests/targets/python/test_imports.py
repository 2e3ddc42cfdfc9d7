"""Names a generated module's code uses, their qualified forms where a member or parameter
shadows them, and the import statements written for them."""

from __future__ import annotations

import black
import pydantic
import pytest
from black.mode import TargetVersion

from generator.targets.python.imports import (
    QUALIFIED,
    names_in,
    qualify,
    render_imports,
    sources,
)
from generator.targets.python.naming import PYDANTIC_ATTRIBUTES, safe_attribute
from generator.targets.python.runtime.models import BaseModel

NAMES = [
    ("list[File] | None", {"list", "File", "None"}),
    ('Literal["list", "Any"]', {"Literal"}),
    ("Literal['a\\'b', \"c\"] | dict[str, Any]", {"Literal", "dict", "str", "Any"}),
    (
        'Annotated[A | B, union(A, B, discriminator="type", mapping={"a": A})]',
        {"Annotated", "A", "B", "union"},
    ),
    ('Field(default=None, alias="x")', {"Field", "None"}),
    ("builtins.list[_dt.date]", {"builtins", "_dt"}),
    ('"/files/" + encode_path(file_id)', {"encode_path", "file_id"}),
    ("Literal[1, 2.5e3, -4]", {"Literal"}),
]


@pytest.mark.parametrize(("code", "expected"), NAMES, ids=[c for c, _ in NAMES])
def test_names_in_skips_strings_attributes_and_keyword_arguments(
    code: str, expected: set[str]
) -> None:
    assert names_in(code) == expected


QUALIFY = [
    ("list[str] | None", {"list"}, "builtins.list[str] | None"),
    ("list[str] | None", {"type"}, "list[str] | None"),
    ("dict[str, list[int]]", {"list", "dict"}, "builtins.dict[str, builtins.list[int]]"),
    ('Literal["list"] | list[str]', {"list"}, 'Literal["list"] | builtins.list[str]'),
    ("date | datetime | None", {"date", "datetime"}, "_dt.date | _dt.datetime | None"),
    (
        'Annotated[A | B, union(A, B, discriminator="union")]',
        {"union"},
        'Annotated[A | B, _union(A, B, discriminator="union")]',
    ),
    ("type[Model]", {"type", "Model"}, "builtins.type[Model]"),
    ("listing.list[str]", {"list"}, "listing.list[str]"),
]


@pytest.mark.parametrize(("code", "shadowed", "expected"), QUALIFY, ids=[q[0] for q in QUALIFY])
def test_qualify_rewrites_only_the_shadowed_names(
    code: str, shadowed: set[str], expected: str
) -> None:
    assert qualify(code, frozenset(shadowed)) == expected


def test_every_qualified_form_is_imported_and_cannot_be_shadowed() -> None:
    table = sources("..")
    for form in QUALIFIED.values():
        head = form.split(".")[0]
        assert head in table, form
        assert head.startswith("_") or safe_attribute(head) != head, form


def test_imports_are_grouped_sorted_and_laid_out_as_black_writes_them() -> None:
    table = sources("..", {"File": "..models", "Zebra": "..models"})
    used = {"cast", "Any", "TYPE_CHECKING", "builtins", "_dt", "date", "Field", "httpx"}
    used |= {"NOT_GIVEN", "NotGiven", "FileUpload", "encode_path", "SyncCore", "_union", "union"}
    used |= {"File", "Zebra", "unknown_local_name"}
    text = render_imports(used, table)
    assert text == (
        "import builtins\n"
        "import datetime as _dt\n"
        "from datetime import date\n"
        "from typing import TYPE_CHECKING, Any, cast\n"
        "\n"
        "import httpx\n"
        "from pydantic import Field\n"
        "\n"
        "from .._runtime.models import union, union as _union\n"
        "from .._runtime.transport import SyncCore, encode_path\n"
        "from .._runtime.types import NOT_GIVEN, FileUpload, NotGiven\n"
        "from ..models import File, Zebra\n"
    )
    module = f'"""Doc."""\n\nfrom __future__ import annotations\n\n{text}\nX = 1\n'
    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)
    assert black.format_str(module, mode=mode) == module


def test_a_long_import_is_exploded_one_name_a_line() -> None:
    names = {f"Model{i:03d}WithALongName" for i in range(6)}
    table = sources(".", dict.fromkeys(names, ".models"))
    text = render_imports(names, table, indent="    ")
    lines = text.splitlines()
    assert lines[0] == "    from .models import ("
    assert lines[1:-1] == [f"        {name}," for name in sorted(names)]
    assert lines[-1] == "    )"
    module = f"if TYPE_CHECKING:\n{text}"
    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)
    assert black.format_str(module, mode=mode) == module


def test_nothing_used_imports_nothing() -> None:
    assert render_imports(set(), sources(".")) == ""


def test_model_fields_keep_builtin_names_and_rename_keywords_and_pydantic_attributes() -> None:
    kept = ["type", "object", "id", "list", "format", "date", "union", "match", "case"]
    assert [safe_attribute(name, PYDANTIC_ATTRIBUTES) for name in kept] == kept
    renamed = ["from", "in", "global", "class", "model_dump", "dict", "json", "builtins"]
    assert [safe_attribute(name, PYDANTIC_ATTRIBUTES) for name in renamed] == [
        f"{name}_" for name in renamed
    ]


def test_every_public_attribute_of_the_base_model_is_reserved() -> None:
    public = {name for name in dir(BaseModel) if not name.startswith("_")}
    assert public <= PYDANTIC_ATTRIBUTES
    assert {n for n in dir(pydantic.BaseModel) if not n.startswith("_")} <= PYDANTIC_ATTRIBUTES
