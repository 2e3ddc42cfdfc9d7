"""The hostile specs that load (tests/hostile/cases: strings that try to close comments and
literals, names that are keywords, duplicate names) give TypeScript SDKs that compile strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.config import default_api
from generator.pipeline import HEADER, load_api
from generator.targets.base import Release, TargetInput
from generator.targets.registry import get_target
from generator.templating import environment
from tests.conftest import ROOT
from tests.targets.typescript.tooling import compile_sdk

CASES = ROOT / "tests" / "hostile" / "cases"


@pytest.mark.slow
def test_every_loading_hostile_spec_compiles_strict(tmp_path: Path) -> None:
    target = get_target("typescript")
    rendered = []
    for spec in sorted(p for p in CASES.glob("*.*") if p.is_file()):
        config = default_api(spec, tmp_path)
        api = load_api(config)[0]
        if api is None:
            continue
        given = TargetInput(api, config.name, spec, {}, environment(), Release("0.1.0", HEADER))
        for path, text in target.sdk(given).render().items():
            destination = tmp_path / spec.stem / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8")
        rendered.append(spec.stem)
    assert "hostile-strings" in rendered and len(rendered) >= 10
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    options = json.loads((ROOT / "output" / "extend" / "typescript" / "tsconfig.json").read_text())
    options["compilerOptions"] |= {"noEmit": True, "rootDir": "."}
    options["include"] = [f"{name}/src" for name in rendered]
    (tmp_path / "tsconfig.json").write_text(json.dumps(options), encoding="utf-8")
    result = compile_sdk(tmp_path)
    errors = [line for line in result.stdout.splitlines() if "error TS" in line]
    assert result.returncode == 0 and not errors, "\n".join(errors[:20]) or result.stderr
