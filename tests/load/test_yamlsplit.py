"""Parsing a big YAML document in two halves gives exactly what parsing it whole gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.load import yamlsplit
from generator.load.loader import _load_yaml, parse_text
from generator.load.yamlsplit import parse_in_halves

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.fixture
def small_is_big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsplit, "SPLIT_ABOVE_BYTES", 0)


def document(schemas: int) -> str:
    lines = ["openapi: 3.1.0", "info:", "  title: t", "  version: '1'", "paths: {}", "components:"]
    lines.append("  schemas:")
    for index in range(schemas):
        lines += [f"    S{index}:", "      type: object", "      description: |", "        a: b"]
    lines += ["  securitySchemes:", "    key:", "      type: http", "x-end: 1", ""]
    return "\n".join(lines)


def test_a_cut_inside_nested_mappings_joins_them_back(small_is_big: None) -> None:
    text = document(40)
    parsed = parse_in_halves(text, _load_yaml)
    assert parsed is not None
    halves, facts = parsed
    assert (halves, facts) == _load_yaml(text)  # the facts of the whole, from the halves'
    assert list(halves) == list(_load_yaml(text)[0])
    assert list(halves["components"]["schemas"]) == [f"S{i}" for i in range(40)]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x\n  b: 1\n" + "c: 2\n" * 50 + "d: *x\n",  # an alias of the other half
        "%YAML 1.2\n---\na: 1\n",
        "{a: 1}\n",
        "a:\n  b: 1\n" + "z: 0\n" * 40 + "a:\n  c: 2\n",  # a key twice
    ],
)
def test_what_the_halves_cannot_stand_for_is_left_whole(small_is_big: None, text: str) -> None:
    assert parse_in_halves(text, _load_yaml) is None


def test_the_loader_still_parses_what_the_halves_leave(small_is_big: None) -> None:
    text = "a: &x\n  b: 1\n" + "".join(f"c{i}: 2\n" for i in range(50)) + "d: *x\n"
    source, problems = parse_text(Path("spec.yaml"), text.encode())
    assert not problems and source is not None
    data: Any = source.data
    assert data["d"] == {"b": 1}


@pytest.mark.slow
@pytest.mark.conformance
@pytest.mark.parametrize("name", ["openai.yaml", "stripe.yaml", "digitalocean.bundled.yaml"])
def test_corpus_documents_parse_the_same(name: str) -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    text = (CORPUS / name).read_text(encoding="utf-8")
    halves = parse_in_halves(text, _load_yaml)
    whole = _load_yaml(text)
    assert halves is not None
    assert halves == whole and list(halves[0]) == list(whole[0])
