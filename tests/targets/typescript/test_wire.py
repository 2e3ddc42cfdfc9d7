"""Every parameter style and nested body, end to end in TypeScript: the SDK of the wire spec is
generated, compiled and calls the spec-checking server (`node --test`), which checks each
request; what arrived is compared here with what the Python SDK sends for the same calls."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
import yaml

from generator.config import default_api
from generator.pipeline import render_api
from tests.support.spec_server import ScriptedResponse, SpecServer
from tests.support.wire_spec import SPEC
from tests.targets.typescript.tooling import compile_sdk, node

NODE_TESTS = Path(__file__).parent / "wire" / "wire.test.mjs"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wire-ts")
    spec = folder / "wire.yaml"
    spec.write_text(SPEC)
    config = default_api(spec, folder / "out", "wire_sdk")
    config = replace(config, targets=("typescript",), settings={"typescript": {}})
    rendered = render_api(config)
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    built = compile_sdk(folder / "out" / "typescript", "--outDir", str(folder / "dist"))
    assert built.returncode == 0, built.stdout + built.stderr
    return folder / "dist"


@pytest.mark.slow
def test_the_typescript_sdk_writes_every_style(dist: Path) -> None:
    with SpecServer(yaml.safe_load(SPEC)) as server:
        server.script(
            "getInvoicePdf", ScriptedResponse(body=b"%PDF", content_type="application/pdf")
        )
        env = {**os.environ, "SDK_DIST": str(dist), "SPEC_SERVER_URL": server.base_url}
        result = subprocess.run(
            [node(), "--test", "--test-concurrency=1", "--test-reporter=tap", str(NODE_TESTS)],
            capture_output=True, text=True, timeout=120, env=env, check=False,
        )  # fmt: skip
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
        assert passed is not None and int(passed.group(1)) == 8, output
        assert server.errors() == []
        sent = {r.operation_id: r for r in server.requests}
    assert sent["getStyledPath"].path == "/simple/1,2/label/.red.blue/matrix/;point=x,3,y,4"
    search = sent["search"]
    assert search.query == {
        "tags": ["a", "b"], "opt_fields": ["name,email"], "words": ["x y"], "pipes": ["1|2"],
        "metadata[key1]": ["abc"], "created[gte]": ["10"], "expand[0]": ["customer"],
        "expand[1]": ["invoice"], "archived": ["false"],
    }  # fmt: skip
    assert (search.headers["x-dry-run"], search.headers["x-ids"]) == ("true", "4,5")
    assert search.headers["cookie"] == "session=true"
    assert sent["getInvoicePdf"].headers["accept"] == "application/pdf"
    assert sent["putAvatar"].headers["content-type"] == "image/jpeg"
    assert sent["patchConfig"].headers["content-type"] == "application/merge-patch+json"
    assert parse_qsl(sent["createCustomer"].body.decode()) == [
        ("name", "Ada"), ("active", "true"), ("address[city]", "Berlin"),
        ("address[lines][0]", "Main 1"), ("address[lines][1]", "Floor 2"),
        ("preferred_locales[0]", "de"), ("preferred_locales[1]", "en"),
        ("tax_ids[0][type]", "eu_vat"), ("tax_ids[0][value]", "DE1"), ("flags", "a,b"),
        ("labels", "x"), ("labels", "y"), ("extra", '{"n":1}'),
    ]  # fmt: skip
    body = sent["uploadFiles"].body
    assert b'name="link_data[create]"\r\n\r\ntrue' in body
    assert b'{"public":false,"title":"T"}' in body and body.count(b'name="tags"') == 2
    assert sent["createIncident"].json == {
        "incident": {"type": "incident", "title": "Down", "service": {"type": "service_reference"}}
    }
