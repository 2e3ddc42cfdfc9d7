"""The TypeScript SDK's release artefact: `dist/` built by the package's own `npm run build`
(ES modules and a CommonJS build, with the project's tsc), the `npm pack` tarball, installed
offline into a throwaway project (from the tarball alone: it has no dependencies), then both
imported and required by Node."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from generator.targets.base import Packaged, ReleaseError
from generator.targets.packaging import run


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


def package_typescript(source: Path, dist: Path) -> Packaged:
    manifest = json.loads((source / "package.json").read_text(encoding="utf-8"))
    name = manifest["name"]
    with tempfile.TemporaryDirectory(prefix="sdkgen-build-") as scratch:
        copy = Path(scratch) / "typescript"
        shutil.copytree(source, copy)
        path = f"{_tsc(source).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        env = {**os.environ, "PATH": path}
        run(["npm", "run", "--silent", "build"], "npm run build", copy, env)
        run(["npm", "pack", "--silent", "--pack-destination", str(dist)], "npm pack", copy)
        files = tuple(sorted(dist.glob("*.tgz")))
        if len(files) != 1:
            raise ReleaseError(f"{dist}: expected one tarball, found {files}")
        project = Path(scratch) / "consumer"
        project.mkdir()
        (project / "package.json").write_text('{"private": true, "type": "module"}\n')
        run(["npm", "install", "--offline", "--no-audit", "--no-fund", str(files[0])],
            "installing the tarball", project)  # fmt: skip
        code = f"import({json.dumps(name)}).then((m) => console.log(m.VERSION))"
        imported = run(["node", "-e", code], f"importing {name}", project).strip()
        code = f"console.log(require({json.dumps(name)}).VERSION)"
        required = run(["node", "-e", code], f"requiring {name} (CommonJS)", project).strip()
    for way, reported in (("import", imported), ("require", required)):
        if reported != manifest["version"]:
            raise ReleaseError(
                f"{name} ({way}) reports version {reported}, its package.json says"
                f" {manifest['version']}"
            )
    installed = f"installed into a throwaway project, imported and required: {name} {imported}"
    return Packaged(files, imported, installed, "npm publish")
