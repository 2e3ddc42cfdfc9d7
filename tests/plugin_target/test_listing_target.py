"""A target from outside the generator (this folder) runs through the normal pipeline: the
command line, the configuration, the docs site's highlighting and `release` reach it by its
registration alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.targets.site.highlight import highlight
from tests.conftest import shared_path

LISTED = """\
## pets

### list

```listing
GET /pets -> 200 Pets
```
- `limit` in query: integer (int32)

### create

```listing
POST /pets -> 201 none
```
- `id` in body (application/json): integer (int64) (required)
- `name` in body (application/json): string (required)
- `tag` in body (application/json): string

### retrieve

```listing
GET /pets/{petId} -> 200 Pet
```
- `petId` in path: string (required)
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_a_corpus_spec_is_listed_operation_by_operation(
    listing_target: str, tmp_path: Path
) -> None:
    spec = shared_path("corpus", "petstore.yaml")
    code, output = run("generate", str(spec), "-o", str(tmp_path), "--target", listing_target)
    assert code == 0, output
    listing = (tmp_path / "listing" / "listing.md").read_text()
    assert listing.startswith("# Swagger Petstore\n\n`petstore-listing` 1.0.0: API version 1.0.0")
    assert listing.endswith(LISTED)
    assert (tmp_path / "listing" / "VERSION").read_text() == "1.0.0\n"
    assert not (tmp_path / "docs").exists()  # the target has no docs
    assert "Listing" in (tmp_path / "CHANGELOG.md").read_text()


def test_beside_a_target_with_docs_the_docs_document_that_one(
    listing_target: str, tmp_path: Path
) -> None:
    spec = shared_path("corpus", "petstore.yaml")
    code, output = run(
        "generate", str(spec), "-o", str(tmp_path), "-t", listing_target, "-t", "python"
    )
    assert code == 0, output
    assert (tmp_path / "listing" / "listing.md").read_text().endswith(LISTED)
    assert (tmp_path / "python" / "petstore_sdk" / "_client.py").is_file()
    assert "petstore_sdk" in (tmp_path / "docs" / "index.md").read_text()


def test_the_package_is_checked_by_the_targets_own_rule(
    listing_target: str, tmp_path: Path
) -> None:
    spec = shared_path("corpus", "petstore.yaml")
    code, output = run("generate", str(spec), "-o", str(tmp_path), "-t", listing_target,
                       "--package", "Pets_Listing")  # fmt: skip
    assert code == 2
    assert "--package 'Pets_Listing': listing: 'Pets_Listing' is not lower-case words" in output
    code, output = run("generate", str(spec), "-o", str(tmp_path), "-t", listing_target,
                       "--package", "pets-list")  # fmt: skip
    assert code == 0, output
    assert "`pets-list` 1.0.0" in (tmp_path / "listing" / "listing.md").read_text()


def test_the_site_highlights_the_targets_code_blocks(listing_target: str) -> None:
    assert highlight("GET /pets/{id} -> 200", listing_target) == (
        '<span class="tok-kw">GET</span> <span class="tok-str">/pets/{id}</span> -&gt; 200'
    )


def test_unregistered_it_is_unknown(tmp_path: Path) -> None:
    code, output = run("generate", "spec.yaml", "-o", str(tmp_path), "--target", "listing")
    assert code == 2 and "unknown target 'listing' (known: python, typescript, go, java)" in output


@pytest.mark.parametrize("name", ["python", "listing"])
def test_a_name_is_registered_once(listing_target: str, name: str) -> None:
    from generator.targets.registry import register_target

    with pytest.raises(ValueError, match=f"a target named {name!r} is already registered"):
        register_target(name, "elsewhere.target")
