"""The configuration: APIs, their targets, and each target's settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import default_api, load_config
from generator.diagnostics import Severity
from generator.pipeline import prepare
from generator.targets.python.target import python_settings
from generator.targets.registry import get_target


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
        ('["cobol"]', "unknown target 'cobol' (known: python, typescript, go, java)"),
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


def test_webhook_signing_is_an_api_key_that_chooses_standard_webhooks(tmp_path: Path) -> None:
    config, problems = load_config(_project(tmp_path, 'webhook_signing = "standard"\n'))
    assert problems == [] and config is not None
    api = config.apis[0]
    assert api.webhook_signing == "standard"
    assert "webhook_signing" not in api.target_settings("python")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n\n[tool.sdkgen.apis.pets]\nspecs = "specs/pets"\nwebhook_signing = "md5"\n'
    )
    config, problems = load_config(tmp_path)
    assert [p.pointer for p in problems] == ["/tool/sdkgen/apis/pets/webhook_signing"]
    assert "webhook_signing must be one of: standard" in problems[0].message


def test_idempotency_header_is_an_api_key_naming_a_header(tmp_path: Path) -> None:
    config, problems = load_config(_project(tmp_path, 'idempotency_header = "Idempotency-Key"\n'))
    assert problems == [] and config is not None
    assert config.apis[0].idempotency_header == "Idempotency-Key"
    assert "idempotency_header" not in config.apis[0].target_settings("python")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n\n[tool.sdkgen.apis.pets]\nspecs = "specs/pets"\n'
        'idempotency_header = "Idempotency Key"\n'
    )
    config, problems = load_config(tmp_path)
    assert [p.pointer for p in problems] == ["/tool/sdkgen/apis/pets/idempotency_header"]
    assert "must be a header name" in problems[0].message


@pytest.mark.parametrize(
    ("targets", "package", "name", "settings"),
    [
        (("python",), None, "petstore", {}),
        (("typescript",), "pets-sdk", "pets", {"package": "pets-sdk"}),
        (("python", "typescript"), "pets_sdk", "pets", {"package": "pets_sdk"}),
        (("typescript",), "@acme/pets-sdk", "pets", {"package": "@acme/pets-sdk"}),
    ],
)
def test_a_lone_spec_gives_each_target_the_package(
    targets: tuple[str, ...], package: str | None, name: str, settings: dict[str, str]
) -> None:
    config = default_api(Path("petstore.yaml"), Path("out"), package, targets)
    assert config.targets == targets and config.name == name
    assert all(config.target_settings(t) == settings for t in targets)


def test_an_api_key_one_target_does_not_know_is_a_warning_once(tmp_path: Path) -> None:
    root = _project(
        tmp_path, 'targets = ["python", "typescript"]\nasync_client = "AsyncPets"\nclient = "P"\n'
    )
    config, problems = load_config(root)
    assert config is not None and len(config.apis) == 1
    (problem,) = problems
    assert problem.severity is Severity.WARNING and problem.code == "config-setting-ignored"
    assert problem.message == "'async_client' is a setting of python only; ignored by typescript"
    assert problem.pointer == "/tool/sdkgen/apis/pets/async_client"
    assert problem.file == str(tmp_path / "pyproject.toml")
    api = config.apis[0]
    assert api.target_settings("python") == {"async_client": "AsyncPets", "client": "P"}
    assert api.target_settings("typescript") == {"client": "P"}
    for target in api.targets:  # neither refuses its share
        assert (
            get_target(target).check_settings(api.name, api.spec, api.target_settings(target)) == []
        )


def test_an_api_key_no_target_knows_is_an_error(tmp_path: Path) -> None:
    config, problems = load_config(_project(tmp_path, 'targets = ["typescript"]\npakage = "x"\n'))
    assert config is not None
    (problem,) = problems
    assert problem.severity is Severity.ERROR and problem.code == "config-invalid"
    assert (
        problem.message == "unknown setting 'pakage' (known: client, license, package, token_env)"
    )
    assert problem.pointer == "/tool/sdkgen/apis/pets/pakage"


def test_an_unknown_key_of_a_target_table_stays_an_error(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        'targets = ["python", "typescript"]\n\n'
        '[tool.sdkgen.apis.pets.typescript]\nasync_client = "AsyncPets"\n',
    )
    config, problems = load_config(root)
    assert config is not None and problems == []
    (problem,) = prepare(config.apis[0]).diagnostics
    assert problem.severity is Severity.ERROR and problem.code == "config-invalid"
    assert problem.pointer == "/tool/sdkgen/apis/pets/typescript"
    assert problem.message.startswith("unknown setting 'async_client'")
