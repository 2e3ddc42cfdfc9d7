"""The entry point ends a finished command's process at once: same exit status, same output
(flushed), the exit handlers run; a message status, or a thread still running, exits as
Python does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.entry import _parse_early
from generator.load import earlyparse, yamlsplit
from generator.load.loader import load_document
from tests.golden.regenerate import GOLDEN_DIR

SHELTER = GOLDEN_DIR / "shelter" / "spec.yaml"


def _python(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )


def test_a_generation_exits_with_its_output_flushed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(SHELTER), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("done in ")
    assert (out / "docs" / "index.md").is_file()


def test_a_failed_command_keeps_its_exit_status_and_message(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(missing), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "missing.yaml" in done.stderr + done.stdout


def test_exit_handlers_run_and_buffered_output_arrives(tmp_path: Path) -> None:
    script = (
        "import atexit, sys\n"
        "from generator.entry import _exit_now\n"
        "atexit.register(lambda: open('ran', 'w').write('yes') and print('bye'))\n"
        "sys.stdout.write('buffered')\n"
        "sys.stderr.write('also')\n"
        "_exit_now(3)\n"
        "print('not reached')\n"
    )
    done = _python(script, tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (3, "bufferedbye\n", "also")
    assert (tmp_path / "ran").read_text() == "yes"


def test_a_message_status_or_a_running_thread_exits_as_python_does(tmp_path: Path) -> None:
    message = "from generator.entry import _exit_now\n_exit_now('bad input')\nprint('went on')\n"
    assert _python(message, tmp_path).stdout == "went on\n"
    threaded = (
        "import threading\n"
        "from generator.entry import _exit_now\n"
        "stop = threading.Event()\n"
        "worker = threading.Thread(target=stop.wait)\n"
        "worker.start()\n"
        "_exit_now(0)\n"
        "print('went on')\n"
        "stop.set()\n"
    )
    assert _python(threaded, tmp_path).stdout == "went on\n"


def test_only_the_rendering_commands_run_without_the_cyclic_collector(tmp_path: Path) -> None:
    script = (
        "import gc, sys\n"
        "import generator.cli\n"
        "from generator import entry\n"
        "generator.cli.main = lambda: print(gc.isenabled())\n"
        "sys.argv = ['sdkgen', *sys.argv[1:]]\n"
        "entry.main()\n"
    )
    seen = {}
    for command in ("generate", "check", "mock", "diff"):
        done = subprocess.run(
            [sys.executable, "-c", script, command, "x"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=60,
        )
        seen[command] = done.stdout.strip()
    assert seen == {"generate": "False", "check": "False", "mock": "True", "diff": "True"}


def test_generate_starts_parsing_the_yaml_spec_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlsplit, "SPLIT_ABOVE_BYTES", 0)
    spec = tmp_path / "api.yaml"
    spec.write_text(SHELTER.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        _parse_early(["--target", "python", "-o", str(tmp_path / "out.yaml"), str(spec)])
        assert [s.path for s in earlyparse._started] == [os.path.realpath(spec)]
        assert load_document(spec).document == load_document(SHELTER).document
        assert earlyparse._started == []
    finally:
        earlyparse._stop_unclaimed()
