"""The Go render of idempotency keys and raw calls: the key header comes from the IR (here the
`idempotency_header` setting, for a spec that declares none) and root operations named like a
raw call give the raw call its name. Behaviour is tested by `streams/keys_test.go`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.support.keyed_spec import render_keyed
from tests.targets.go.tooling import run_go


def _client(files: Mapping[str, str]) -> str:
    return files["go/client/client.go"]


def test_the_setting_gives_a_post_its_key_and_makes_it_retry_safe(tmp_path: Path) -> None:
    keyed = _client(render_keyed(tmp_path, "go", "X-Request-Key"))
    assert 'Method: "POST"' in keyed
    assert 'RetrySafe: true, IdempotencyHeader: "X-Request-Key"' in keyed
    plain = _client(render_keyed(tmp_path, "go", None))
    assert "IdempotencyHeader" not in plain
    assert (
        'Method: "POST", Path: "/", Query: query, Header: header, Body: body, '
        "RetrySafe: false}" in plain
    )


def test_root_operations_leave_the_raw_call_names_free(tmp_path: Path) -> None:
    client = _client(render_keyed(tmp_path, "go", None))
    for verb in ("Get", "Post", "Put", "Patch", "Delete"):
        assert f"func (c *Client) {verb}(ctx context.Context, path string," in client
    assert "func (c *Client) Get2(" in client and "func (c *Client) Post2(" in client


@pytest.mark.conformance
def test_the_keyed_sdk_with_renamed_root_operations_vets(tmp_path: Path, go_cache: Path) -> None:
    for relative, text in render_keyed(tmp_path, "go", "X-Request-Key").items():
        target = tmp_path / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    done = run_go(["vet", "./..."], tmp_path / "out" / "go", go_cache)
    assert done.returncode == 0, done.stdout + done.stderr
