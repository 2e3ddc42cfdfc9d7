"""Hand-written guide sections (`patches/<api>/guide/<target>/*.md`): read in file-name order,
each one `## ` section, a bad file an error naming its line; and rendered into every target's
README and the docs site's guide page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.config import ApiConfig, default_api
from generator.diagnostics import Severity, has_errors
from generator.load.guide import read_guide, read_section
from generator.pipeline import prepare, render_api
from generator.targets.site.build import render_sites
from tests.conftest import minimal_spec

LABEL = "patches/pets/guide"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_sections_are_read_in_file_name_order(tmp_path: Path) -> None:
    _write(tmp_path / "python", "20-b.md", "## Second\r\n\r\nText.  \r\n\r\n")
    _write(tmp_path / "python", "10-a.md", "\n\n## First\n\n```md\n# not a heading\n```\n")
    _write(tmp_path / "python", "notes.txt", "not a section")
    sections, problems = read_guide(tmp_path, ("python", "typescript"), LABEL)
    assert problems == ()
    assert [s.title for s in sections["python"]] == ["First", "Second"]
    assert [s.source for s in sections["python"]] == [
        f"{LABEL}/python/10-a.md",
        f"{LABEL}/python/20-b.md",
    ]
    assert sections["python"][1].markdown == "## Second\n\nText.\n"
    assert "typescript" not in sections


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("Some text first.\n\n## Title\n", 1, "starts with its `## ` heading"),
        ("\n### Too deep\n", 2, "starts with its `## ` heading"),
        ("", 1, "starts with its `## ` heading"),
        ("## Title\n\nText.\n\n# Another page title\n", 5, "has no `# ` heading"),
    ],
)
def test_a_bad_section_is_an_error_naming_its_line(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    path = _write(tmp_path, "bad.md", text)
    section, (problem,) = read_section(path)
    assert section is None
    assert problem.code == "guide-invalid" and problem.line == line and says in problem.message
    assert problem.render().startswith(f"{path}:{line}#: error [guide-invalid]")


def test_a_section_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("## Caf\xe9\n".encode("latin-1"))
    section, (problem,) = read_section(path)
    assert section is None and problem.file == str(path) and "cannot read" in problem.message


def test_a_folder_for_no_target_is_a_warning(tmp_path: Path) -> None:
    _write(tmp_path / "rust", "a.md", "## A\n")
    sections, (problem,) = read_guide(tmp_path, ("python",), LABEL)
    assert sections == {}
    assert problem.code == "guide-unused" and "'rust' is not a target" in problem.message


def _api(tmp_path: Path) -> ApiConfig:
    spec = tmp_path / "pets.yaml"
    spec.write_text(yaml.safe_dump(minimal_spec()))
    api = default_api(spec, tmp_path / "out", None, ("python", "typescript", "go", "java"))
    return replace(api, guide=tmp_path / "guide")


def test_each_target_readme_and_the_site_guide_end_with_its_sections(tmp_path: Path) -> None:
    for target in ("python", "typescript", "go", "java"):
        _write(tmp_path / "guide" / target, "a.md", f"## Helper for {target}\n\nUse it.\n")
    config = _api(tmp_path)
    rendered = render_api(config)
    assert not has_errors(rendered.diagnostics), rendered.diagnostics
    for target in ("python", "typescript", "go", "java"):
        readme = rendered.files[f"{target}/README.md"]
        assert f"<!-- patches/pets/guide/{target}/a.md: hand-written; edit it there -->\n" in readme
        assert f"\n## Helper for {target}\n\nUse it.\n" in readme
    python = rendered.files["python/README.md"]
    assert python.index("## Helper for python") < python.index("## Reference")
    prepared = prepare(config)
    site = render_sites(prepared.surfaces)
    assert "Helper for python" in site["guide.html"]
    assert "Helper for typescript" in site["typescript/guide.html"]


def test_a_bad_section_stops_generation(tmp_path: Path) -> None:
    _write(tmp_path / "guide" / "python", "a.md", "No heading.\n")
    rendered = render_api(_api(tmp_path))
    assert rendered.files == {}
    assert [d.code for d in rendered.diagnostics if d.severity is Severity.ERROR] == [
        "guide-invalid"
    ]
