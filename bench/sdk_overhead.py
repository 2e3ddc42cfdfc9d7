"""Per-call overhead and import cost of the generated Extend SDK against the official one.

Run by `make bench` in its own venv (extend-ai, httpx, pydantic), with the generated SDK from
output/extend/python on the path (BENCH_SDK_DIR points it at another build, to compare).
Two tables of per-call cost:

- through `httpx.MockTransport`: no network and no server, so only the clients' CPU work counts
  (measured as this thread's CPU time, which other processes on a busy machine do not inflate);
- against one local server process that answers every client with the same bytes (wall clock),
  so the differences are the clients' own work.

Each round times every client in turn; the tables give the median of the rounds.
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SDK_DIR = Path(os.environ.get("BENCH_SDK_DIR", ROOT / "output" / "extend" / "python"))
PAGES = [
    {"pageNumber": n, "pageHeight": 792.0, "pageWidth": 612.0, "markdown": f"# Page {n}"}
    for n in (1, 2, 3)
]
FILE_JSON = json.dumps(
    {
        "object": "file",
        "id": "file_bench",
        "name": "Invoice.pdf",
        "type": "PDF",
        "presignedUrl": "https://example.com/file_bench.pdf",
        "parentFileId": "file_parent",
        "contents": {
            "rawText": "Invoice 42",
            "pages": PAGES,
            "sections": [{"startPageNumber": 1, "endPageNumber": 3, "markdown": "Invoice"}],
            "sheets": [{"sheetName": "Totals", "rawText": "42"}],
        },
        "metadata": {
            "pageCount": 3,
            "parentSplit": {
                "id": "split_1",
                "type": "invoice",
                "identifier": "s1",
                "startPage": 1,
                "endPage": 3,
            },
        },
        "createdAt": "2025-01-01T00:00:00Z",
        "updatedAt": "2025-01-01T00:00:00Z",
    }
).encode()
"""The Extend `File` payload with every field (nested contents, pages, split): what lenient
reading and validation cost shows on it."""
CALLS = int(os.environ.get("BENCH_CALLS", "500"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
MOCK_CALLS = int(os.environ.get("BENCH_MOCK_CALLS", "2000"))
MOCK_ROUNDS = int(os.environ.get("BENCH_MOCK_ROUNDS", "9"))
HEADERS = {"Authorization": "Bearer sk_bench", "x-extend-api-version": "2026-02-09"}
RAW, OURS, OFFICIAL = (
    "raw httpx.Client.get",
    "extend_sdk files.retrieve",
    "extend-ai files.retrieve",
)
MOCK_TARGET_US = 25.0  # at most this many µs per call over raw httpx, through MockTransport
SERVER_TARGET_RATIO = 1.10  # at most this multiple of raw httpx, against the local server


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


Timings = dict[str, list[tuple[float, float]]]
"""Per client, one (wall clock, CPU) pair of µs per call for each round."""


def time_calls(call: Callable[[], object], calls: int) -> tuple[float, float]:
    """µs per call of `calls` calls: (wall clock, this thread's CPU time)."""
    wall, cpu = time.perf_counter(), time.thread_time()
    for _ in range(calls):
        call()
    return (
        (time.perf_counter() - wall) / calls * 1e6,
        (time.thread_time() - cpu) / calls * 1e6,
    )


def rounds(clients: dict[str, Callable[[], object]], rounds: int, calls: int) -> Timings:
    """Each client's timings, one per round; the clients take turns within a round, so a round's
    figures are comparable even when the load of a shared machine drifts between rounds."""
    for call in clients.values():  # warm up: connections, lazy imports, model builds
        for _ in range(100):
            call()
    results: Timings = {name: [] for name in clients}
    for _ in range(rounds):
        for name, call in clients.items():
            results[name].append(time_calls(call, calls))
    return results


def per_call(base_url: str) -> Timings:
    import httpx
    from extend_ai import Extend as OfficialExtend

    sys.path.insert(0, str(SDK_DIR))
    from extend_sdk import Extend

    raw = httpx.Client(base_url=base_url, headers=HEADERS)
    ours = Extend(token="sk_bench", base_url=base_url, max_retries=0)
    official = OfficialExtend(token="sk_bench", base_url=base_url)
    clients: dict[str, Callable[[], object]] = {
        RAW: lambda: raw.get("/files/file_bench").json(),
        OURS: lambda: ours.files.retrieve("file_bench"),
        OFFICIAL: lambda: official.files.retrieve("file_bench"),
    }
    return rounds(clients, ROUNDS, CALLS)


def per_call_mock() -> Timings:
    """The same three calls through `httpx.MockTransport`: every client's CPU work, and the
    shared cost of httpx itself, without a socket or a server."""
    import httpx
    from extend_ai import Extend as OfficialExtend

    sys.path.insert(0, str(SDK_DIR))
    from extend_sdk import Extend

    answer_headers = {"Content-Type": "application/json", "x-request-id": "req_bench"}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=answer_headers, content=FILE_JSON)

    def mock_client(**settings: Any) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(answer), **settings)

    base_url = "https://api.extend.ai"
    raw = mock_client(base_url=base_url, headers=HEADERS)
    ours = Extend(token="sk_bench", base_url=base_url, http_client=mock_client())
    official = OfficialExtend(token="sk_bench", base_url=base_url, httpx_client=mock_client())
    clients: dict[str, Callable[[], object]] = {
        RAW: lambda: raw.get("/files/file_bench").json(),
        OURS: lambda: ours.files.retrieve("file_bench"),
        OFFICIAL: lambda: official.files.retrieve("file_bench"),
    }
    return rounds(clients, MOCK_ROUNDS, MOCK_CALLS)


def against_raw(results: Timings, clock: int) -> dict[str, tuple[float, float]]:
    """Per client, (µs over raw httpx, times raw httpx): medians of the rounds' own figures."""
    raw = [timing[clock] for timing in results[RAW]]
    return {
        name: (
            statistics.median(t[clock] - r for t, r in zip(timings, raw, strict=True)),
            statistics.median(t[clock] / r for t, r in zip(timings, raw, strict=True)),
        )
        for name, timings in results.items()
    }


def print_table(title: str, results: Timings, clock: int) -> None:
    """`clock` 0 is the wall clock, 1 the CPU time."""
    print(f"{title} (µs per call; '- raw' and 'x raw' are medians of each round's own):")
    print(f"  {'client':<28} {'median':>8} {'min':>8} {'max':>8} {'- raw':>8} {'x raw':>7}")
    compared = against_raw(results, clock)
    for name, timings in results.items():
        values = [timing[clock] for timing in timings]
        over, times = compared[name]
        print(
            f"  {name:<28} {statistics.median(values):8.1f} {min(values):8.1f}"
            f" {max(values):8.1f} {over:8.1f} {times:7.2f}"
        )


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


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
    mock = per_call_mock()
    print_table(
        f"through httpx.MockTransport, {MOCK_CALLS} calls x {MOCK_ROUNDS} rounds, CPU time",
        mock,
        clock=1,
    )
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
    print_table(
        f"against one local server, {CALLS} calls x {ROUNDS} rounds, wall clock", results, 0
    )
    print_table("  the same calls, the client's CPU time", results, 1)
    print("import, fresh interpreter (median of 5):")
    print(f"  {'statement':<34} {'seconds':>8} {'peak RSS MB':>12}")
    for name, (seconds, mb) in (
        ("(bare interpreter)", baseline),
        ("from extend_sdk import Extend", ours),
        ("from extend_ai import Extend", official),
    ):
        print(f"  {name:<34} {seconds:8.3f} {mb:12.1f}")
    over, mock_times = against_raw(mock, 1)[OURS]
    _, ratio = against_raw(results, 0)[OURS]
    print("targets:")
    print(
        f"  per call, MockTransport: extend_sdk - raw httpx = {over:.1f} µs"
        f" ({mock_times:.2f}x; target <= {MOCK_TARGET_US:.0f} µs) {verdict(over <= MOCK_TARGET_US)}"
    )
    print(
        f"  per call, local server: extend_sdk / raw httpx = {ratio:.2f}"
        f" (target <= {SERVER_TARGET_RATIO}) {verdict(ratio <= SERVER_TARGET_RATIO)}"
    )
    print(f"  import time: extend_sdk / extend-ai = {ours[0] / official[0]:.2f} (target <= 0.30)")
    print(f"  import RSS: extend_sdk / extend-ai = {ours[1] / official[1]:.2f} (target <= 0.70)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        main()
