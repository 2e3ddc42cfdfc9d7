"""A big SDK's models as a package of modules loaded on first use, tried on the Extend spec
(split however small): black-stable, mypy-clean, free of import cycles, and each model loads
only the modules of the types it names."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion

from generator.config import default_api
from generator.emit.formatting import format_files
from generator.emit.write import write_tree
from generator.pipeline import prepare
from generator.targets.python.render import PythonRenderer
from tests.conftest import ROOT
from tests.support.extend import extend_spec
from tests.support.spec_server import SpecModel

PACKAGE = "split_sdk"


@pytest.fixture(scope="module")
def split_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("split")
    config = default_api(ROOT / "specs" / "extend" / "2026-02-09.yaml", out, PACKAGE)
    python = prepare(config).documented
    assert isinstance(python, PythonRenderer)
    python.options = dataclasses.replace(python.options, split_models_above=0)
    files = format_files({f"python/{p}": t for p, t in python.render().items()}, None)
    write_tree(out, files)
    return out / "python"


def run(folder: Path, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_modules_import_one_another_without_cycles(split_sdk: Path) -> None:
    folder = split_sdk / PACKAGE / "models"
    imports = {
        path.stem: set(re.findall(r"^from \.(_\w+) import", path.read_text(), re.MULTILINE))
        for path in folder.glob("_[!_]*.py")
    }
    assert 10 < len(imports) < 219  # grouped: neither one module nor one per type
    assert not (split_sdk / PACKAGE / "models.py").exists()
    done: set[str] = set()
    while len(done) < len(imports):
        ready = {m for m, needs in imports.items() if m not in done and needs <= done}
        assert ready, f"a cycle among {sorted(set(imports) - done)[:5]}"
        done |= ready


@pytest.mark.slow
def test_the_package_is_what_black_writes(split_sdk: Path) -> None:
    modules = sorted((split_sdk / PACKAGE / "models").glob("_[!_]*.py"))
    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)
    for path in [*modules, split_sdk / PACKAGE / "models" / "__init__.py"]:
        text = path.read_text(encoding="utf-8")
        assert black.format_str(text, mode=mode) == text, path


def test_one_model_loads_only_the_models_it_names(split_sdk: Path) -> None:
    code = (
        "import sys\n"
        f"from {PACKAGE} import Split\n"
        f"assert not [m for m in sys.modules if m.startswith('{PACKAGE}.models')]\n"
        f"from {PACKAGE}.models import File\n"
        f"loaded = [m for m in sys.modules if m.startswith('{PACKAGE}.models.')]\n"
        f"from {PACKAGE}.models import *\n"
        f"every = [m for m in sys.modules if m.startswith('{PACKAGE}.models.')]\n"
        "print(len(loaded), len(every))\n"
    )
    loaded, every = map(int, run(split_sdk, code).split())
    assert 1 <= loaded < every // 4
    assert every == len(list((split_sdk / PACKAGE / "models").glob("_[!_]*.py")))


ROUND_TRIPPED = ("ParseRun", "ExtractRun", "WorkflowRun", "Extractor")


@pytest.fixture(scope="module")
def round_trips(split_sdk: Path) -> dict[str, bool]:
    """Whether each of ROUND_TRIPPED validates a payload valid for the spec and dumps it back
    unchanged, all tried in one fresh interpreter (one import of the package and pydantic)."""
    model = SpecModel(extend_spec()[1])
    payloads = {s: model.synthesize([f"/components/schemas/{s}"]) for s in ROUND_TRIPPED}
    code = (
        "import importlib, json, sys\n"
        f"models = importlib.import_module('{PACKAGE}.models')\n"
        "found = {}\n"
        "for schema, payload in json.loads(sys.argv[1]).items():\n"
        "    value = getattr(models, schema).model_validate(payload)\n"
        "    dumped = value.model_dump(mode='json', by_alias=True, exclude_unset=True)\n"
        "    found[schema] = dumped == payload\n"
        "print(json.dumps(found))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(payloads)],
        cwd=split_sdk, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found: dict[str, bool] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("schema", ROUND_TRIPPED)
def test_models_validate_across_modules(round_trips: dict[str, bool], schema: str) -> None:
    assert round_trips[schema] is True


@pytest.mark.slow
def test_mypy_strict_passes_on_the_split_package(split_sdk: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), PACKAGE],
        cwd=split_sdk, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
