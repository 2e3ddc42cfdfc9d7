"""Stoplight Prism 5 (`prism mock`), the independent validator: started on a free port of
127.0.0.1 for one document, stopped after. The project pins it as a Node dev tool (npm ci)."""

from __future__ import annotations

import contextlib
import http.client
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

PRISM = ROOT / "node_modules" / ".bin" / "prism"


def prism_command() -> Path:
    """The pinned Prism; skips naming the make step when it or node is missing."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: Prism cannot run here")
    if not PRISM.exists():
        pytest.skip("Prism is not installed: `make test` / `make conformance` install it (npm ci)")
    return PRISM


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("OPTIONS", "/")
        connection.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        connection.close()


@contextlib.contextmanager
def running_prism(document: Path, *, startup: float) -> Iterator[str]:
    """Prism serving `document` (static answers; a response it generates that its own check
    finds wrong is still sent, for the SDK's reader to judge); yields its base URL. Fails when
    it does not answer within `startup` seconds."""
    port = free_port()
    command = [str(prism_command()), "mock", "-h", "127.0.0.1", "-p", str(port)]
    with subprocess.Popen(
        [*command, str(document)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        try:
            deadline = time.monotonic() + startup
            while not _answers(port):
                if process.poll() is not None:
                    output = process.stdout.read() if process.stdout else ""
                    raise AssertionError(f"Prism stopped serving {document.name}:\n{output}")
                if time.monotonic() > deadline:
                    raise AssertionError(f"Prism did not answer within {startup:.0f} s")
                time.sleep(0.2)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
