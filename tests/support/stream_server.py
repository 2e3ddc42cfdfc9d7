"""A scripted HTTP server on 127.0.0.1 for the streaming suites of both SDKs (the spec of
`tests/support/streams_spec.yaml`, under `/v1`).

It speaks HTTP/1.1 over raw sockets, one request per connection, so it can split an event
stream wherever it likes and drop a connection on purpose:

- `GET /v1/events`: the ticks of `TICKS_SCRIPT`, sent in `CHUNK`-byte pieces of a chunked
  body, so lines, CRLF pairs and UTF-8 characters are cut across chunks; with the header
  `x-script: error`, one tick then an error event; with `x-script: drift`, events that do
  not fit the tick type (`DRIFT_SCRIPT`); with `x-script: hold`, one tick, then the
  connection is held open until the client closes it (a client cancelling mid-stream).
- `POST /v1/completions`: with `"stream": true`, `COMPLETION_DELTAS` as events then `[DONE]`;
  otherwise one JSON completion.
- `GET /v1/files/<size>/content`: `<size>` bytes of `pattern(size)`, in 64 KiB writes.
- `POST /v1/charges`: the first request of each idempotency key loses its connection before
  any answer; the next gets the charge. Every request is recorded (`requests`).
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from types import TracebackType

from tests.support.fault_server import Request, _read_request, _reset

CHUNK = 7
TICKS_SCRIPT = (
    b": a comment the parser skips\r\n"
    b"retry: 1500\r\n"
    b"\r\n"
    b"id: 1\r\n"
    b"event: tick\r\n"
    b'data: {"sequence": 1}\r\n'
    b"\r\n"
    b'data: {"sequence": 2,\n'
    b'data: "note": "caf\xc3\xa9 \xe2\x98\x95"}\n'
    b"\n"
    b":another comment\r"
    b'data:{"sequence": 3}\r'
    b"\r"
    b"id: 4\n"
    b'data: {"sequence": 4, "extra": "kept"}\n'
    b"\n"
    b"data: [DONE]\n"
    b"\n"
    b'data: {"sequence": 99}\n'
    b"\n"
)
"""Four ticks (the second in two `data:` lines, with characters of several bytes), comments,
a `retry:`, an empty event, every line ending, and an event after `[DONE]` never read."""
ERROR_SCRIPT = (
    b'data: {"sequence": 1}\n\n'
    b'event: error\ndata: {"error": {"message": "the model is overloaded"}}\n\n'
)
DRIFT_SCRIPT = (
    b'data: {"sequence": "one", "note": "a string where a number goes"}\n\n'
    b"data: plain words\n\n"
    b'data: {"sequence": 3}\n\n'
    b"data: [DONE]\n\n"
)
"""A tick whose sequence is not a number, data that is not JSON, then a tick that fits."""
HOLD_SECONDS = 30
"""How long a held stream waits for its client to close it, at most."""
COMPLETION_DELTAS = ("Hel", "lo, ", "world")


def pattern(size: int) -> bytes:
    """The body of a download of `size` bytes: a counter, so a misplaced chunk shows."""
    block = bytes(range(256)) * 256
    whole, rest = divmod(size, len(block))
    return block * whole + block[:rest]


def _chunked_head(content_type: str) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\n"
        + f"content-type: {content_type}\r\n".encode()
        + b"transfer-encoding: chunked\r\nconnection: close\r\n\r\n"
    )


def send_chunked(sock: socket.socket, body: bytes, size: int) -> None:
    """`body` as an event stream in `size`-byte chunks. A client that has read what it came
    for (`[DONE]`, an error event) closes the connection while the rest is still being sent:
    that reset or broken pipe ends the answer quietly; any other failure still surfaces."""
    try:
        sock.sendall(_chunked_head("text/event-stream"))
        for start in range(0, len(body), size):
            piece = body[start : start + size]
            sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        return


def _json(status: int, payload: object) -> bytes:
    body = json.dumps(payload).encode()
    head = (
        f"HTTP/1.1 {status} OK\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode() + body


def _completion_events() -> bytes:
    events = [
        f"data: {json.dumps({'id': 'cmpl_1', 'delta': delta})}\n\n".encode()
        for delta in COMPLETION_DELTAS
    ]
    return b"".join(events) + b"data: [DONE]\n\n"


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        request = _read_request(sock)
        if request is None:
            return
        owner = self.server.owner
        with owner.lock:
            owner.requests.append(request)
        path = request.target.split("?", 1)[0]
        if path == "/v1/events":
            self._events(sock, request.headers.get("x-script", ""))
        elif path == "/v1/completions":
            self._completion(sock, request)
        elif path.startswith("/v1/files/"):
            self._download(sock, int(path.split("/")[3]))
        elif path == "/v1/charges":
            self._charge(sock, request)
        else:
            sock.sendall(_json(404, {"error": {"message": f"no route {path}"}}))

    def _events(self, sock: socket.socket, script: str) -> None:
        if script == "hold":
            sock.sendall(_chunked_head("text/event-stream"))
            tick = b'data: {"sequence": 1}\n\n'
            sock.sendall(f"{len(tick):x}\r\n".encode() + tick + b"\r\n")
            sock.settimeout(HOLD_SECONDS)
            try:
                while sock.recv(4096):  # until the client closes the connection
                    pass
            except OSError:
                pass
            return
        scripts = {"error": ERROR_SCRIPT, "drift": DRIFT_SCRIPT}
        send_chunked(sock, scripts.get(script, TICKS_SCRIPT), CHUNK)

    def _completion(self, sock: socket.socket, request: Request) -> None:
        if json.loads(request.body or b"{}").get("stream") is True:
            send_chunked(sock, _completion_events(), CHUNK)
        else:
            sock.sendall(_json(200, {"id": "cmpl_1", "text": "".join(COMPLETION_DELTAS)}))

    def _download(self, sock: socket.socket, size: int) -> None:
        head = (
            "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n"
            f"content-length: {size}\r\nconnection: close\r\n\r\n"
        )
        sock.sendall(head.encode())
        block = pattern(65536)
        for start in range(0, size, len(block)):
            sock.sendall(block[: min(len(block), size - start)])

    def _charge(self, sock: socket.socket, request: Request) -> None:
        key = request.headers.get("idempotency-key", "")
        owner = self.server.owner
        with owner.lock:
            first = key not in owner.dropped
            owner.dropped.add(key)
        if first:
            _reset(sock)  # the request arrived; the answer never leaves
            return
        amount = json.loads(request.body)["amount"]
        sock.sendall(_json(200, {"id": f"ch_{key}", "amount": amount}))


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = socket.SOMAXCONN  # socketserver's 5 drops connections opened at once
    owner: StreamServer


class StreamServer:
    """The scripted server, running in a thread while the `with` block lasts."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.dropped: set[str] = set()
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def reset(self) -> None:
        """Forget the requests and keys seen so far."""
        with self.lock:
            self.requests.clear()
            self.dropped.clear()

    def __enter__(self) -> StreamServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
