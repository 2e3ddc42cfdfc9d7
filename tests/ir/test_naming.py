from __future__ import annotations

import pytest

from generator.ir.naming import collection_paths, derive_name

PATHS: dict[str, object] = {
    "/files": {"get": {}, "post": {}},
    "/files/upload": {"post": {}},
    "/files/{id}": {"get": {}, "delete": {}},
    "/parse": {"post": {}},
    "/parse_runs/{id}/cancel": {"post": {}},
    "/parse_runs/batch": {"post": {}},
    "/extractors/{extractorId}/versions": {"get": {}, "post": {}},
    "/extractors/{extractorId}/versions/{versionId}": {"get": {}},
    "/workflow_runs/{id}": {"post": {}},
    "/evaluation_sets/{id}/items": {"get": {}},
}


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/files", ("files", "list")),
        ("post", "/files", ("files", "create")),
        ("post", "/files/upload", ("files", "upload")),
        ("get", "/files/{id}", ("files", "retrieve")),
        ("delete", "/files/{id}", ("files", "delete")),
        ("post", "/parse", ("parse", "create")),
        ("post", "/parse_runs/{id}/cancel", ("parse_runs", "cancel")),
        ("post", "/parse_runs/batch", ("parse_runs", "batch")),
        ("get", "/extractors/{extractorId}/versions", ("extractor_versions", "list")),
        ("post", "/extractors/{extractorId}/versions", ("extractor_versions", "create")),
        (
            "get",
            "/extractors/{extractorId}/versions/{versionId}",
            ("extractor_versions", "retrieve"),
        ),
        ("post", "/workflow_runs/{id}", ("workflow_runs", "update")),
        ("get", "/evaluation_sets/{id}/items", ("evaluation_set_items", "list")),
    ],
)
def test_rules(method: str, path: str, expected: tuple[str, str]) -> None:
    resource, name = derive_name(method, path, collection_paths(PATHS))
    assert resource is not None
    assert (resource.snake(), name.snake()) == expected


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ("parse", (None, "parse")),
        ("parse_runs.create_batch", ("parse_runs", "create_batch")),
        ("batch_runs.retrieve", ("batch_runs", "retrieve")),
    ],
)
def test_override(override: str, expected: tuple[str | None, str]) -> None:
    resource, name = derive_name("post", "/anything", frozenset(), override)
    assert (resource.snake() if resource else None, name.snake()) == expected
