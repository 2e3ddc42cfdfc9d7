"""OpenAI's chat completions and responses stream from `sdkgen mock` through both SDKs: the
SDKs of the corpus's OpenAI spec are generated, the mock serves the same spec, and the
streaming example of each method's docs runs (Python); the TypeScript SDK makes the same
calls with `stream: true` under node."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import default_api
from generator.pipeline import render_api
from tests.conftest import shared_path
from tests.support.spec_server import SpecServer
from tests.targets.typescript.tooling import compile_sdk, node

STREAMED = {
    "chat_completions.md": "client.chat_completions.create(",
    "responses.md": "client.responses.create(",
}
EVENTS = 3  # what the mock sends before `[DONE]`
NODE_SCRIPT = """
const sdk = await import(process.env.SDK_INDEX);
const client = new sdk.OpenaiClient({ baseUrl: process.env.MOCK_URL, token: "sk-test" });
const requests = {
  chat: client.chatCompletions.create({
    messages: [{ role: "user", content: "Hi" }], model: "gpt-test", stream: true,
  }),
  responses: client.responses.create({ model: "gpt-test", input: "Hi", stream: true }),
};
for (const [name, request] of Object.entries(requests)) {
  const stream = await request;
  let count = 0;
  for await (const event of stream) {
    if (typeof event !== "object" || event === null) throw new Error(`untyped event ${event}`);
    count += 1;
  }
  console.log(`${name} ${stream instanceof sdk.Stream} ${count}`);
}
"""


def render(folder: Path, target: str) -> Path:
    spec = shared_path("corpus", "openai.yaml")
    config = default_api(spec, folder / "out", "openai_sdk")
    config = replace(config, targets=(target,), settings={target: {}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        path = folder / "out" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder / "out"


@pytest.fixture(scope="module")
def server() -> Iterator[SpecServer]:
    text = shared_path("corpus", "openai.yaml").read_text(encoding="utf-8")
    document: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    with SpecServer(document) as running:
        yield running


def stream_example(page: str, call: str) -> str:
    blocks = re.findall(r"\*\*Stream the response:\*\*.*?```python\n(.*?)```", page, re.S)
    found = [b for b in blocks if call in b]
    assert found, f"no streaming example of {call}"
    return str(found[0])


@pytest.mark.slow
def test_the_python_docs_stream_from_the_mock(tmp_path: Path, server: SpecServer) -> None:
    out = render(tmp_path, "python")
    sys.path.insert(0, str(out / "python"))
    try:
        sdk = importlib.import_module("openai_sdk")
        for page, call in STREAMED.items():
            code = stream_example((out / "docs" / page).read_text(encoding="utf-8"), call)
            printed = io.StringIO()
            client = sdk.Openai(base_url=server.base_url, token="sk-test")
            with client, contextlib.redirect_stdout(printed):
                exec(code, {"client": client})  # the docs' example, as published
            lines = printed.getvalue().splitlines()
            assert len(lines) == EVENTS, (page, lines)
    finally:
        sys.path.remove(str(out / "python"))
        for name in [m for m in sys.modules if m.startswith("openai_sdk")]:
            del sys.modules[name]
    assert server.errors() == []


@pytest.mark.conformance  # tsc over the whole OpenAI SDK
def test_the_typescript_sdk_streams_from_the_mock(tmp_path: Path, server: SpecServer) -> None:
    out = render(tmp_path, "typescript")
    built = compile_sdk(out / "typescript", "--outDir", str(tmp_path / "dist"))
    assert built.returncode == 0, built.stdout + built.stderr
    script = tmp_path / "stream.mjs"
    script.write_text(NODE_SCRIPT, encoding="utf-8")
    env = {
        **os.environ,
        "SDK_INDEX": (tmp_path / "dist" / "index.js").as_uri(),
        "MOCK_URL": server.base_url,
    }
    (tmp_path / "dist" / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    result = subprocess.run(
        [node(), str(script)], capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split("\n")[:2] == [f"chat true {EVENTS}", f"responses true {EVENTS}"]
    assert server.errors() == []
