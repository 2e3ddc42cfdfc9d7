"""The forked render: the parts a copy of the process takes come back as the serial path gives
them, what a part raises in the copy is raised here, a copy that dies costs only its parts.

Each part here runs in whichever process claims it; in the parent a part first waits until the
copy has run one (a pipe the copy writes to), so both processes always take a part."""

from __future__ import annotations

import os
import select
from collections.abc import Callable, Iterator

import pytest

from generator import pipeline
from generator.config import default_api
from generator.emit import forked
from generator.emit.encoded import Spill, Spilled
from generator.emit.forked import Encoded, Files, Finish, Part, can_fork, run_parts
from generator.emit.formatting import FormattingError
from generator.targets.base import DocumentedSdk
from generator.targets.docs.render import docs_model
from tests.conftest import ROOT

WAIT_SECONDS = 120
"""How long a part in the parent waits for the copy: only a bound against a hang."""

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and a second core")


class Handshake:
    """Lets a part in the parent wait until the forked copy has run a part."""

    def __init__(self) -> None:
        self.parent = os.getpid()
        self.read_end, self.write_end = os.pipe()
        self.waited = False

    def in_copy(self) -> bool:
        return os.getpid() != self.parent

    def copy_started(self) -> None:
        os.write(self.write_end, b"x")

    def wait_once(self) -> None:
        """The first part the parent runs waits for the copy; the others do not."""
        if self.waited:
            return
        self.waited = True
        ready, _, _ = select.select([self.read_end], [], [], WAIT_SECONDS)
        assert ready, "the forked copy never ran a part"

    def close(self) -> None:
        os.close(self.read_end)
        os.close(self.write_end)


@pytest.fixture
def handshake() -> Iterator[Handshake]:
    found = Handshake()
    yield found
    found.close()


def _parts(count: int, body: Callable[[int], Files]) -> list[Part]:
    def part(index: int) -> Part:
        def start() -> Finish:
            files = body(index)
            return lambda: files

        return start

    return [part(index) for index in range(count)]


def _read(parts: list[Encoded] | dict[int, Encoded]) -> list[dict[str, bytes]]:
    """Each part's files as bytes, the spilled ones read back."""
    found = parts.values() if isinstance(parts, dict) else parts
    return [
        {path: held if isinstance(held, bytes) else held.read() for path, held in files.items()}
        for files in found
    ]


def test_the_copy_takes_parts_and_the_result_is_the_serial_one(handshake: Handshake) -> None:
    def body(index: int) -> Files:
        if handshake.in_copy():
            handshake.copy_started()
            return {f"part{index}.txt": f"{index} by the copy"}
        handshake.wait_once()
        return {f"part{index}.txt": f"{index} by the parent"}

    parallel = run_parts(_parts(4, body), parallel=True)
    serial = run_parts(_parts(4, body), parallel=False)
    assert [list(files) for files in parallel] == [list(files) for files in serial]
    read = _read(parallel)
    assert any(b"by the copy" in data for files in read for data in files.values())
    assert all(b"by the parent" in data for files in _read(serial) for data in files.values())


def test_the_copys_files_wait_on_disk_and_the_parents_in_memory(handshake: Handshake) -> None:
    def body(index: int) -> Files:
        if handshake.in_copy():
            handshake.copy_started()
            return {f"part{index}.txt": "copy"}
        handshake.wait_once()
        return {f"part{index}.txt": "parent"}

    for files in run_parts(_parts(4, body), parallel=True):
        for held in files.values():
            spilled = isinstance(held, Spilled)
            assert (held.read() if isinstance(held, Spilled) else held) == (
                b"copy" if spilled else b"parent"
            )


def test_what_a_part_raises_in_the_copy_is_raised_here(handshake: Handshake) -> None:
    def body(index: int) -> Files:
        if handshake.in_copy():
            handshake.copy_started()
            raise FormattingError(f"python/module{index}.py", "cannot parse")
        handshake.wait_once()
        return {}

    with pytest.raises(FormattingError, match=r"python/module\d\.py: black could not format"):
        run_parts(_parts(2, body), parallel=True)


def test_the_parts_of_a_copy_that_died_are_rendered_here(handshake: Handshake) -> None:
    def body(index: int) -> Files:
        if handshake.in_copy():
            handshake.copy_started()
            os._exit(3)
        handshake.wait_once()
        return {f"part{index}.txt": str(index)}

    expected = [{f"part{i}.txt": str(i).encode()} for i in range(3)]
    assert run_parts(_parts(3, body), parallel=True) == expected


def test_a_forked_render_gives_the_bytes_of_the_serial_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = ROOT / "specs" / "extend" / "2026-02-09.yaml"
    config = default_api(spec, ROOT / "build" / "unused", "extend_sdk", ("python", "typescript"))
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)  # Extend alone renders serially
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        child = real_fork()
        if child:
            forks.append(child)
        return child

    monkeypatch.setattr(os, "fork", counted_fork)
    parallel = pipeline.render_api(config, parallel=True)
    serial = pipeline.render_api(config, parallel=False)
    assert len(forks) == 1
    assert list(parallel.files) == list(serial.files)
    assert parallel.files == serial.files


def test_the_docs_model_both_sides_read_is_built_before_the_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The docs part (in the copy) and the SDK's README (here) read the same docs model: it is
    whole when the parts start, so the copy inherits it rather than building it again."""
    spec = ROOT / "specs" / "extend" / "2026-02-09.yaml"
    config = default_api(spec, ROOT / "build" / "unused", "extend_sdk", ("python",))
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    built: list[set[str]] = []

    def observed(parts: list[Part], *, parallel: bool) -> list[Encoded]:
        model = docs_model(surfaces[0])  # the memo: no new model when one is built
        built.append(set(vars(model)) & {"resources", "models"})
        return run_parts(parts, parallel=parallel)

    real_prepare = pipeline.prepare
    surfaces: list[DocumentedSdk] = []

    def prepared(*args: object, **kwargs: object) -> pipeline.Prepared:
        found = real_prepare(*args, **kwargs)  # type: ignore[arg-type]
        surfaces.extend(found.surfaces)
        return found

    monkeypatch.setattr(pipeline, "prepare", prepared)
    monkeypatch.setattr(pipeline, "run_parts", observed)
    pipeline.render_api(config, parallel=True)
    assert built == [{"resources", "models"}]


def test_the_copys_files_come_back_one_by_one_as_the_same_text(handshake: Handshake) -> None:
    """Text that is not ASCII, a part with no files and the files' order survive the trip, as
    the texts' UTF-8."""

    def body(index: int) -> Files:
        if handshake.in_copy():
            handshake.copy_started()
        else:
            handshake.wait_once()
        if index == 1:
            return {}
        return {f"z{index}.md": f"| — | {index} 𝄞 é |", f"a{index}.md": "plain", "": ""}

    parallel = _read(run_parts(_parts(4, body), parallel=True))
    serial = _read(run_parts(_parts(4, body), parallel=False))
    assert [list(files.items()) for files in parallel] == [list(f.items()) for f in serial]
    assert parallel[0] == {"z0.md": "| — | 0 𝄞 é |".encode(), "a0.md": b"plain", "": b""}


def test_an_answer_cut_short_counts_as_none() -> None:
    """The copy died while sending: every one of its parts is rendered again here."""
    read_end, write_end = os.pipe()
    spill = Spill()
    with os.fdopen(write_end, "wb") as stream:
        forked._send({0: {"a.md": "—".encode(), "b.md": b"x"}}, stream, spill)
    with os.fdopen(read_end, "rb") as whole:
        sent = whole.read()
    received = _received(sent, spill)
    assert isinstance(received, dict)
    assert _read(received) == [{"a.md": "—".encode(), "b.md": b"x"}]
    assert _received(sent[:-5], spill) == {}


def test_a_spilled_file_cut_short_is_an_error_not_a_shorter_file() -> None:
    spill = Spill()
    whole = spill.append(b"abc")
    spill.flush()
    assert whole.read() == b"abc"
    with pytest.raises(OSError, match="cut short"):
        Spilled(spill, whole.offset, whole.size + 1).read()


def _received(data: bytes, spill: Spill) -> dict[int, Encoded] | BaseException:
    read_end, write_end = os.pipe()
    os.write(write_end, data)
    os.close(write_end)
    try:
        return forked._receive(read_end, spill)
    finally:
        os.close(read_end)


def _resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads /proc/self/statm")
def test_the_heaps_free_pages_go_back_to_the_system() -> None:
    """Texts freed between bytes that stay (a part's, once encoded) stop counting as resident."""
    kept: list[bytes] = []
    freed: list[bytes] = []
    for index in range(800):  # 64 KiB each: the C heap's, below glibc's mmap threshold
        (kept if index % 2 else freed).append(bytes(64 * 1024))
    freed.clear()
    before = _resident_bytes()
    forked.release_free_heap()
    assert before - _resident_bytes() > 10 * 1024 * 1024  # of the 25 MiB of holes
    assert len(kept) == 400
