"""`sdkgen release`: installable artefacts of every configured SDK, built from output/.

For each API and each of its targets: for Python, the wheel and the sdist,
built with the standard frontend (`python -m build`, no network: the build backend comes from
this environment), checked (`twine check`: metadata and README render), the wheel installed
into a throwaway virtual environment (without network: its dependencies are this
environment's) and imported; for TypeScript, `dist/` compiled with tsc, the `npm pack` tarball,
installed offline into a throwaway project and imported by Node. Publishing stays the user's
step; the command is printed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.config import ApiConfig
from generator.diff.ledger import LEDGER, parse_ledger


class ReleaseError(Exception):
    """A release step failed; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Built:
    api: str
    target: str
    files: tuple[Path, ...]
    version: str


def ledger_version(api: ApiConfig) -> str:
    """The SDK version the ledger records for the API's current spec."""
    path = api.output / LEDGER
    if not path.is_file():
        raise ReleaseError(f"{api.name}: no release ledger at {path}; run `make generate`")
    ledger, problems = parse_ledger(path.read_text(encoding="utf-8"), str(path))
    if ledger is None:
        raise ReleaseError("; ".join(p.render() for p in problems))
    entry = ledger.last_of(api.spec.stem)
    if entry is None:
        raise ReleaseError(
            f"{api.name}: the ledger has no release of API version {api.spec.stem}; "
            "run `make generate` and commit the result"
        )
    return entry.sdk_version


def _run(command: list[str], what: str, cwd: Path | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()[-15:]
        raise ReleaseError(f"{what} failed:\n" + "\n".join(output))
    return done.stdout


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
        _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], "creating a venv")
        python = venv / "bin" / "python"
        _run(
            [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
             "--no-index", "--no-deps", str(wheel)],
            f"installing {wheel.name}",
        )  # fmt: skip
        where = "import sysconfig; print(sysconfig.get_path('purelib'))"
        site = Path(_run([str(python), "-c", where], "locating the venv's site-packages").strip())
        # The SDK's dependencies (httpx, pydantic) from this environment, without network.
        (site / "_sdkgen_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
        code = f"import {package}; print({package}.__version__)"
        return _run([str(python), "-I", "-c", code], f"importing {package}").strip()


def build_python(api: ApiConfig, dist: Path, log: Callable[[str], None]) -> Built:
    source = api.output / "python"
    version = ledger_version(api)
    target = dist / api.name / "python"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="sdkgen-build-") as scratch:
        # Build from a copy: the frontend writes egg-info and build/ beside the sources.
        copy = Path(scratch) / "python"
        shutil.copytree(source, copy)
        _run(
            [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel",
             "--outdir", str(target), str(copy)],
            f"building {api.name}'s Python SDK",
        )  # fmt: skip
    files = tuple(sorted(target.iterdir()))
    wheels = [f for f in files if f.suffix == ".whl"]
    if len(wheels) != 1 or not any(f.name.endswith(".tar.gz") for f in files):
        raise ReleaseError(f"{target}: expected one wheel and one sdist, found {files}")
    _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)], "twine check")
    package = _package_name(source)
    imported = _import_check(wheels[0], package)
    if imported != version:
        raise ReleaseError(f"{package} reports version {imported}, the ledger says {version}")
    log(f"{api.name}/python {version}: " + ", ".join(f.name for f in files))
    log(f"  installed into a throwaway venv and imported: {package} {imported}")
    return Built(api.name, "python", files, version)


def _tsc(start: Path) -> Path:
    """The project's TypeScript compiler (`make` installs it into node_modules/)."""
    for folder in (start, *start.parents):
        candidate = folder / "node_modules" / ".bin" / "tsc"
        if candidate.is_file():
            return candidate
    found = shutil.which("tsc")
    if found is None:
        raise ReleaseError("no TypeScript compiler: run `npm ci` (make does) or install tsc")
    return Path(found)


def build_typescript(api: ApiConfig, dist: Path, log: Callable[[str], None]) -> Built:
    """`dist/` compiled from the sources, `npm pack`ed, installed into a throwaway project
    (from the tarball alone: it has no dependencies) and imported by Node."""
    source = api.output / "typescript"
    version = ledger_version(api)
    target = dist / api.name / "typescript"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    manifest = json.loads((source / "package.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="sdkgen-build-") as scratch:
        copy = Path(scratch) / "typescript"
        shutil.copytree(source, copy)
        _run([str(_tsc(api.output)), "-p", str(copy / "tsconfig.json")], "compiling the TS SDK")
        _run(["npm", "pack", "--silent", "--pack-destination", str(target)], "npm pack", copy)
        files = tuple(sorted(target.glob("*.tgz")))
        if len(files) != 1:
            raise ReleaseError(f"{target}: expected one tarball, found {files}")
        project = Path(scratch) / "consumer"
        project.mkdir()
        (project / "package.json").write_text('{"private": true, "type": "module"}\n')
        _run(["npm", "install", "--offline", "--no-audit", "--no-fund", str(files[0])],
             "installing the tarball", project)  # fmt: skip
        code = f"import({json.dumps(manifest['name'])}).then((m) => console.log(m.VERSION))"
        imported = _run(["node", "-e", code], f"importing {manifest['name']}", project).strip()
    if imported != version or manifest["version"] != version:
        raise ReleaseError(
            f"{manifest['name']} reports version {imported}, the ledger says {version}"
        )
    log(f"{api.name}/typescript {version}: {files[0].name}")
    log(f"  installed into a throwaway project and imported: {manifest['name']} {imported}")
    return Built(api.name, "typescript", files, version)


BUILDERS: dict[str, Callable[[ApiConfig, Path, Callable[[str], None]], Built]] = {
    "python": build_python,
    "typescript": build_typescript,
}
"""How each target's SDK is packaged; a target without an entry has nothing to build yet."""


def release(apis: tuple[ApiConfig, ...], dist: Path, log: Callable[[str], None]) -> list[Built]:
    built: list[Built] = []
    for api in apis:
        for name in api.targets:
            builder = BUILDERS.get(name)
            if builder is not None:
                built.append(builder(api, dist, log))
    return built


def summary(built: list[Built], root: Path) -> str:
    lines = [json.dumps({b.api + "/" + b.target: b.version for b in built}, sort_keys=True)]
    for item in built:
        files = " ".join(str(f.relative_to(root)) if f.is_relative_to(root) else str(f)
                         for f in item.files)  # fmt: skip
        tool = "npm publish" if item.target == "typescript" else "python -m twine upload"
        lines.append(f"publish {item.api}/{item.target}: {tool} {files}")
    return os.linesep.join(lines)
