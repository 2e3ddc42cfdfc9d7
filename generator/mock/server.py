"""The mock's HTTP side (`sdkgen mock`): a threaded server on 127.0.0.1 that plays the API an
OpenAPI document describes. Tests (and users' integration tests) point a generated SDK at
`SpecServer`. Every request is checked against the spec; a deviation is recorded in
`RecordedRequest.errors` and answered with a 400 `SPEC_MISMATCH` error so the test fails visibly.
A valid request gets a scripted response (`SpecServer.script`) or one synthesised from the spec.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import traceback
from collections import deque
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from generator.ir.model import Api
from generator.load.document import DocumentModel
from generator.mock.exchange import (
    LargeBody,
    RecordedRequest,
    Reply,
    ScriptedResponse,
    error_reply,
    scripted_reply,
)
from generator.mock.model import SpecModel
from generator.mock.requests import RequestChecker
from generator.mock.responses import Responder
from generator.mock.state import MockState

__all__ = ["RecordedRequest", "ScriptedResponse", "SpecServer"]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = socket.SOMAXCONN
    """socketserver's listen backlog is 5: a client opening more connections at once saw some
    dropped, each retried by TCP a second or more later."""

    def __init__(self, owner: SpecServer, host: str = "127.0.0.1", port: int = 0) -> None:
        self.owner = owner
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__((host, port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away (timeouts, closed connections)
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.connections_lock:
                self.server.connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            while True:
                size_line = self.rfile.readline()
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _dispatch(self) -> None:
        body = self._read_body()
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else str(value)
        status, out_headers, payload, delay = self.server.owner.handle(
            self.command, self.path, headers, body
        )
        if delay > 0:
            self.server.owner.stopping.wait(delay)
        self.send_response(status)
        for name, value in out_headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        blocks = payload.blocks() if isinstance(payload, LargeBody) else (payload,)
        if self.command != "HEAD":
            for block in blocks:
                self.wfile.write(block)
        self.wfile.flush()

    do_GET = _dispatch
    do_POST = _dispatch
    do_PUT = _dispatch
    do_PATCH = _dispatch
    do_DELETE = _dispatch
    do_HEAD = _dispatch
    do_OPTIONS = _dispatch
    do_TRACE = _dispatch


class SpecServer:
    """A real HTTP server on 127.0.0.1 that plays an OpenAPI document.

    ``spec`` is the parsed OpenAPI 3.0/3.1 document (local ``#/...`` refs unresolved).
    Each request must carry the credentials its operation requires (`mock.credentials`);
    ``credentials`` maps a scheme's name to the value it must carry (basic: ``user:password``),
    ``token`` is the value of every other scheme;
    ``required_headers`` maps header names to the exact value each request must carry.
    With ``api`` (the document's IR) list calls page and runs stay processing until polled;
    ``model`` is the loader's document model of ``spec`` (built from ``spec`` when not given);
    ``seed`` makes the ids of created runs reproducible; ``port`` 0 picks a free port.
    """

    def __init__(
        self,
        spec: dict[str, Any],
        *,
        token: str | None = None,
        credentials: Mapping[str, str] | None = None,
        required_headers: Mapping[str, str] | None = None,
        api: Api | None = None,
        model: DocumentModel | None = None,
        seed: int = 0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.model = SpecModel(spec, model)
        self.state = MockState(api, seed)
        self._checker = RequestChecker(
            self.model.validation,
            token=token,
            credentials=credentials,
            required_headers=required_headers,
        )
        self._responder = Responder(self.model.synthesis, self.state)
        self._host = host
        self._port = port
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._scripts: dict[str | None, deque[ScriptedResponse]] = {}
        self._counter = 0
        self._server: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.stopping = threading.Event()

    def start(self) -> None:
        if self._server is not None:
            return
        self.stopping = threading.Event()
        self._server = _HTTPServer(self, self._host, self._port)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"SpecServer:{self._server.server_address[1]}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self.stopping.set()
        server.shutdown()
        with server.connections_lock:
            connections = list(server.connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> SpecServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("SpecServer is not running; call start() first")
        host = self._host if ":" not in self._host else f"[{self._host}]"
        return f"http://{host}:{self._server.server_address[1]}"

    def operations(self) -> list[tuple[str, str, str, str]]:
        """(method, path template, operationId, what the mock does beyond answering)."""
        return [
            (
                route.method.upper(),
                route.template,
                route.operation_id,
                self.state.describe(route.method, route.template),
            )
            for route in self.model.router.routes
        ]

    def errors(self) -> list[str]:
        with self._lock:
            return [f"{r.method} {r.path}: {e}" for r in self.requests for e in r.errors]

    def script(self, operation_id: str | None, *responses: ScriptedResponse) -> None:
        """Queue responses for an operation (None = any); synthesis resumes once used up."""
        with self._lock:
            self._scripts.setdefault(operation_id, deque()).extend(responses)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._scripts.clear()

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        """The reply to one request; the request is recorded with what was wrong with it."""
        raw_path, _, raw_query = target.partition("?")
        if "://" in raw_path:  # absolute-form request target
            raw_path = urlsplit(raw_path).path or "/"
        query = parse_qs(raw_query, keep_blank_values=True)
        rec = RecordedRequest(
            method=method,
            path=raw_path,
            query=query,
            headers=headers,
            body=body,
            operation_id=None,
            path_params={},
            json=None,
            form=None,
            files=None,
            errors=[],
        )
        request_id = self._next_request_id()
        try:
            result = self._process(rec, request_id)
        except Exception as exc:
            rec.errors.append(
                f"server bug: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=6)}"
            )
            result = error_reply(500, "SERVER_BUG", str(exc), request_id)
        with self._lock:
            self.requests.append(rec)
        return result

    def _next_request_id(self) -> str:
        with self._lock:
            self._counter += 1
            return f"req_{self._counter}"

    def _process(self, rec: RecordedRequest, request_id: str) -> Reply:
        route, raw_values, path_matched = self.model.router.match(rec.method, rec.path)
        if route is None:
            why = "method not allowed for this path" if path_matched else "no such path"
            rec.errors.append(f"no operation matches {rec.method} {rec.path} ({why})")
            return error_reply(404, "NOT_FOUND", "; ".join(rec.errors), request_id)
        rec.operation_id = route.operation_id
        raw_path_values = dict(zip(route.path_names, raw_values, strict=True))
        rec.path_params = {n: unquote(v) for n, v in raw_path_values.items()}
        accepted = self.state.accepted_query(route.method, route.template)
        self._checker.check(route, rec, raw_path_values, accepted)
        if rec.errors:
            return error_reply(400, "SPEC_MISMATCH", "; ".join(rec.errors), request_id)
        scripted = self._pop_script(route.operation_id)
        if scripted is not None:
            return scripted_reply(scripted, request_id)
        host = rec.headers.get("host")
        origin = f"http://{host}" if host else self.base_url
        return self._responder.reply(route, rec, request_id, origin)

    def _pop_script(self, operation_id: str) -> ScriptedResponse | None:
        with self._lock:
            for key in (operation_id, None):
                queue = self._scripts.get(key)
                if queue:
                    return queue.popleft()
        return None
