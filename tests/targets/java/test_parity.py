"""The Java SDK means what the Python one does, method by method, from the same IR: the path
parameters in order, the other arguments (where each goes, by wire name), the paging helper
and its style, the poll helper and the response kind. Over Extend's specs and the corpus sample;
the Java target has no docs surface, so its meaning is read from its rendered clients."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import default_api
from generator.pipeline import HEADER, load_api
from generator.targets.base import Release, TargetInput
from generator.targets.java import methods as code
from generator.targets.java.render import JavaRenderer
from generator.targets.registry import get_target
from generator.templating import environment
from tests.conftest import ROOT, SHARED, shared_path
from tests.corpus.documents import corpus_documents
from tests.corpus.sample import sampled

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]
OWN_SPECS = sorted((ROOT / "specs").glob("*/*.yaml"))
_KIND = {"download": "binary", "stream": "event_stream", "text": "text", "nothing": "empty",
         "json": "json"}  # fmt: skip

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
    sdk = get_target("java").sdk(given)
    assert isinstance(sdk, JavaRenderer)
    files = sdk.render()
    source = "src/main/java/" + sdk.options.package.replace(".", "/")
    client = sdk.options.client
    pairs = [(m, f"{source}/{client}.java", f"{source}/Raw{client}.java") for m in sdk.root_methods]
    for resource in sdk.resources:
        folder = f"{source}/resources/{resource.package}"
        pairs += [
            (m, f"{folder}/{resource.class_name}.java", f"{folder}/Raw{resource.class_name}.java")
            for m in resource.methods
        ]
    return theirs, [_java_meaning(m, files[sync], files[raw]) for m, sync, raw in pairs]


def _java_meaning(method: code.MethodCode, sync: str, raw: str) -> Meaning:
    op = method.operation
    pager = re.search(
        rf" {method.name}AutoPaging\(.*?\n.*?\n\s+new Paging\(\"(\w+)\"", sync, re.DOTALL
    )
    decode = re.search(rf"> {method.name}\(.*?\n\s+return caller\.(\w+)\(", raw)
    assert decode is not None, method.name
    fields = {(f.argument.location, f.argument.wire_name) for f in method.fields}
    selector = method.shape.stream_selector
    if selector is not None and f" {method.stream_name}(" in sync:
        fields.add(("body", selector.wire_name))  # the stream method sets it
    return (
        op.method.upper(),
        op.path,
        tuple(a.wire_name for _, _, a in method.path_parameters),
        frozenset(f for f in fields if f[0] != "client_header"),
        pager.group(1) if pager else None,
        f" {method.name}AndPoll(" in sync,
        _KIND[decode.group(1)],
    )


@pytest.mark.parametrize("spec", OWN_SPECS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_own_specs_mean_the_same_in_java(spec: Path, tmp_path: Path) -> None:
    python, java = meanings(spec, tmp_path)
    assert any(m[5] for m in java) or spec.parent.name != "extend"
    assert [(p, j) for p, j in zip(python, java, strict=True) if p != j] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_the_corpus_means_the_same_in_java(name: str, tmp_path: Path) -> None:
    document = next(d for d in corpus_documents(shared_path("corpus")) if d.name == name)
    python, java = meanings(document.path, tmp_path)
    assert [(p, j) for p, j in zip(python, java, strict=True) if p != j] == []
