"""The operations of the document as the mock routes them: each with its path template as a
pattern, its merged path-item and operation parameters, and the server base paths a request may
carry before the template."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.mock.document import SpecDocument, SpecError
from generator.mock.media import is_json_media
from generator.mock.pointers import join

_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    location: str
    required: bool
    pointer: str
    """The pointer of the parameter object, its `$ref` followed."""
    schema_ptr: str | None
    style: str
    explode: bool
    json_content: bool


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    template: str
    operation_id: str
    pointer: str
    node: dict[str, Any]
    regex: re.Pattern[str]
    path_names: tuple[str, ...]
    specificity: tuple[int, ...]
    params: tuple[Param, ...]


class Router:
    """Finds the operation a request is for."""

    def __init__(self, document: SpecDocument) -> None:
        self.document = document
        self.base_paths = _server_base_paths(document.spec)
        self.routes = _read_routes(document)

    def match(self, method: str, raw_path: str) -> tuple[Route | None, list[str], bool]:
        """(operation, raw path-param values, path matched with another method)."""
        candidates = [raw_path]
        for base in self.base_paths:
            if raw_path.startswith(base + "/"):
                candidates.append(raw_path[len(base) :])
        path_matched = False
        for path in candidates:
            for route in self.routes:
                m = route.regex.match(path)
                if not m:
                    continue
                if route.method != method:
                    path_matched = True
                    continue
                return route, list(m.groups()), True
        return None, [], path_matched


def _server_base_paths(spec: dict[str, Any]) -> list[str]:
    out: list[str] = []
    servers = spec.get("servers")
    if not isinstance(servers, list):
        return out
    for server in servers:
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        url = server["url"]
        variables = server.get("variables") if isinstance(server.get("variables"), dict) else {}
        assert isinstance(variables, dict)
        for name, var in variables.items():
            if isinstance(var, dict) and "default" in var:
                url = url.replace("{" + str(name) + "}", str(var["default"]))
        path = urlsplit(url).path if "://" in url else url
        path = path.rstrip("/")
        if path and path.startswith("/") and "{" not in path and path not in out:
            out.append(path)
    return out


def _read_routes(document: SpecDocument) -> list[Route]:
    paths = document.spec.get("paths") or {}
    if not isinstance(paths, dict):
        raise SpecError("'paths' must be an object")
    routes: list[Route] = []
    for template, raw_item in paths.items():
        item, item_ptr = document.deref(raw_item, join("/paths", template))
        if not isinstance(item, dict):
            continue
        regex, names, specificity = _compile_template(str(template))
        shared = _params(document, item.get("parameters"), join(item_ptr, "parameters"))
        for method in _HTTP_METHODS:
            node = item.get(method)
            if not isinstance(node, dict):
                continue
            op_ptr = join(item_ptr, method)
            own = _params(document, node.get("parameters"), join(op_ptr, "parameters"))
            merged: dict[tuple[str, str], Param] = {(p.location, p.name): p for p in shared}
            merged.update({(p.location, p.name): p for p in own})
            op_id = node.get("operationId")
            routes.append(
                Route(
                    method=method.upper(),
                    template=str(template),
                    operation_id=str(op_id) if op_id else f"{method.upper()} {template}",
                    pointer=op_ptr,
                    node=node,
                    regex=regex,
                    path_names=names,
                    specificity=specificity,
                    params=tuple(merged.values()),
                )
            )
    routes.sort(key=lambda r: r.specificity)
    return routes


def _compile_template(template: str) -> tuple[re.Pattern[str], tuple[str, ...], tuple[int, ...]]:
    names: list[str] = []
    spec: list[int] = []
    pieces: list[str] = []
    for segment in template.split("/"):
        parts = re.split(r"(\{[^{}/]+\})", segment)
        out = ""
        for part in parts:
            if part.startswith("{") and part.endswith("}") and len(part) > 2:
                names.append(part[1:-1])
                out += "([^/]+)"
            else:
                out += re.escape(part)
        pieces.append(out)
        spec.append(1 if len(parts) > 1 else 0)
    return re.compile("^" + "/".join(pieces) + "$"), tuple(names), tuple(spec)


def _params(document: SpecDocument, raw: Any, pointer: str) -> list[Param]:
    out: list[Param] = []
    if not isinstance(raw, list):
        return out
    for i, entry in enumerate(raw):
        node, ptr = document.deref(entry, join(pointer, i))
        if not isinstance(node, dict) or "name" not in node or "in" not in node:
            continue
        location = str(node["in"])
        default_style = "simple" if location in ("path", "header") else "form"
        style = str(node.get("style", default_style))
        explode = bool(node.get("explode", style == "form"))
        schema_ptr: str | None = None
        json_content = False
        if "schema" in node:
            schema_ptr = join(ptr, "schema")
        elif isinstance(node.get("content"), dict) and node["content"]:
            media = next(iter(node["content"]))
            json_content = is_json_media(str(media))
            if isinstance(node["content"][media], dict) and "schema" in node["content"][media]:
                schema_ptr = join(ptr, "content", media, "schema")
        out.append(
            Param(
                name=str(node["name"]),
                location=location,
                required=bool(node.get("required", location == "path")),
                pointer=ptr,
                schema_ptr=schema_ptr,
                style=style,
                explode=explode,
                json_content=json_content,
            )
        )
    return out
