"""The configuration: APIs, their targets, and each target's settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import default_api, load_config
from generator.targets.python.target import python_settings


@pytest.mark.parametrize(
    ("spec", "package", "client"),
    [
        ("petstore.yaml", "petstore_sdk", "Petstore"),
        ("2026-02-09.yaml", "api_2026_02_09_sdk", "Api20260209"),
        ("openai.yaml", "openai_sdk", "Openai"),
    ],
)
def test_a_lone_spec_gets_an_importable_package(spec: str, package: str, client: str) -> None:
    config = default_api(Path(spec), Path("out"), None)
    assert config.targets == ("python",)
    settings = python_settings(config.name, config.target_settings("python"))
    assert settings.package == package and settings.package.isidentifier()
    assert settings.client_class == client


def _project(tmp_path: Path, api_table: str) -> Path:
    (tmp_path / "specs" / "pets").mkdir(parents=True)
    (tmp_path / "specs" / "pets" / "2026-01-01.yaml").write_text("openapi: 3.1.0\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n\n[tool.sdkgen.apis.pets]\nspecs = "specs/pets"\n' + api_table
    )
    return tmp_path


def test_target_tables_override_the_keys_of_the_api_table(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        'package = "old_sdk"\nclient = "Pets"\ntargets = ["python"]\n\n'
        '[tool.sdkgen.apis.pets.python]\npackage = "pets_sdk"\n',
    )
    config, problems = load_config(root)
    assert config is not None and not problems
    (api,) = config.apis
    assert api.targets == ("python",)
    assert api.target_settings("python") == {"package": "pets_sdk", "client": "Pets"}


def test_targets_default_to_python(tmp_path: Path) -> None:
    config, problems = load_config(_project(tmp_path, ""))
    assert config is not None and not problems
    assert config.apis[0].targets == ("python",)


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ('["cobol"]', "unknown target 'cobol' (known: python, typescript)"),
        ("[]", "targets must be a non-empty list of target names"),
        ('"python"', "targets must be a non-empty list of target names"),
    ],
)
def test_unknown_or_malformed_targets_are_config_errors(
    tmp_path: Path, targets: str, message: str
) -> None:
    config, problems = load_config(_project(tmp_path, f"targets = {targets}\n"))
    assert config is not None and config.apis == ()
    (problem,) = problems
    assert problem.code == "config-invalid" and problem.message == message
    assert problem.pointer == "/tool/sdkgen/apis/pets/targets"
    assert problem.file == str(tmp_path / "pyproject.toml")


def test_default_names_come_from_the_configuration_key(tmp_path: Path) -> None:
    folder = tmp_path / "specs" / "spotify"
    folder.mkdir(parents=True)
    (folder / "2024-01-01.yaml").write_text("openapi: 3.1.0\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n\n[tool.sdkgen.apis.spotify]\nspecs = "specs/spotify"\n'
    )
    config, problems = load_config(tmp_path)
    assert config is not None and not problems
    (api,) = config.apis
    settings = python_settings(api.name, api.target_settings("python"))
    assert (settings.package, settings.client_class, settings.async_client_class) == (
        "spotify_sdk",
        "Spotify",
        "AsyncSpotify",
    )
    assert settings.token_env == "SPOTIFY_API_KEY"


def test_docs_url_is_an_api_key_and_must_be_a_web_url(tmp_path: Path) -> None:
    config, problems = load_config(_project(tmp_path, 'docs_url = "https://docs.example.com/"\n'))
    assert problems == [] and config is not None
    api = config.apis[0]
    assert api.docs_url == "https://docs.example.com/"
    assert "docs_url" not in api.target_settings("python")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n\n[tool.sdkgen.apis.pets]\nspecs = "specs/pets"\ndocs_url = "ftp://x"\n'
    )
    config, problems = load_config(tmp_path)
    assert [p.pointer for p in problems] == ["/tool/sdkgen/apis/pets/docs_url"]
