"""Nothing a spec says can become code: fuzzed names and strings render to inert modules.

Every string from a spec (titles, descriptions, names, enum values, defaults, examples, server
URLs, header names) must reach generated code only as a literal, identifier, docstring or
comment. The generated modules must compile, and their AST must hold no import, call or
statement that the spec could have caused.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ir.build import build_api
from generator.targets.python.render import PythonOptions, PythonRenderer
from generator.templating import environment

NASTY = [
    '"""',
    "'''",
    '"); import os; os.system("id"); ("',
    "\\",
    "\\n",
    "\n",
    "\r\n",
    "\x00",
    "{{ 7*7 }}",
    "{% raw %}",
    "\u2028",
    "\u2029",
    "__init__",
    "../../x",
    "class",
    "def",
    "import",
    "None",
    "0day",
    "ÄÖÜ",
    "名前",
    "a b-c.d",
    "#",
    "$ref",
]
text = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))
nonempty = text.filter(lambda s: s.strip() != "")

ALLOWED_IMPORTS = re.compile(
    r"^(__future__|typing|typing_extensions|datetime|types|functools|collections\.abc|httpx|"
    r"pydantic|"
    r"(\.)+(_runtime(\.\w+)?|models|_version|_client|_webhooks|resources(\.\w+)?)?)$"
)
ALLOWED_CALLS = {
    "Field", "cast", "union", "Annotated", "frozenset", "Auth", "ConfigurationError",
    "SyncCore", "AsyncCore", "AttributeError", "getattr", "join", "encode_path", "poll",
    "poll_async", "to_raw", "to_raw_async", "Signing", "super", "__init__", "request",
    "paginate", "close", "_base_url", "retrieve", "create", "raw", "__new__", "Webhooks",
}  # fmt: skip


def fuzz_spec(draw: st.DrawFn) -> dict[str, Any]:
    schema_name = draw(nonempty)
    prop = draw(nonempty)
    header = draw(nonempty)
    enum_values = draw(st.lists(nonempty, min_size=2, max_size=4, unique=True))
    model = {
        "type": "object",
        "description": draw(text),
        "required": [prop],
        "properties": {
            prop: {"type": "string", "description": draw(text), "default": draw(text)},
            draw(nonempty): {"type": "string", "enum": enum_values, "example": enum_values[0]},
            "nested": {"type": "object", "properties": {draw(nonempty): {"type": "integer"}}},
        },
        "example": {prop: draw(text)},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": draw(text), "version": draw(text), "description": draw(text)},
        "servers": [{"url": draw(text), "description": draw(text)}],
        "paths": {
            "/" + draw(nonempty).replace("/", "_").replace("{", "(").replace("}", ")"): {
                "post": {
                    "operationId": draw(nonempty),
                    "x-sdk-name": draw(st.one_of(st.none(), nonempty)),
                    "summary": draw(text),
                    "description": draw(text),
                    "parameters": [
                        {"name": header, "in": "header", "schema": {"type": "string"}},
                        {
                            "name": draw(nonempty),
                            "in": "query",
                            "description": draw(text),
                            "schema": {"type": "string", "default": draw(text)},
                        },
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{escape(schema_name)}"}
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "description": draw(text),
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": f"#/components/schemas/{escape(schema_name)}"
                                    }
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {schema_name: model}},
    }


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def inspect_module(path: str, source: str) -> None:
    tree = ast.parse(source, filename=path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = {alias.name for alias in node.names}
            assert names <= {"builtins", "datetime", "functools", "httpx"}, (
                f"{path}: import {names}"
            )
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            assert ALLOWED_IMPORTS.match(module), f"{path}: import from {module!r}"
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            allowed = name in ALLOWED_CALLS or name[:1].isupper()
            assert allowed, f"{path}: call to {name!r}"
        if isinstance(node, ast.Lambda | ast.GeneratorExp | ast.Global | ast.Nonlocal):
            assert path.endswith(("_client.py", "__init__.py")) or "resources/" in path
    for statement in tree.body:
        assert isinstance(
            statement,
            ast.Import | ast.ImportFrom | ast.ClassDef | ast.FunctionDef | ast.Assign
            | ast.AnnAssign | ast.Expr | ast.If,
        ), f"{path}: unexpected top-level {type(statement).__name__}"  # fmt: skip
        if isinstance(statement, ast.Expr):
            assert isinstance(statement.value, ast.Constant), f"{path}: top-level expression"


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.composite(fuzz_spec)())
def test_fuzzed_specs_render_to_inert_python(spec: dict[str, Any]) -> None:
    api = build_api(spec, "fuzz")
    options = PythonOptions("fuzz_sdk", "Fuzz", "AsyncFuzz", "FUZZ_API_KEY", "1.0.0", "header")
    files = PythonRenderer(api, options, environment()).render()
    for path, source in files.items():
        assert re.fullmatch(r"[A-Za-z0-9_]+(/[a-z0-9_]+)*\.(py|md|toml|typed)", path), path
        if path.endswith(".py") and "/_runtime/" not in path:
            inspect_module(path, source)
