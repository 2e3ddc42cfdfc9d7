"""The guide and the index say only what the API has: a pagination section per paging style
it uses, no polling or pagination where there is none; and no spec shape crashes the docs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.config import default_api
from generator.pipeline import render_api
from tests.conftest import minimal_spec
from tests.support.paging_spec import SPEC as PAGING_SPEC


def _render(tmp_path: Path, spec: dict[str, Any] | str) -> Mapping[str, str]:
    path = tmp_path / "api.yaml"
    path.write_text(spec if isinstance(spec, str) else yaml.safe_dump(spec))
    rendered = render_api(default_api(path, tmp_path / "out", "api_sdk"))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    return rendered.files


def test_the_guide_shows_each_paging_style(tmp_path: Path) -> None:
    files = _render(tmp_path, PAGING_SPEC)
    readme = files["python/README.md"]
    headings = [line for line in readme.splitlines() if line.startswith("### ")]
    assert headings == [
        "### Page tokens",
        "### Cursors",
        "### Offsets",
        "### Page numbers",
        "### Next-page links",
    ]
    for accessor in ("next_page_token", "next_cursor", "next_offset", "next_page_number"):
        assert f"first.{accessor})" in readme
    assert "first.next_url)" in readme
    assert "pagination" in files["docs/index.md"]
    assert "waiting for runs" not in files["docs/index.md"]


def test_no_section_or_claim_for_what_the_api_lacks(tmp_path: Path) -> None:
    files = _render(tmp_path, minimal_spec())
    readme, index = files["python/README.md"], files["docs/index.md"]
    for absent in ("## Pagination", "## Waiting for runs", "## Webhooks", "## Environments"):
        assert absent not in readme
    covers = next(line for line in index.split("\n\n") if "covers" in line)
    assert "pagination" not in covers and "waiting for runs" not in covers
    assert "environments" not in covers


def test_a_binary_string_in_a_json_response_is_text_in_the_example(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"blob": {"type": "string", "format": "binary"}}}
    spec = minimal_spec()
    spec["paths"]["/things"]["get"]["responses"]["200"]["content"] = {
        "application/json": {"schema": schema}
    }
    files = _render(tmp_path, spec)
    assert '"blob": "<binary data>"' in files["docs/things.md"]
