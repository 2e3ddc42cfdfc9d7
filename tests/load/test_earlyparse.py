"""The spec's tail parsed by a child started before the command's imports: the loader gets
exactly what parsing the text whole gives, and only for the bytes the child read; a child
that fails, or that nobody claims, leaves nothing behind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.load import earlyparse, yamlsplit
from generator.load.child import InChild, in_child
from generator.load.loader import load_document
from generator.load.yamlload import load_yaml_surveyed as load_yaml


@pytest.fixture(autouse=True)
def small_is_big(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(yamlsplit, "SPLIT_ABOVE_BYTES", 0)
    yield
    earlyparse._stop_unclaimed()


def _spec(schemas: int, *, last: str = "x-end: 1") -> str:
    lines = ["openapi: 3.0.3", "info:", "  title: t", "  version: '1'", "paths: {}"]
    lines += ["components:", "  schemas:"]
    for index in range(schemas):
        lines += [f"    S{index}:", "      type: object", "      properties:"]
        lines += ["        id:", "          type: string", f"          description: d{index}"]
    return "\n".join([*lines, last, ""])


def _alive(child: int) -> bool:
    try:
        os.kill(child, 0)
    except ProcessLookupError:
        return False
    return True


def _started(path: Path) -> InChild:
    earlyparse.start(str(path))
    assert len(earlyparse._started) == 1
    return earlyparse._started[0].work


def test_the_claimed_child_gives_what_the_whole_text_parses_to(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    text = _spec(40)
    spec.write_text(text, encoding="utf-8")
    _started(spec)
    claimed = earlyparse.claim(spec)
    assert claimed is not None and earlyparse.claim(spec) is None  # handed over once
    _text, sha = earlyparse.text_of(spec.read_bytes())
    parsed = earlyparse.parse_claimed(claimed, text, sha, load_yaml)
    assert parsed == load_yaml(text)  # the value and the facts of the whole
    assert parsed is not None and list(parsed[0]["components"]["schemas"]) == [
        f"S{i}" for i in range(40)
    ]


def test_the_loader_uses_the_child_and_loads_the_same_document(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(_spec(40), encoding="utf-8")
    plain = load_document(spec)
    work = _started(spec)
    early = load_document(spec)
    assert earlyparse._started == [] and not _alive(work.child)
    assert early.document == plain.document and early.diagnostics == plain.diagnostics
    assert early.sha256 == plain.sha256


def test_other_bytes_than_the_childs_are_parsed_here(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(_spec(40), encoding="utf-8")
    claimed = earlyparse.claim(spec) if _started(spec) else None
    assert claimed is not None
    changed = _spec(40, last="x-end: 2")
    _text, sha = earlyparse.text_of(changed.encode())
    assert earlyparse.parse_claimed(claimed, changed, sha, load_yaml) is None
    assert not _alive(claimed.child)


def test_a_tail_that_does_not_parse_leaves_the_text_to_the_loader(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    text = _spec(40, last="x-end: [1, 2")
    spec.write_text(text, encoding="utf-8")
    work = _started(spec)
    assert earlyparse.claim(spec) is work
    _text, sha = earlyparse.text_of(spec.read_bytes())
    assert earlyparse.parse_claimed(work, text, sha, load_yaml) is None
    loaded = load_document(spec)
    assert [d.code for d in loaded.diagnostics] == ["invalid-yaml"]
    assert loaded.diagnostics[0].line == text.count("\n") + 1  # the end, where libyaml stops


def test_an_unclaimed_child_is_stopped_at_exit(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(_spec(40), encoding="utf-8")
    work = _started(spec)
    assert earlyparse.claim(tmp_path / "other.yaml") is None
    earlyparse._stop_unclaimed()
    assert earlyparse._started == [] and not _alive(work.child)


@pytest.mark.parametrize("name", ["api.json", "missing.yaml"])
def test_no_child_for_a_file_that_is_not_there_or_not_yaml(tmp_path: Path, name: str) -> None:
    spec = tmp_path / name
    if name.endswith(".json"):
        spec.write_text('{"openapi": "3.0.3"}', encoding="utf-8")
    earlyparse.start(str(spec))
    assert earlyparse._started == []


def test_a_process_forked_later_does_not_claim_its_parents_child(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(_spec(40), encoding="utf-8")
    work = _started(spec)
    copy = in_child(lambda: earlyparse.claim(spec) is None)
    assert copy.value() is True
    assert earlyparse.claim(spec) is work
    work.stop()
