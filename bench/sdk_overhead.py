"""Per-call overhead and import cost of the generated Extend SDK against the official one.

Run by `make bench` in its own venv (extend-ai, httpx, pydantic), with the generated SDK from
output/extend/python on the path. One local server process answers every client with the same
bytes, so the differences are the clients' own work.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SDK_DIR = ROOT / "output" / "extend" / "python"
FILE_JSON = json.dumps(
    {
        "object": "file",
        "id": "file_bench",
        "name": "Invoice.pdf",
        "type": "PDF",
        "presignedUrl": "https://example.com/file_bench.pdf",
        "parentFileId": None,
        "metadata": {"pageCount": 3},
        "createdAt": "2025-01-01T00:00:00Z",
        "updatedAt": "2025-01-01T00:00:00Z",
    }
).encode()
CALLS = int(os.environ.get("BENCH_CALLS", "1000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(FILE_JSON)))
        self.send_header("x-request-id", "req_bench")
        self.end_headers()
        self.wfile.write(FILE_JSON)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def time_calls(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    for _ in range(CALLS):
        call()
    return (time.perf_counter() - started) / CALLS * 1e6


def per_call(base_url: str) -> dict[str, list[float]]:
    import httpx
    from extend_ai import Extend as OfficialExtend

    sys.path.insert(0, str(SDK_DIR))
    from extend_sdk import Extend

    headers = {"Authorization": "Bearer sk_bench", "x-extend-api-version": "2026-02-09"}
    raw = httpx.Client(base_url=base_url, headers=headers)
    ours = Extend(token="sk_bench", base_url=base_url, max_retries=0)
    official = OfficialExtend(token="sk_bench", base_url=base_url)
    clients: dict[str, Callable[[], object]] = {
        "raw httpx.Client.get": lambda: raw.get("/files/file_bench").json(),
        "extend_sdk files.retrieve": lambda: ours.files.retrieve("file_bench"),
        "extend-ai files.retrieve": lambda: official.files.retrieve("file_bench"),
    }
    for call in clients.values():  # warm up: connections, lazy imports, model builds
        for _ in range(100):
            call()
    results: dict[str, list[float]] = {name: [] for name in clients}
    for _ in range(ROUNDS):
        for name, call in clients.items():
            results[name].append(time_calls(call))
    return results


IMPORT_PROBE = """
import sys, time
sys.path.insert(0, {path!r})
started = time.perf_counter()
{statement}
elapsed = time.perf_counter() - started
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1]
print(elapsed, peak)
"""


def import_cost(statement: str, runs: int = 5) -> tuple[float, float]:
    """(median seconds, median peak RSS in MB) of a fresh interpreter running `statement`.

    Peak RSS is the process's own high-water mark (VmHWM), which exec resets, unlike
    getrusage's maxrss that a child inherits from the process that forked it.
    """
    times: list[float] = []
    rss: list[float] = []
    for _ in range(runs):
        probe = IMPORT_PROBE.format(path=str(SDK_DIR), statement=statement)
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
        rss.append(float(out[1]) / 1024)
    return statistics.median(times), statistics.median(rss)


def main() -> None:
    baseline = import_cost("pass")
    ours = import_cost("from extend_sdk import Extend")
    official = import_cost("from extend_ai import Extend")
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        results = per_call(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        server.wait()
    raw = statistics.median(results["raw httpx.Client.get"])
    print(f"per call, {CALLS} calls x {ROUNDS} rounds, one local server (median / min / max µs):")
    print(f"  {'client':<28} {'median':>8} {'min':>8} {'max':>8} {'x raw':>7}")
    for name, values in results.items():
        median = statistics.median(values)
        print(
            f"  {name:<28} {median:8.1f} {min(values):8.1f} {max(values):8.1f} {median / raw:7.2f}"
        )
    print("import, fresh interpreter (median of 5):")
    print(f"  {'statement':<34} {'seconds':>8} {'peak RSS MB':>12}")
    for name, (seconds, mb) in (
        ("(bare interpreter)", baseline),
        ("from extend_sdk import Extend", ours),
        ("from extend_ai import Extend", official),
    ):
        print(f"  {name:<34} {seconds:8.3f} {mb:12.1f}")
    ours_call = statistics.median(results["extend_sdk files.retrieve"])
    print("targets:")
    print(f"  per call: extend_sdk / raw httpx = {ours_call / raw:.2f} (target <= 1.15)")
    print(f"  import time: extend_sdk / extend-ai = {ours[0] / official[0]:.2f} (target <= 0.30)")
    print(f"  import RSS: extend_sdk / extend-ai = {ours[1] / official[1]:.2f} (target <= 0.70)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        main()
