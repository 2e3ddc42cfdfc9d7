"""The `listing` target: a Markdown listing of an API's operations, their method, path and
arguments, packaged as a tarball. Settings (`[tool.sdkgen.apis.<api>.listing]`):

    package = "pets-listing"   # the tarball's name: lower-case words joined by hyphens
    title = "Pets"             # the listing's heading (default: the API's title)
"""

from __future__ import annotations

import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

from generator.ir.model import (
    AnyType,
    Api,
    Array,
    Binary,
    Const,
    EnumType,
    Map,
    Nullable,
    Operation,
    Primitive,
    Ref,
    TypeNode,
    Union,
)
from generator.targets.base import (
    DocumentedSdk,
    Packaged,
    ReleaseError,
    SdkNames,
    Settings,
    Target,
    TargetInput,
    TargetSdk,
)
from generator.templating import environment, html

TEMPLATES = Path(__file__).parent / "templates"
SETTING_KEYS = ("package", "title")
_PACKAGE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_LINE = re.compile(r"^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\S+)", re.MULTILINE)


def type_text(node: TypeNode | None) -> str:
    """A type as the listing writes it: `list[Pet]`, `string | null`."""
    match node:
        case None:
            return "none"
        case Primitive(kind=kind, format=None):
            return kind
        case Primitive(kind=kind, format=format):
            return f"{kind} ({format})"
        case Const(value=value):
            return repr(value)
        case EnumType(values=values):
            return " | ".join(repr(v) for v in values)
        case Ref(name=name):
            return name.pascal()
        case Array(item=item):
            return f"list[{type_text(item)}]"
        case Map(value=value):
            return f"map[{type_text(value)}]"
        case Union(members=members):
            return " | ".join(type_text(m) for m in members)
        case Nullable(inner=inner):
            return f"{type_text(inner)} | null"
        case Binary():
            return "bytes"
        case AnyType():
            return "any"


@dataclass(frozen=True, slots=True)
class Argument:
    name: str
    where: str
    type: str
    required: bool


def arguments(op: Operation) -> tuple[Argument, ...]:
    """What a call of `op` sends: its parameters by wire name, then its body (or its fields)."""
    found = [Argument(p.wire_name, p.location, type_text(p.type), p.required) for p in op.params]
    if op.body is not None and op.body.fields is not None:
        found += [
            Argument(f.wire_name, f"body ({op.body.media_type})", type_text(f.type), f.required)
            for f in op.body.fields
        ]
    elif op.body is not None:
        found.append(
            Argument("body", op.body.media_type, type_text(op.body.type), op.body.required)
        )
    return tuple(found)


class ListingSdk:
    def __init__(self, given: TargetInput) -> None:
        self.api = given.api
        self.release = given.release
        self.package = str(
            given.settings.get("package", f"{given.api_name.replace('_', '-')}-listing")
        )
        self.title = str(given.settings.get("title", given.api.title))

    folder = "listing"
    protected = "lib/"
    language = "Listing"

    def render(self) -> dict[str, str]:
        env = environment(TEMPLATES)
        groups = [("client", self.api.root_operations)] + [
            (r.name.snake(), r.operations) for r in self.api.resources
        ]
        context = {
            "title": self.title,
            "api": self.api,
            "package": self.package,
            "release": self.release,
            "groups": [(name, ops) for name, ops in groups if ops],
            "arguments": arguments,
            "type_text": type_text,
        }
        return {
            "listing.md": env.get_template("listing.md.j2").render(context),
            "VERSION": f"{self.release.sdk_version}\n",
        }


class ListingTarget:
    """Operations listed in Markdown: what every target decides, without a language."""

    name = "listing"
    setting_keys = SETTING_KEYS
    code_blocks = ("listing",)

    def check_settings(self, api_name: str, spec: Path, settings: Settings) -> list[str]:
        problems = [
            f"unknown setting {key!r}" for key in sorted(settings) if key not in SETTING_KEYS
        ]
        package = settings.get("package")
        if package is not None and not _PACKAGE.match(str(package)):
            problems.append(f"{package!r} is not lower-case words joined by hyphens")
        return problems

    def sdk(self, given: TargetInput) -> ListingSdk:
        return ListingSdk(given)

    def documented(self, sdk: TargetSdk) -> DocumentedSdk | None:
        return None

    def highlight(self, code: str) -> str:
        """Each line's HTTP method as a keyword, its path as a string."""
        out: list[str] = []
        position = 0
        for match in _LINE.finditer(code):
            out.append(html(code[position : match.start()]))
            out.append(f'<span class="tok-kw">{match[1]}</span> ')
            out.append(f'<span class="tok-str">{html(match[2])}</span>')
            position = match.end()
        out.append(html(code[position:]))
        return "".join(out)

    def package(self, source: Path, dist: Path) -> Packaged:
        version = (source / "VERSION").read_text(encoding="utf-8").strip()
        tarball = dist / f"{source.name}-{version}.tar.gz"
        with tarfile.open(tarball, "w:gz") as archive:
            for path in sorted(source.rglob("*")):
                archive.add(path, arcname=path.relative_to(source).as_posix(), recursive=False)
        with tarfile.open(tarball) as archive:
            names = archive.getnames()
            member = archive.extractfile("VERSION")
            if member is None:
                raise ReleaseError(f"{tarball}: no VERSION")
            packed = member.read().decode().strip()
        unpacked = f"unpacked: {len(names)} files, version {packed}"
        return Packaged((tarball,), packed, unpacked, "attach to the API's release page:")

    def names(self, api: Api) -> SdkNames:
        return SdkNames(
            {(op.method, op.path): f"listing.{op.name.snake()}" for op in api.operations()},
            {named.name: named.name.pascal() for named in api.types},
        )


TARGET: Target = ListingTarget()
