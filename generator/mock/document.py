"""The OpenAPI document as the mock reads its schemas: nodes by JSON pointer, local `$ref`s,
the schema nodes that apply to one value, and what a schema says a string on the wire means."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import join_pointer
from generator.load.document import DocumentModel, build_model
from generator.load.refs import fragment_pointer

SPEC_URI = "https://spec-server.invalid/openapi.json"
"""The URI the document is registered under for the validators (never fetched)."""

_INT_RE = re.compile(r"^[+-]?\d+$")
_NUMBER_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")

Facets = list[tuple[str, dict[str, Any]]]
"""Schema nodes with their pointers."""


class SpecDocument:
    """A parsed OpenAPI 3.0 / 3.1 document, read by JSON pointer; its operations, parameters,
    bodies and responses come from the loader's document model, which follows their refs."""

    def __init__(self, spec: dict[str, Any], model: DocumentModel | None = None) -> None:
        if not isinstance(spec, dict):
            raise TypeError("spec must be a dict (a parsed OpenAPI document)")
        version = str(spec.get("openapi", ""))
        if not version.startswith("3."):
            raise ValueError(f"only OpenAPI 3.0 / 3.1 documents are supported (got {version!r})")
        self.spec = spec
        self.is30 = version.startswith("3.0")
        self.model = model if model is not None else build_model(spec)

    def get(self, pointer: str) -> Any:
        found, node = self.model.resolver.lookup(pointer)
        if not found:
            raise KeyError(pointer)
        return node

    def ref_pointer(self, ref: str) -> str | None:
        """The JSON pointer a local ``$ref`` names (None for non-local refs); the validators
        write refs under the document's registered URI."""
        if ref.startswith(SPEC_URI):
            ref = ref[len(SPEC_URI) :]
        if not ref.startswith("#"):
            return None
        return fragment_pointer(ref)

    def facets(self, pointers: list[str]) -> Facets:
        """The schema nodes that all apply to a value: the nodes, their $ref targets, allOf."""
        out: Facets = []
        seen: set[str] = set()

        def visit(ptr: str, depth: int) -> None:
            if ptr in seen or depth > 40:
                return
            seen.add(ptr)
            try:
                node = self.get(ptr)
            except (KeyError, IndexError, ValueError):
                return
            if not isinstance(node, dict):
                return
            out.append((ptr, node))
            ref = node.get("$ref")
            if isinstance(ref, str):
                target = self.ref_pointer(ref)
                if target is not None:
                    visit(target, depth + 1)
            all_of = node.get("allOf")
            if isinstance(all_of, list):
                for i in range(len(all_of)):
                    visit(join_pointer(ptr, "allOf", i), depth + 1)

        for p in pointers:
            visit(p, 0)
        return out

    def ref_target(self, ptr: str) -> str | None:
        """If the schema at ptr is a bare reference, the pointer it refers to."""
        try:
            node = self.get(ptr)
        except (KeyError, IndexError, ValueError):
            return None
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            return self.ref_pointer(node["$ref"])
        return None

    def schema_types(self, pointer: str | None, depth: int = 0) -> list[str]:
        if pointer is None or depth > 8:
            return []
        found: list[str] = []
        for ptr, node in self.facets([pointer]):
            t = node.get("type")
            for name in [t] if isinstance(t, str) else (t if isinstance(t, list) else []):
                if isinstance(name, str) and name not in found:
                    found.append(name)
            for kw in ("oneOf", "anyOf"):
                members = node.get(kw)
                if isinstance(members, list):
                    for i in range(len(members)):
                        for name in self.schema_types(join_pointer(ptr, kw, i), depth + 1):
                            if name not in found:
                                found.append(name)
            if not found and isinstance(node.get("enum"), list):
                for value in node["enum"]:
                    name = _json_type(value)
                    if name not in found:
                        found.append(name)
            if "properties" in node and "object" not in found:
                found.append("object")
            if "items" in node and "array" not in found:
                found.append("array")
        return found

    def coerce(self, raw: str, pointer: str | None) -> Any:
        """Convert a string (query/path/header/form value) by the schema's type."""
        types = self.schema_types(pointer)
        ordered = [t for t in types if t != "string"] + (["string"] if "string" in types else [])
        for t in ordered:
            if t == "integer" and _INT_RE.match(raw):
                return int(raw)
            if t == "number" and _NUMBER_RE.match(raw):
                return int(raw) if _INT_RE.match(raw) else float(raw)
            if t == "boolean" and raw in ("true", "false"):
                return raw == "true"
            if t == "null" and raw in ("", "null"):
                return None
            if t == "string":
                return raw
        return raw

    def items_pointer(self, pointer: str | None) -> str | None:
        if pointer is None:
            return None
        for ptr, node in self.facets([pointer]):
            if isinstance(node.get("items"), dict):
                return join_pointer(ptr, "items")
        return None

    def property_pointers(self, pointer: str | None) -> dict[str, str]:
        out: dict[str, str] = {}
        if pointer is None:
            return out
        for ptr, node in self.facets([pointer]):
            props = node.get("properties")
            if isinstance(props, dict):
                for name in props:
                    out.setdefault(str(name), join_pointer(ptr, "properties", name))
        return out

    def is_binary(self, pointer: str | None) -> bool:
        if pointer is None:
            return False
        for _, node in self.facets([pointer]):
            if node.get("format") == "binary" or "contentMediaType" in node:
                return True
        return False

    def kind(self, pointer: str | None) -> str:
        types = self.schema_types(pointer)
        if "array" in types:
            return "array"
        if "object" in types:
            return "object"
        return "scalar"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
