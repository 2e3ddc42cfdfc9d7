"""The Go SDK means what the Python one does, method by method, from the same IR: the path
parameters in order, the other arguments (where each goes, by wire name), the paging helper
and its style, the poll helper and the response kind. Over Extend's specs and the corpus sample;
the Go target has no docs surface, so its meaning is read from its rendered methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import default_api
from generator.pipeline import HEADER, load_api
from generator.targets.base import Release, TargetInput
from generator.targets.go import methods as code
from generator.targets.go.render import GoRenderer
from generator.targets.registry import get_target
from generator.templating import environment
from tests.conftest import ROOT, SHARED, shared_path
from tests.corpus.documents import corpus_documents
from tests.corpus.sample import sampled

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]
OWN_SPECS = sorted((ROOT / "specs").glob("*/*.yaml"))
_KIND = {"core.Download": "binary", "core.Text": "text", "core.Nothing": "empty"}

Meaning = tuple[str, str, tuple[str, ...], frozenset[tuple[str, str]], str | None, bool, str]


def meanings(path: Path, output: Path) -> tuple[list[Meaning], list[Meaning]]:
    config = default_api(path, output)
    api, _version, _sha, diagnostics = load_api(config)
    assert api is not None, diagnostics
    given = TargetInput(api, config.name, path, {}, environment(), Release("0.1.0", HEADER))
    python = get_target("python")
    surface = python.documented(python.sdk(given))
    assert surface is not None
    theirs = [
        (m.http_method.upper(), m.path, tuple(a.wire_name for a in m.positional),
         frozenset((a.where, a.wire_name) for a in m.keyword if a.where != "client_header"),
         m.page.style if m.page is not None else None, m.poll is not None, m.response_kind)
        for view in (surface.root_view, *surface.resource_views) for m in view.methods
    ]  # fmt: skip
    sdk = get_target("go").sdk(given)
    assert isinstance(sdk, GoRenderer)
    files = sdk.render()
    texts = [files["client/client.go"]] * len(sdk.root_methods)
    methods = list(sdk.root_methods)
    for resource in sdk.resources:
        texts += [files[f"{resource.package}/client.go"]] * len(resource.methods)
        methods += resource.methods
    return theirs, [_go_meaning(m, t) for m, t in zip(methods, texts, strict=True)]


def _go_meaning(method: code.MethodCode, text: str) -> Meaning:
    op = method.operation
    pager = f"func (c *Client) {method.name}AutoPaging("
    style = None
    fields = {(f.argument.location, f.argument.wire_name) for f in method.fields}
    selector = method.shape.stream_selector
    if selector is not None and f"func (c *Client) {method.name}Stream(" in text:
        fields.add(("body", selector.wire_name))  # the stream method sets it
    if pager in text:
        style = text.split(pager, 1)[1].split('core.Paging{Style: "', 1)[1].split('"', 1)[0]
    return (
        op.method.upper(),
        op.path,
        tuple(a.wire_name for _, _, a in method.path_parameters),
        frozenset(f for f in fields if f[0] != "client_header"),
        style,
        f"func (c *Client) {method.name}AndPoll(" in text,
        "event_stream"
        if method.decoder.startswith("core.Events[")
        else _KIND.get(method.decoder, "json"),
    )


@pytest.mark.parametrize("spec", OWN_SPECS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_own_specs_mean_the_same_in_go(spec: Path, tmp_path: Path) -> None:
    python, go = meanings(spec, tmp_path)
    assert any(m[5] for m in go) or spec.parent.name != "extend"
    assert [(p, g) for p, g in zip(python, go, strict=True) if p != g] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_the_corpus_means_the_same_in_go(name: str, tmp_path: Path) -> None:
    document = next(d for d in corpus_documents(shared_path("corpus")) if d.name == name)
    python, go = meanings(document.path, tmp_path)
    assert [(p, g) for p, g in zip(python, go, strict=True) if p != g] == []
