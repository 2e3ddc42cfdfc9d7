"""`sdkgen release`: refuses a stale project; otherwise builds, checks and imports each SDK."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.diff.test_history import write_versions


def _invoke(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_a_stale_project_is_refused_and_nothing_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_versions(tmp_path)
    code, output = _invoke(tmp_path, monkeypatch, "release")
    assert code == 1
    assert "release refused: output/ is stale" in output
    assert not (tmp_path / "dist").exists()


def test_a_ledger_without_the_current_spec_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.config import load_config
    from generator.emit.release import ledger_version
    from generator.targets.base import ReleaseError

    write_versions(tmp_path)
    config, _ = load_config(tmp_path)
    assert config is not None
    with pytest.raises(ReleaseError, match="no release ledger"):
        ledger_version(config.apis[0])
    ledger = tmp_path / "output" / "pets" / "releases" / "ledger.json"
    ledger.parent.mkdir(parents=True)
    ledger.write_text(json.dumps({"format": 1, "releases": []}))
    with pytest.raises(ReleaseError, match="no release of API version 2026-01-01"):
        ledger_version(config.apis[0])


@pytest.mark.slow
def test_a_generated_project_is_built_checked_and_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_versions(tmp_path)
    assert _invoke(tmp_path, monkeypatch, "generate")[0] == 0
    code, output = _invoke(tmp_path, monkeypatch, "release")
    assert code == 0, output
    folder = tmp_path / "dist" / "pets" / "python"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["pets_sdk-2.0.0-py3-none-any.whl", "pets_sdk-2.0.0.tar.gz"]
    with zipfile.ZipFile(folder / names[0]) as wheel:
        assert "pets_sdk/py.typed" in wheel.namelist()
    assert "imported: pets_sdk 2.0.0" in output
    assert "python -m twine upload dist/pets/python/" in output
    assert "built: pets/python 2.0.0" in output
    assert not [line for line in output.splitlines() if line.startswith("{")]  # human lines only


@pytest.mark.slow
def test_the_typescript_sdk_is_packed_installed_and_imported(tmp_path: Path) -> None:
    from generator.config import load_config
    from generator.emit.release import build, summary
    from tests.conftest import ROOT
    from tests.targets.typescript.tooling import tsc

    tsc()  # skips, saying why, without Node and the project's TypeScript
    config, problems = load_config(ROOT)
    assert config is not None and not problems
    api = config.apis[0]
    log: list[str] = []
    built = build(api, "typescript", tmp_path, log.append)
    version = json.loads((api.output / "typescript" / "package.json").read_text())["version"]
    assert [f.name for f in built.files] == [f"extend-sdk-{version}.tgz"]
    assert (
        log[-1]
        == f"  installed into a throwaway project, imported and required: extend-sdk {version}"
    )
    assert "npm publish" in summary([built], tmp_path)


def _generate_with(root: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """The project of `write_versions` with `target` as its only target, generated."""
    write_versions(root)
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text().replace('package = "pets_sdk"\nclient = "Pets"\n', "")
    pyproject.write_text(text + f'targets = ["{target}"]\n')
    assert _invoke(root, monkeypatch, "generate")[0] == 0


def test_each_target_packages_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listing_target: str
) -> None:
    """`release` knows no target by name: the test's own target packages its SDK too."""
    _generate_with(tmp_path, monkeypatch, listing_target)
    code, output = _invoke(tmp_path, monkeypatch, "release")
    assert code == 0, output
    folder = tmp_path / "dist" / "pets" / "listing"
    assert [p.name for p in folder.iterdir()] == ["listing-2.0.0.tar.gz"]
    assert "pets/listing 2.0.0: listing-2.0.0.tar.gz\n  unpacked: 2 files, version 2.0.0" in output
    assert "publish pets/listing: attach to the API's release page: dist/pets/listing/" in output


def test_a_version_other_than_the_ledgers_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listing_target: str
) -> None:
    _generate_with(tmp_path, monkeypatch, listing_target)
    from generator.config import load_config
    from generator.emit.release import build
    from generator.targets.base import ReleaseError

    config, _ = load_config(tmp_path)
    assert config is not None
    api = config.apis[0]
    (api.output / "listing" / "VERSION").write_text("9.9.9\n")
    with pytest.raises(
        ReleaseError, match=re.escape("pets/listing reports version 9.9.9, the ledger says 2.0.0")
    ):
        build(api, listing_target, tmp_path / "dist", print)
