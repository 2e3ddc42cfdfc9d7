"""The Python SDK's release artefacts: the wheel and the sdist, checked and test-installed.

Built with the standard frontend (`python -m build`, no network: the build backend comes from
this environment), checked (`twine check`: metadata and README render), the wheel installed
into a throwaway virtual environment (without network: its dependencies are this
environment's) and imported.
"""

from __future__ import annotations

import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from generator.targets.base import Packaged, ReleaseError
from generator.targets.packaging import run


def _package_name(source: Path) -> str:
    """The import name of the SDK in `source` (the folder holding `py.typed`)."""
    marked = sorted(p.parent.name for p in source.glob("*/py.typed"))
    if len(marked) != 1:
        raise ReleaseError(f"{source}: expected one package with py.typed, found {marked}")
    return marked[0]


def _import_check(wheel: Path, package: str) -> str:
    """Install the wheel into a throwaway venv and import it; its version as it reports it."""
    with tempfile.TemporaryDirectory(prefix="sdkgen-release-") as folder:
        venv = Path(folder) / "venv"
        run([sys.executable, "-m", "venv", "--without-pip", str(venv)], "creating a venv")
        python = venv / "bin" / "python"
        run(
            [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
             "--no-index", "--no-deps", str(wheel)],
            f"installing {wheel.name}",
        )  # fmt: skip
        where = "import sysconfig; print(sysconfig.get_path('purelib'))"
        site = Path(run([str(python), "-c", where], "locating the venv's site-packages").strip())
        # The SDK's dependencies (httpx, pydantic) from this environment, without network.
        (site / "_sdkgen_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
        code = f"import {package}; print({package}.__version__)"
        return run([str(python), "-I", "-c", code], f"importing {package}").strip()


def package_python(source: Path, dist: Path) -> Packaged:
    with tempfile.TemporaryDirectory(prefix="sdkgen-build-") as scratch:
        # Build from a copy: the frontend writes egg-info and build/ beside the sources.
        copy = Path(scratch) / "python"
        shutil.copytree(source, copy)
        run(
            [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel",
             "--outdir", str(dist), str(copy)],
            f"building the Python SDK in {source}",
        )  # fmt: skip
    files = tuple(sorted(dist.iterdir()))
    wheels = [f for f in files if f.suffix == ".whl"]
    if len(wheels) != 1 or not any(f.name.endswith(".tar.gz") for f in files):
        raise ReleaseError(f"{dist}: expected one wheel and one sdist, found {files}")
    run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)], "twine check")
    package = _package_name(source)
    version = _import_check(wheels[0], package)
    return Packaged(
        files,
        version,
        f"installed into a throwaway venv and imported: {package} {version}",
        "python -m twine upload",
    )
