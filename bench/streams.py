"""Streams of the generated Python SDK: the memory of a big download and the cost of events.

Run by `make bench` with the dev venv (the generator, httpx, pydantic):

- **download**: `sdkgen mock` (in its own process) serves a 200 MB binary body, asked for with
  its `Mock-Body-Size` header; a fresh Python process downloads it with `write_to_file` and
  reports how far its peak RSS rose above the peak it had already reached with the SDK
  imported and a small download done. Target: under 20 MB.
- **events**: the same bytes, cut into 64 KiB chunks, read once as raw lines (a line splitter
  carrying the unfinished line to the next chunk: the least any reader of a stream does) and
  once through the SDK's event parser; the ratio of the two per event, in the same run.
  Decoding each event into its model costs more again, shown beside.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.config import default_api
from generator.pipeline import render_api

DOWNLOAD_BYTES = int(os.environ.get("BENCH_DOWNLOAD_MB", "200")) * 1024 * 1024
RSS_TARGET_MB = 20.0
EVENTS = int(os.environ.get("BENCH_EVENTS", "100000"))
ROUNDS = int(os.environ.get("BENCH_STREAM_ROUNDS", "5"))
CHUNK = 64 * 1024
SPEC = """\
openapi: 3.1.0
info: {title: Bench streams, version: "1.0"}
paths:
  /files/{file_id}/content:
    get:
      operationId: downloadFile
      tags: [files]
      parameters:
        - {name: file_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: The bytes.
          content:
            application/octet-stream:
              schema: {type: string, format: binary}
components:
  schemas:
    Chunk:
      type: object
      required: [id, delta]
      properties:
        id: {type: string}
        delta: {type: string}
"""
DOWNLOADER = """\
import json, resource, sys
sys.path.insert(0, sys.argv[1])
import bench_streams_sdk as sdk

client = sdk.BenchStreams(base_url=sys.argv[2], token="t", timeout=600)
size = {"Mock-Body-Size": sys.argv[4]}
warm = {"Mock-Body-Size": "1048576"}
client.file_content.list("warm", extra_headers=warm).write_to_file(sys.argv[3])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
client.file_content.list("big", extra_headers=size).write_to_file(sys.argv[3])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"before_kb": before, "after_kb": after}))
"""


def generate(folder: Path) -> Path:
    spec = folder / "bench_streams.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    rendered = render_api(default_api(spec, folder / "out", "bench_streams_sdk"))
    for relative, text in rendered.files.items():
        target = folder / "out" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder / "out" / "python"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(port: int, mock: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if mock.poll() is not None:
            raise SystemExit("sdkgen mock exited before serving")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("sdkgen mock did not start")


def download(folder: Path, package: Path) -> tuple[float, float]:
    """(peak RSS rise in MB, seconds) of one download of DOWNLOAD_BYTES."""
    port = free_port()
    command = [sys.executable, "-m", "generator", "mock", str(folder / "bench_streams.yaml")]
    mock = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(port, mock)
        target = folder / "download.bin"
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", DOWNLOADER, str(package), f"http://127.0.0.1:{port}",
             str(target), str(DOWNLOAD_BYTES)],
            capture_output=True, text=True, check=False, timeout=1200,
        )  # fmt: skip
        if result.returncode != 0:
            raise SystemExit(f"the download failed:\n{result.stderr}")
        seconds = time.perf_counter() - started
        if target.stat().st_size != DOWNLOAD_BYTES:
            raise SystemExit(f"downloaded {target.stat().st_size} bytes, not {DOWNLOAD_BYTES}")
        peaks = json.loads(result.stdout)
        return (peaks["after_kb"] - peaks["before_kb"]) / 1024, seconds
    finally:
        mock.terminate()
        mock.wait(timeout=30)


def event_chunks() -> list[bytes]:
    body = b"".join(
        b'data: {"id": "evt_%d", "delta": "some words of a reply"}\n\n' % i for i in range(EVENTS)
    )
    return [body[i : i + CHUNK] for i in range(0, len(body), CHUNK)]


def raw_lines(chunks: list[bytes]) -> int:
    pending, count = b"", 0
    for chunk in chunks:
        *lines, pending = (pending + chunk).split(b"\n")
        for _line in lines:
            count += 1
    return count


def best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def events(package: Path) -> tuple[float, float, float]:
    """(µs per event reading raw lines, through the parser, parsed and decoded to models)."""
    sys.path.insert(0, str(package))
    from bench_streams_sdk._runtime.sse import iter_events
    from bench_streams_sdk._runtime.streaming import decode_event
    from bench_streams_sdk.models import Chunk

    chunks = event_chunks()

    def parsed() -> Iterator[object]:
        return iter_events(chunks)

    raw = best(lambda: raw_lines(chunks))
    parser = best(lambda: sum(1 for _ in parsed()))
    decoded = best(lambda: [decode_event(e, Chunk, strict=False) for e in parsed()])
    per = 1e6 / EVENTS
    return raw * per, parser * per, decoded * per


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        package = generate(folder)
        rise_mb, seconds = download(folder, package)
        raw, parser, decoded = events(package)
    size_mb = DOWNLOAD_BYTES / 1024 / 1024
    verdict = "ok" if rise_mb < RSS_TARGET_MB else "OVER TARGET"
    print(f"\nstreams (python, {ROUNDS} rounds, best)")
    print(f"  download {size_mb:.0f} MB via write_to_file: peak RSS +{rise_mb:.1f} MB "
          f"(target < {RSS_TARGET_MB:.0f} MB: {verdict}), "
          f"{size_mb / seconds:.0f} MB/s")  # fmt: skip
    print(f"  {EVENTS} events: raw lines {raw:.2f} µs/event, SSE parser {parser:.2f} µs/event "
          f"(ratio {parser / raw:.1f}x), parsed into models {decoded:.2f} µs/event")  # fmt: skip
    if rise_mb >= RSS_TARGET_MB:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
