from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT
from tests.golden.regenerate import GOLDEN_DIR

SHELTER = GOLDEN_DIR / "shelter" / "spec.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("command", ["generate", "check", "validate"])
def test_every_command_has_help(command: str) -> None:
    code, output = run(command, "--help")
    assert code == 0 and "Usage:" in output


def test_generate_one_spec_into_a_folder(tmp_path: Path) -> None:
    code, output = run("generate", str(SHELTER), "-o", str(tmp_path / "out"), "--package", "pets")
    assert code == 0, output
    assert (tmp_path / "out" / "python" / "pets" / "_client.py").is_file()
    assert (tmp_path / "out" / "docs" / "index.md").is_file()
    assert (tmp_path / "out" / "manifest.json").is_file()


def test_a_lone_spec_generates_without_the_release_machinery(tmp_path: Path) -> None:
    """A spec outside a specs folder has one release: loading other versions, the diff engine,
    its model and its report formats are not imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "generator", "generate", str(SHELTER),
         "-o", str(tmp_path / "out"), "--package", "pets"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = {line.rpartition("|")[2].strip() for line in done.stderr.splitlines()}
    release_machinery = {
        "generator.diff.inputs", "generator.diff.model",
        "generator.diff.engine", "generator.diff.formats", "generator.diff.version",
    }  # fmt: skip
    assert imported & release_machinery == set()
    assert "generator.pipeline" in imported


def test_the_diff_options_name_what_the_diff_knows() -> None:
    from generator.cli import DIFF_FORMATS, DIFF_LEVELS
    from generator.diff.formats import FORMATS
    from generator.diff.model import Level

    assert DIFF_FORMATS == FORMATS
    assert tuple(level.value for level in Level) == DIFF_LEVELS


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("generate", str(SHELTER))[0] == 2
    assert run("generate", "--target", "python")[0] == 2  # --target goes with a SPEC
    assert run("nonsense")[0] == 2


def test_generate_help_names_the_target_option() -> None:
    code, output = run("generate", "--help")
    assert code == 0 and "-t, --target NAME" in output and "(repeatable;" in output


def test_generate_one_spec_for_another_target(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = run("generate", str(SHELTER), "-o", str(out), "--target", "typescript")
    assert code == 0, output
    assert '"name": "spec-sdk"' in (out / "typescript" / "package.json").read_text()
    assert (out / "docs" / "index.md").is_file()  # the TypeScript SDK's docs
    assert not (out / "python").exists()


def test_generate_one_spec_for_every_target_given(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = run("generate", str(SHELTER), "-o", str(out), "-t", "typescript",
                       "-t", "python", "--package", "pets")  # fmt: skip
    assert code == 0, output
    assert '"name": "pets"' in (out / "typescript" / "package.json").read_text()
    assert (out / "python" / "pets" / "_client.py").is_file()
    assert (out / "docs" / "typescript" / "index.md").is_file() is False
    assert (out / "docs" / "python" / "index.md").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--package", "not-valid"), "--package 'not-valid': python: 'not-valid' is not a Python"),
        (("-t", "typescript", "--package", "Not Valid"),
         "typescript: 'Not Valid' is not a valid npm package name"),
        (("-t", "python", "-t", "typescript", "--package", "My_Pets"),
         "--package 'My_Pets': typescript: 'My_Pets' is not a valid npm package name"),
        (("-t", "cobol"), "unknown target 'cobol' (known: python, typescript, go, java)"),
    ],
)  # fmt: skip
def test_each_target_checks_the_package_by_its_rule(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    code, output = run("generate", str(SHELTER), "-o", str(tmp_path / "out"), *args)
    assert code == 2 and message in output
    assert not (tmp_path / "out").exists()


def test_an_api_key_one_target_ignores_is_warned_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "specs" / "pets").mkdir(parents=True)
    shutil.copy2(SHELTER, tmp_path / "specs" / "pets" / "1.0.0.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n\n[tool.sdkgen.apis.pets]\ntargets = ["python", "typescript"]\n'
        'async_client = "AsyncPets"\n'
    )
    monkeypatch.chdir(tmp_path)
    code, output = run("generate")
    assert code == 0, output
    where = f"{tmp_path / 'pyproject.toml'}#/tool/sdkgen/apis/pets/async_client"
    warning = (
        f"{where}: warning [config-setting-ignored] 'async_client' is a setting of python only;"
        " ignored by typescript"
    )
    assert output.count(warning) == 1 and output.count("config-setting-ignored") == 1
    assert (
        "AsyncPets"
        in (tmp_path / "output" / "pets" / "python" / "pets_sdk" / "_client.py").read_text()
    )


def test_validate_reports_and_sets_the_exit_code(tmp_path: Path) -> None:
    code, output = run("validate", str(SHELTER))
    assert code == 0 and "8 operations" in output
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: {title: x\n")
    code, output = run("validate", str(broken))
    assert code == 1
    assert f"{broken}:3#: error [invalid-yaml]" in output


def test_a_bad_spec_leaves_output_exactly_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("generate", str(SHELTER), "-o", str(out))[0] == 0
    before = snapshot(out)
    spec = yaml.safe_load(SHELTER.read_text())
    spec["paths"]["/animals"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ] = {"$ref": "#/components/schemas/Nope"}
    bad = tmp_path / "spec.yaml"
    bad.write_text(yaml.safe_dump(spec, sort_keys=False))
    code, output = run("generate", str(bad), "-o", str(out))
    assert code == 1
    assert "dangling-ref" in output and "#/paths/~1animals/get/responses/200" in output
    assert "nothing was written" in output
    assert snapshot(out) == before


def test_generation_is_deterministic(tmp_path: Path) -> None:
    run("generate", str(SHELTER), "-o", str(tmp_path / "a"))
    run("generate", str(SHELTER), "-o", str(tmp_path / "b"))
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of this project's inputs and output/, to edit without touching the real one."""
    for name in ("pyproject.toml",):
        shutil.copy2(ROOT / name, tmp_path / name)
    for name in ("specs", "templates", "output", "patches"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_check_catches_template_spec_and_output_edits(project_copy: Path) -> None:
    assert cli(project_copy, "check").returncode == 0

    template = project_copy / "templates" / "python" / "resources_init.py.j2"
    template.write_text(template.read_text() + '"""An edit."""\n')
    result = cli(project_copy, "check")
    assert result.returncode == 1
    assert "changed: output/extend/python/extend_sdk/resources/__init__.py" in result.stdout
    assert "make generate" in result.stderr
    assert cli(project_copy, "generate").returncode == 0
    assert cli(project_copy, "check").returncode == 0

    spec = project_copy / "specs" / "extend" / "2026-02-09.yaml"
    spec.write_text(spec.read_text().replace("title: Extend API", "title: Extend Platform API", 1))
    result = cli(project_copy, "check")
    assert result.returncode == 1
    assert "changed: output/extend/python/extend_sdk/_client.py" in result.stdout

    assert cli(project_copy, "generate").returncode == 0
    generated = project_copy / "output" / "extend" / "python" / "extend_sdk" / "_version.py"
    generated.write_text(generated.read_text() + "# hand edit\n")
    (project_copy / "output" / "extend" / "docs" / "models.md").unlink()
    result = cli(project_copy, "check")
    assert result.returncode == 1
    assert "changed: output/extend/python/extend_sdk/_version.py" in result.stdout
    assert "added: output/extend/docs/models.md" in result.stdout


@pytest.mark.slow
def test_check_of_an_unchanged_project_only_hashes_output(project_copy: Path) -> None:
    """After generate, check confirms from the record without loading the CLI or the rendering
    stack; an edit to output/ still fails it, through the full path that explains it."""
    assert cli(project_copy, "generate").returncode == 0
    fast = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "generator", "check"],
        cwd=project_copy, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert fast.returncode == 0 and "up to date" in fast.stdout
    assert "jinja2" not in fast.stderr and "black" not in fast.stderr
    assert "click" not in fast.stderr  # answered before the command line loads
    assert "generator.emit.patches" not in fast.stderr and " platform" not in fast.stderr
    readme = project_copy / "output" / "extend" / "python" / "README.md"
    readme.write_text(readme.read_text() + "edited\n")
    result = cli(project_copy, "check")
    assert result.returncode == 1
    assert "changed: output/extend/python/README.md" in result.stdout


@pytest.fixture
def validated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stands in for the full OpenAPI validator: records each call, reports one finding."""
    from generator.load import loader

    calls: list[str] = []

    def validate(document: dict[str, object]) -> list[tuple[str, str, str]]:
        calls.append(str(document.get("openapi")))
        return [("invalid-openapi", "/info/x-stand-in", "the full validator ran")]

    monkeypatch.setattr(loader, "_validate", validate)
    return calls


def test_generate_runs_the_full_validation_only_when_asked(
    tmp_path: Path, validated: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no project here: nothing cached
    code, output = run("generate", str(SHELTER), "-o", str(tmp_path / "a"))
    assert code == 0 and validated == [] and "the full validator ran" not in output
    code, output = run("generate", str(SHELTER), "-o", str(tmp_path / "b"), "--validate")
    assert code == 0 and len(validated) == 1
    assert "warning [invalid-openapi] the full validator ran" in output


def test_validate_runs_the_full_validation_cached_in_the_project(
    tmp_path: Path, validated: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.sdkgen]\n")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        code, output = run("validate", str(SHELTER))
        assert code == 0 and "warning [invalid-openapi] the full validator ran" in output
    assert len(validated) == 1, "the second run reads .sdkgen-cache/validation"
    assert any((tmp_path / ".sdkgen-cache" / "validation").iterdir())
