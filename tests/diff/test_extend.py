"""The Extend pair 2025-04-21 -> 2026-02-09: what the release pipeline must see."""

from __future__ import annotations

from functools import cache

from generator.config import load_config
from generator.diff.engine import diff_versions
from generator.diff.history import releases
from generator.diff.model import Bump, Level, Report
from generator.diff.version import Version
from generator.load.loader import load_document
from tests.conftest import ROOT

OLD = ROOT / "specs" / "extend" / "2025-04-21.yaml"
NEW = ROOT / "specs" / "extend" / "2026-02-09.yaml"


def versions() -> tuple[Version, Version]:
    old, new = load_document(OLD), load_document(NEW)
    assert old.document is not None and new.document is not None
    return Version(str(OLD), old.document, old.source), Version(str(NEW), new.document, new.source)


@cache
def report() -> Report:
    return diff_versions(*versions(), api_name="extend")


def test_the_legacy_processor_endpoints_are_removed_as_breaking() -> None:
    removed = {c.operations[0]: c for c in report().changes if c.rule == "endpoint-removed"}
    legacy = [key for key in removed if key.split(" ")[1].startswith(("/processor", "/processors"))]
    assert len(legacy) == 11
    assert all(removed[key].level is Level.BREAKING for key in legacy)
    assert removed["GET /processor_runs"].methods == ("client.processor_run.list",)
    assert removed["POST /processors"].methods == ("client.processor.create",)


def test_the_new_resources_are_additions() -> None:
    added = {c.operations[0]: c for c in report().changes if c.rule == "endpoint-added"}
    for key, method in [
        ("POST /extract_runs", "client.extract_runs.create"),
        ("GET /classifiers", "client.classifiers.list"),
        ("POST /split_runs", "client.split_runs.create"),
        ("POST /webhook_endpoints", "client.webhook_endpoints.create"),
        ("POST /parse", "client.parse"),
    ]:
        assert added[key].level is Level.NON_BREAKING
        assert added[key].methods == (method,)


def test_shared_schema_changes_are_reported_once_with_their_operations() -> None:
    [name] = [
        c for c in report().changes if c.message == "WorkflowRun: optional property 'name' removed"
    ]
    assert name.operations == (
        "POST /workflow_runs",
        "GET /workflow_runs/{id}",
        "POST /workflow_runs/{id}",
        "POST /workflow_runs/{id}/cancel",
    )
    assert name.models == ("WorkflowRun",)


def test_the_sdk_gets_a_major_release_2_0_0() -> None:
    assert report().bump is Bump.MAJOR
    config, problems = load_config(ROOT)
    assert config is not None and problems == []
    [extend] = [api for api in config.apis if api.name == "extend"]
    history, _ = releases(extend)
    assert history is not None
    assert [(r.api_version, r.sdk_version) for r in history.releases] == [
        ("2025-04-21", "1.0.0"),
        ("2026-02-09", "2.0.0"),
    ]
