"""Every corpus spec's HTML site: no HTML tag shown as escaped text outside code, and no
internal link or anchor that leads nowhere (site-relative links of the API's own docs
included: they resolve against its documentation URL or show as text). `make test` checks a
sample of the corpus (tests/corpus/sample.py), `make conformance` the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import default_api
from generator.pipeline import prepare
from generator.targets.site.build import render_site
from tests.conftest import SHARED, shared_path
from tests.corpus.documents import corpus_documents
from tests.corpus.sample import sampled
from tests.support.site_check import check_site

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_site_shows_no_escaped_tags_and_no_broken_links(name: str, tmp_path: Path) -> None:
    documents = {d.name: d for d in corpus_documents(shared_path("corpus"))}
    prepared = prepare(default_api(documents[name].path, tmp_path / "out"))
    assert prepared.documented is not None, [d.render() for d in prepared.diagnostics]
    report = check_site(render_site(prepared.documented, prepared.changelog))
    assert report.escaped_tags == (), report.escaped_tags[:20]
    assert report.broken_links == (), report.broken_links[:20]


def test_the_check_finds_what_it_looks_for() -> None:
    files = {
        "index.html": "<p>&lt;br/&gt; <code>&lt;b&gt;</code> &lt;id&gt;</p>"
        '<a href="/docs/x">a</a><a href="page.html#there">b</a><a href="#here">c</a>'
        '<a href="https://e.example/">d</a><h2 id="here">h</h2>',
        "page.html": '<h2 id="elsewhere">x</h2>',
    }
    report = check_site(files)
    assert report.escaped_tags == ("index.html: &lt;br/&gt;",)
    assert report.broken_links == ("index.html: /docs/x", "index.html: page.html#there")
