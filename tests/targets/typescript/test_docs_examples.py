"""Every TypeScript example of the docs (each method's, each poll helper's, the guide's)
type-checks with `tsc --strict` against the Extend SDK, as users would paste it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.config import load_config
from generator.pipeline import prepare
from generator.targets.docs.render import docs_model
from tests.conftest import ROOT
from tests.targets.typescript.tooling import compile_sdk

SDK = ROOT / "output" / "extend" / "typescript"
_IMPORT = re.compile(r'^import \{ (.+) \} from "([^"]+)";$')


def _examples() -> dict[str, str]:
    config, problems = load_config(ROOT)
    assert config is not None and not problems
    prepared = prepare(config.apis[0])
    sdk = next(s for s in prepared.surfaces if s.folder == "typescript")
    docs = docs_model(sdk)
    found = {f"method_{i}": m.example for i, m in enumerate(docs.methods)}
    found |= {f"poll_{i}": m.poll_example for i, m in enumerate(docs.methods) if m.poll_example}
    language = docs.language
    guide = {
        "raw": language.raw_example(docs),
        "options": language.options_example(docs),
        "abort": language.async_example(docs),
        "errors": language.errors_example(docs),
        "polling": language.polling_example(docs),
        "webhooks": language.webhook_example(docs) + "\n" + language.webhook_test_example(docs),
        "fetch": language.http_client_example(docs),
    }
    found |= {f"guide_{name}": code for name, code in guide.items() if code.strip()}
    found |= {f"pages_{p.style}": p.example for p in docs.paging}
    return found


def _module(code: str, package: str) -> str:
    """The example as a module: its imports merged with the client every example uses."""
    names = {"ExtendClient"}
    other: list[str] = []
    body: list[str] = []
    for line in code.split("\n"):
        match = _IMPORT.match(line)
        if match and match.group(2) == package:
            names |= {n.strip() for n in match.group(1).split(",")}
        elif line.startswith("import "):
            other.append(line)
        else:
            body.append(line)
    head = [*other, f'import {{ {", ".join(sorted(names))} }} from "{package}";']
    return "\n".join([*head, "", "const client = new ExtendClient();", *body, "export {};", ""])


@pytest.mark.slow
def test_every_example_type_checks(tmp_path: Path) -> None:
    package = json.loads((SDK / "package.json").read_text(encoding="utf-8"))["name"]
    shutil.copytree(SDK / "src", tmp_path / "sdk")
    folder = tmp_path / "examples"
    folder.mkdir()
    examples = _examples()
    assert len(examples) > 100
    for name, code in examples.items():
        (folder / f"{name}.ts").write_text(_module(code, package), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    tsconfig = {
        "compilerOptions": {
            "target": "ES2022",
            "module": "NodeNext",
            "moduleResolution": "NodeNext",
            "lib": ["ES2022", "DOM", "DOM.Iterable"],
            "strict": True,
            "noEmit": True,
            "skipLibCheck": True,
            "typeRoots": [str(ROOT / "node_modules" / "@types")],
            "types": ["node"],
            "paths": {package: ["./sdk/index.ts"]},
        },
        "include": ["examples", "sdk"],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(tsconfig), encoding="utf-8")
    result = compile_sdk(tmp_path)
    errors = [line for line in result.stdout.splitlines() if "error TS" in line]
    assert result.returncode == 0 and not errors, "\n".join(errors[:30]) or result.stderr
