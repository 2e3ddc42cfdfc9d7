"""The operations of the document as the mock routes them: the document model's operations, each
with its path template as a pattern, and the server base paths a request may carry before the
template."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.load.document import DocumentModel, Operation, Parameter
from generator.mock.media import is_json_media


@dataclass(frozen=True, slots=True)
class Route:
    operation: Operation
    operation_id: str
    """The spec's operationId, else `METHOD /path`."""
    regex: re.Pattern[str]
    path_names: tuple[str, ...]
    specificity: tuple[int, ...]

    @property
    def method(self) -> str:
        return self.operation.method.upper()

    @property
    def template(self) -> str:
        return self.operation.path


def schema_pointer(parameter: Parameter) -> str | None:
    return parameter.schema.pointer if parameter.schema is not None else None


def json_content(parameter: Parameter) -> bool:
    """Whether the parameter's value is JSON (`content` with a JSON media type)."""
    return parameter.media_type is not None and is_json_media(parameter.media_type)


class Router:
    """Finds the operation a request is for."""

    def __init__(self, model: DocumentModel) -> None:
        self.base_paths = _server_base_paths(model)
        self.routes = sorted((_route(op) for op in model.operations), key=lambda r: r.specificity)

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


def _server_base_paths(model: DocumentModel) -> list[str]:
    out: list[str] = []
    for server in model.servers:
        url = server.default_url()
        path = urlsplit(url).path if "://" in url else url
        path = path.rstrip("/")
        if path and path.startswith("/") and "{" not in path and path not in out:
            out.append(path)
    return out


def _route(operation: Operation) -> Route:
    regex, names, specificity = _compile_template(operation.path)
    method = operation.method.upper()
    return Route(
        operation=operation,
        operation_id=operation.operation_id or f"{method} {operation.path}",
        regex=regex,
        path_names=names,
        specificity=specificity,
    )


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
