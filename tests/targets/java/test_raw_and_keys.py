"""The Java render of idempotency keys and raw calls: the key header comes from the IR (here
the `idempotency_header` setting, for a spec that declares none) and root operations named
like a raw call give the raw call its name. Behaviour is tested by `streams/KeysTest.java`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.support.keyed_spec import render_keyed
from tests.targets.java.tooling import javac, sources


def _file(files: Mapping[str, str], name: str) -> str:
    return next(text for path, text in files.items() if path.endswith("/" + name))


def test_the_setting_gives_a_post_its_key_and_makes_it_retry_safe(tmp_path: Path) -> None:
    keyed = _file(render_keyed(tmp_path, "java", "X-Request-Key"), "RawKeyedClient.java")
    assert 'new ApiRequest("POST", "/", true);' in keyed
    assert 'call.idempotency("X-Request-Key");' in keyed
    plain = _file(render_keyed(tmp_path, "java", None), "RawKeyedClient.java")
    assert 'new ApiRequest("POST", "/", false);' in plain
    assert "idempotency(" not in plain


def test_root_operations_leave_the_raw_call_names_free(tmp_path: Path) -> None:
    files = render_keyed(tmp_path, "java", None)
    client = _file(files, "KeyedClient.java")
    for verb in ("get", "put", "patch", "delete"):
        assert f"public <T> T {verb}(String path" in client
    assert "public <T> T post(String path, Object body, Class<T> type) {" in client
    assert "public void get2(" in client and "public void post2(" in client
    raw = _file(files, "RawKeyedClient.java")
    assert "public <T> RawResponse<T> post(String path, Object body, Class<T> type," in raw
    deferred = _file(files, "AsyncKeyedClient.java")
    future = "public <T> CompletableFuture<T> post(String path, Object body, Class<T> type,"
    assert future in deferred


@pytest.mark.conformance
def test_the_keyed_sdk_with_renamed_root_operations_compiles(tmp_path: Path) -> None:
    for relative, text in render_keyed(tmp_path, "java", "X-Request-Key").items():
        target = tmp_path / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    done = javac(tmp_path / "classes", sources(tmp_path / "out" / "java"))
    assert done.returncode == 0, done.stdout + done.stderr
