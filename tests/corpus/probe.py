"""Run inside a fresh interpreter beside a generated SDK: import it, look for methods, and
round-trip schema examples through its models. Reads a JSON job on stdin, prints a JSON report.

    python -m tests.corpus.probe < job.json

The job: {"folder": ..., "package": ..., "methods": [[module, class, method], ...],
"examples": [[pointer, annotation, value], ...]}. The report: imported and failed modules,
missing methods, and per example "ok" or why not.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import traceback
from datetime import date, datetime
from typing import Any


def _instant(text: str) -> datetime | date | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        pass
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def same(expected: Any, actual: Any) -> bool:
    """JSON equality, where two spellings of one instant (`...00.000Z`, `...00Z`) are equal."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return expected == actual
    if isinstance(expected, str) and isinstance(actual, str):
        if expected == actual:
            return True
        left, right = _instant(expected), _instant(actual)
        return left is not None and left == right
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            same(expected[k], actual[k]) for k in expected
        )
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            same(e, a) for e, a in zip(expected, actual, strict=True)
        )
    return bool(expected == actual)


def import_all(package: str) -> tuple[list[str], dict[str, str]]:
    imported: list[str] = []
    failed: dict[str, str] = {}
    root = importlib.import_module(package)
    imported.append(package)
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception as error:
            failed[info.name] = f"{type(error).__name__}: {error}"
    return imported, failed


def missing_methods(methods: list[list[str]]) -> list[str]:
    missing: list[str] = []
    for module_name, class_name, method in methods:
        try:
            owner = getattr(importlib.import_module(module_name), class_name)
        except Exception as error:
            missing.append(f"{module_name}.{class_name}: {type(error).__name__}: {error}")
            continue
        if not callable(getattr(owner, method, None)):
            missing.append(f"{module_name}.{class_name}.{method}")
    return missing


def round_trip(package: str, examples: list[list[Any]]) -> list[str]:
    """One verdict per example: "ok", or what went wrong."""
    import pydantic

    models = importlib.import_module(f"{package}.models")
    namespace = dict(vars(models))
    for found in pkgutil.iter_modules(getattr(models, "__path__", [])):
        # a split models package: annotations are read in its modules' namespaces
        namespace.update(vars(importlib.import_module(f"{models.__name__}.{found.name}")))
    adapters: dict[str, Any] = {}
    verdicts: list[str] = []
    for _pointer, annotation, value in examples:
        try:
            adapter = adapters.get(annotation)
            if adapter is None:
                adapter = adapters[annotation] = pydantic.TypeAdapter(eval(annotation, namespace))
            parsed = adapter.validate_python(value)
            dumped = adapter.dump_python(parsed, mode="json", by_alias=True, exclude_unset=True)
        except Exception as error:
            first = str(error).splitlines()[:3]
            verdicts.append(f"{type(error).__name__}: {' / '.join(first)}"[:600])
            continue
        if same(value, dumped):
            verdicts.append("ok")
        else:
            verdicts.append(f"dumped back different: {json.dumps(dumped, default=str)[:300]}")
    return verdicts


def main() -> None:
    job = json.load(sys.stdin)
    sys.path.insert(0, job["folder"])
    report: dict[str, Any] = {}
    try:
        imported, failed = import_all(job["package"])
        report["imported"] = imported
        report["failed"] = failed
        report["missing"] = missing_methods(job["methods"])
        report["examples"] = round_trip(job["package"], job["examples"])
    except Exception:
        report["crash"] = traceback.format_exc()
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
