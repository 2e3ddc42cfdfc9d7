"""Release history: SDK versions from the spec folder, CHANGELOG.md, and the pipeline's use."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import default_api, load_config
from generator.diagnostics import Severity
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
    assert config is not None
    # The later draft is not generated, and the configuration says so.
    assert [(p.code, p.severity, p.pointer) for p in problems] == [
        ("spec-newer-than-current", Severity.WARNING, "/tool/sdkgen/apis/pets/current")
    ]
    assert problems[0].message.startswith("2027-01-01.yaml is newer than current ('2026-01-01')")
    history, diagnostics = releases(config.apis[0])
    assert diagnostics == () and history is not None
    found = history.releases
    assert [(r.api_version, r.sdk_version) for r in found] == [
        ("2025-01-01", "1.0.0"),
        ("2025-06-01", "1.1.0"),
        ("2026-01-01", "2.0.0"),
    ]
    assert found[0].changes == "First release."
    assert found[2].changes.startswith("Since release 1.1.0 (API version 2025-06-01): 1 change")
    assert history.sdk_version == "2.0.0"


def test_the_changelog_has_a_section_per_version_newest_first_breaking_first(
    tmp_path: Path,
) -> None:
    write_versions(tmp_path)
    config, _ = load_config(tmp_path)
    assert config is not None
    history, _ = releases(config.apis[0])
    assert history is not None
    found = history.releases
    text = render_changelog(found, title="Pets", packages=[("pets_sdk", "Python")])
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Changelog",
        "## 2.0.0 (API version 2026-01-01)",
        "### Breaking changes (1)",
        "## 1.1.0 (API version 2025-06-01)",
        "### Non-breaking changes (1)",
        "## 1.0.0 (API version 2025-01-01)",
    ]
    assert "Since release 1.1.0 (API version 2025-06-01): 1 change: 1 breaking" in text
    assert "- **DELETE /pets/{petId}**: endpoint removed; SDK `client.pets.delete`" in text
    assert text == render_changelog(found, title="Pets", packages=[("pets_sdk", "Python")])
    assert "Releases of `pets_sdk` (the Python SDK), the SDK for Pets, newest first." in text
    both = render_changelog(
        found, title="Pets", packages=[("pets_sdk", "Python"), ("pets-sdk", "TypeScript")]
    )
    assert (
        "Releases of `pets_sdk` (the Python SDK) and `pets-sdk` (the TypeScript SDK), the SDKs "
        "for Pets, newest first. They share each version; methods below are named as in the "
        "Python SDK."
    ) in both


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
    history, _ = releases(config)
    assert history is not None
    assert [(r.api_version, r.sdk_version) for r in history.releases] == [("2026-01-01", "1.0.0")]
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
    history, _ = releases(config.apis[0])
    assert history is not None
    assert history.releases[-1].api_version == current


def _generate(root: Path) -> Mapping[str, str]:
    """Render the pets API and write it, as `make generate` does."""
    from generator.emit.write import write_tree

    config, _ = load_config(root)
    assert config is not None
    rendered = render_api(config.apis[0])
    assert rendered.files, rendered.diagnostics
    write_tree(config.apis[0].output, rendered.files)
    return rendered.files


def test_a_released_spec_edited_later_is_a_new_release_and_history_stays(tmp_path: Path) -> None:
    folder = write_versions(tmp_path)
    first = _generate(tmp_path)
    assert json.loads(first["releases/ledger.json"])["releases"][-1]["sdk_version"] == "2.0.0"
    assert _generate(tmp_path) == first  # the same specs and ledger: the same bytes
    edited = apply(yaml.safe_load((folder / "2026-01-01.yaml").read_text()), Drop(f"{PET}/color"))
    (folder / "2026-01-01.yaml").write_text(yaml.safe_dump(edited, sort_keys=False))
    second = _generate(tmp_path)
    changelog = second["CHANGELOG.md"]
    assert "## 3.0.0 (API version 2026-01-01, revised)" in changelog
    assert "Since release 2.0.0 (API version 2026-01-01): 1 change: 1 breaking" in changelog
    old = first["CHANGELOG.md"].split("## 2.0.0", 1)[1]
    assert changelog.split("## 2.0.0", 1)[1] == old  # released sections never change
    assert '__version__ = "3.0.0"' in second["python/pets_sdk/_version.py"]
    ledger = json.loads(second["releases/ledger.json"])["releases"]
    assert [(r["sdk_version"], r["revision"]) for r in ledger] == [
        ("1.0.0", 0), ("1.1.0", 0), ("2.0.0", 0), ("3.0.0", 1)
    ]  # fmt: skip
    assert "releases/spec-3.0.0.json" in second and "releases/spec-2.0.0.json" not in second
    assert _generate(tmp_path) == second


def test_an_edit_the_diff_does_not_see_releases_nothing(tmp_path: Path) -> None:
    folder = write_versions(tmp_path)
    first = _generate(tmp_path)
    spec = folder / "2026-01-01.yaml"
    spec.write_text("# a comment\n" + spec.read_text())
    assert _generate(tmp_path)["CHANGELOG.md"] == first["CHANGELOG.md"]


def test_an_older_released_spec_edited_later_changes_nothing(tmp_path: Path) -> None:
    folder = write_versions(tmp_path)
    first = _generate(tmp_path)
    older = folder / "2025-01-01.yaml"
    edited = apply(yaml.safe_load(older.read_text()), Set(f"{PET}/size", {"type": "integer"}))
    older.write_text(yaml.safe_dump(edited, sort_keys=False))
    config, _ = load_config(tmp_path)
    assert config is not None
    history, problems = releases(config.apis[0])
    assert history is not None and problems == ()  # older releases are facts: not even read
    assert render_api(config.apis[0]).files["CHANGELOG.md"] == first["CHANGELOG.md"]


def test_a_broken_ledger_stops_generation_and_names_it(tmp_path: Path) -> None:
    write_versions(tmp_path)
    _generate(tmp_path)
    ledger = tmp_path / "output" / "pets" / "releases" / "ledger.json"
    ledger.write_text("{not json")
    config, _ = load_config(tmp_path)
    assert config is not None
    rendered = render_api(config.apis[0])
    assert rendered.files == {}
    [problem] = [d for d in rendered.diagnostics if d.code == "ledger-invalid"]
    assert problem.file == str(ledger)


def test_an_unchanged_snapshot_is_kept_without_loading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The latest release's spec, as that release wrote it, is not parsed again when nothing
    is released; edited by hand, it is loaded and written back canonical."""
    from generator.diff import inputs

    write_versions(tmp_path)
    first = _generate(tmp_path)
    loaded: list[str] = []
    load_version = inputs.load_version

    def recording(path: Path, **given: Any) -> Any:
        loaded.append(path.name)
        return load_version(path, **given)

    monkeypatch.setattr(inputs, "load_version", recording)
    assert _generate(tmp_path) == first
    assert "spec-2.0.0.json" not in loaded
    snapshot = tmp_path / "output" / "pets" / "releases" / "spec-2.0.0.json"
    snapshot.write_text(json.dumps(json.loads(snapshot.read_text())))  # one line, same spec
    assert _generate(tmp_path) == first
    assert "spec-2.0.0.json" in loaded
