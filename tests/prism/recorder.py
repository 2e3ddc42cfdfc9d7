"""A recording proxy on 127.0.0.1 between an SDK and Prism: forwards every request as it came
and keeps both sides, tagged with the example that sent it. A driver announces each example
with `GET /__example__/<index>` (answered by the proxy, never forwarded)."""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

ANNOUNCE = "/__example__/"
BUDGET = 6
"""Requests one example may send (a paging loop over static answers would never end)."""
_HOP = {"host", "connection", "transfer-encoding", "content-length", "keep-alive"}


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request an example sent, and Prism's answer."""

    example: int
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    status: int
    response_headers: tuple[tuple[str, str], ...]
    response_body: bytes


class Recorder:
    """The proxy: `url` for the SDK, `exchanges` afterwards."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._lock = threading.Lock()
        self.example = -1
        self.exchanges: list[Exchange] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> Recorder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def announce(self, index: int) -> None:
        with self._lock:
            self.example = index

    def over_budget(self) -> bool:
        with self._lock:
            sent = sum(1 for e in self.exchanges if e.example == self.example)
            return sent >= BUDGET

    def forward(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> Exchange:
        connection = http.client.HTTPConnection(*self._upstream, timeout=60)
        try:
            sent = {k: v for k, v in headers if k.lower() not in _HOP}
            sent["Content-Length"] = str(len(body))
            connection.request(method, target, body=body, headers=sent)
            response = connection.getresponse()
            answer = response.read()
            exchange = Exchange(
                self.example, method, target, tuple(headers), body, response.status,
                tuple(response.getheaders()), answer,
            )  # fmt: skip
        finally:
            connection.close()
        with self._lock:
            self.exchanges.append(exchange)
        return exchange


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        chunks: list[bytes] = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                handler.rfile.readline()
                return b"".join(chunks)
            chunks.append(handler.rfile.read(size))
            handler.rfile.readline()
    length = int(handler.headers.get("Content-Length") or 0)
    return handler.rfile.read(length) if length else b""


def _handler_for(recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the exchanges are the log."""

        def _reply(self, status: int, headers: tuple[tuple[str, str], ...], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers:
                if name.lower() not in _HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _serve(self) -> None:
            body = _read_body(self)
            if self.path.startswith(ANNOUNCE):
                recorder.announce(int(self.path[len(ANNOUNCE) :]))
                self._reply(204, (), b"")
            elif recorder.over_budget():
                self._reply(418, (), b"the example sent more requests than the budget")
            else:
                exchange = recorder.forward(
                    self.command, self.path, list(self.headers.items()), body
                )
                self._reply(exchange.status, exchange.response_headers, exchange.response_body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

    return Handler
