"""A misbehaving HTTP server on 127.0.0.1 for the SDKs' fault-injection suites.

It speaks HTTP/1.1 over raw sockets, one request per connection, so it can do what a well-behaved
server library would not: reset a connection before or during the body, cut a body short, stall,
send headers or bodies far too large. The path picks the behaviour, so the Python and the
TypeScript suites drive the same server the same way:

- `/echo...`: 200 with the request as JSON (`method`, `target`, `headers`, `body`, `port`).
- `/redirect/<status>/<port>[/bare]`: a redirect to `http://127.0.0.1:<port>/echo`, carrying
  the request's query string unless `bare`; `/redirect/<status>/<port>/loop` redirects to itself.
- `/fault/<name>/<key>?fail=N`: the fault `name` for the first N requests to this path (every
  request without `fail`), then what `/echo` answers. The names are the keys of `FAULTS`.
"""

from __future__ import annotations

import json
import socket
import socketserver
import struct
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

STALL_LIMIT = 10.0  # a stalled exchange ends here, so a client without a timeout fails loudly
HUGE_BODY = 20 * 1024 * 1024
HUGE_HEADER = 256 * 1024
SECRET_PAGE = b"<html><body>Please sign in to the proxy</body></html>"
BROKEN_JSON = b'{"id": "x", "object": '


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


def _status_line(status: int) -> bytes:
    return f"HTTP/1.1 {status} Scripted\r\n".encode()


def _head(status: int, headers: dict[str, str], length: int) -> bytes:
    lines = [_status_line(status)]
    fields = {"content-length": str(length), "connection": "close", **headers}
    lines += [f"{name}: {value}\r\n".encode() for name, value in fields.items()]
    return b"".join(lines) + b"\r\n"


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset rather than a clean end of stream."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _wait_for_close(sock: socket.socket) -> None:
    """Hold the connection open, silent, until the client gives up (or STALL_LIMIT)."""
    sock.settimeout(STALL_LIMIT)
    try:
        while sock.recv(4096):
            pass
    except OSError:
        pass


def _json(status: int, payload: object, headers: dict[str, str] | None = None) -> bytes:
    body = json.dumps(payload).encode()
    fields = {"content-type": "application/json", "x-request-id": "req_fault", **(headers or {})}
    return _head(status, fields, len(body)) + body


def _reset_before(sock: socket.socket) -> None:
    _reset(sock)


def _reset_during(sock: socket.socket) -> None:
    sock.sendall(_head(200, {"content-type": "application/json"}, 1000) + b'{"id": "par')
    _reset(sock)


def _truncated(sock: socket.socket) -> None:
    sock.sendall(_head(200, {"content-type": "application/json"}, 1000) + b'{"id": "par')
    sock.shutdown(socket.SHUT_WR)


def _not_json(sock: socket.socket) -> None:
    headers = {"content-type": "text/html", "x-request-id": "req_page"}
    sock.sendall(_head(200, headers, len(SECRET_PAGE)) + SECRET_PAGE)


def _broken_json(sock: socket.socket) -> None:
    headers = {"content-type": "application/json", "x-request-id": "req_page"}
    sock.sendall(_head(200, headers, len(BROKEN_JSON)) + BROKEN_JSON)


def _stall_headers(sock: socket.socket) -> None:
    _wait_for_close(sock)


def _stall_body(sock: socket.socket) -> None:
    sock.sendall(_head(200, {"content-type": "application/json"}, 100) + b'{"id": ')
    _wait_for_close(sock)


def _retry_after_hour(sock: socket.socket) -> None:
    error = {"code": "UNAVAILABLE", "message": "try later"}
    sock.sendall(_json(503, error, {"retry-after": "3600"}))


def _huge_header(sock: socket.socket) -> None:
    sock.sendall(_head(200, {"x-huge": "h" * HUGE_HEADER}, 2) + b"{}")


def _huge_error(sock: socket.socket) -> None:
    message = "m" * HUGE_BODY
    sock.sendall(_json(500, {"code": "BOOM", "message": message}))


def _huge_html_error(sock: socket.socket) -> None:
    body = b"<html>" + b"x" * HUGE_BODY + b"</html>"
    sock.sendall(_head(502, {"content-type": "text/html"}, len(body)) + body)


FAULTS: dict[str, Callable[[socket.socket], None]] = {
    "reset-before": _reset_before,
    "reset-during": _reset_during,
    "truncated": _truncated,
    "not-json": _not_json,
    "broken-json": _broken_json,
    "stall-headers": _stall_headers,
    "stall-body": _stall_body,
    "retry-after-hour": _retry_after_hour,
    "huge-header": _huge_header,
    "huge-error": _huge_error,
    "huge-html-error": _huge_html_error,
}


def _read_request(sock: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk or len(data) > 1 << 20:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    request_line, *lines = head.decode("latin-1").split("\r\n")
    method, target, _version = request_line.split(" ", 2)
    headers: dict[str, str] = {}
    for line in lines:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return Request(method, target, headers, body)


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        request = _read_request(sock)
        if request is None:
            return
        self.server.owner.record(request)
        path = urlsplit(request.target).path
        parts = path.strip("/").split("/")
        if parts[0] == "redirect" and len(parts) >= 3:
            sock.sendall(self._redirect(request, parts))
        elif parts[0] == "fault" and len(parts) >= 2 and self._faulty(request, path):
            FAULTS[parts[1]](sock)
        else:
            sock.sendall(_json(200, self._echo(request)))

    def _faulty(self, request: Request, path: str) -> bool:
        if path.strip("/").split("/")[1] not in FAULTS:
            return False
        attempt = self.server.owner.count(path)
        fail = parse_qs(urlsplit(request.target).query).get("fail")
        return fail is None or attempt <= int(fail[0])

    def _redirect(self, request: Request, parts: list[str]) -> bytes:
        query = urlsplit(request.target).query
        location = f"http://127.0.0.1:{parts[2]}/echo"
        if parts[3:] == ["loop"]:
            location = f"http://127.0.0.1:{parts[2]}{request.target}"
        elif query and parts[3:] != ["bare"]:
            location += f"?{query}"
        return _head(int(parts[1]), {"location": location}, 0)

    def _echo(self, request: Request) -> dict[str, object]:
        return {
            "method": request.method,
            "target": request.target,
            "headers": request.headers,
            "body": request.body.decode("utf-8", "replace"),
            "port": self.server.server_address[1],
        }


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    request_queue_size = socket.SOMAXCONN
    """The redirect suite opens dozens of connections at once: socketserver's backlog of 5
    dropped some, each retried by TCP a second or more later (a timeout on a loaded machine)."""
    block_on_close = False
    allow_reuse_address = True
    owner: FaultServer


class FaultServer:
    """The scripted server on a free port of 127.0.0.1; a context manager that stops it."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self._lock = threading.Lock()
        self._attempts: Counter[str] = Counter()
        self.requests: list[Request] = []
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def count(self, path: str) -> int:
        """How many requests this path has had, this one included."""
        with self._lock:
            self._attempts[path] += 1
            return self._attempts[path]

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if urlsplit(r.target).path == path)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connecting is refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}"
