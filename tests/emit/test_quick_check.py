"""`check` of an unchanged project from the records (`output_cache`, `quick_check`): confirmed
without rendering, and every kind of staleness still found by both records."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import generator
from generator.config import ProjectConfig, load_config
from generator.emit import cache_file, output_cache, quick_check
from generator.emit.output_cache import confirms_up_to_date, record
from generator.emit.quick_check import (
    CACHE_DIR_NAME,
    QUICK_RECORD,
    confirms_unchanged,
    find_project_root,
)
from generator.entry import _confirmed

PYPROJECT = """\
[tool.sdkgen]
output = "output"

[tool.sdkgen.apis.tiny]
specs = "specs/tiny"
current = "1"
targets = ["python"]

[tool.sdkgen.apis.tiny.python]
package = "tiny_sdk"
"""
OUTPUT = {"README.md": "# Tiny\n", "tiny_sdk/__init__.py": '"""Tiny."""\n'}


def configured(root: Path) -> ProjectConfig:
    config, problems = load_config(root)
    assert config is not None and problems == []
    return config


def make_project(root: Path) -> Path:
    """A project whose output/ is what its record says `generate` wrote, checked once."""
    (root / "specs" / "tiny").mkdir(parents=True)
    (root / "templates" / "python").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "specs" / "tiny" / "1.yaml").write_text("openapi: 3.1.0\n")
    (root / "templates" / "python" / "client.py.j2").write_text("{{ name }}\n")
    target = root / "output" / "tiny"
    for path, text in OUTPUT.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text)
    config = configured(root)
    record(config, root / CACHE_DIR_NAME, {target: OUTPUT})
    assert confirms_up_to_date(config, root / CACHE_DIR_NAME, quick_record=True)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def fully_confirmed(root: Path) -> bool:
    """What `check` concludes without rendering, through the configuration."""
    config, problems = load_config(root)
    if config is None or problems:
        return False
    return confirms_up_to_date(config, root / CACHE_DIR_NAME)


def test_an_unchanged_project_is_confirmed_by_both_records(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert confirms_unchanged(str(project))
    assert confirms_unchanged(str(project / "output" / "tiny"))  # from a folder inside
    assert fully_confirmed(project)
    monkeypatch.chdir(project / "specs")
    assert _confirmed()


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def same_size_hand_edit(root: Path) -> None:
    readme = root / "output" / "tiny" / "README.md"
    before = readme.stat()
    readme.write_text("# TinY\n")
    os.utime(readme, ns=(before.st_atime_ns, before.st_mtime_ns))


EDITS: dict[str, Callable[[Path], object]] = {
    "spec": lambda root: (root / "specs/tiny/1.yaml").write_text("openapi: 3.0.3\n"),
    "template": lambda root: (root / "templates/python/client.py.j2").write_text("{{ x }}\n"),
    "new template": lambda root: (root / "templates/python/models.py.j2").write_text("x\n"),
    "settings": lambda root: (root / "pyproject.toml").write_text(
        PYPROJECT.replace('"tiny_sdk"', '"tiny_client"')
    ),
    "patches": lambda root: write(root / "patches/tiny/README.md.patch", "@@\n"),
    "output edited by hand": same_size_hand_edit,
    "output deleted": lambda root: (root / "output/tiny/README.md").unlink(),
    "newer spec": lambda root: (root / "specs/tiny/2.yaml").write_text("openapi: 3.1.0\n"),
    "unconfigured specs folder": lambda root: write(
        root / "specs/other/1.yaml", "openapi: 3.1.0\n"
    ),
}


@pytest.mark.parametrize("edit", EDITS)
def test_every_staleness_misses_both_records(project: Path, edit: str) -> None:
    EDITS[edit](project)
    assert not confirms_unchanged(str(project))
    assert not fully_confirmed(project)


def test_an_edit_of_the_generator_misses_both_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "generator_code"
    code.mkdir()
    (code / "render.py").write_text("VALUE = 1\n")
    monkeypatch.setattr(output_cache, "_GENERATOR_DIR", code)
    root = make_project(tmp_path / "project")
    assert confirms_unchanged(str(root)) and fully_confirmed(root)
    (code / "render.py").write_text("VALUE = 2\n")
    assert not confirms_unchanged(str(root))
    assert not fully_confirmed(root)


def test_another_generator_version_misses_both_records(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator, "__version__", "99.0.0")
    assert not confirms_unchanged(str(project))
    assert not fully_confirmed(project)


def test_a_templates_folder_that_appears_misses_the_quick_record(tmp_path: Path) -> None:
    """Without its templates folder a project renders with the built-in templates; creating
    the folder, even empty, changes that."""
    root = tmp_path / "project"
    (root / "specs" / "tiny").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "specs" / "tiny" / "1.yaml").write_text("openapi: 3.1.0\n")
    (root / "output" / "tiny").mkdir(parents=True)
    (root / "output" / "tiny" / "README.md").write_text("# Tiny\n")
    config = configured(root)
    record(config, root / CACHE_DIR_NAME, {root / "output" / "tiny": {"README.md": "# Tiny\n"}})
    assert confirms_up_to_date(config, root / CACHE_DIR_NAME, quick_record=True)
    assert confirms_unchanged(str(root))
    (root / "templates").mkdir()
    assert not confirms_unchanged(str(root))


def test_a_copied_project_is_not_confirmed_from_the_original(project: Path) -> None:
    """Both records name files by absolute path: a copy (cache and all) renders to check."""
    copy = project.parent / "copy"
    shutil.copytree(project, copy)
    assert not confirms_unchanged(str(copy))
    assert not fully_confirmed(copy)
    assert confirms_unchanged(str(project))


def test_no_record_no_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_project_root(str(tmp_path)) != str(tmp_path)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    assert find_project_root(str(tmp_path)) == str(tmp_path)
    assert not confirms_unchanged(str(tmp_path))  # a project, but no record


def test_the_quick_check_loads_neither_the_configuration_nor_the_cli(project: Path) -> None:
    quick = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "generator", "check"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert quick.returncode == 0 and quick.stdout == "output/ is up to date\n"
    modules = ("generator.config", "tomllib", "dataclasses", "typing", "click", "jinja2", "hashlib")
    for module in modules:
        assert f" {module}\n" not in quick.stderr, module


def test_a_generate_of_a_clean_project_leaves_the_quick_record(tmp_path: Path) -> None:
    """The first `check` after `generate` answers from the quick record, as later ones do."""
    root = Path(generator.__file__).resolve().parent.parent
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy2(root / "pyproject.toml", copy / "pyproject.toml")
    shutil.copytree(root / "specs", copy / "specs")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate"], cwd=copy, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert confirms_unchanged(str(copy))
    (copy / "output" / "extend" / "python" / "README.md").write_text("edited\n")
    assert not confirms_unchanged(str(copy))


def record_stats(root: Path) -> dict[str, tuple[int, int, int, int]]:
    record = cache_file.load(str(root / CACHE_DIR_NAME / QUICK_RECORD))
    assert isinstance(record, dict)
    return dict(zip(record["paths"], record["stats"], strict=True))


def test_a_touched_file_is_hashed_again_and_the_record_renewed(project: Path) -> None:
    """A stat that moved with the bytes unchanged (a checkout, a touch) confirms through the
    file's hash, and the record takes the new stat so the next check compares stats only."""
    readme = project / "output" / "tiny" / "README.md"
    readme.write_text(readme.read_text())
    assert confirms_unchanged(str(project))
    stat = readme.stat()
    assert record_stats(project)[str(readme)] == (
        stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino
    )  # fmt: skip


def test_a_file_as_recent_as_the_record_is_not_trusted_by_its_stat(project: Path) -> None:
    """An edit in the clock tick the record was saved in may leave the stat unchanged: such a
    file is read, and an edit found."""
    record_file = project / CACHE_DIR_NAME / QUICK_RECORD
    readme = project / "output" / "tiny" / "README.md"
    before = readme.stat()
    readme.write_text("# TinY\n")
    os.utime(readme, ns=(before.st_atime_ns, before.st_mtime_ns))
    saved = record_file.stat()
    record = cache_file.load(str(record_file))
    assert isinstance(record, dict)
    record["stats"] = [
        (before.st_size, before.st_mtime_ns, readme.stat().st_ctime_ns, before.st_ino)
        if path == str(readme) else stat
        for path, stat in zip(record["paths"], record["stats"], strict=True)
    ]  # fmt: skip
    record["newest_ctime"] = readme.stat().st_ctime_ns
    assert cache_file.save(str(record_file), record)
    os.utime(record_file, ns=(saved.st_atime_ns, readme.stat().st_ctime_ns))
    assert not confirms_unchanged(str(project))


def test_a_file_added_to_an_input_folder_misses_the_quick_record(project: Path) -> None:
    (project / "specs" / "tiny" / "notes").mkdir()
    assert not confirms_unchanged(str(project))


def test_other_packages_on_the_search_path_are_read_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed folder on sys.path (a package installed or upgraded) has black's and jinja2's
    versions read again: the same versions still confirm, others do not."""
    monkeypatch.setattr(sys, "path", [*sys.path, str(project / "specs")])
    assert confirms_unchanged(str(project))
    monkeypatch.setattr(quick_check, "installed_version", lambda name: "0.0.1")
    assert not confirms_unchanged(str(project))


def test_a_record_of_another_layout_is_ignored(project: Path) -> None:
    record_file = project / CACHE_DIR_NAME / QUICK_RECORD
    assert cache_file.save(str(record_file), {"root": str(project), "files": {}})
    assert not confirms_unchanged(str(project))
    assert fully_confirmed(project)
