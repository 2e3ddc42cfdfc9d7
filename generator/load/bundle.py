"""Bundle `$ref`s to other files into one document.

What OpenAPI lets documents share (schemas, parameters, responses, request bodies, headers,
examples) moves into the components section (Swagger 2.0: `definitions`, `parameters`,
`responses`) under a name taken from its file and fragment; anything else (path items,
descriptions, vendor extensions) is copied to where it was referenced. A ref names a file
relative to the file that holds it and never leaves the root folder of the spec (symlinks are
followed before that is judged); URL refs and absolute paths are refused (there is no network,
and a spec must not depend on the machine). A refused ref is an error. Refs inside example
and default values are data: left alone.

Pure: files are read through the `read` callable the loader passes in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.diagnostics import Severity, escape_pointer_token, join_pointer, resolve_pointer
from generator.ir.names import Name
from generator.load.document import HTTP_METHODS
from generator.load.origins import SourceMap

Kind = Literal[
    "document", "components", "path_item", "operation", "parameter", "request_body",
    "response", "header", "media", "example", "schema", "data", "other",
]  # fmt: skip

Reader = Callable[[Path], tuple[Any, str | None]]
"""Path -> (parsed data, None) or (None, why it could not be read)."""

SECTIONS_3 = {
    "schema": ("components", "schemas"),
    "parameter": ("components", "parameters"),
    "response": ("components", "responses"),
    "request_body": ("components", "requestBodies"),
    "header": ("components", "headers"),
    "example": ("components", "examples"),
}
SECTIONS_2 = {
    "schema": ("definitions",),
    "parameter": ("parameters",),
    "response": ("responses",),
}
_SCHEMA_ONE = frozenset(
    {"items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames"}
    | {"unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"}
)
_SCHEMA_LIST = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_MAP = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)
_DATA = frozenset({"example", "examples", "default", "enum", "const"})
_URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
# Folder and file names that say nothing about a schema; skipped when names are qualified.
_GENERIC_WORDS = frozenset(
    {"models", "model", "schemas", "schema", "components", "definitions", "resources"}
    | {"shared", "responses", "parameters", "attributes", "examples", "headers", "common"}
)

Target = tuple[str, str]  # (file as posix path, pointer in that file)


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    pointer: str
    message: str
    file: str | None
    """The file holding the `$ref`; None when it is the root document."""
    severity: Severity


@dataclass
class Bundle:
    document: dict[str, Any]
    source_map: SourceMap
    problems: list[Problem]
    files: dict[str, Any]
    """Every file read, by posix path, with its parsed data (the root included)."""


def has_external_refs(node: Any) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(v for v in current.values() if isinstance(v, dict | list))
        elif isinstance(current, list):
            stack.extend(v for v in current if isinstance(v, dict | list))
    return False


_CHILD_KINDS_3: dict[Kind, dict[str, Kind]] = {
    "document": {"paths": "path_item", "webhooks": "path_item", "components": "components"},
    "components": {
        "schemas": "schema",
        "parameters": "parameter",
        "responses": "response",
        "requestBodies": "request_body",
        "headers": "header",
        "examples": "example",
        "pathItems": "path_item",
    },
    "path_item": {"parameters": "parameter"},
    "operation": {
        "parameters": "parameter",
        "requestBody": "request_body",
        "responses": "response",
    },
    "parameter": {"content": "media", "examples": "example"},
    "header": {"content": "media", "examples": "example"},
    "request_body": {"content": "media"},
    "response": {"content": "media", "headers": "header"},
    "media": {"examples": "example"},
}
"""The kind of node under a key of a node of each kind (other than schemas and data)."""
_CHILD_KINDS_2: dict[Kind, dict[str, Kind]] = {
    **_CHILD_KINDS_3,
    "document": {
        "paths": "path_item",
        "definitions": "schema",
        "parameters": "parameter",
        "responses": "response",
    },
    "response": {"headers": "header", "examples": "data"},
}
_MAPS_3: dict[Kind, frozenset[str]] = {
    "document": frozenset({"paths", "webhooks"}),
    "components": frozenset(
        {"schemas", "parameters", "responses", "requestBodies", "headers", "examples"}
        | {"pathItems"}
    ),
    "operation": frozenset({"responses"}),
    "parameter": frozenset({"content", "examples"}),
    "header": frozenset({"content", "examples"}),
    "request_body": frozenset({"content"}),
    "response": frozenset({"content", "headers"}),
    "media": frozenset({"examples"}),
}
"""The keys whose value is a map of nodes of the child kind, by the kind of their holder."""
_MAPS_2: dict[Kind, frozenset[str]] = {
    **_MAPS_3,
    "document": frozenset({"paths", "webhooks", "definitions", "parameters", "responses"}),
}
_NO_KEYS: frozenset[str] = frozenset()


def child_kind(kind: Kind, key: str, swagger2: bool) -> Kind:
    """The kind of node under `key` of a node of `kind` (for lists: the items' kind)."""
    if kind == "schema":
        if key in _SCHEMA_ONE or key in _SCHEMA_LIST or key in _SCHEMA_MAP:
            return "schema"
        if key in _DATA:
            return "data"
        return "other"
    if kind == "data" or kind == "example":
        return "data"
    if key in ("example", "default", "enum", "const"):
        return "data"
    if key == "schema":
        return "schema"
    if kind == "path_item" and key in HTTP_METHODS:
        return "operation"
    return (_CHILD_KINDS_2 if swagger2 else _CHILD_KINDS_3).get(kind, {}).get(key, "other")


def _is_map_of(kind: Kind, key: str, swagger2: bool) -> bool:
    """Whether the value under `key` is a map whose values have the child kind."""
    if kind == "schema":
        return key in _SCHEMA_MAP
    return key in (_MAPS_2 if swagger2 else _MAPS_3).get(kind, _NO_KEYS)


def iter_schema_refs(document: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every `$ref` outside example and default values, with the pointer of its holder."""
    for node, _kind, where in walk_structure(document):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref, where


def iter_schemas(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Every schema object of the document (refs not followed), with its pointer."""
    for node, kind, where in walk_structure(document):
        if kind == "schema":
            yield node, where


def walk_structure(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], Kind, str]]:
    """Every mapping of the document outside example and default values, with its kind."""
    swagger2 = "swagger" in document
    stack: list[tuple[Any, Kind, str]] = [(document, "document", "")]
    # Only containers outside data are pushed: no pointer is spelled for a node never yielded.
    while stack:
        node, kind, where = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (v, kind, f"{where}/{i}") for i, v in enumerate(node) if isinstance(v, dict | list)
            )
            continue
        if not isinstance(node, dict):
            continue
        yield node, kind, where
        for key, value in node.items():
            if not isinstance(value, dict | list):
                continue
            name = str(key)
            child = child_kind(kind, name, swagger2)
            if child == "data":
                continue
            landing = _below(where, name)
            if isinstance(value, dict) and _is_map_of(kind, name, swagger2):
                stack.extend((v, child, _below(landing, str(k))) for k, v in value.items())
            else:
                stack.append((value, child, landing))


def _below(pointer: str, token: str) -> str:
    """`pointer` extended by `token`, escaped only when it has a character to escape."""
    if "~" in token or "/" in token:
        return join_pointer(pointer, token)
    return f"{pointer}/{token}"


@dataclass
class _Bundler:
    root: Path
    read: Reader
    swagger2: bool
    files: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap)
    hoisted: dict[tuple[Target, str], dict[str, Any]] = field(default_factory=dict)
    """(target, section kind) -> the bundled node, in discovery order."""
    ref_sites: list[tuple[dict[str, Any], Target, str]] = field(default_factory=list)
    inlining: list[Target] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.root.parent

    def label(self, path: str) -> str | None:
        return None if path == self.key(self.root) else path

    def key(self, path: Path) -> str:
        return path.as_posix()

    def problem(
        self, code: str, where: Target, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        self.problems.append(Problem(code, where[1], message, self.label(where[0]), severity))

    # ----- the walk ----------------------------------------------------------------------
    def walk(self, node: Any, kind: Kind, at: Target, out: str) -> Any:
        """A copy of `node` (found at `at`, landing at `out`) with its refs bundled."""
        if kind == "data":
            return node
        if isinstance(node, list):
            return [self.walk(v, kind, (at[0], join_pointer(at[1], i)), join_pointer(out, i))
                    for i, v in enumerate(node)]  # fmt: skip
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and not (ref.startswith("#") and at[0] == self.key(self.root)):
            return self.follow(node, ref, kind, at, out)
        result: dict[str, Any] = {}
        for key, value in node.items():
            child = child_kind(kind, str(key), self.swagger2)
            where = (at[0], join_pointer(at[1], str(key)))
            landing = join_pointer(out, str(key))
            if isinstance(value, dict) and _is_map_of(kind, str(key), self.swagger2):
                result[key] = self.walk_map(value, child, where, landing)
            else:
                result[key] = self.walk(value, child, where, landing)
        return result

    def walk_map(self, node: dict[str, Any], kind: Kind, at: Target, out: str) -> dict[str, Any]:
        """A map of `kind` nodes; the map itself may be a `$ref` (seen for `properties`)."""
        ref = node.get("$ref")
        if isinstance(ref, str) and not (ref.startswith("#") and at[0] == self.key(self.root)):
            target = self.resolve(ref, at)
            if target is None or target in self.inlining:
                return {}
            if target[0] == self.key(self.root):
                return {"$ref": "#" + target[1]}
            value = resolve_pointer(self.files[target[0]], target[1])[1]
            if not isinstance(value, dict):
                return {}
            self.inlining.append(target)
            try:
                self.source_map.add(out, self.label(target[0]), target[1])
                return self.walk_map(value, kind, target, out)
            finally:
                self.inlining.pop()
        return {
            key: self.walk(value, kind, (at[0], join_pointer(at[1], str(key))),
                           join_pointer(out, str(key)))
            for key, value in node.items()
        }  # fmt: skip

    def follow(self, node: dict[str, Any], ref: str, kind: Kind, at: Target, out: str) -> Any:
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        target = self.resolve(ref, at)
        if target is None:
            return siblings
        if target[0] == self.key(self.root):
            return {"$ref": "#" + target[1], **siblings}
        sections = SECTIONS_2 if self.swagger2 else SECTIONS_3
        if kind in sections:
            site = {"$ref": "", **siblings}
            self.ref_sites.append((site, target, kind))
            if (target, kind) not in self.hoisted:
                self.hoisted[(target, kind)] = {}  # claimed first: recursion ends here
                data = self.files[target[0]]
                found, value = resolve_pointer(data, target[1])
                self.hoisted[(target, kind)] = self.walk(value if found else {}, kind, target, "")
            return site
        if target in self.inlining:
            self.problem("ref-cycle", at, f"$ref {ref!r} refers back to itself", Severity.WARNING)
            return siblings
        self.inlining.append(target)
        try:
            found, value = resolve_pointer(self.files[target[0]], target[1])
            self.source_map.add(out, self.label(target[0]), target[1])
            copied = self.walk(value, kind, target, out)
        finally:
            self.inlining.pop()
        if isinstance(copied, dict) and siblings:
            return {**copied, **siblings}
        return copied

    def resolve(self, ref: str, at: Target) -> Target | None:
        """The (file, pointer) a ref names, after the checks; None (reported) when refused.

        Refused refs are errors: the SDK would type what they name as `Any` and ship wrong."""
        if _URL.match(ref):
            message = f"remote $ref {ref!r} is refused: the generator never fetches from a network"
            self.problem("remote-ref", at, message)
            return None
        file_part, _, fragment = ref.partition("#")
        if file_part:
            if file_part.startswith(("/", "\\")):
                message = (
                    f"$ref {ref!r} is an absolute path: refused (name a file relative to the"
                    " file that holds the $ref, inside the spec's folder)"
                )
                self.problem("ref-absolute-path", at, message)
                return None
            path = (Path(at[0]).parent / file_part).resolve()
            if not path.is_relative_to(self.folder):
                message = (
                    f"$ref {ref!r} leaves the folder of the spec ({self.folder.name}): refused"
                    " (the generator reads nothing outside it, symlinks followed)"
                )
                self.problem("ref-outside-root", at, message)
                return None
            key = self.key(path)
            if key not in self.files:
                data, error = self.read(path)
                if error is not None:
                    self.problem("external-ref-unreadable", at, f"$ref {ref!r}: {error}")
                    return None
                self.files[key] = data
        else:
            key = at[0]
        found, _ = resolve_pointer(self.files[key], fragment)
        if not found:
            self.problem("dangling-ref", at, f"$ref {ref!r} points at nothing")
            return None
        return key, fragment

    # ----- names -------------------------------------------------------------------------
    def place(self, document: dict[str, Any]) -> None:
        """Name every hoisted node, put it in its section and point its refs at it."""
        sections = SECTIONS_2 if self.swagger2 else SECTIONS_3
        by_kind: dict[str, list[Target]] = {}
        for target, kind in self.hoisted:
            by_kind.setdefault(kind, []).append(target)
        names: dict[tuple[Target, str], str] = {}
        for kind, targets in by_kind.items():
            holder = document
            for part in sections[kind]:
                holder = holder.setdefault(part, {})
            chosen = self.names_for(targets, set(holder))
            for target in targets:
                name = chosen[target]
                names[(target, kind)] = name
                holder[name] = self.hoisted[(target, kind)]
                pointer = join_pointer("", *sections[kind], name)
                self.source_map.add(pointer, self.label(target[0]), target[1])
        for site, target, kind in self.ref_sites:
            path = "/".join(
                escape_pointer_token(p) for p in (*sections[kind], names[(target, kind)])
            )
            site["$ref"] = "#/" + path

    def names_for(self, targets: list[Target], taken: set[str]) -> dict[Target, str]:
        """Distinct names: the last word of the fragment (or the file name), qualified by
        folders and fragment tokens only where two targets want the same name."""
        tokens = {t: self.tokens(t) for t in targets}
        length = dict.fromkeys(targets, 1)
        taken_words = {Name.parse(n).words for n in taken}
        while True:
            chosen = {t: "_".join(tokens[t][-length[t] :]) for t in targets}
            groups: dict[tuple[str, ...], list[Target]] = {}
            for target, name in chosen.items():
                groups.setdefault(Name.parse(name).words, []).append(target)
            grew = False
            for words, group in groups.items():
                if len(group) == 1 and words not in taken_words:
                    continue
                for target in group:
                    if length[target] < len(tokens[target]):
                        length[target] += 1
                        grew = True
            if not grew:
                break
        result: dict[Target, str] = {}
        used = set(taken_words)
        for target in sorted(targets):
            name = chosen[target]
            suffix = 2
            while Name.parse(name).words in used or not Name.parse(name).words:
                name = f"{chosen[target]}_{suffix}"
                suffix += 1
            used.add(Name.parse(name).words)
            result[target] = name
        return result

    def tokens(self, target: Target) -> list[str]:
        relative = Path(target[0]).relative_to(self.folder)
        parts = [*relative.parent.parts, relative.stem]
        fragment = [t for t in target[1].split("/")[1:] if t]
        words = [p for p in parts if p.lower() not in _GENERIC_WORDS or p == parts[-1]]
        fragment = [t for t in fragment if t not in ("components", "schemas", "definitions")]
        if fragment:
            words = [w for w in words if w not in fragment] + fragment
        return words or [relative.stem]


def bundle(
    root: Path, document: dict[str, Any], read: Reader, *, external_refs: bool | None = None
) -> Bundle:
    """`document` (parsed from `root`) with every external ref bundled into it;
    `external_refs` says whether it has any, when already known."""
    root = root.resolve()
    swagger2 = "swagger" in document
    bundler = _Bundler(root, read, swagger2)
    bundler.files[bundler.key(root)] = document
    if not (has_external_refs(document) if external_refs is None else external_refs):
        return Bundle(document, bundler.source_map, [], bundler.files)
    result = bundler.walk(document, "document", (bundler.key(root), ""), "")
    bundler.place(result)
    return Bundle(result, bundler.source_map, bundler.problems, bundler.files)
