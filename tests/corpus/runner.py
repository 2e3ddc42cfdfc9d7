"""Generate the Python SDK of one corpus document and check it whole.

For a document: generate the SDK; import every generated module in a fresh interpreter; find
a method for every operation the spec has (any missing is a diagnostic); run `mypy --strict`
and ruff (the rules of tests.support.lint) over the package; and round-trip every example
written under a schema through the type that schema became (examples the spec's own schema
rejects are counted apart, not held against us).
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import ApiConfig, default_api
from generator.diagnostics import Diagnostic, Severity, join_pointer, resolve_pointer, split_pointer
from generator.ir.build import build_api_indexed
from generator.ir.model import Api, TypeNode
from generator.load.bundle import iter_schemas
from generator.load.document import HTTP_METHODS
from generator.load.loader import load_document
from generator.pipeline import render_api
from generator.targets.python.render import PythonOptions, PythonRenderer
from generator.targets.python.target import python_settings
from generator.targets.python.types import TypeRenderer
from generator.templating import environment
from tests.corpus.documents import CorpusDocument
from tests.support.lint import ruff_findings

ROOT = Path(__file__).resolve().parent.parent.parent
_MYPY_FOUND = re.compile(r"Found (\d+) errors? in")


@dataclass
class DocumentResult:
    name: str
    version: str = ""
    operations: int = 0
    schemas: int = 0
    methods: int = 0
    """Operations of the spec that have a method in the generated SDK."""
    missing: list[str] = field(default_factory=list)
    """A diagnostic for every operation without a method."""
    modules: int = 0
    imported: int = 0
    import_failures: dict[str, str] = field(default_factory=dict)
    mypy_errors: int = -1
    mypy_output: str = ""
    ruff_findings: int = -1
    """What ruff finds with the rules of `tests.support.lint` (F, E4, E7, E9, W, UP)."""
    ruff_output: str = ""
    examples: int = 0
    examples_ok: int = 0
    examples_invalid_in_spec: int = 0
    """Examples the spec's own schema rejects: not held against the generated code."""
    examples_untyped_headers: int = 0
    """Examples of response header schemas, which no generated type carries."""
    example_failures: list[str] = field(default_factory=list)
    warnings: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def generated(self) -> bool:
        return not self.errors and self.modules > 0

    def problems(self) -> list[str]:
        """Everything that makes this document a failure, as readable lines."""
        found = [*self.errors, *self.missing]
        found += [f"import {name}: {why}" for name, why in self.import_failures.items()]
        if self.mypy_errors != 0:
            found.append(f"mypy --strict: {self.mypy_errors} error(s)\n{self.mypy_output}")
        if self.ruff_findings != 0:
            found.append(f"ruff: {self.ruff_findings} finding(s)\n{self.ruff_output}")
        found += self.example_failures
        return found


def package_name(document: CorpusDocument) -> str:
    words = re.sub(r"[^0-9a-zA-Z]+", "_", document.name).strip("_").lower()
    return f"{words}_sdk" if words and not words[0].isdigit() else f"api_{words}_sdk"


def spec_operations(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(METHOD, path, pointer) of every operation under `paths`, read from the document."""
    found: list[tuple[str, str, str]] = []
    for path, item in (document.get("paths") or {}).items():
        pointer = join_pointer("", "paths", path)
        if isinstance(item, dict) and isinstance(item.get("$ref"), str):
            _found, item = resolve_pointer(document, item["$ref"][1:])
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                found.append((method.upper(), path, join_pointer(pointer, method)))
    return found


Method = tuple[str, str, str]
"""(module, class, method name)"""


def method_table(renderer: PythonRenderer, package: str) -> dict[tuple[str, str], list[Method]]:
    """(METHOD, path) -> the generated method in the sync and in the async class."""
    options = renderer.options
    table: dict[tuple[str, str], list[Method]] = {}
    for view in renderer.resource_views:
        module = f"{package}.resources.{view.module}"
        for method in view.methods:
            table[(method.http_method, method.path)] = [
                (module, view.class_name, method.name),
                (module, view.async_class_name, method.name),
            ]
    for method in renderer.root_view.methods:
        module = f"{package}._client"
        table[(method.http_method, method.path)] = [
            (module, options.client_class, method.name),
            (module, options.async_client_class, method.name),
        ]
    return table


def schema_examples(
    document: dict[str, Any], types_at: dict[str, TypeNode]
) -> list[tuple[str, str, TypeNode | None, Any]]:
    """(schema pointer, example pointer, the type the schema became, the example value) for
    every `example` and `examples` value under a schema of the document; the type is None
    when the schema became no type."""
    found: list[tuple[str, str, TypeNode | None, Any]] = []
    for schema, pointer in sorted(iter_schemas(document), key=lambda pair: pair[1]):
        node = types_at.get(pointer)
        if "example" in schema:
            found.append((pointer, join_pointer(pointer, "example"), node, schema["example"]))
        listed = schema.get("examples")
        if isinstance(listed, list):
            found.extend(
                (pointer, join_pointer(pointer, "examples", i), node, value)
                for i, value in enumerate(listed)
            )
    return found


def judged_by(document: dict[str, Any], pointer: str) -> str:
    """The schema an example at `pointer` must be valid for: its own, or for a member of an
    allOf that only annotates (no type of its own), the allOf it belongs to, whose type the
    generated code uses."""
    tokens = split_pointer(pointer)
    if len(tokens) >= 2 and tokens[-2] == "allOf":
        _found, schema = resolve_pointer(document, pointer)
        typed = ("type", "properties", "items", "allOf", "oneOf", "anyOf", "enum", "$ref")
        if isinstance(schema, dict) and not any(key in schema for key in typed):
            return join_pointer("", *tokens[:-2])
    return pointer


def is_response_header(pointer: str) -> bool:
    """Response headers are read from the raw response; the SDK declares no types for them."""
    tokens = split_pointer(pointer)
    return "responses" in tokens and "headers" in tokens[tokens.index("responses") :]


class SpecValidator:
    """Whether an example is valid for the schema at a pointer, by the spec's own rules."""

    def __init__(self, document: dict[str, Any]) -> None:
        from openapi_schema_validator import OAS30Validator, OAS31Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT4, DRAFT202012

        is_30 = str(document.get("openapi", "")).startswith("3.0")
        self.cls: Any = OAS30Validator if is_30 else OAS31Validator
        resource = Resource.from_contents(
            document, default_specification=DRAFT4 if is_30 else DRAFT202012
        )
        self.registry: Any = Registry().with_resource("urn:sdkgen:document", resource)

    def problem(self, pointer: str, value: Any) -> str | None:
        schema = {"$ref": f"urn:sdkgen:document#{pointer}"}
        validator = self.cls(schema, registry=self.registry, format_checker=self.cls.FORMAT_CHECKER)
        try:
            error = next(iter(validator.iter_errors(value)), None)
        except Exception as crash:  # a schema the validator cannot walk: not the example's fault
            return f"validator stopped: {crash!r}"[:300]
        return None if error is None else str(error.message)[:300]


def generate_files(
    document: CorpusDocument, out: Path, cache: Path | None
) -> tuple[Mapping[str, str], tuple[Diagnostic, ...]]:
    """Render the SDK with the real pipeline (unformatted) and write its Python files."""
    config = default_api(document.path, out, package_name(document))
    rendered = render_api(config, cache)
    for relative, text in rendered.files.items():
        if relative.startswith("python/"):
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return rendered.files, rendered.diagnostics


def generate_with_cli(document: CorpusDocument, out: Path) -> tuple[bool, str]:
    """`sdkgen generate SPEC -o OUT` as a user runs it, from a folder with no cache."""
    command = [sys.executable, "-m", "generator", "generate", str(document.path)]
    result = subprocess.run(
        [*command, "-o", str(out), "--package", package_name(document)],
        cwd=out.parent,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return result.returncode == 0, result.stderr


def _renderer(api: Api, config: ApiConfig) -> PythonRenderer:
    settings = python_settings(config.name, config.target_settings("python"))
    options = PythonOptions(
        package=settings.package,
        client_class=settings.client_class,
        async_client_class=settings.async_client_class,
        token_env=settings.token_env,
        sdk_version="0",
        header="",
    )
    return PythonRenderer(api, options, environment(config.templates))


def check_document(
    document: CorpusDocument, work: Path, *, cli: bool = False, passes: int = 1
) -> DocumentResult:
    """Everything the corpus test asserts and the README table shows, for one document.

    `cli` runs the real command (black included) `passes` times and keeps the median time;
    otherwise the SDK is rendered in-process, unformatted, which is what the checks need and
    a good deal faster.
    """
    result = DocumentResult(document.name)
    package = package_name(document)
    out = work / document.name
    started = time.perf_counter()
    if cli:
        times: list[float] = []
        for _ in range(max(1, passes)):
            shutil.rmtree(out, ignore_errors=True)
            started = time.perf_counter()
            ok, stderr = generate_with_cli(document, out)
            times.append(time.perf_counter() - started)
        result.seconds = statistics.median(times)
        result.warnings = stderr.count(": warning [")
        if not ok:
            result.errors.append(f"generation failed:\n{stderr[-4000:]}")
            return result
    else:
        _files, diagnostics = generate_files(document, out, work / ".cache")
        result.seconds = time.perf_counter() - started
        result.warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
        result.errors += [d.render() for d in diagnostics if d.severity is Severity.ERROR]
        if result.errors:
            return result
    loaded = load_document(document.path)
    assert loaded.document is not None
    spec = loaded.document
    raw = loaded.source.data if loaded.source is not None else {}
    result.version = str(raw.get("openapi") or f"Swagger {raw.get('swagger')}")
    api, types_at = build_api_indexed(spec, document.name, str(document.path))
    renderer = _renderer(api, default_api(document.path, out, package))
    table = method_table(renderer, package)
    operations = spec_operations(spec)
    result.operations = len(operations)
    components = spec.get("components") or {}
    result.schemas = len(components.get("schemas") or {})
    wanted: list[Method] = []
    for method, path, pointer in operations:
        found = table.get((method, path))
        if found is None:
            result.missing.append(
                Diagnostic(
                    "operation-dropped",
                    f"{method} {path} has no method in the generated SDK",
                    pointer,
                    str(document.path),
                ).render()
            )
            continue
        wanted += found
    examples = schema_examples(spec, types_at)
    validator = SpecValidator(spec)
    types = TypeRenderer({t.name: t for t in api.types}, renderer.class_names)
    cases: list[list[Any]] = []
    for schema_pointer, pointer, node, value in examples:
        if node is None and is_response_header(schema_pointer):
            result.examples_untyped_headers += 1
        elif validator.problem(judged_by(spec, schema_pointer), value) is not None:
            result.examples_invalid_in_spec += 1
        elif node is None:
            result.example_failures.append(f"example {pointer}: its schema became no type")
        else:
            cases.append([pointer, types.annotation(node, "output"), value])
    result.examples = len(cases)
    python = out / "python"
    job = {"folder": str(python), "package": package, "methods": wanted, "examples": cases}
    probe = subprocess.run(
        [sys.executable, "-m", "tests.corpus.probe"],
        input=json.dumps(job, default=str),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1800,
    )
    report: dict[str, Any] = {}
    try:
        report = json.loads(probe.stdout)
    except ValueError:
        result.errors.append(f"the probe crashed:\n{probe.stderr[-4000:]}")
    if "crash" in report:
        result.errors.append(f"the probe crashed:\n{report['crash']}")
    result.imported = len(report.get("imported", []))
    result.import_failures = dict(report.get("failed", {}))
    result.modules = result.imported + len(result.import_failures)
    result.missing += [f"method missing: {m}" for m in report.get("missing", [])]
    result.methods = result.operations - sum(
        1 for m in result.missing if "operation-dropped" in m or "method missing" in m
    )
    verdicts = report.get("examples", ["not run"] * len(cases))
    for (pointer, annotation, _value), verdict in zip(cases, verdicts, strict=True):
        if verdict == "ok":
            result.examples_ok += 1
        else:
            result.example_failures.append(f"example {pointer} as {annotation}: {verdict}")
    result.ruff_findings, result.ruff_output = ruff_findings(python)
    result.mypy_errors, result.mypy_output = run_mypy(python, package, work / ".mypy")
    return result


def run_mypy(folder: Path, package: str, cache: Path) -> tuple[int, str]:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), "-p", package],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if checked.returncode == 0:
        return 0, ""
    found = _MYPY_FOUND.search(checked.stdout)
    output = (checked.stdout + checked.stderr)[-3000:]
    return (int(found.group(1)) if found else 1), output
