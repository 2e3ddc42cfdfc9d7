"""`sdkgen mock SPEC`: load the document, start the server, say what it serves, run until
interrupted. The only I/O of the mock beyond its sockets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from generator.diagnostics import Diagnostic, has_errors
from generator.ir.build import build_api
from generator.load.loader import load_document
from generator.mock.server import SpecServer


def start(
    spec: Path, *, host: str = "127.0.0.1", port: int = 0, seed: int = 0, token: str | None = None
) -> tuple[SpecServer | None, tuple[Diagnostic, ...]]:
    """A running mock of `spec`, or None and the diagnostics that stopped it."""
    loaded = load_document(spec)
    if not loaded.ok or loaded.document is None or has_errors(loaded.diagnostics):
        return None, loaded.diagnostics
    api = build_api(loaded.document, spec.stem, str(spec))
    server = SpecServer(
        loaded.document, token=token, api=api, model=loaded.model, seed=seed, host=host, port=port
    )
    server.start()
    return server, loaded.diagnostics


def listing(server: SpecServer, spec: Path) -> list[str]:
    """What the server serves, one operation a line."""
    operations = server.operations()
    lines = [f"mock of {spec} on {server.base_url}: {len(operations)} operations"]
    width = max((len(m) + len(p) for m, p, _, _ in operations), default=0) + 1
    for method, path, operation_id, note in operations:
        left = f"{method} {path}".ljust(width)
        lines.append(f"  {left}  {operation_id}{'  - ' + note if note else ''}")
    lines.append(
        "each request is checked against the spec: a mismatch answers 400 naming the field;"
        " Ctrl-C stops"
    )
    return lines


def run(server: SpecServer, echo: Callable[[str], None], stop: threading.Event) -> None:
    """Log each request as it is answered until `stop` is set."""
    seen = 0
    try:
        while not stop.wait(0.2):
            requests = server.requests
            for rec in requests[seen:]:
                verdict = "ok" if not rec.errors else "; ".join(rec.errors)
                echo(f"{rec.method} {rec.path} -> {rec.operation_id or '?'}: {verdict}")
            seen = len(requests)
    finally:
        server.stop()
