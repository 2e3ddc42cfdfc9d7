"""Whether a generated tree is one a user can use: every file parses, every name is distinct,
and every path can be created on Windows, macOS and Linux alike.

`output_problems` walks the tree: TOML through tomllib, Python through the compiler (and its
identifiers, which the parser has NFKC-normalised, distinct per class and module), JSON as
strict JSON, Markdown's front matter as YAML; every file UTF-8. Each path component must not be
a Windows device name (`con`, `aux.py`, `lpt9.md`), hold a character Windows forbids or end in a
dot or a space, and no two paths may differ only in case.
"""

from __future__ import annotations

import ast
import json
import tomllib
from collections import Counter
from pathlib import Path

import yaml

from generator.targets.files import is_device_name

_FORBIDDEN = set('<>:"|?*\\') | {chr(c) for c in range(32)}


def output_problems(folder: Path) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        problems += [f"{relative}: {problem}" for problem in _path_problems(relative)]
        folded = relative.casefold()
        if folded in seen:
            problems.append(f"{relative}: differs only in case from {seen[folded]}")
        seen.setdefault(folded, relative)
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"{relative}: not UTF-8 ({error})")
            continue
        problems += [f"{relative}: {problem}" for problem in _content_problems(path.name, text)]
    return problems


def _path_problems(relative: str) -> list[str]:
    problems = []
    for part in relative.split("/"):
        if is_device_name(part):
            problems.append(f"{part!r} is a Windows device name")
        if set(part) & _FORBIDDEN:
            problems.append(f"{part!r} holds a character Windows forbids in names")
        if part.endswith((".", " ")):
            problems.append(f"{part!r} ends in a dot or a space")
    return problems


def _content_problems(name: str, text: str) -> list[str]:
    try:
        if name.endswith(".toml"):
            tomllib.loads(text)
        elif name.endswith(".json"):
            json.loads(text, parse_constant=_refuse)
        elif name.endswith(".md") and text.startswith("---\n"):
            yaml.safe_load(text[4 : text.index("\n---", 4)])
        elif name.endswith(".py"):
            return _python_problems(text)
    except (ValueError, yaml.YAMLError) as error:  # TOMLDecodeError and JSONDecodeError too
        return [f"does not parse: {error}"]
    return []


def _refuse(token: str) -> None:
    raise ValueError(f"{token} is not JSON")


def _python_problems(text: str) -> list[str]:
    try:
        tree = ast.parse(text)
        compile(tree, "<generated>", "exec")
    except SyntaxError as error:
        return [f"does not compile: {error}"]
    problems = _duplicates("module", _defined(tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            problems += _duplicates(f"class {node.name}", _defined(node.body))
    return problems


def _defined(body: list[ast.stmt]) -> list[str]:
    """Names a class or module body defines: classes, functions, annotated fields."""
    names = []
    for statement in body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            if not any(_repeats_a_name(d) for d in statement.decorator_list):
                names.append(statement.name)
        elif isinstance(statement, ast.ClassDef):
            names.append(statement.name)
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.append(statement.target.id)
    return names


def _repeats_a_name(decorator: ast.expr) -> bool:
    """`@overload` and `@x.setter` define a name again on purpose."""
    if isinstance(decorator, ast.Name):
        return decorator.id == "overload"
    return isinstance(decorator, ast.Attribute) and decorator.attr in ("overload", "setter")


def _duplicates(where: str, names: list[str]) -> list[str]:
    counts = Counter(names)
    return [f"{where} defines {name!r} twice" for name in sorted(counts) if counts[name] > 1]
