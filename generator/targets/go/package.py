"""The Go SDK's release artefact: the module as a zip by Go's module layout
(`<module>@<version>/...`), built and vetted offline, then imported by a throwaway program
whose go.mod points at the unzipped module with a `replace` directive."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from generator.targets.base import Packaged, ReleaseError
from generator.targets.packaging import run

OFFLINE = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on"}
"""The Go toolchain never fetches: the module needs nothing outside the standard library."""


def go_environment(scratch: Path) -> dict[str, str]:
    """The environment Go runs in offline, with its caches in `scratch` unless set."""
    env = {**os.environ, **OFFLINE}
    env.setdefault("GOCACHE", str(scratch / "gocache"))
    env.setdefault("GOPATH", str(scratch / "gopath"))
    return env


def _module_path(source: Path) -> str:
    match = re.search(r"^module\s+(\S+)", (source / "go.mod").read_text(encoding="utf-8"), re.M)
    if match is None:
        raise ReleaseError(f"{source / 'go.mod'}: no module line")
    return match.group(1)


def _version(source: Path, package: str) -> str:
    text = (source / f"{package}.go").read_text(encoding="utf-8")
    match = re.search(r'^const Version = "([^"]*)"', text, re.M)
    if match is None:
        raise ReleaseError(f"{source / (package + '.go')}: no Version constant")
    return match.group(1)


def _root_package(source: Path) -> str:
    for candidate in sorted(source.glob("*.go")):
        match = re.search(r"^package (\w+)", candidate.read_text(encoding="utf-8"), re.M)
        if match and (source / f"{match.group(1)}.go").is_file():
            return match.group(1)
    raise ReleaseError(f"{source}: no root package")


def package_go(source: Path, dist: Path) -> Packaged:
    go = shutil.which("go")
    if go is None:
        raise ReleaseError("no Go toolchain: run `make go`")
    module, package = _module_path(source), _root_package(source)
    version = _version(source, package)
    archive = dist / f"{module.replace('/', '_')}@v{version}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for file in sorted(p for p in source.rglob("*") if p.is_file()):
            relative = file.relative_to(source).as_posix()
            if relative != "manifest.json":
                bundle.write(file, f"{module}@v{version}/{relative}")
    with tempfile.TemporaryDirectory(prefix="sdkgen-go-") as scratch_name:
        scratch = Path(scratch_name)
        env = go_environment(scratch)
        with zipfile.ZipFile(archive) as bundle:
            bundle.extractall(scratch / "unzipped")
        unzipped = scratch / "unzipped" / f"{module}@v{version}"
        run([go, "build", "./..."], "go build", unzipped, env)
        run([go, "vet", "./..."], "go vet", unzipped, env)
        consumer = scratch / "consumer"
        consumer.mkdir()
        (consumer / "go.mod").write_text(
            f"module example.com/consumer\n\ngo 1.19\n\nrequire {module} v{version}\n\n"
            f"replace {module} => {unzipped}\n",
            encoding="utf-8",
        )
        (consumer / "main.go").write_text(
            'package main\n\nimport (\n\t"fmt"\n\n'
            f'\t{package} "{module}"\n\t"{module}/client"\n)\n\n'
            f"func main() {{\n\t_ = client.NewClient()\n\tfmt.Println({package}.Version)\n}}\n",
            encoding="utf-8",
        )
        what = "running a program importing the module"
        printed = run([go, "run", "."], what, consumer, env)
    if printed.strip() != version:
        raise ReleaseError(f"{module} reports version {printed.strip()}, expected {version}")
    installed = f"built, vetted and imported by a throwaway module: {module} v{version}"
    return Packaged((archive,), version, installed, f"git tag v{version} && git push --tags")
