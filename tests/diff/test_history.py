"""Release history: SDK versions from the spec folder, CHANGELOG.md, and the pipeline's use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import default_api, load_config
from generator.diff.changelog import render_changelog
from generator.diff.history import releases, spec_history
from generator.pipeline import render_api
from tests.diff.cases import ITEM, PET
from tests.diff.specs import Drop, Set, apply, pets

PYPROJECT = """
[tool.sdkgen]
output = "output"

[tool.sdkgen.apis.pets]
specs = "specs/pets"
current = "{current}"
package = "pets_sdk"
client = "Pets"
"""


def write_versions(root: Path, current: str = "2026-01-01") -> Path:
    """Three API versions: an addition (minor), then a removal (major); plus a later draft."""
    folder = root / "specs" / "pets"
    folder.mkdir(parents=True)
    versions: dict[str, dict[str, Any]] = {
        "2025-01-01": pets(),
        "2025-06-01": apply(pets(), Set(f"{PET}/color", {"type": "string"})),
        "2026-01-01": apply(
            pets(), Set(f"{PET}/color", {"type": "string"}), Drop(f"{ITEM}/delete")
        ),
        "2027-01-01": pets(),
    }
    for name, document in versions.items():
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    (folder / "notes.txt").write_text("not a spec")
    (root / "pyproject.toml").write_text(PYPROJECT.format(current=current))
    return folder


def test_the_history_is_the_folder_sorted_by_name_up_to_the_current_version(
    tmp_path: Path,
) -> None:
    folder = write_versions(tmp_path)
    assert [p.name for p in spec_history(folder / "2026-01-01.yaml")] == [
        "2025-01-01.yaml",
        "2025-06-01.yaml",
        "2026-01-01.yaml",
    ]


def test_each_version_bumps_the_sdk_by_its_diff(tmp_path: Path) -> None:
    write_versions(tmp_path)
    config, problems = load_config(tmp_path)
    assert config is not None and problems == []
    found, diagnostics = releases(config.apis[0])
    assert diagnostics == ()
    assert [(r.api_version, r.sdk_version) for r in found] == [
        ("2025-01-01", "1.0.0"),
        ("2025-06-01", "1.1.0"),
        ("2026-01-01", "2.0.0"),
    ]
    assert found[0].report is None
    assert found[2].report is not None
    assert found[2].report.old_label == "specs/pets/2025-06-01.yaml"


def test_the_changelog_has_a_section_per_version_newest_first_breaking_first(
    tmp_path: Path,
) -> None:
    write_versions(tmp_path)
    config, _ = load_config(tmp_path)
    assert config is not None
    found, _ = releases(config.apis[0])
    text = render_changelog(found, title="Pets", package="pets_sdk", language="Python")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Changelog",
        "## 2.0.0 (API version 2026-01-01)",
        "### Breaking changes (1)",
        "## 1.1.0 (API version 2025-06-01)",
        "### Non-breaking changes (1)",
        "## 1.0.0 (API version 2025-01-01)",
    ]
    assert "Since API version 2025-06-01: 1 change: 1 breaking" in text
    assert "- **DELETE /pets/{petId}**: endpoint removed; SDK `client.pets.delete`" in text
    assert text == render_changelog(found, title="Pets", package="pets_sdk", language="Python")


def test_the_pipeline_writes_the_changelog_and_the_sdk_version(tmp_path: Path) -> None:
    write_versions(tmp_path)
    config, _ = load_config(tmp_path)
    assert config is not None
    rendered = render_api(config.apis[0])
    assert rendered.files["CHANGELOG.md"].startswith("# Changelog\n")
    assert '__version__ = "2.0.0"' in rendered.files["python/pets_sdk/_version.py"]
    assert 'version = "2.0.0"' in rendered.files["python/pyproject.toml"]


def test_a_lone_spec_is_a_first_release_whatever_lies_beside_it(tmp_path: Path) -> None:
    folder = write_versions(tmp_path)
    config = default_api(folder / "2026-01-01.yaml", tmp_path / "out", "pets_sdk")
    found, _ = releases(config)
    assert [(r.api_version, r.sdk_version) for r in found] == [("2026-01-01", "1.0.0")]
    text = render_api(config).files["CHANGELOG.md"]
    assert text.endswith("## 1.0.0 (API version 2026-01-01)\n\nFirst release.\n")


def test_an_earlier_version_that_does_not_load_stops_generation(tmp_path: Path) -> None:
    folder = write_versions(tmp_path)
    (folder / "2025-06-01.yaml").write_text("openapi: 3.1.0\ninfo: {title: x\n")
    config, _ = load_config(tmp_path)
    assert config is not None
    rendered = render_api(config.apis[0])
    assert rendered.files == {}
    [problem] = [d for d in rendered.diagnostics if d.code == "invalid-yaml"]
    assert problem.file == "specs/pets/2025-06-01.yaml" and problem.line == 3


@pytest.mark.parametrize("current", ["2025-01-01", "2025-06-01"])
def test_the_current_version_ends_the_history(tmp_path: Path, current: str) -> None:
    write_versions(tmp_path, current)
    config, _ = load_config(tmp_path)
    assert config is not None
    found, _ = releases(config.apis[0])
    assert found[-1].api_version == current
