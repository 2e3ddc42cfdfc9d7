"""The command's entry point: an unchanged project is confirmed before the CLI even loads.

`check` in a release pipeline usually finds nothing to do. When nothing changed since the last
check confirmed output/, `quick_check` says so from its record, without reading the
configuration; else, when the inputs are those of the last `generate`, `output_cache` confirms
output/ from that run's record. Neither imports click, jinja2 or black, which keeps the answer
well under a tenth of a generation. Everything else, and any check the records cannot confirm,
goes to the full CLI.

A command that ends ends the process there (`_exit_now`): the interpreter's teardown would
free, one by one, every object a big API's generation left alive, which the operating system
takes back at once anyway. `generate` and `check` run without Python's cyclic garbage
collector (`RENDERS`), and `generate SPEC` starts parsing a big YAML spec in a child process
before the CLI's imports (`load/earlyparse.py`), so the two overlap on two cores.
"""

from __future__ import annotations

import sys

RENDERS = frozenset({"generate", "check"})
"""Commands that render every API once and end, run with the cyclic garbage collector off.
A render builds trees (the parsed document, the IR, views, pages) and leaves next to no cyclic
garbage: peak RSS is the same without the collector (OpenAI 71 MB, Stripe 87 MB, Kubernetes
with every target 215 MB), whose passes over the growing heap cost OpenAI's generation about a
tenth of a second of CPU. Forked copies inherit it; a serving command (`mock`) keeps it."""


def main() -> None:
    if sys.argv[1:] == ["check"] and _confirmed():
        print("output/ is up to date")
        _exit_now(0)  # the teardown is a tenth of an unchanged project's check
        return
    if sys.argv[1:2] and sys.argv[1] in RENDERS:
        import gc

        gc.disable()
    if sys.argv[1:2] == ["generate"]:
        _parse_early(sys.argv[2:])
    from generator.cli import main as cli

    try:
        cli()
    except SystemExit as done:
        _exit_now(done.code)
        raise


def _parse_early(arguments: list[str]) -> None:
    """Start parsing the spec `generate SPEC` names while the CLI loads (see
    `load/earlyparse.py`): the first argument that names a `.yaml` or `.yml` file. A guess
    that is not the spec the loader reads costs only a child stopped at exit."""
    import os

    for argument in arguments:
        if argument.endswith((".yaml", ".yml")) and os.path.isfile(argument):
            from generator.load.earlyparse import start

            start(argument)
            return


def _exit_now(code: object) -> None:
    """Ends the process with exit status `code` after the exit handlers, skipping only the
    interpreter's teardown (about a tenth of a second after OpenAI's generation). Returns,
    for the caller to exit as usual, when `code` is a message to print, when a thread still
    runs, or when the output cannot be flushed (a closed pipe: Python's own exit reports it)."""
    import atexit
    import os

    threading = sys.modules.get("threading")  # never imported: no thread was started with it
    if not (code is None or isinstance(code, int)):
        return
    if threading is not None and threading.active_count() > 1:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    atexit._run_exitfuncs()
    try:  # what the exit handlers printed
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code or 0)


def _confirmed() -> bool:
    import os

    from generator.emit.quick_check import confirms_unchanged

    if confirms_unchanged(os.getcwd()):
        return True
    from pathlib import Path

    from generator.config import find_project_root, load_config
    from generator.emit.output_cache import confirms_up_to_date
    from generator.emit.quick_check import CACHE_DIR_NAME

    root = find_project_root(Path.cwd())
    if root is None:
        return False
    config, problems = load_config(root)
    if problems or config is None:
        return False
    return confirms_up_to_date(config, root / CACHE_DIR_NAME, quick_record=True)
