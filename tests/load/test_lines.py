"""The text scan agrees with YAML's own node graph on every pointer of real documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import join_pointer, split_pointer
from generator.load.lines import UNKNOWN, YamlLines
from generator.load.loader import _YamlLoader
from tests.corpus.sample import sampled

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def composed_lines(text: str) -> dict[str, int]:
    """pointer -> line from the node graph: a mapping entry's key line, an item's own line."""
    found: dict[str, int] = {}
    root = yaml.compose(text, Loader=_YamlLoader)
    assert root is not None
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = join_pointer(pointer, str(key.value))
                found[child] = key.start_mark.line + 1
                stack.append((value, child))
        elif isinstance(node, yaml.SequenceNode):
            for position, value in enumerate(node.value):
                child = join_pointer(pointer, position)
                found[child] = value.start_mark.line + 1
                stack.append((value, child))
    return found


def lookup(text: str, pointer: str) -> int:
    data: Any = yaml.load(text, Loader=_YamlLoader)
    return YamlLines(text).find_line(data, split_pointer(pointer))


def assert_agrees(text: str, limit: int | None = None) -> None:
    data = yaml.load(text, Loader=_YamlLoader)
    scanned = YamlLines(text)
    expected = composed_lines(text)
    pointers = sorted(expected)
    if limit is not None:
        pointers = pointers[:: max(1, len(pointers) // limit)]
    found = {pointer: scanned.find_line(data, split_pointer(pointer)) for pointer in pointers}
    wrong = {
        pointer: (line, expected[pointer])
        for pointer, line in found.items()
        if line not in (UNKNOWN, expected[pointer])
    }
    assert not wrong
    unknown = [pointer for pointer, line in found.items() if line == UNKNOWN]
    assert len(unknown) <= len(pointers) // 20, unknown[:5]


@pytest.mark.parametrize("name", ["2025-04-21.yaml", "2026-02-09.yaml"])
def test_pointers_of_the_extend_specs(name: str) -> None:
    assert_agrees((ROOT / "specs" / "extend" / name).read_text(encoding="utf-8"), limit=3000)


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    sampled(
        [
            "openai.yaml",
            "stripe.yaml",
            "spotify.yaml",
            "digitalocean.bundled.yaml",
            "box-v2025.json",
            "slack-web-swagger2.json",
        ]
    ),
)
def test_corpus_documents(name: str) -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    assert_agrees((CORPUS / name).read_text(encoding="utf-8"), limit=800)


SAMPLE = """\
openapi: 3.1.0
# a comment at the top level
paths:
  /pets/{id}:
    parameters:
    - name: id
      in: path
    -   name: "quoted \\u00e9"
        in: 'it''s'
    get:
      description: |
        text: that looks like a key
        - and a dash
      responses:
        "200":
          description: ok
        '404': {description: gone}
tags:
  -
    name: pets
"""


@pytest.mark.parametrize(
    ("pointer", "line"),
    [
        ("", 1),
        ("/paths", 3),
        ("/paths/~1pets~1{id}/parameters/0", 6),
        ("/paths/~1pets~1{id}/parameters/0/in", 7),
        ("/paths/~1pets~1{id}/parameters/1/name", 8),
        ("/paths/~1pets~1{id}/parameters/1/in", 9),
        ("/paths/~1pets~1{id}/get/responses/200/description", 16),
        ("/paths/~1pets~1{id}/get/responses/404", 17),
        ("/paths/~1pets~1{id}/get/missing/deeper", 10),
        ("/tags/0/name", 20),
    ],
)
def test_block_style_shapes(pointer: str, line: int) -> None:
    assert lookup(SAMPLE, pointer) == line


def test_flow_style_is_left_to_the_node_graph() -> None:
    assert lookup(SAMPLE, "/paths/~1pets~1{id}/get/responses/404/description") == UNKNOWN
    assert lookup('{"a": {"b": 1}}', "/a/b") == UNKNOWN


PRETTY_JSON = """{
  "a": {
    "b": [
      {
        "c": 1
      },
      {
        "c": [1, 2]
      }
    ],
    "d \\u00e9": true
  }
}
"""


@pytest.mark.parametrize(
    ("pointer", "line"),
    [("", 1), ("/a", 2), ("/a/b", 3), ("/a/b/1", 7), ("/a/b/1/c", 8), ("/a/d é", 11)],
)
def test_pretty_printed_json_is_scanned_too(pointer: str, line: int) -> None:
    assert lookup(PRETTY_JSON, pointer) == line


def test_the_loader_names_key_lines_also_for_json() -> None:
    from generator.load.loader import parse_text

    text = b'{\n  "a": {\n    "b": [\n      1\n    ]\n  }\n}\n'
    source, problems = parse_text(Path("x.json"), text)
    assert not problems and source is not None
    assert source.line_of("/a/b/0") == 4
    assert source.line_of("/a/b") == 3
    assert source.line_of("/a/zzz") == 2
