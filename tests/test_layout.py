"""The house: the stages as folders, imports one way, targets as plugins, tests mirroring the
package. Read from the source, lazy and type-checking imports included."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from generator.targets.registry import TARGET_MODULES
from tests.conftest import ROOT
from tests.support.imports import Edge, cycles, import_graph

PACKAGE = ROOT / "generator"
STAGES = ("load", "ir", "targets", "emit")
"""The pipeline's stages in order: a stage imports no later stage."""
SHARED_VOCABULARY = {"generator.ir.names"}
"""Modules every stage may use: the words of names (the loader's bundler names hoisted schemas
with them). Each must import nothing of the generator."""
MAX_LOOSE_MODULES = 8


@cache
def package_graph() -> dict[str, list[Edge]]:
    """The generator's import graph, read when a test first asks (not while pytest collects)."""
    return import_graph(PACKAGE)


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _edges() -> list[Edge]:
    return [edge for edges in package_graph().values() for edge in edges]


def _where(edge: Edge) -> str:
    return f"{edge.source} imports {edge.target} (line {edge.line})"


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(package_graph()) == []


@pytest.mark.parametrize("target", sorted(TARGET_MODULES))
def test_nothing_outside_a_target_imports_it(target: str) -> None:
    """Targets are plugins: only the registry names them, by module name."""
    folder = f"generator.targets.{target}"
    leaks = [
        _where(edge)
        for edge in _edges()
        if (edge.target == folder or edge.target.startswith(folder + "."))
        and not (edge.source == folder or edge.source.startswith(folder + "."))
    ]
    assert leaks == []


def test_a_target_imports_no_other_target() -> None:
    leaks = []
    for edge in _edges():
        for target in TARGET_MODULES:
            own = f"generator.targets.{target}"
            if edge.source.startswith(own + ".") or edge.source == own:
                others = [f"generator.targets.{t}" for t in TARGET_MODULES if t != target]
                if any(edge.target == o or edge.target.startswith(o + ".") for o in others):
                    leaks.append(_where(edge))
    assert leaks == []


def test_stages_import_only_earlier_stages() -> None:
    backwards = []
    for edge in _edges():
        source, target = _stage(edge.source), _stage(edge.target)
        if source is None or target is None or edge.target in SHARED_VOCABULARY:
            continue
        if STAGES.index(target) > STAGES.index(source):
            backwards.append(_where(edge))
    assert backwards == []


def test_stages_and_the_diff_do_not_import_the_entry_points() -> None:
    entry_points = {"generator.cli", "generator.entry", "generator.pipeline", "generator.__main__"}
    wrong = [
        _where(edge)
        for edge in _edges()
        if edge.target in entry_points
        and (_stage(edge.source) is not None or edge.source.startswith("generator.diff"))
    ]
    assert wrong == []


def test_the_shared_vocabulary_is_a_leaf() -> None:
    assert {module: package_graph()[module] for module in SHARED_VOCABULARY} == {
        module: [] for module in SHARED_VOCABULARY
    }


def test_few_modules_stay_loose() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE_MODULES, loose


def test_each_folder_of_the_package_has_its_tests() -> None:
    """`generator/x/y/` is tested in `tests/x/y/`, or in `tests/x/test_y.py` when small."""
    folders = {p.parent.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE}
    tests = ROOT / "tests"
    missing = sorted(
        str(folder)
        for folder in folders
        if not (tests / folder).is_dir()
        and not (tests / folder.parent / f"test_{folder.name}.py").is_file()
    )
    assert missing == []


def _package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_the_checker_sees_cycles_through_lazy_and_relative_imports(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from pkg.b import thing\n",
            "b.py": "def thing():\n    from . import c\n",
            "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n",
            "d.py": "import pkg.a\n",
        },
    )
    graph = import_graph(package)
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
    assert [(e.target, e.line) for e in graph["pkg.b"]] == [("pkg", 2), ("pkg.c", 2)]


def test_the_checker_finds_no_cycle_in_a_layered_package(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {"__init__.py": "", "a.py": "import pkg.b\n", "b.py": "import os\nimport pkg.c\n"}
        | {"c.py": ""},
    )
    assert cycles(import_graph(package)) == []
