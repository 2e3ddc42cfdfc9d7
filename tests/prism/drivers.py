"""The calls of the proof: a corpus document's Python and TypeScript SDKs, generated here, each
calling a sample of its operations with the docs' example arguments (the example synthesis of
`targets/docs/examples.py`, as the docs show it), through a fresh interpreter or Node.

Each example runs on its own: its first output (`print`, `console.log`) ends it, so a list is
read one item deep; the outcome is `ok` or the exception the SDK raised."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.config import default_api
from generator.pipeline import prepare
from generator.targets.base import DocumentedSdk, TargetSdk
from generator.targets.docs.model import DocsModel, MethodDoc
from generator.targets.docs.surface import ArgSurface, MethodSurface
from tests.conftest import ROOT
from tests.targets.typescript.tooling import compile_sdk, node

TOKEN = "sk_test_123"
SECRET = "secret_123"
"""Every credential but the token (usernames, passwords, API keys): Prism checks presence."""
UPLOAD = "document.pdf"
LANGUAGES = ("python", "typescript")


@dataclass(frozen=True, slots=True)
class Call:
    """One example: the method it documents and its code in one language."""

    qualified: str
    operation: str
    """`GET /pets/{id}`."""
    code: str


@dataclass(frozen=True, slots=True)
class Sdks:
    """A document's SDKs written to a folder, with the docs of each."""

    folder: Path
    built: dict[str, TargetSdk]
    docs: dict[str, DocsModel]
    env: dict[str, str]
    """The environment variable of every credential but the token, set to `SECRET`."""


class EveryArgument(DocsModel):
    """The docs model whose examples pass every argument a caller gives, the optional ones too,
    so the calls send each wire form the operations declare (Stripe's nested form fields and
    deepObject filters are all optional)."""

    def example_arguments(self, m: MethodSurface) -> tuple[ArgSurface, ...]:
        return tuple(a for a in (*m.positional, *m.keyword) if a.where != "client_header")


def generate(document: Path, folder: Path, *, every_argument: bool = False) -> Sdks:
    config = default_api(document, folder, targets=LANGUAGES)
    prepared = prepare(config)
    assert prepared.sdks, [d.message for d in prepared.diagnostics][:5]
    built = {sdk.folder: sdk for sdk in prepared.sdks}
    for sdk in prepared.sdks:
        for path, text in sdk.render().items():
            destination = folder / sdk.folder / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8")
    surfaces: tuple[DocumentedSdk, ...] = prepared.surfaces
    kind = EveryArgument if every_argument else DocsModel
    docs = {s.folder: kind(s) for s in surfaces}
    api = next(iter(docs.values())).api
    env = {c.env: SECRET for s in api.security for c in s.credentials if c.env is not None}
    return Sdks(folder, built, docs, env)


def _served(method: MethodDoc, fetched: frozenset[str]) -> bool:
    """Whether a call can reach Prism: not when every way to authenticate it first fetches an
    OAuth2 token from the spec's token URL (a real host, which Prism does not stand in for)."""
    shape = method.operation.shape
    alternatives = shape.auth.alternatives if shape is not None else ()
    return not alternatives or any(not set(a) & fetched for a in alternatives)


def sample(docs: DocsModel, count: int) -> list[MethodDoc]:
    """`count` methods Prism can serve, spread evenly over the docs' order (all of them when
    there are fewer)."""
    fetched = frozenset(s.name for s in docs.api.security if s.kind == "oauth2")
    methods = [m for m in docs.methods if _served(m, fetched)]
    if len(methods) <= count:
        return methods
    step = len(methods) / count
    return [methods[int(i * step)] for i in range(count)]


def calls(sdks: Sdks, language: str, operations: list[str]) -> list[Call]:
    """The examples of the given operations (`METHOD path`), in that order."""
    by_operation = {
        f"{m.operation.method.upper()} {m.operation.path}": m for m in sdks.docs[language].methods
    }
    return [Call(by_operation[o].qualified, o, by_operation[o].example) for o in operations]


def _setup(docs: DocsModel, language: str, proxy: str) -> str:
    setup = docs.language.setup_example(None)
    if language == "python":
        options = f'token="{TOKEN}", base_url="{proxy}", max_retries=0, timeout=30'
        return re.sub(r"= (\w+)\(.*\)$", rf"= \1({options})", setup.strip(), flags=re.M)
    options = f'{{ token: "{TOKEN}", baseUrl: "{proxy}", maxRetries: 0, timeoutInSeconds: 30 }}'
    return re.sub(r"new (\w+)\(.*\);$", rf"new \1({options});", setup.strip(), flags=re.M)


_PY_DRIVER = """
import json, sys, urllib.request
sys.path.insert(0, {folder!r})
SETUP, EXAMPLES, PROXY = {setup!r}, {examples!r}, {proxy!r}
class Enough(Exception):
    pass
def first_output(*args, **kwargs):
    raise Enough
base = {{"__name__": "__example__"}}
exec(SETUP, base)
outcomes = []
for index, code in enumerate(EXAMPLES):
    urllib.request.urlopen(f"{{PROXY}}/__example__/{{index}}").read()
    try:
        exec(code, {{**base, "print": first_output}})
        outcomes.append("ok")
    except Enough:
        outcomes.append("ok")
    except Exception as error:
        outcomes.append(f"{{type(error).__name__}}: {{error}}"[:600])
sys.stdout.write(json.dumps(outcomes))
"""


def run_python(sdks: Sdks, examples: list[Call], proxy: str, work: Path) -> list[str]:
    """Each example's outcome through the Python SDK."""
    setup = _setup(sdks.docs["python"], "python", proxy)
    script = _PY_DRIVER.format(
        folder=str(sdks.folder / "python"), setup=setup, examples=[c.code for c in examples],
        proxy=proxy,
    )  # fmt: skip
    return _run([sys.executable, "-c", script], sdks, work)


_IMPORT = re.compile(r'^import \{ (.+) \} from "([^"]+)";$')


def _ts_program(sdks: Sdks, examples: list[Call], proxy: str) -> str:
    package = sdks.built["typescript"].package
    names: set[str] = set()
    other: set[str] = set()
    bodies: list[str] = []
    setup = _setup(sdks.docs["typescript"], "typescript", proxy)
    for code in [setup, *(c.code for c in examples)]:
        body: list[str] = []
        for line in code.split("\n"):
            match = _IMPORT.match(line)
            if match and match.group(2) == package:
                names |= {n.strip() for n in match.group(1).split(",")}
            elif line.startswith("import "):
                other.add(line)
            else:
                body.append(line)
        bodies.append("\n".join(body))
    head = [*sorted(other), f'import {{ {", ".join(sorted(names))} }} from "./sdk/index.js";']
    functions = ",\n".join(f"async () => {{\n{b}\n}}" for b in bodies[1:])
    return "\n".join([
        *head,
        "class Enough extends Error {}",
        "console.log = () => { throw new Enough(); };",
        bodies[0],
        f"const examples: Array<() => Promise<void>> = [\n{functions}\n];",
        "const outcomes: string[] = [];",
        "for (const [index, example] of examples.entries()) {",
        f'  await fetch("{proxy}/__example__/" + index);',
        "  try { await example(); outcomes.push(\"ok\"); } catch (error) {",
        "    if (error instanceof Enough) { outcomes.push(\"ok\"); continue; }",
        "    const e = error as Error;",
        "    outcomes.push(`${e.name}: ${e.message}`.slice(0, 600));",
        "  }",
        "}",
        "process.stdout.write(JSON.stringify(outcomes));",
        "",
    ])  # fmt: skip


def run_typescript(sdks: Sdks, examples: list[Call], proxy: str, work: Path) -> list[str]:
    """Each example's outcome through the TypeScript SDK (compiled by tsc, run by Node)."""
    project = work / "ts"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(sdks.folder / "typescript" / "src", project / "sdk")
    (project / "driver.ts").write_text(_ts_program(sdks, examples, proxy), encoding="utf-8")
    (project / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    tsconfig = {
        "compilerOptions": {
            "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
            "lib": ["ES2022", "DOM", "DOM.Iterable"], "strict": True, "skipLibCheck": True,
            "outDir": "build", "typeRoots": [str(ROOT / "node_modules" / "@types")],
            "types": ["node"],
        },
        "include": ["driver.ts", "sdk"],
    }  # fmt: skip
    (project / "tsconfig.json").write_text(json.dumps(tsconfig), encoding="utf-8")
    result = compile_sdk(project)
    driver = project / "build" / "driver.js"
    assert driver.exists(), result.stdout[-3000:]
    return _run([node(), str(driver)], sdks, work)


def _run(command: list[str], sdks: Sdks, work: Path) -> list[str]:
    (work / UPLOAD).write_bytes(b"%PDF-1.4\n% an example document\n")
    env = {**os.environ, **sdks.env}
    done = subprocess.run(
        command, cwd=work, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    outcomes: list[str] = json.loads(done.stdout)
    return outcomes
