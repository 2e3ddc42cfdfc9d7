"""One document through Prism: trim it to the sampled operations, serve it, call each example
through an SDK via the recording proxy, judge every request and replay it to the mock.

    python -m tests.prism.proof openai spotify ...   # the table, both languages

prints the issue's table (API | OK | rejected for the SDK's fault | ...) and the agreement."""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.ir.build import build_api
from generator.load.loader import load_document
from generator.mock.server import SpecServer
from tests.conftest import shared_path
from tests.prism.drivers import Sdks, calls, generate, run_python, run_typescript, sample
from tests.prism.prism import running_prism
from tests.prism.recorder import Recorder
from tests.prism.trim import write_trimmed
from tests.prism.verdicts import Outcome, disagreements, outcome, tally

SPECS = {
    "openai": "openai.yaml",
    "spotify": "spotify.yaml",
    "box-v2025": "box-v2025.json",
    "digitalocean": "digitalocean.bundled.yaml",
    "discord": "discord.json",
    "kubernetes": "kubernetes-swagger2.json",
    "slack": "slack-web-swagger2.json",
    "petstore": "petstore-expanded.yaml",
    "stripe": "stripe.yaml",
}
EVERY_ARGUMENT = frozenset({"stripe"})
"""Documents whose calls pass every argument, not only the docs' required ones: Stripe's nested
form fields and deepObject filters are all optional."""
STARTUP = 300.0
"""Seconds Prism may take to load a trimmed document on a busy machine."""


@dataclass(frozen=True, slots=True)
class Verdicts:
    api: str
    language: str
    outcomes: list[Outcome]
    judged: int
    """Requests replayed to the mock."""
    disagreements: list[str]


@dataclass(frozen=True, slots=True)
class Prepared:
    api: str
    sdks: Sdks
    operations: list[str]
    served: Path
    mock: SpecServer


def prepare_api(api: str, count: int, work: Path) -> Prepared:
    document = shared_path("corpus", SPECS[api])
    sdks = generate(document, work / "sdk", every_argument=api in EVERY_ARGUMENT)
    first = next(iter(sdks.docs.values()))
    chosen = sample(first, count)
    operations = [f"{m.operation.method.upper()} {m.operation.path}" for m in chosen]
    loaded = load_document(document)
    assert loaded.model is not None and loaded.document is not None
    served = write_trimmed(loaded.model, set(operations), work / f"{api}.served.json")
    again = load_document(served)
    assert again.model is not None and again.document is not None, again.diagnostics[:3]
    model = build_api(again.document, api, str(served))
    mock = SpecServer(again.document, api=model, model=again.model)
    return Prepared(api, sdks, operations, served, mock)


def run_language(prepared: Prepared, language: str, base_url: str, work: Path) -> Verdicts:
    examples = calls(prepared.sdks, language, prepared.operations)
    runner = run_python if language == "python" else run_typescript
    with Recorder(base_url) as recorder:
        results = runner(prepared.sdks, examples, recorder.url, work)
    exchanges = recorder.exchanges
    outcomes = [
        outcome(call.qualified, result, [e for e in exchanges if e.example == index])
        for index, (call, result) in enumerate(zip(examples, results, strict=True))
    ]
    judged, disagreeing = disagreements(prepared.mock, exchanges)
    return Verdicts(prepared.api, language, outcomes, judged, disagreeing)


def prove(api: str, languages: tuple[str, ...], count: int, work: Path) -> list[Verdicts]:
    prepared = prepare_api(api, count, work)
    with running_prism(prepared.served, startup=STARTUP) as base_url:
        return [run_language(prepared, language, base_url, work) for language in languages]


COLUMNS = ("ok", "rejected", "reader", "unsent", "argument", "misread", "other")


def table(verdicts: list[Verdicts]) -> str:
    lines = [
        "| API | language | calls | OK | rejected for the SDK's fault | reader fails | unsent"
        " | example value out of range | Prism misread | other | Prism/mock agree |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for v in verdicts:
        counts: Counter[str] = tally(v.outcomes)
        agree = f"{v.judged - len(v.disagreements)}/{v.judged}"
        cells = " | ".join(str(counts[c]) for c in COLUMNS)
        lines.append(f"| {v.api} | {v.language} | {len(v.outcomes)} | {cells} | {agree} |")
    return "\n".join(lines)


def details(verdicts: list[Verdicts]) -> str:
    lines: list[str] = []
    for v in verdicts:
        for o in v.outcomes:
            if o.kind != "ok":
                lines.append(f"{v.api} {v.language} {o.qualified}: {o.kind}: {o.detail[:400]}")
        lines += [f"{v.api} {v.language} disagreement: {d[:400]}" for d in v.disagreements]
    return "\n".join(lines)


def main(apis: list[str]) -> None:
    found: list[Verdicts] = []
    for api in apis:
        with tempfile.TemporaryDirectory() as folder:
            found += prove(api, ("python", "typescript"), 40, Path(folder))
        print(table(found), flush=True)
    print(details(found))


if __name__ == "__main__":
    main(sys.argv[1:])
