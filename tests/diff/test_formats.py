"""The formats: text (plain and coloured), markdown, json and GitHub annotations."""

from __future__ import annotations

import json

import pytest

from generator.diff.formats import FORMATS, render
from generator.diff.formats.github import escape_data, escape_property
from generator.diff.model import Bump, Change, Level, Location, Report
from tests.diff.cases import ITEM, PET
from tests.diff.specs import Drop, Set, apply, diff, pets


@pytest.fixture(scope="module")
def report() -> Report:
    revision = apply(
        pets(),
        Drop(f"{ITEM}/delete"),
        Set(f"{PET}/status/enum/-", "adopted"),
        Set(f"{PET}/color", {"type": "string"}),
    )
    return diff(pets(), revision)


def test_text_lists_every_change_by_level_with_sdk_and_places(report: Report) -> None:
    text = render(report, "text")
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert lines[0] == "old.yaml -> new.yaml"
    assert lines[1] == (
        "3 changes: 1 breaking, 1 possibly breaking, 1 non-breaking; "
        "suggested SDK version bump: major"
    )
    assert "breaking [endpoint-removed] DELETE /pets/{petId}: endpoint removed" in lines
    assert "    sdk: client.pets.delete" in lines
    assert "    at: old.yaml#/paths/~1pets~1{petId}/delete -> new.yaml#/paths" in lines
    assert "    operations: GET /pets, POST /pets, GET /pets/{petId}" in lines
    headings = [line for line in lines if line.endswith(")") and not line.startswith(" ")]
    assert headings == [
        "Breaking changes (1)",
        "Possibly breaking changes (1)",
        "Non-breaking changes (1)",
    ]


def test_text_is_coloured_only_when_asked(report: Report) -> None:
    coloured = render(report, "text", color=True)
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured and "\x1b[32m" in coloured


def test_markdown_has_a_section_per_level_and_a_line_per_change(report: Report) -> None:
    text = render(report, "markdown")
    assert text.startswith("# API changes: `old.yaml` → `new.yaml`\n")
    assert "<details open><summary><strong>Breaking changes (1)</strong></summary>" in text
    assert (
        "- **DELETE /pets/{petId}**: endpoint removed; SDK `client.pets.delete`; "
        "rule `endpoint-removed`"
    ) in text
    assert "rule `response-property-enum-value-added`" in text


def test_json_is_data_with_stable_keys(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["bump"] == "major"
    assert data["summary"] == {"breaking": 1, "possibly-breaking": 1, "non-breaking": 1}
    first = data["changes"][0]
    assert first == {
        "id": "endpoint-removed",
        "level": "breaking",
        "bump": "major",
        "message": "endpoint removed",
        "operations": ["DELETE /pets/{petId}"],
        "old": {"pointer": "/paths/~1pets~1{petId}/delete", "line": None},
        "new": {"pointer": "/paths", "line": None},
        "sdk": {"methods": ["client.pets.delete"], "models": []},
    }


def test_github_annotations_one_per_change(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert lines[0] == (
        "::error file=new.yaml,title=breaking%3A endpoint-removed::"
        "DELETE /pets/{petId}: endpoint removed (SDK: client.pets.delete)"
    )


def test_github_escaping() -> None:
    assert escape_data("50%\nnext\r") == "50%25%0Anext%0D"
    assert escape_property("a,b:c") == "a%2Cb%3Ac"


@pytest.mark.parametrize("name", FORMATS)
def test_an_empty_report_renders_in_every_format(name: str) -> None:
    text = render(diff(pets(), pets()), name)
    if name == "github":
        assert text == ""
    else:
        assert "0 breaking" in text or '"breaking": 0' in text


def test_markdown_names_every_affected_method_in_collapsible_sections() -> None:
    from generator.diff.formats.markdown import render_markdown

    methods = tuple(f"client.things.method_{i}" for i in range(40))
    operations = tuple(f"GET /things/{i}" for i in range(40))
    change = Change("schema-changed", Level.BREAKING, Bump.MAJOR, "a shared schema changed",
                    Location("/a"), Location("/a"), operations, methods, ())  # fmt: skip
    text = render_markdown(Report("old.yaml", "new.yaml", (change,)))
    assert "<details open><summary><strong>Breaking changes (1)</strong></summary>" in text
    assert all(f"`{method}`" in text for method in methods)
    assert "more)" not in text


def test_markdown_keeps_within_githubs_comment_limit_dropping_the_least_severe_first() -> None:
    from generator.diff.formats.markdown import COMMENT_LIMIT, render_markdown

    def changes(level: Level, count: int) -> list[Change]:
        return [
            Change(
                "rule-id",
                level,
                Bump.MAJOR,
                f"change {i} " + "x" * 200,
                Location("/a"),
                Location("/a"),
                (f"GET /p/{i}",),
                (f"client.p.m_{i}",),
                (),
            )
            for i in range(count)
        ]

    many = (*changes(Level.BREAKING, 150), *changes(Level.NON_BREAKING, 300))
    text = render_markdown(Report("old.yaml", "new.yaml", many))
    assert len(text) <= COMMENT_LIMIT
    assert all(f"`client.p.m_{i}`" in text for i in range(150))  # every breaking change kept
    shown = text.count("\n- ")
    assert f"(+{450 - shown} changes not shown" in text
    small = render_markdown(Report("old.yaml", "new.yaml", many[:3]), limit=COMMENT_LIMIT)
    assert "not shown" not in small
