"""The command's entry point: an unchanged project is confirmed before the CLI even loads.

`check` in a release pipeline usually finds nothing to do; answering that from the record of
the last `generate` (see `output_cache`) without importing click, jinja2 or black keeps it well
under a tenth of a generation. Everything else, and any check the record cannot confirm, goes
to the full CLI.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["check"] and _confirmed():
        print("output/ is up to date")
        return
    from generator.cli import main as cli

    cli()


def _confirmed() -> bool:
    from pathlib import Path

    from generator.config import find_project_root, load_config
    from generator.emit.output_cache import CACHE_DIR_NAME, confirms_up_to_date

    root = find_project_root(Path.cwd())
    if root is None:
        return False
    config, problems = load_config(root)
    if problems or config is None:
        return False
    return confirms_up_to_date(config, root / CACHE_DIR_NAME)
