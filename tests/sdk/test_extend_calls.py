"""Every operation of the generated Extend SDK, sync and async, against a real local server.

The server checks each request against the spec (method, path, query, headers including
Authorization and x-extend-api-version, JSON or multipart body) and answers with a body valid
for the spec; these tests check the parsed result.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from generator.ir.model import Operation
from generator.targets.python.views import MethodView
from tests.support.extend import TOKEN, extend_renderer, extend_spec, import_sdk
from tests.support.spec_server import SpecModel, SpecServer


@dataclass(frozen=True)
class Case:
    attribute: str | None
    method: MethodView
    operation: Operation

    @property
    def label(self) -> str:
        prefix = f"{self.attribute}." if self.attribute else ""
        return prefix + self.method.name


def cases() -> list[Case]:
    renderer = extend_renderer()
    found = [
        Case(None, m, op)
        for m, op in zip(renderer.root_view.methods, renderer.api.root_operations, strict=True)
    ]
    for view, resource in zip(renderer.resource_views, renderer.api.resources, strict=True):
        found.extend(
            Case(view.attribute, m, op)
            for m, op in zip(view.methods, resource.operations, strict=True)
        )
    return found


@cache
def spec_model() -> SpecModel:
    return SpecModel(extend_spec()[1])


def arguments(case: Case) -> tuple[list[Any], dict[str, Any]]:
    """Values valid for the spec for every argument the method takes."""
    model = spec_model()
    params = {p.wire_name: p for p in case.operation.params}
    body_values: dict[str, Any] = {}
    body = case.operation.body
    if body is not None:
        pointer = case.operation.pointer + "/requestBody"
        pointer = model.document.model.resolve(model.document.get(pointer), pointer).pointer
        schema_pointer = f"{pointer}/content/{body.media_type.replace('/', '~1')}/schema"
        synthesized = model.synthesize([schema_pointer])
        body_values = synthesized if isinstance(synthesized, dict) else {}
    positional: list[Any] = []
    keyword: dict[str, Any] = {}
    for arg in case.method.positional + case.method.keyword:
        if arg.where == "client_header":
            continue
        if arg.where in ("path", "query", "header", "cookie"):
            value = model.synthesize([params[arg.wire_name].pointer + "/schema"])
        elif arg.where == "file":
            value = ("statement.pdf", b"%PDF-1.4 test", "application/pdf")
        elif arg.wire_name in body_values:
            value = body_values[arg.wire_name]
        elif arg is case.method.whole_body:
            value = body_values
        else:
            continue
        if arg.where == "path":
            positional.append(f"{case.operation.operation_id}-id")
        else:
            keyword[arg.name] = value
    return positional, keyword


def expected_class(sdk: Any, annotation: str) -> type | None:
    name = annotation.split(" | ")[0]
    found = getattr(sdk.models, name, None)
    return found if isinstance(found, type) else None


def check_result(sdk: Any, case: Case, result: Any, server: SpecServer) -> None:
    assert server.errors() == []
    assert [r.operation_id for r in server.requests] == [case.operation.operation_id]
    request = server.requests[0]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["x-extend-workspace-id"] == "ws_test"
    assert request.headers["user-agent"].startswith("extend_sdk-python/")
    cls = expected_class(sdk, case.method.return_annotation)
    if case.method.page is not None:
        page: Any = result
        assert type(page) in (sdk.SyncPage, sdk.AsyncPage)
        envelope: Any = page.response
        assert cls is not None and type(envelope).__name__ == cls.__name__
        assert page.data == list(envelope.data)
    elif cls is not None:
        assert isinstance(result, cls), (type(result), cls)
        if case.method.positional and "id" in getattr(type(result), "model_fields", {}):
            assert getattr(result, "id") == f"{case.operation.operation_id}-id"  # noqa: B009
    elif case.method.returns_none:
        assert result is None
    else:
        assert result is not None


CASES = cases()


def target(client: Any, case: Case) -> Any:
    owner = getattr(client, case.attribute) if case.attribute else client
    return getattr(owner, case.method.name)


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_sync_call(case: Case, live: SpecServer) -> None:
    sdk = import_sdk()
    positional, keyword = arguments(case)
    with sdk.Extend(token=TOKEN, base_url=live.base_url, workspace_id="ws_test") as client:
        result = target(client, case)(*positional, **keyword)
    check_result(sdk, case, result, live)


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_async_call(case: Case, live: SpecServer) -> None:
    sdk = import_sdk()
    positional, keyword = arguments(case)

    async def call() -> Any:
        async with sdk.AsyncExtend(
            token=TOKEN, base_url=live.base_url, workspace_id="ws_test"
        ) as client:
            return await target(client, case)(*positional, **keyword)

    result = asyncio.run(call())
    check_result(sdk, case, result, live)


def test_every_operation_of_the_spec_has_a_method() -> None:
    _path, document = extend_spec()
    in_spec = {
        op["operationId"]
        for item in document["paths"].values()
        for method, op in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    }
    assert {c.operation.operation_id for c in CASES} == in_spec


def test_path_parameters_are_percent_encoded(live: SpecServer) -> None:
    sdk = import_sdk()
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        file = client.files.retrieve("a/b?c")
    assert live.requests[0].path == "/files/a%2Fb%3Fc"
    assert live.requests[0].path_params == {"id": "a/b?c"}
    assert file.id == "a/b?c"


def test_not_given_is_distinct_from_none(live: SpecServer) -> None:
    sdk = import_sdk()
    with sdk.Extend(token=TOKEN, base_url=live.base_url) as client:
        client.files.list()
        client.files.list(max_page_size=5)
    assert live.requests[0].query == {}
    assert live.requests[1].query == {"maxPageSize": ["5"]}


def test_hints_resolve_for_every_method() -> None:
    """Resource modules import their models; the client's own methods import them lazily,
    so their hints resolve against the models module (as a type checker sees them: every name
    it exports, not only those earlier tests in this process happened to load)."""
    sdk = import_sdk()
    client = sdk.Extend(token=TOKEN, base_url="http://127.0.0.1:9")
    runtime_models = importlib.import_module(f"{sdk.__name__}._runtime.models")
    models = importlib.import_module(f"{sdk.__name__}.models")
    exported = {name: getattr(models, name) for name in models.__all__}
    namespace = {**vars(runtime_models), **exported, **vars(sdk._client)}
    for case in CASES:
        method = target(client, case)
        module = vars(sys.modules[method.__module__])
        hints = typing.get_type_hints(method, globalns={**namespace, **module})
        assert "return" in hints
    client.close()


def test_importing_the_client_loads_no_models_and_no_pydantic() -> None:
    import subprocess

    from tests.support.extend import SDK_DIR

    probe = (
        "import sys; from extend_sdk import Extend; "
        "print('extend_sdk.models' in sys.modules, 'pydantic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=SDK_DIR, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
