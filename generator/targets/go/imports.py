"""The imports a generated Go file needs, read from its code: the packages it names as
qualifiers (`io.Reader`, `core.Stream`), never a mention inside a comment or a string literal,
laid out in gofmt's groups (standard library first, then the module's own packages)."""

from __future__ import annotations

import re

STANDARD_PACKAGES = ("context", "io", "net/http", "net/url")
"""The standard packages generated clients and resources may use, by import path."""
MODULE_PACKAGES = ("core", "option")
"""The module's own packages (beside the root and the resources') they may use."""
_SCAN = re.compile(
    r"//[^\n]*|/\*.*?(?:\*/|\Z)"  # comments, skipped whole
    r"|\"(?:[^\"\\\n]|\\.)*\"?|`[^`]*`?|'(?:[^'\\\n]|\\.)*'?"  # literals, skipped whole
    r"|(?<!\w)(?:(?<=\.\.\.)|(?<!\.))"  # a name that is no member (`...T` is variadic)
    r"(?P<qualifier>[A-Za-z_]\w*)\.(?P<member>[A-Za-z_]\w*)",
    re.DOTALL,
)


def qualified_uses(code: str) -> frozenset[tuple[str, str]]:
    """Each `qualifier.Member` pair named in `code` outside comments and literals: a name
    that is not itself a member (`x.io.Read` names no package), a dot, then a name."""
    return frozenset(
        (match.group("qualifier"), match.group("member"))
        for match in _SCAN.finditer(code)
        if match.group("qualifier")
    )


def names_package(code: str, package: str) -> bool:
    """Whether `code` names something of `package` (by its last path element) outside
    comments and literals."""
    return any(name == package for name, _ in qualified_uses(code))


def import_block(code: str, module: str, package: str, resource_packages: tuple[str, ...]) -> str:
    """The lines between `import (` and `)` for `code` of module `module` (root package
    `package`): each standard package and each of the module's packages it names."""
    uses = qualified_uses(code)
    qualifiers = {name for name, _ in uses}
    standard = [p for p in STANDARD_PACKAGES if p.rsplit("/")[-1] in qualifiers]
    own = [f"{module}/{p}" for p in MODULE_PACKAGES if p in qualifiers]
    if any(name == package and member[:1].isupper() for name, member in uses):
        own.append(module)
    own += [f"{module}/{p}" for p in resource_packages if (p, "Client") in uses]
    named = [f'\t{package} "{p}"' if p == module else f'\t"{p}"' for p in sorted(own)]
    groups = [[f'\t"{p}"' for p in sorted(standard)], named]
    return "\n\n".join("\n".join(group) for group in groups if group)
