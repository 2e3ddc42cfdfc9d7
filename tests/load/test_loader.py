from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.load import loader
from generator.load.loader import load_document
from tests.conftest import minimal_spec


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_valid_yaml_and_json_load_identically(tmp_path: Path) -> None:
    spec = minimal_spec()
    from_yaml = load_document(write(tmp_path, "a.yaml", yaml.safe_dump(spec)))
    from_json = load_document(write(tmp_path, "a.json", json.dumps(spec)))
    assert from_yaml.ok and from_json.ok
    assert from_yaml.document == from_json.document == spec


def test_bom_is_accepted(tmp_path: Path) -> None:
    result = load_document(
        write(tmp_path, "a.json", b"\xef\xbb\xbf" + json.dumps(minimal_spec()).encode())
    )
    assert result.ok


# Each case: file name, content, expected (code, line, pointer) of the first diagnostic.
BAD_INPUTS = [
    ("broken.yaml", "openapi: 3.1.0\ninfo: [unclosed\n", ("invalid-yaml", 3, "")),
    ("broken.json", '{\n  "openapi": "3.1.0",\n  "info": \n}', ("invalid-json", 4, "")),
    ("latin1.yaml", b"openapi: 3.1.0\ntitle: caf\xe9\n", ("invalid-encoding", 2, "")),
    ("list.yaml", "- 1\n- 2\n", ("not-a-mapping", 1, "")),
    ("scalar.yaml", "# a comment\n\njust text\n", ("not-a-mapping", 3, "")),
    ("empty.yaml", "", ("not-a-mapping", 1, "")),
    ("twice.yaml", "a:\n  b: 1\n  c: 2\n  b: 3\n", ("duplicate-key", 4, "/a/b")),
    ("twice.json", '{"a": {"b": 1,\n "b": 2}}', ("duplicate-key", 2, "/a/b")),
    ("nan.json", '{"a": [1,\n NaN]}', ("invalid-json", 2, "/a/1")),
    ("inf.json", '{"a":\n {"max": -Infinity}}', ("invalid-json", 2, "/a/max")),
    ("deep.json", '{"a":\n' + "[" * 3000 + "]" * 3000 + "}", ("nesting-too-deep", 2, "")),
    ("swagger1.yaml", "swagger: '1.2'\n", ("unsupported-version", 1, "/swagger")),
    ("v4.yaml", "openapi: 4.0.0\ninfo: {}\n", ("unsupported-version", 1, "/openapi")),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_INPUTS)
def test_bad_input_gets_a_located_diagnostic(
    tmp_path: Path, name: str, content: str | bytes, expected: tuple[str, int | None, str]
) -> None:
    result = load_document(write(tmp_path, name, content))
    assert not result.ok
    first = result.diagnostics[0]
    assert (first.code, first.line, first.pointer) == expected
    assert first.file is not None and first.file.endswith(name)


def test_merge_keys_are_not_duplicates(tmp_path: Path) -> None:
    text = "base: &b {type: string, format: x}\nmore:\n  <<: *b\n  format: y\n"
    result = load_document(write(tmp_path, "merge.yaml", text))
    assert "duplicate-key" not in [d.code for d in result.diagnostics]


def test_every_duplicate_is_reported_with_both_lines(tmp_path: Path) -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\na: 2\n"
    result = load_document(write(tmp_path, "twice.yaml", text))
    found = [(d.code, d.line, d.pointer) for d in result.diagnostics]
    assert found == [("duplicate-key", 4, "/b/c"), ("duplicate-key", 5, "/a")]
    assert "(lines 3 and 4)" in result.diagnostics[0].message


def test_missing_file(tmp_path: Path) -> None:
    result = load_document(tmp_path / "nope.yaml")
    assert [d.code for d in result.diagnostics] == ["unreadable"]


def test_dangling_remote_and_external_refs_are_reported_with_lines(tmp_path: Path) -> None:
    text = """openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Missing'}
  /b:
    get:
      responses:
        '200': {$ref: 'https://example.com/r.yaml'}
  /c:
    get:
      responses:
        '200': {$ref: 'other.yaml#/x'}
"""
    result = load_document(write(tmp_path, "refs.yaml", text))
    found = {(d.code, d.line, d.severity.value) for d in result.diagnostics}
    assert found == {
        ("dangling-ref", 11, "error"),
        ("remote-ref", 15, "error"),
        ("external-ref-unreadable", 19, "error"),
    }


def test_structural_findings_are_collected_with_pointers(tmp_path: Path) -> None:
    spec = minimal_spec()
    spec["paths"]["/things"]["get"]["parameters"] = [{"name": "x"}]
    result = load_document(write(tmp_path, "bad.yaml", yaml.safe_dump(spec, sort_keys=False)))
    assert result.ok, "structural findings are warnings: the builder decides what it can use"
    assert result.diagnostics[0].code == "invalid-openapi"
    assert result.diagnostics[0].severity.value == "warning"
    assert result.diagnostics[0].pointer == "/paths/~1things/get/parameters/0"
    assert result.diagnostics[0].line is not None


def test_yaml_reads_as_json_would(tmp_path: Path) -> None:
    text = """openapi: 3.0.3
info: {title: t, version: 2024-01-31}
paths:
  /a:
    get:
      responses:
        200:
          description: ok
          content:
            application/json:
              schema: {type: string, format: date, example: 2024-01-31}
"""
    result = load_document(write(tmp_path, "dates.yaml", text))
    assert result.ok and result.document is not None
    assert result.document["info"]["version"] == "2024-01-31"
    responses = result.document["paths"]["/a"]["get"]["responses"]
    assert list(responses) == [200], "an integer status code stays what YAML made it"
    schema = responses[200]["content"]["application/json"]["schema"]
    assert schema["example"] == "2024-01-31"

    from generator.ir.build import build_api

    api = build_api(result.document, "dates")
    assert api.operations()[0].success.status == "200"


def test_swagger_2_loads_and_other_versions_do_not(tmp_path: Path) -> None:
    swagger = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    result = load_document(write(tmp_path, "s.json", json.dumps(swagger)))
    assert result.ok and result.document is not None
    assert result.document["openapi"].startswith("3.0")
    bad = load_document(write(tmp_path, "s3.json", json.dumps({**swagger, "swagger": "3.0"})))
    assert [d.code for d in bad.diagnostics] == ["unsupported-version"]


def test_a_broken_shape_is_an_error(tmp_path: Path) -> None:
    spec = minimal_spec(paths=["not", "a", "mapping"])
    result = load_document(write(tmp_path, "shape.json", json.dumps(spec)))
    assert not result.ok
    assert [(d.code, d.pointer) for d in result.diagnostics] == [("invalid-structure", "/paths")]


# What a stand-in for openapi-spec-validator reports in the tests below: the parameter the
# structural checks also find, named by its operation and by a pointer relative to the
# operation (one that resolves nowhere), and one finding of its own.
VALIDATOR_FINDINGS = [
    ("invalid-openapi", "/paths/~1things/get", "Path parameter 'x' was not resolved"),
    ("invalid-openapi", "/parameters/0", "Path parameter 'x' was not resolved"),
    ("invalid-openapi", "/info/x-logo", "the validator's own finding"),
]


@pytest.fixture
def validator_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replaces the full validator; records the documents it was given."""
    calls: list[dict[str, Any]] = []

    def validate(document: dict[str, Any]) -> list[tuple[str, str, str]]:
        calls.append(document)
        return list(VALIDATOR_FINDINGS)

    monkeypatch.setattr(loader, "_validate", validate)
    return calls


def with_bad_parameter(tmp_path: Path) -> Path:
    spec = minimal_spec()
    spec["paths"]["/things"]["get"]["parameters"] = [
        {"name": "x", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    return write(tmp_path, "bad.json", json.dumps(spec))


def test_structural_checks_run_and_full_validation_does_not_by_default(
    tmp_path: Path, validator_calls: list[dict[str, Any]]
) -> None:
    result = load_document(with_bad_parameter(tmp_path))
    assert validator_calls == []
    assert [(d.code, d.pointer, d.severity.value) for d in result.diagnostics] == [
        ("invalid-openapi", "/paths/~1things/get/parameters/0", "warning")
    ]


def test_full_validation_adds_only_what_the_checks_did_not_find(
    tmp_path: Path, validator_calls: list[dict[str, Any]]
) -> None:
    result = load_document(with_bad_parameter(tmp_path), full_validation=True)
    assert len(validator_calls) == 1
    assert [(d.pointer, d.message) for d in result.diagnostics] == [
        (
            "/paths/~1things/get/parameters/0",
            "path parameter 'x' does not appear in the path '/things'",
        ),
        ("/info/x-logo", "the validator's own finding"),
    ]


def test_full_validation_is_cached_by_document(
    tmp_path: Path, validator_calls: list[dict[str, Any]]
) -> None:
    path = with_bad_parameter(tmp_path)
    first = load_document(path, full_validation=True, cache_dir=tmp_path / "cache")
    again = load_document(path, full_validation=True, cache_dir=tmp_path / "cache")
    assert len(validator_calls) == 1
    assert first.diagnostics == again.diagnostics


def test_a_broken_shape_is_not_checked_further(
    tmp_path: Path, validator_calls: list[dict[str, Any]]
) -> None:
    spec = minimal_spec(paths=[], info=5)
    result = load_document(write(tmp_path, "shape.json", json.dumps(spec)), full_validation=True)
    assert [d.code for d in result.diagnostics] == ["invalid-structure"]
    assert validator_calls == []


def test_swagger_2_is_checked_before_it_is_converted(tmp_path: Path) -> None:
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"parameters": [{"name": "q", "in": "query"}], "responses": {}}}},
    }
    result = load_document(write(tmp_path, "s.json", json.dumps(swagger)))
    assert result.ok
    assert [(d.pointer, d.message) for d in result.diagnostics] == [
        ("/paths/~1a/get/parameters/0", "parameter 'q' has no `type`"),
        ("/paths/~1a/get/responses", "`responses` is empty; it needs at least one response"),
    ]


@pytest.mark.parametrize(
    "extra",
    [
        {},  # every ref resolves: the document is not walked
        {"Bad": {"$ref": "#/components/schemas/Nowhere"}},
        {"Loop": {"$ref": "#/components/schemas/Loop"}},
        {"Data": {"type": "object", "example": {"$ref": "#/not/a/schema"}}},  # data, no ref
    ],
)
def test_refs_judged_from_the_parsers_list_as_from_a_walk(extra: dict[str, Any]) -> None:
    document = minimal_spec()
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.update({"Pet": {"type": "object"}, "Ref": {"$ref": "#/components/schemas/Pet"}})
    schemas.update(extra)
    text = yaml.safe_dump(document)
    _value, facts = loader._load_yaml(text)
    assert facts is not None
    walked = loader.check_refs(document)
    assert loader.check_refs(document, facts.refs) == walked
    assert bool(walked) == bool({"Bad", "Loop"} & set(extra))
