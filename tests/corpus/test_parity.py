"""One meaning in every language: over every real-world document of ../shared/corpus, the
Python, TypeScript, Go and Java SDKs agree, method by method, on the paging style, the poll
helper, the response kind and the arguments (by wire name and where each goes).

Client headers are left out of the comparison: Python takes them as keyword arguments, while
TypeScript calls override them through `options.headers` (as the official Extend SDK does). So
is the body field that asks for server-sent events (OpenAI's `stream`): Python and TypeScript
take it as an argument, Go and Java offer a `...Stream` method beside the call instead (as
Fern's SDKs do), which sets it.
`python -m tests.corpus.test_parity` prints the paged methods and poll helpers per spec.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from generator.config import default_api
from generator.ir.shape import shape_of
from generator.pipeline import HEADER, load_api
from generator.targets.base import Release, TargetInput
from generator.targets.docs.surface import MethodSurface, ResourceSurface
from generator.targets.registry import get_target
from generator.templating import environment
from tests.conftest import ROOT, SHARED, shared_path
from tests.corpus.documents import corpus_documents
from tests.corpus.sample import sampled

CORPUS = SHARED / "corpus"
NAMES = [d.name for d in corpus_documents(CORPUS)] if CORPUS.is_dir() else ["corpus-absent"]
OWN_SPECS = sorted((ROOT / "specs").glob("*/*.yaml"))
"""The configured APIs' documents, every version (Extend's runs have poll helpers)."""
LANGUAGES = ("python", "typescript", "go", "java")

Meaning = tuple[str, str, str | None, bool, str, frozenset[tuple[str, str]]]
"""(method, path, paging style, has a poll helper, response kind, arguments (where, wire name))."""


def _methods(resources: Sequence[ResourceSurface]) -> Iterator[MethodSurface]:
    for resource in resources:
        yield from resource.methods


def _meaning(method: MethodSurface, selectors: dict[tuple[str, str], str]) -> Meaning:
    selector = selectors.get((method.http_method.upper(), method.path))
    arguments = frozenset(
        (a.where, a.wire_name)
        for a in (*method.positional, *method.keyword)
        if a.where != "client_header" and (a.where, a.wire_name) != ("body", selector)
    )
    return (
        method.http_method.upper(),
        method.path,
        method.page.style if method.page is not None else None,
        method.poll is not None,
        method.response_kind,
        arguments,
    )


def meanings(path: Path, output: Path) -> dict[str, list[Meaning]]:
    """Each language's meaning of every method of the spec at `path`."""
    config = default_api(path, output)
    api, _version, _sha, diagnostics = load_api(config)
    assert api is not None, diagnostics
    selectors = {
        (op.method.upper(), op.path): stream.selector
        for op in api.operations()
        if (stream := shape_of(op).event_stream) is not None and stream.selector is not None
    }
    found: dict[str, list[Meaning]] = {}
    for language in LANGUAGES:
        given = TargetInput(api, config.name, path, {}, environment(), Release("0.1.0", HEADER))
        target = get_target(language)
        sdk = target.documented(target.sdk(given))
        assert sdk is not None, f"{language} has no docs surface to compare"
        views = [sdk.root_view, *sdk.resource_views]
        found[language] = [_meaning(m, selectors) for m in _methods(views)]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", sampled(NAMES))
def test_every_language_means_what_python_means(name: str, tmp_path: Path) -> None:
    document = next(d for d in corpus_documents(shared_path("corpus")) if d.name == name)
    _assert_same(meanings(document.path, tmp_path))


@pytest.mark.parametrize("spec", OWN_SPECS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_own_specs_mean_the_same(spec: Path, tmp_path: Path) -> None:
    found = meanings(spec, tmp_path)
    assert any(m[3] for m in found["python"]) or spec.parent.name != "extend"
    _assert_same(found)


def _assert_same(found: dict[str, list[Meaning]]) -> None:
    """Every documented language means what Python means, method by method."""
    python = found["python"]
    for language, methods in found.items():
        assert len(methods) == len(python), language
        differing = [(p, o) for p, o in zip(python, methods, strict=True) if p != o]
        assert differing == [], language


def main() -> None:
    """Paged methods (by style) and poll helpers of each language, per corpus document."""
    print("| spec | language | paged methods | by style | poll helpers |")
    print("| --- | --- | --- | --- | --- |")
    documents = [(p.parent.name + "-" + p.stem, p) for p in OWN_SPECS]
    documents += [(d.name, d.path) for d in corpus_documents(CORPUS)]
    for name, path in documents:
        found = meanings(path, Path("/nonexistent"))
        for language, methods in found.items():
            styles: dict[str, int] = {}
            for meaning in methods:
                if meaning[2] is not None:
                    styles[meaning[2]] = styles.get(meaning[2], 0) + 1
            by_style = ", ".join(f"{s} {n}" for s, n in sorted(styles.items())) or "-"
            polls = sum(1 for m in methods if m[3])
            paged = sum(styles.values())
            print(f"| {name} | {language} | {paged} | {by_style} | {polls} |")


if __name__ == "__main__":
    main()
