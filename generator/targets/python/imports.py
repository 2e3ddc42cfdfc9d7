"""What a generated module imports, from the names its code uses, and names kept sound where
a class member or a parameter shadows them.

Every annotation and expression the templates write comes from a view as a string; the names in
those strings (outside string literals) are what a module needs. A module imports exactly
those, in isort's order and black's layout, so the SDK is free of unused imports.

A model field named `list`, or a resource method named `list`, rebinds `list` in the class
body, where mypy and pydantic look annotations up; a parameter named `date` does the same in
its function's body. Such names are written qualified there (`builtins.list[str]`,
`_dt.date`), which no field, method or parameter can shadow: those never start with `_`, and
`builtins` is reserved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

QUALIFIED: Mapping[str, str] = {
    **{
        name: f"builtins.{name}"
        for name in ("str", "int", "float", "bool", "bytes", "list", "dict", "tuple")
    },
    **{name: f"builtins.{name}" for name in ("type", "object")},
    "date": "_dt.date",
    "datetime": "_dt.datetime",
    "union": "_union",
}
"""Names annotations use that a snake_case member or parameter can shadow -> a sound form."""

SHADOW_GUARDS = frozenset({"builtins"})
"""Names no member or parameter may take, because the qualified forms start with them."""

_TOKEN = re.compile(
    r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""  # a string literal: skipped
    r"|(?<![\w.])([A-Za-z_]\w*)\b(?!\s*=(?!=))"  # a name: not `.attribute`, not `keyword=`
)
"""One pass over an annotation: string literals (group 1 empty) or names (group 1)."""


def names_in(code: str) -> set[str]:
    """The names an annotation or expression refers to (string literals skipped)."""
    found = set(_TOKEN.findall(code))
    found.discard("")
    return found


def qualify(code: str, shadowed: frozenset[str] | set[str]) -> str:
    """`code` with each name that `shadowed` rebinds written in its qualified form."""
    hit = shadowed & QUALIFIED.keys()
    if not hit or not any(name in code for name in hit):
        return code

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return QUALIFIED[name] if name in hit else match.group(0)

    return _TOKEN.sub(replace, code)


Source = tuple[str, str | None]
"""(module, name in it); name None is `import module` (bound to the module or its alias)."""

EXTERNAL: Mapping[str, Source] = {
    "builtins": ("builtins", None),
    "_dt": ("datetime", None),
    "date": ("datetime", "date"),
    "datetime": ("datetime", "datetime"),
    "functools": ("functools", None),
    "importlib": ("importlib", None),
    "Callable": ("collections.abc", "Callable"),
    "Mapping": ("collections.abc", "Mapping"),
    "TracebackType": ("types", "TracebackType"),
    **{
        name: ("typing", name)
        for name in (
            *("TYPE_CHECKING", "Annotated", "Any", "Literal", "TypeAlias", "Unpack", "cast"),
            "overload",
        )
    },
    "Field": ("pydantic", "Field"),
    "TypeAliasType": ("typing_extensions", "TypeAliasType"),
    "httpx": ("httpx", None),
}
"""Where a name the templates use comes from, outside the SDK."""

_RUNTIME: Mapping[str, tuple[str, ...]] = {
    "arguments": ("checked",),
    "calls": ("AsyncCalls", "SyncCalls"),
    "errors": ("ConfigurationError", "WebhookVerificationError"),
    "hooks": ("Hooks",),
    "models": ("AwareDatetime", "BaseModel", "union"),
    "pagination": ("AsyncPager", "SyncPage"),
    "polling": ("PollingOptions", "poll", "poll_async"),
    "raw": ("to_raw", "to_raw_async"),
    "streaming": ("AsyncBinaryResponse", "AsyncStream", "BinaryResponse", "Stream"),
    "transport": ("AsyncCore", "SyncCore", "encode_path"),
    "auth": ("Requirement", "Scheme", "Security"),
    "servers": ("Variables", "server_url"),
    "types": ("NOT_GIVEN", "FileUpload", "NotGiven", "RequestOptions"),
    "unions": ("OneOf",),
    "webhooks": ("Signing", "WebhookVerifier"),
}


def sources(up: str, models: Mapping[str, str] | None = None) -> dict[str, Source]:
    """Where names come from, for a module `up` ("." or "..") below the package: outside
    the SDK, its runtime, its version, and each model class from the module `models` names
    (by default the package's `models`)."""
    runtime = f"{up}_runtime"
    found: dict[str, Source] = dict(EXTERNAL)
    for module, names in _RUNTIME.items():
        found.update((name, (f"{runtime}.{module}", name)) for name in names)
    found["_union"] = (f"{runtime}.models", "union")
    found["__version__"] = (f"{up}_version", "__version__")
    for name, module in (models or {}).items():
        found[name] = (module, name)
    return found


def _section(module: str) -> int:
    if module == "__future__":
        return 0
    if module.startswith("."):
        return 3
    if module in ("pydantic", "httpx", "typing_extensions"):
        return 2
    return 1


def _member_key(name: str) -> tuple[int, str]:
    """isort's order by type: CONSTANTS, then Classes, then functions and variables."""
    if len(name) > 1 and name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


def _module_key(module: str) -> tuple[int, str]:
    """Relative modules furthest first, then by name."""
    dots = len(module) - len(module.lstrip("."))
    return (-dots, module.lstrip(".").lower())


def render_imports(
    used: Iterable[str],
    sources: Mapping[str, Source],
    *,
    indent: str = "",
    line_length: int = 100,
) -> str:
    """Import statements for the names of `used` that `sources` knows, grouped and sorted
    as isort does and laid out as black does (one name a line when a statement is too long);
    each line ends with a newline, sections apart by a blank line."""
    plain: dict[int, set[tuple[str, str]]] = {}
    members: dict[int, dict[str, set[tuple[str, str]]]] = {}
    for binding in used:
        source = sources.get(binding)
        if source is None:
            continue
        module, name = source
        section = _section(module)
        if name is None:
            plain.setdefault(section, set()).add((module, binding))
        else:
            members.setdefault(section, {}).setdefault(module, set()).add((name, binding))
    blocks: list[str] = []
    for section in sorted(set(plain) | set(members)):
        lines: list[str] = []
        for module, binding in sorted(plain.get(section, ()), key=lambda m: _module_key(m[0])):
            alias = "" if binding == module else f" as {binding}"
            lines.append(f"{indent}import {module}{alias}\n")
        grouped = members.get(section, {})
        for module in sorted(grouped, key=_module_key):
            named = sorted(grouped[module], key=lambda p: (_member_key(p[0]), p[0] != p[1], p[1]))
            items = [name if name == binding else f"{name} as {binding}" for name, binding in named]
            line = f"{indent}from {module} import {', '.join(items)}"
            if len(line) <= line_length:
                lines.append(line + "\n")
            else:
                exploded = "".join(f"{indent}    {item},\n" for item in items)
                lines.append(f"{indent}from {module} import (\n{exploded}{indent})\n")
        blocks.append("".join(lines))
    return "\n".join(blocks)
