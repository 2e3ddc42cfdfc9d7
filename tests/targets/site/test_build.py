"""The site build: deterministic, self-contained, spec text escaped, a page per model."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

import pytest
import yaml

from generator.config import default_api
from generator.pipeline import load_api
from generator.targets.docs.model import DocsModel
from generator.targets.python.render import PythonOptions, PythonRenderer
from generator.targets.site.build import render_site, search_entries
from generator.targets.site.highlight import highlight, highlight_json
from generator.templating import environment
from tests.conftest import minimal_spec
from tests.support.extend import extend_renderer
from tests.support.site_check import check_site


def test_the_same_spec_gives_the_same_bytes() -> None:
    first = render_site(extend_renderer())
    second = render_site(PythonRenderer(extend_renderer().api, extend_renderer().options,
                                        extend_renderer().env))  # fmt: skip
    assert first == second
    assert len([p for p in first if p.startswith("model-")]) == len(
        DocsModel(extend_renderer()).models
    )
    assert {"index.html", "guide.html", "models.html", "errors.html", "search-index.js"} <= set(
        first
    )


def test_pages_load_nothing_from_elsewhere() -> None:
    for path, text in render_site(extend_renderer()).items():
        if path.endswith(".html"):
            sources = re.findall(r'(?:src|href)="([^"#]*)', text)
            assert all("://" not in s or s.startswith("https://") for s in sources), path
            assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="https?:', text), path


def test_search_finds_methods_and_models() -> None:
    entries = search_entries(DocsModel(extend_renderer()))
    names = {e["name"]: e for e in entries}
    assert names["client.parse_runs.create"]["href"] == "parse_runs.html#parse-runs-create"
    assert names["client.parse_runs.create_and_poll"]["kind"] == "method"
    assert names["ParseRun"]["href"] == "model-ParseRun.html"


def _renderer_for(spec: dict[str, Any], tmp_path: Any) -> PythonRenderer:
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    config = default_api(path, tmp_path / "out", "hostile_sdk")
    api, _loaded, _sha, diagnostics = load_api(config)
    assert api is not None, [d.render() for d in diagnostics]
    options = PythonOptions("hostile_sdk", "Hostile", "AsyncHostile", None, "1", "header")
    return PythonRenderer(api, options, environment())


def test_spec_text_cannot_inject_markup(tmp_path: Any) -> None:
    evil = '<script>alert(1)</script> "quoted" `code` </script>'
    spec = minimal_spec(info={"title": evil, "version": "1", "description": evil})
    spec["paths"]["/things"]["get"]["summary"] = evil
    spec["paths"]["/things"]["get"]["description"] = evil
    files = render_site(_renderer_for(spec, tmp_path))
    for path, text in files.items():
        if path.endswith(".html"):
            assert "<script>alert" not in text, path
    index = files["search-index.js"]
    assert "</script>" not in index
    data = json.loads(index.removeprefix("window.SDK_SEARCH_INDEX = ").rstrip().rstrip(";"))
    assert any(entry["summary"] == evil for entry in data)


def test_json_is_highlighted_here() -> None:
    data = highlight_json('{"a": [1, true, null, "x"]}')
    assert '<span class="tok-key">&quot;a&quot;</span>' in data
    assert '<span class="tok-lit">true</span>' in data and '<span class="tok-num">1</span>' in data
    assert highlight('{"a": 1}', "json") == highlight_json('{"a": 1}')


@pytest.mark.parametrize(
    ("info", "code", "token"),
    [
        ("python", "def f(): pass", '<span class="tok-kw">def</span>'),
        ("py", "def f(): pass", '<span class="tok-def">f</span>'),
        ("ts", "const x = await f();", '<span class="tok-kw">await</span>'),
        ("typescript", "function f() {}", '<span class="tok-def">f</span>'),
        ("go", "func f() error { return nil }", '<span class="tok-def">f</span>'),
        ("golang", "if err != nil {}", '<span class="tok-lit">nil</span>'),
        ("java", "final class A {}", '<span class="tok-def">A</span>'),
    ],
)
def test_each_language_is_highlighted_by_its_target(info: str, code: str, token: str) -> None:
    assert token in highlight(code, info)


def test_a_language_no_target_claims_is_escaped_and_plain() -> None:
    assert highlight("if a < b then", "sh") == "if a &lt; b then"
    assert highlight("<b>", "") == "&lt;b&gt;"


@pytest.mark.slow
def test_docs_command_writes_each_api_into_its_folder(tmp_path: Any, monkeypatch: Any) -> None:
    from click.testing import CliRunner

    from generator.cli import main
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["docs", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    index = tmp_path / "extend" / "index.html"
    assert index.is_file() and "extend/index.html" in result.output
    stale = tmp_path / "extend" / "stale.html"
    stale.write_text("old", encoding="utf-8")
    assert CliRunner().invoke(main, ["docs", "--out", str(tmp_path)]).exit_code == 0
    assert not stale.exists() and index.is_file()


def test_docs_command_without_a_configuration_is_a_usage_error(
    tmp_path: Any, monkeypatch: Any
) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["docs", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "[tool.sdkgen]" in result.output
    assert not (tmp_path / "out").exists()


def test_pages_with_code_switch_language_to_the_same_page() -> None:
    from generator.config import load_config
    from generator.pipeline import prepare
    from generator.targets.site.build import render_sites
    from tests.conftest import ROOT

    config, problems = load_config(ROOT)
    assert config is not None and not problems
    prepared = prepare(config.apis[0])
    assert [sdk.folder for sdk in prepared.surfaces] == ["python", "typescript", "go", "java"]
    files = render_sites(prepared.surfaces, prepared.changelog)
    python = files["extract_runs.html"]
    assert '<a href="typescript/extract-runs.html">TypeScript</a>' in python
    assert '<a href="extract_runs.html" aria-current="true">Python</a>' in python
    typescript = files["typescript/extract-runs.html"]
    assert '<a href="../extract_runs.html">Python</a>' in typescript
    assert "client.extractRuns.createAndPoll" in typescript
    assert '<span class="tok-kw">await</span>' in typescript  # highlighted by its target
    assert '<a href="go/extractruns.html">Go</a>' in python
    assert '<a href="java/extractruns.html">Java</a>' in python
    go = files["go/extractruns.html"]
    assert "client.ExtractRuns.CreateAndPoll" in go
    assert '<span class="tok-kw">return</span>' in go  # highlighted by the Go target
    java = files["java/extractruns.html"]
    assert "client.extractRuns().createAndPoll" in java
    assert '<a href="../go/extractruns.html">Go</a>' in java
    for folder in ("typescript", "go", "java"):
        assert "language-switch" in files[f"{folder}/guide.html"]
        assert "language-switch" in files[f"{folder}/errors.html"]
    assert "language-switch" not in files["models.html"]  # no code on it: nothing to switch
    # Every internal link and anchor of the four sites resolves. (Java's `Optional<Object>` in
    # a table is text, which the escaped-tag heuristic cannot tell from a broken tag.)
    assert check_site(files).broken_links == ()
    switched = [p for p, t in files.items() if p.endswith(".html") and "language-switch" in t]
    for path in switched:  # every link of every switch leads to a page of the site
        text = files[path]
        for href in re.findall(
            r'<a href="([^"]+)"(?: aria-current="true")?>(?:Python|TypeScript|Go|Java)</a>', text
        ):
            target = str(PurePosixPath(path).parent / href)
            target = str(PurePosixPath(*[p for p in target.split("/") if p != "."]))
            parts: list[str] = []
            for piece in target.split("/"):
                if piece == "..":
                    parts.pop()
                else:
                    parts.append(piece)
            assert "/".join(parts) in files, (path, href)
