"""What the formatter writes is what black writes: proven on whole generated SDKs, the Extend
one and a sample of the corpus (tests/corpus/sample.py) in `make test`, every corpus SDK in
`make conformance`."""

from __future__ import annotations

import os
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion

from generator.config import default_api
from generator.emit import formatting
from generator.emit.formatting import FormatJob, FormattingError, format_files, format_python
from generator.pipeline import render_api
from tests.conftest import ROOT
from tests.corpus.sample import sampled
from tests.support.lint import ruff_findings

CORPUS = ROOT.parent / "shared" / "corpus"
BLACK_MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)


def black_of(text: str) -> str:
    return black.format_str(text, mode=BLACK_MODE)


def rendered_python(spec: Path) -> dict[str, str]:
    config = default_api(spec, ROOT / "build" / "unused", "sample_sdk")
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    return {path: text for path, text in rendered.files.items() if path.endswith(".py")}


def assert_black_stable(files: dict[str, str], cache: Path | None) -> dict[str, str]:
    formatted = format_files(files, cache)
    differing = [path for path, text in formatted.items() if black_of(text) != text]
    assert not differing
    return formatted


@pytest.mark.slow
def test_the_extend_sdk_is_exactly_what_black_writes(tmp_path: Path) -> None:
    files = rendered_python(ROOT / "specs" / "extend" / "2026-02-09.yaml")
    assert_black_stable(files, None)
    assert format_files(files, tmp_path) == format_files(files, None)
    assert format_files(files, tmp_path) == format_files(files, tmp_path)  # from the cache


def test_long_lines_of_every_context_are_split_as_black_splits_them() -> None:
    name = "A" * 60
    text = (
        "# header\n"
        '"""Module."""\n\n'
        "from .models import " + ", ".join(f"{name}{i}" for i in range(3)) + "\n\n"
        f"X: TypeAlias = Literal[{', '.join(repr(str(i) * 30) for i in range(4))}]\n\n\n"
        "class C:\n"
        f'    """{"doc " * 40}."""\n\n'
        f"    field: {name} | {name}1 | None = None\n\n"
        "    def f(\n"
        "        self,\n"
        f"        value: {name} | {name} | NotGiven = NOT_GIVEN,\n"
        f"    ) -> dict[{name}, {name}]:\n"
        "        return call(\n"
        f'            "/a/" + encode_path(value) + "/b/" + encode_path(value) + "/{name}",\n'
        f"            lambda: other({name}, {name}),\n"
        "        )\n"
    ).replace("'", '"')
    formatted = format_python(text)
    assert black_of(formatted) == formatted
    assert f'    """{"doc " * 40}."""' in formatted  # a docstring is never split


def test_wide_characters_count_twice() -> None:
    wide = "漢" * 45
    text = f'x = call("{wide}", other)\n'
    assert len(text) < 100
    assert format_python(text) == black_of(text)


def test_a_broken_module_is_a_formatting_error_naming_the_file() -> None:
    files = {"pkg/bad.py": "x = call(" + "a, " * 40 + "\n"}
    with pytest.raises(FormattingError, match=r"pkg/bad\.py"):
        format_files(files, None)


def corpus_names() -> list[str]:
    """Largest SDK first, so parallel workers (`make conformance`) finish together."""
    names = ["kubernetes-swagger2.json", "stripe.yaml", "digitalocean.bundled.yaml", "openai.yaml"]
    names += ["discord.json", "slack-web-swagger2.json", "spotify.yaml", "box-v2025.json"]
    names += ["twilio-lookups-v2.json", "petstore.yaml", "petstore-expanded.yaml"]
    return names


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(corpus_names()))
def test_corpus_sdks_are_exactly_what_black_writes(name: str, tmp_path: Path) -> None:
    """... and lint-clean as formatted (tests/corpus checks them before formatting)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    formatted = assert_black_stable(rendered_python(CORPUS / name), None)
    for relative, text in formatted.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    count, report = ruff_findings(tmp_path)
    assert count == 0, report


def _modules() -> dict[str, str]:
    """Modules with lines black must split, and a file that is not Python."""
    call = "value = function_with_a_long_name(" + ", ".join(f"arg{i}" for i in range(30)) + ")\n"
    files = {f"pkg/m{i}.py": f"{call}number = {i}\n" for i in range(5)}
    files["pkg/README.md"] = "# " + "x " * 80 + "\n"
    return files


@pytest.mark.parametrize("parallel", [False, True])
def test_a_job_frees_originals_as_it_goes_yet_gives_each_module_as_formatted_alone(
    parallel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Serial (modules formatted when asked for) and in worker processes (replaced as they
    arrive): the same bytes as each module formatted alone; the caller's files untouched."""
    if parallel:
        monkeypatch.setattr(formatting, "PARALLEL_BYTES", 0)
    files = _modules()
    given = dict(files)
    job = FormatJob(files, None)
    assert (job._pool is not None) == parallel
    expected = {p: format_python(t, p) if p.endswith(".py") else t for p, t in given.items()}
    assert expected["pkg/m0.py"] != given["pkg/m0.py"]
    assert job.result() == expected
    assert files == given


def test_a_broken_module_in_a_worker_is_a_formatting_error_naming_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(formatting, "PARALLEL_BYTES", 0)
    files = {**_modules(), "pkg/bad.py": "x = call(" + "a, " * 40 + "\n"}
    with pytest.raises(FormattingError, match=r"pkg/bad\.py"):
        FormatJob(files, None).result()


def test_shares_split_the_modules_by_size_keeping_their_order() -> None:
    sizes = [90, 70, 50, 40, 30, 20, 10, 5]
    items: list[formatting.Item] = [(f"m{i}.py", "x" * size, None) for i, size in enumerate(sizes)]
    mine, theirs = formatting.shares(list(items), 1)
    assert sorted(mine + theirs) == sorted(items)
    assert [items.index(item) for item in mine] == sorted(items.index(item) for item in mine)
    assert [items.index(item) for item in theirs] == sorted(items.index(item) for item in theirs)
    mine_size, theirs_size = (sum(len(text) for _p, text, _c in share) for share in (mine, theirs))
    assert abs(mine_size - theirs_size) <= max(sizes)
    three_workers = formatting.shares(list(items), 3)
    assert sum(len(text) for _p, text, _c in three_workers[1]) > 2 * sum(
        len(text) for _p, text, _c in three_workers[0]
    )


@pytest.mark.parametrize("bad_size", [10, 10_000])
def test_a_broken_module_in_either_share_names_the_file(
    bad_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken module formatted here (the largest is ours) or by a worker: the error names it."""
    monkeypatch.setattr(formatting, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    bad = "x = call(" + "a, " * 40 + "\n" + "# pad\n" * (bad_size // 6)
    files = {**_modules(), "pkg/bad.py": bad}
    job = FormatJob(files, None)
    assert job._pool is not None
    with pytest.raises(FormattingError, match=r"pkg/bad\.py"):
        job.result()
