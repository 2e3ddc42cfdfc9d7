"""`make docs`: build the HTML site of every configured API into build/docs/<api>/.

A build artefact, not committed: the same specs give the same bytes, so nothing is lost.
Exit codes: 0 built; 1 a spec did not load or the project has no configuration.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from generator.config import find_project_root, load_config
from generator.pipeline import prepare
from generator.targets.site.build import render_site


def write_site(folder: Path, files: dict[str, str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for path, text in sorted(files.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.targets.site", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/docs"), help="site root folder")
    args = parser.parse_args(argv)
    root = find_project_root(Path.cwd())
    config, problems = load_config(root) if root is not None else (None, [])
    if config is None or problems:
        for problem in problems:
            print(problem.render(), file=sys.stderr)
        print("no usable [tool.sdkgen] configuration here or above", file=sys.stderr)
        return 1
    for api in config.apis:
        prepared = prepare(api)
        documented = prepared.documented
        if documented is None:
            for diagnostic in prepared.diagnostics:
                print(diagnostic.render(), file=sys.stderr)
            return 1
        files = render_site(documented, prepared.changelog)
        folder = args.out / api.name
        write_site(folder, files)
        print(f"wrote {len(files)} files to {folder}/ (open {folder / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
