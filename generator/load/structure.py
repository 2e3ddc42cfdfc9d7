"""Structural checks of an OpenAPI document: one straight walk over its mappings and lists.

What a generator relies on is checked here, fast enough to run on every `generate`: the fixed
fields and their types, operations, parameters and path templates, bodies and responses,
component names, schemas and security schemes. The full OpenAPI schema validation
(openapi-spec-validator, seconds on large documents) is the loader's opt-in.

A `$ref` object stands for any object: it is accepted where it appears and what it points at is
checked where that is defined. The only ref looked up (through `load.refs`, the one resolver) is
a parameter's, to read its name when matching path templates. Examples, defaults, enums and `x-`
extensions are data: not walked. Schemas are walked with a stack, each distinct node once, so
depth and YAML aliases cost nothing extra. Swagger 2.0 documents get the same checks in 2.0 terms.

Most findings are `invalid-openapi` warnings: real documents break the letter of the
specification in ways that generate fine. The codes in ERROR_CODES are what no SDK can work
around (two operations with one operationId, a path template whose `{name}` no path parameter
fills or that names one twice, a header name HTTP cannot send): the loader makes them errors.

Pure: takes the parsed document, returns (code, JSON pointer, message) findings.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.diagnostics import join_pointer
from generator.load.cycles import CODE as ALLOF_CYCLE
from generator.load.cycles import Edges, allof_cycles
from generator.load.document import HTTP_METHODS, HTTP_TOKEN, SWAGGER2_METHODS
from generator.load.refs import Resolver

CODE = "invalid-openapi"
ERROR_CODES = frozenset(
    {"duplicate-operation-id", "path-param-undeclared", "path-param-repeated"}
    | {"invalid-header-name", ALLOF_CYCLE}
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

Finding = tuple[str, str, str]
Dialect = Literal["2.0", "3.0", "3.1"]
_Check = Callable[[Any, str, Any], object]
"""Checks one entry of a named section: (value, pointer, name)."""

_LOCATIONS_3 = ("query", "header", "path", "cookie")
_LOCATIONS_2 = ("query", "header", "path", "formData", "body")
_TYPES_3 = frozenset({"string", "number", "integer", "boolean", "array", "object"})
# Swagger 2.0 schemas take JSON Schema draft 4's `type`: a name or a list of names, "null" too.
_TYPES: dict[Dialect, frozenset[str]] = {
    "2.0": _TYPES_3 | {"null", "file"},
    "3.0": _TYPES_3,
    "3.1": _TYPES_3 | {"null"},
}
_TYPE_LISTS: frozenset[Dialect] = frozenset({"2.0", "3.1"})
_PARAMETER_TYPES_2 = frozenset({"string", "number", "integer", "boolean", "array", "file"})
_SCHEME_TYPES: dict[Dialect, tuple[str, ...]] = {
    "2.0": ("basic", "apiKey", "oauth2"),
    "3.0": ("apiKey", "http", "oauth2", "openIdConnect"),
    "3.1": ("apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"),
}
_COMPONENT_NAME = re.compile(r"^[a-zA-Z0-9._-]+$")
_STATUS = {
    "2.0": re.compile(r"^[1-5][0-9]{2}$"),
    "3.0": re.compile(r"^[1-5](?:[0-9]{2}|XX)$"),
    "3.1": re.compile(r"^[1-5](?:[0-9]{2}|XX)$"),
}
_TEMPLATE = re.compile(r"\{([^{}]+)\}")

# How a schema keyword holds subschemas: one schema, a list of them, or a map of them.
_ONE, _LIST, _MAP = 1, 2, 3
_SUBSCHEMAS = {
    **dict.fromkeys(("items", "not", "additionalItems", "contains", "propertyNames"), _ONE),
    **dict.fromkeys(("if", "then", "else", "unevaluatedItems", "contentSchema"), _ONE),
    **dict.fromkeys(("allOf", "anyOf", "oneOf", "prefixItems"), _LIST),
    **dict.fromkeys(("properties", "patternProperties", "$defs", "dependentSchemas"), _MAP),
}
_BOOLEAN_OR_SCHEMA = ("additionalProperties", "unevaluatedProperties")


def check_structure(document: dict[str, Any]) -> list[Finding]:
    """Every structural problem of `document`, as ("invalid-openapi", pointer, message)."""
    checker = _Checker(dialect_of(document), document, Resolver(document))
    checker.check_document()
    return checker.findings


def dialect_of(document: dict[str, Any]) -> Dialect:
    if "openapi" not in document and "swagger" in document:
        return "2.0"
    return "3.0" if str(document.get("openapi", "")).startswith("3.0") else "3.1"


def _show(value: Any) -> str:
    """A value as a message names it: short, and its kind when it is a container."""
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    text = text if len(text) <= 60 else text[:57] + "..."
    return f"the list {text}" if isinstance(value, list) else text


def _at(pointer: str, key: Any) -> str:
    """`pointer` extended by `key`; the common case (no '~' or '/' to escape) kept cheap."""
    if isinstance(key, int) or (isinstance(key, str) and "~" not in key and "/" not in key):
        return f"{pointer}/{key}"
    return join_pointer(pointer, key if isinstance(key, str | int) else str(key))


@dataclass(frozen=True, slots=True)
class _PathParam:
    name: str
    pointer: str


@dataclass
class _Params:
    """The path parameters one `parameters` list declares; `known` is False when a ref hides one."""

    path: list[_PathParam] = field(default_factory=list)
    known: bool = True


@dataclass
class _Checker:
    dialect: Dialect
    document: dict[str, Any]
    resolver: Resolver
    findings: list[Finding] = field(default_factory=list)
    operation_ids: dict[str, str] = field(default_factory=dict)
    schemas: deque[tuple[Any, str]] = field(default_factory=deque)
    """Schemas met on the way, walked last (in the order met) by `drain_schemas`."""
    path_items: deque[tuple[Any, str, str | None]] = field(default_factory=deque)
    """(path item, pointer, path template or None for webhooks and callbacks)."""
    composition: Edges = field(default_factory=dict)
    """allOf members and local refs of the schemas walked: where an allOf cycle would show."""
    composed: list[str] = field(default_factory=list)
    """The schemas that have an allOf."""
    referred_parameters: dict[str, dict[Any, Any] | None] = field(default_factory=dict)
    """The parameter each `$ref` of a parameter list leads to (looked up once per ref)."""

    @property
    def v2(self) -> bool:
        return self.dialect == "2.0"

    def add(self, pointer: str, message: str, code: str = CODE) -> None:
        self.findings.append((code, pointer, message))

    def mapping(self, node: Any, pointer: str, what: str) -> dict[Any, Any] | None:
        if isinstance(node, dict):
            return node
        self.add(pointer, f"{what} must be a mapping, not {_show(node)}")
        return None

    def sequence(self, node: Any, pointer: str, what: str) -> list[Any] | None:
        if isinstance(node, list):
            return node
        self.add(pointer, f"{what} must be a list, not {_show(node)}")
        return None

    def required_string(self, node: dict[Any, Any], key: str, pointer: str, owner: str) -> None:
        if key in node:
            self.optional_string(node, key, pointer)
        else:
            self.add(pointer, f"{owner} has no `{key}`")

    def optional_string(self, node: dict[Any, Any], key: str, pointer: str) -> None:
        if key in node and not isinstance(node[key], str):
            self.add(_at(pointer, key), f"`{key}` must be a string, not {_show(node[key])}")

    def entries(self, node: Any, pointer: str, what: str) -> Iterator[tuple[Any, Any, str]]:
        """(key, value, pointer) of a mapping's non-extension entries; reports a non-mapping."""
        found = self.mapping(node, pointer, what)
        if found is None:
            return
        for key, value in found.items():
            if not (isinstance(key, str) and key.startswith("x-")):
                yield key, value, _at(pointer, key)

    # The document and its top-level sections.

    def check_document(self) -> None:
        document = self.document
        version_key = "swagger" if self.v2 else "openapi"
        self.optional_string(document, version_key, "")
        if "info" in document:
            self.info(document["info"])
        else:
            self.add("", "the document has no `info`")
        self.top_level_sections()
        if "paths" in document:
            self.paths(document["paths"])
        elif self.dialect != "3.1":
            self.add("", "the document has no `paths`")
        elif "components" not in document and "webhooks" not in document:
            self.add("", "the document has none of `paths`, `components` and `webhooks`")
        self.security_requirements(document, "")
        self.tags(document.get("tags"))
        while self.path_items:
            self.path_item(*self.path_items.popleft())
        self.drain_schemas()
        if self.composed:
            self.findings += allof_cycles(self.composition, self.composed)

    def info(self, node: Any) -> None:
        info = self.mapping(node, "/info", "`info`")
        if info is not None:
            self.required_string(info, "title", "/info", "`info`")
            self.required_string(info, "version", "/info", "`info`")

    def top_level_sections(self) -> None:
        document = self.document
        if self.v2:
            self.swagger_sections(document)
            return
        self.servers(document, "")
        if "components" in document:
            self.components(document["components"])
        if "webhooks" in document:
            for _name, item, pointer in self.entries(
                document["webhooks"], "/webhooks", "`webhooks`"
            ):
                self.path_items.append((item, pointer, None))

    def tags(self, node: Any) -> None:
        if node is None:
            return
        for index, tag in enumerate(self.sequence(node, "/tags", "`tags`") or ()):
            pointer = join_pointer("/tags", index)
            found = self.mapping(tag, pointer, "a tag")
            if found is not None:
                self.required_string(found, "name", pointer, "the tag")

    def security_requirements(self, owner: dict[Any, Any], pointer: str) -> None:
        if "security" not in owner:
            return
        here = join_pointer(pointer, "security")
        for index, requirement in enumerate(
            self.sequence(owner["security"], here, "`security`") or ()
        ):
            self.mapping(requirement, join_pointer(here, index), "a security requirement")

    def servers(self, owner: dict[Any, Any], pointer: str) -> None:
        if "servers" not in owner:
            return
        here = join_pointer(pointer, "servers")
        for index, server in enumerate(self.sequence(owner["servers"], here, "`servers`") or ()):
            self.server(server, join_pointer(here, index))

    def server(self, node: Any, pointer: str) -> None:
        server = self.mapping(node, pointer, "a server")
        if server is None:
            return
        self.required_string(server, "url", pointer, "the server")
        if "variables" not in server:
            return
        variables = join_pointer(pointer, "variables")
        for name, variable, here in self.entries(server["variables"], variables, "`variables`"):
            found = self.mapping(variable, here, f"server variable {name!r}")
            if found is not None:
                self.required_string(found, "default", here, f"server variable {name!r}")
                if "enum" in found:
                    self.sequence(found["enum"], join_pointer(here, "enum"), "`enum`")

    # Paths, path items and operations.

    def paths(self, node: Any) -> None:
        for key, item, pointer in self.entries(node, "/paths", "`paths`"):
            if not (isinstance(key, str) and key.startswith("/")):
                self.add(pointer, f"path {_show(key)} must start with '/'")
                continue
            names = _TEMPLATE.findall(key)
            for name in sorted({n for n in names if names.count(n) > 1}):
                message = (
                    f"the path {key!r} has {{{name}}} {names.count(name)} times; one path"
                    " parameter cannot fill two places (name each place differently)"
                )
                self.add(pointer, message, "path-param-repeated")
            self.path_items.append((item, pointer, key))

    def path_item(self, node: Any, pointer: str, template: str | None) -> None:
        item = self.mapping(node, pointer, "a path item")
        if item is None or "$ref" in item:
            return
        if not self.v2:
            self.servers(item, pointer)
        shared = self.parameters(item, pointer)
        if template is not None:
            self.unused_path_params(shared.path, template)
        for method in SWAGGER2_METHODS if self.v2 else HTTP_METHODS:
            if method in item:
                operation = self.mapping(
                    item[method], join_pointer(pointer, method), f"operation `{method}`"
                )
                if operation is not None:
                    self.operation(operation, join_pointer(pointer, method), template, shared)

    def operation(
        self, operation: dict[Any, Any], pointer: str, template: str | None, shared: _Params
    ) -> None:
        self.operation_id(operation, pointer)
        own = self.parameters(operation, pointer)
        if template is not None:
            self.unused_path_params(own.path, template)
            if shared.known and own.known:
                declared = [p.name for p in [*shared.path, *own.path]]
                self.undeclared_path_params(template, declared, pointer)
        if "tags" in operation:
            self.operation_tags(operation["tags"], join_pointer(pointer, "tags"))
        if "requestBody" in operation and not self.v2:
            self.request_body(operation["requestBody"], join_pointer(pointer, "requestBody"))
        if "responses" in operation:
            self.responses(operation["responses"], join_pointer(pointer, "responses"))
        elif self.dialect != "3.1":
            self.add(pointer, "the operation has no `responses`")
        if "callbacks" in operation and not self.v2:
            self.callbacks(operation["callbacks"], join_pointer(pointer, "callbacks"))
        if not self.v2:
            self.servers(operation, pointer)
        self.security_requirements(operation, pointer)

    def operation_tags(self, node: Any, pointer: str) -> None:
        for index, tag in enumerate(self.sequence(node, pointer, "`tags`") or ()):
            if not isinstance(tag, str):
                self.add(join_pointer(pointer, index), f"a tag must be a string, not {_show(tag)}")

    def operation_id(self, operation: dict[Any, Any], pointer: str) -> None:
        if "operationId" not in operation:
            return
        value = operation["operationId"]
        here = join_pointer(pointer, "operationId")
        if not isinstance(value, str):
            self.add(here, f"`operationId` must be a string, not {_show(value)}")
        elif value in self.operation_ids:
            message = (
                f"operationId {value!r} is also used at {self.operation_ids[value]}; an"
                " operationId names one operation"
            )
            self.add(here, message, "duplicate-operation-id")
        else:
            self.operation_ids[value] = pointer

    def callbacks(self, node: Any, pointer: str) -> None:
        for name, callback, here in self.entries(node, pointer, "`callbacks`"):
            self.callback(callback, here, name)

    def callback(self, node: Any, pointer: str, name: Any) -> None:
        callback = self.mapping(node, pointer, f"callback {_show(name)}")
        if callback is None or "$ref" in callback:
            return
        for key, item in callback.items():
            if not (isinstance(key, str) and key.startswith("x-")):
                self.path_items.append((item, _at(pointer, key), None))

    # Parameters and path templates.

    def parameters(self, owner: dict[Any, Any], pointer: str) -> _Params:
        found = _Params()
        if "parameters" not in owner:
            return found
        here = join_pointer(pointer, "parameters")
        listed = self.sequence(owner["parameters"], here, "`parameters`") or []
        seen: dict[tuple[Any, Any], str] = {}
        for index, node in enumerate(listed):
            where = join_pointer(here, index)
            parameter = self.parameter_entry(node, where)
            if parameter is None:
                found.known = found.known and not (isinstance(node, dict) and "$ref" in node)
                continue
            name, location = parameter.get("name"), parameter.get("in")
            if not isinstance(name, str) or not isinstance(location, str):
                continue
            if (name, location) in seen:
                message = (
                    f"parameter {name!r} in {location} is also declared at {seen[name, location]}"
                )
                self.add(where, message)
            seen[name, location] = where
            if location == "path":
                found.path.append(_PathParam(name, where))
        return found

    def parameter_entry(self, node: Any, pointer: str) -> dict[Any, Any] | None:
        """The parameter a list entry declares (a local ref is looked up, not checked)."""
        if isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str):
                return self.resolver.resolve(node, pointer).mapping()
            if ref not in self.referred_parameters:
                self.referred_parameters[ref] = self.resolver.resolve(node, pointer).mapping()
            return self.referred_parameters[ref]
        return self.parameter(node, pointer)

    def parameter(self, node: Any, pointer: str) -> dict[Any, Any] | None:
        parameter = self.mapping(node, pointer, "a parameter")
        if parameter is None or "$ref" in parameter:
            return parameter
        self.required_string(parameter, "name", pointer, "the parameter")
        name = parameter.get("name")
        label = f"parameter {name!r}" if isinstance(name, str) else "the parameter"
        location = parameter.get("in")
        locations = _LOCATIONS_2 if self.v2 else _LOCATIONS_3
        if "in" not in parameter:
            self.add(pointer, f"{label} has no `in`")
        elif location not in locations:
            allowed = ", ".join(locations)
            self.add(
                join_pointer(pointer, "in"),
                f"{label} is `in: {location}`; `in` must be one of {allowed}",
            )
        if location == "path" and parameter.get("required") is not True:
            self.add(pointer, f"path {label} must have `required: true`")
        if location == "header" and isinstance(name, str):
            where = join_pointer(pointer, "name")
            self.header_name(name, where, f"header parameter {name!r}", droppable=True)
        if self.v2:
            self.swagger_parameter_type(parameter, pointer, label)
        else:
            self.schema_or_content(parameter, pointer, label)
        return parameter

    def header_name(self, name: str, pointer: str, label: str, *, droppable: bool = False) -> None:
        """A header the SDK sends: its name must be an HTTP token, or no request can carry it.
        `label` says which header it is, in the message. A `droppable` one (a parameter) is
        left out of every SDK with a warning, unless a control character (a line break) makes
        the document suspect: that, and a security scheme's header, stay errors."""
        if HTTP_TOKEN.match(name):
            return
        rule = "letters, digits and !#$%&'*+-.^_`|~ only: no spaces, colons, quotes or line breaks"
        if droppable and not _CONTROL.search(name):
            message = f"{label} is not an HTTP header name ({rule}): no request can send it, so"
            self.add(pointer, message + " every SDK leaves it out", "header-parameter-unsendable")
        else:
            self.add(pointer, f"{label} is not an HTTP header name ({rule})", "invalid-header-name")

    def schema_or_content(self, node: dict[Any, Any], pointer: str, label: str) -> None:
        """A 3.x parameter or header: exactly one of `schema` and `content`."""
        if "schema" in node and "content" in node:
            self.add(pointer, f"{label} has both `schema` and `content`; give one")
        elif "schema" in node:
            self.schemas.append((node["schema"], join_pointer(pointer, "schema")))
        elif "content" in node:
            self.content(node["content"], join_pointer(pointer, "content"))
        else:
            self.add(pointer, f"{label} has neither `schema` nor `content`")

    def swagger_parameter_type(self, parameter: dict[Any, Any], pointer: str, label: str) -> None:
        if parameter.get("in") == "body":
            if "schema" in parameter:
                self.schemas.append((parameter["schema"], join_pointer(pointer, "schema")))
            else:
                self.add(pointer, f"body {label} has no `schema`")
        elif "type" not in parameter:
            self.add(pointer, f"{label} has no `type`")
        else:
            here = join_pointer(pointer, "type")
            self.type_names(parameter["type"], here, _PARAMETER_TYPES_2, lists=False)

    def unused_path_params(self, declared: list[_PathParam], template: str) -> None:
        names = set(_TEMPLATE.findall(template))
        for parameter in declared:
            if parameter.name not in names:
                message = (
                    f"path parameter {parameter.name!r} does not appear in the path {template!r}"
                )
                self.add(parameter.pointer, message)

    def undeclared_path_params(self, template: str, declared: list[str], pointer: str) -> None:
        in_template = _TEMPLATE.findall(template)
        unused = [name for name in dict.fromkeys(declared) if name not in in_template]
        for name in dict.fromkeys(in_template):
            if name not in declared:
                message = (
                    f"the path {template!r} has {{{name}}} "
                    f"but the operation declares no path parameter {name!r}"
                )
                if unused:
                    message += f" (it declares {', '.join(repr(n) for n in unused)})"
                self.add(pointer, message, "path-param-undeclared")

    # Bodies, responses, media types, headers.

    def request_body(self, node: Any, pointer: str) -> None:
        body = self.mapping(node, pointer, "`requestBody`")
        if body is None or "$ref" in body:
            return
        if "content" in body:
            self.content(body["content"], join_pointer(pointer, "content"))
        else:
            self.add(pointer, "the request body has no `content`")

    def responses(self, node: Any, pointer: str) -> None:
        responses = self.mapping(node, pointer, "`responses`")
        if responses is None:
            return
        if not responses:
            self.add(pointer, "`responses` is empty; it needs at least one response")
        status = _STATUS[self.dialect]
        for key, response, here in self.entries(responses, pointer, "`responses`"):
            code = str(key)
            if code != "default" and not status.match(code):
                self.add(
                    here,
                    f"response key {_show(key)} is not a status code, a range like 4XX, or default",
                )
            self.response(response, here)

    def response(self, node: Any, pointer: str) -> None:
        response = self.mapping(node, pointer, "a response")
        if response is None or "$ref" in response:
            return
        self.required_string(response, "description", pointer, "the response")
        if "headers" in response:
            self.headers(response["headers"], join_pointer(pointer, "headers"))
        if self.v2:
            if "schema" in response:
                self.schemas.append((response["schema"], join_pointer(pointer, "schema")))
            return
        if "content" in response:
            self.content(response["content"], join_pointer(pointer, "content"))
        if "links" in response:
            self.mapping(response["links"], join_pointer(pointer, "links"), "`links`")

    def headers(self, node: Any, pointer: str) -> None:
        for name, header, here in self.entries(node, pointer, "`headers`"):
            self.header(header, here, f"header {_show(name)}")

    def header(self, node: Any, pointer: str, label: str) -> None:
        header = self.mapping(node, pointer, label)
        if header is None or "$ref" in header:
            return
        if not self.v2:
            self.schema_or_content(header, pointer, label)
        elif "type" in header:
            here = join_pointer(pointer, "type")
            self.type_names(header["type"], here, _PARAMETER_TYPES_2, lists=False)
        else:
            self.add(pointer, f"{label} has no `type`")

    def content(self, node: Any, pointer: str) -> None:
        for media_type, entry, here in self.entries(node, pointer, "`content`"):
            found = self.mapping(entry, here, f"media type {_show(media_type)}")
            if found is None:
                continue
            if "schema" in found:
                self.schemas.append((found["schema"], join_pointer(here, "schema")))
            for key in ("examples", "encoding"):
                if key in found:
                    self.mapping(found[key], join_pointer(here, key), f"`{key}`")

    # Components (3.x) and their Swagger 2.0 counterparts.

    def components(self, node: Any) -> None:
        components = self.mapping(node, "/components", "`components`")
        if components is None:
            return
        for section, check in self.component_checks().items():
            if section in components:
                self.named_section(components[section], join_pointer("/components", section), check)

    def component_checks(self) -> dict[str, _Check]:
        checks: dict[str, _Check] = {
            "schemas": lambda value, pointer, _name: self.schemas.append((value, pointer)),
            "responses": lambda value, pointer, _name: self.response(value, pointer),
            "parameters": lambda value, pointer, _name: self.parameter(value, pointer),
            "examples": lambda value, pointer, name: self.mapping(
                value, pointer, f"example {name!r}"
            ),
            "requestBodies": lambda value, pointer, _name: self.request_body(value, pointer),
            "headers": lambda value, pointer, name: self.header(value, pointer, f"header {name!r}"),
            "securitySchemes": self.security_scheme,
            "links": lambda value, pointer, name: self.mapping(value, pointer, f"link {name!r}"),
            "callbacks": lambda value, pointer, name: self.callback(value, pointer, name),
        }
        if self.dialect == "3.1":
            checks["pathItems"] = lambda value, pointer, _name: self.path_items.append(
                (value, pointer, None)
            )
        return checks

    def named_section(self, node: Any, pointer: str, check: _Check) -> None:
        section = pointer.rsplit("/", 1)[-1]
        for name, value, here in self.entries(node, pointer, f"`{section}`"):
            if not self.v2 and not (isinstance(name, str) and _COMPONENT_NAME.match(name)):
                self.add(
                    here,
                    f"component name {_show(name)} may hold only letters, digits, '.', '_' and '-'",
                )
            check(value, here, name)

    def swagger_sections(self, document: dict[Any, Any]) -> None:
        checks: dict[str, _Check] = {
            "definitions": lambda value, pointer, _name: self.schemas.append((value, pointer)),
            "parameters": lambda value, pointer, _name: self.parameter(value, pointer),
            "responses": lambda value, pointer, _name: self.response(value, pointer),
            "securityDefinitions": self.security_scheme,
        }
        for section, check in checks.items():
            if section in document:
                self.named_section(document[section], join_pointer("", section), check)

    def security_scheme(self, node: Any, pointer: str, name: Any) -> None:
        label = f"security scheme {_show(name)}"
        scheme = self.mapping(node, pointer, label)
        if scheme is None or "$ref" in scheme:
            return
        kind = scheme.get("type")
        allowed = _SCHEME_TYPES[self.dialect]
        if "type" not in scheme:
            self.add(pointer, f"{label} has no `type`")
        elif kind not in allowed:
            self.add(
                join_pointer(pointer, "type"),
                f"{label} has type {_show(kind)}; it must be one of {', '.join(allowed)}",
            )
        elif kind == "apiKey":
            self.required_string(scheme, "name", pointer, label)
            if scheme.get("in") == "header" and isinstance(scheme.get("name"), str):
                header = f"the header name {scheme['name']!r} of {label}"
                self.header_name(scheme["name"], join_pointer(pointer, "name"), header)
            places = ("query", "header") if self.v2 else ("query", "header", "cookie")
            if scheme.get("in") not in places:
                self.add(
                    pointer,
                    f"{label} is `in: {scheme.get('in')}`; `in` must be one of {', '.join(places)}",
                )
        elif kind == "http":
            self.required_string(scheme, "scheme", pointer, label)
        elif kind == "openIdConnect":
            self.required_string(scheme, "openIdConnectUrl", pointer, label)
        elif kind == "oauth2" and not self.v2 and "flows" not in scheme:
            self.add(pointer, f"{label} has no `flows`")
        elif kind == "oauth2" and self.v2 and "flow" not in scheme:
            self.add(pointer, f"{label} has no `flow`")

    # Schemas.

    def drain_schemas(self) -> None:
        """Check every schema met so far and the schemas inside them, each distinct node once."""
        seen: set[int] = set()
        stack = self.schemas
        while stack:
            node, pointer = stack.popleft()
            if id(node) in seen:
                continue
            if isinstance(node, dict):
                seen.add(id(node))
                ref = node.get("$ref")
                if ref is None:
                    self.schema(node, pointer)
                elif isinstance(ref, str) and ref.startswith("#"):
                    self.composition[pointer] = [(ref[1:], False)]
            elif not (isinstance(node, bool) and self.dialect == "3.1"):
                self.add(pointer, f"a schema must be a mapping, not {_show(node)}")

    def schema(self, schema: dict[Any, Any], pointer: str) -> None:
        stack = self.schemas
        type_names = _TYPES[self.dialect]
        for key, value in schema.items():
            kind = _SUBSCHEMAS.get(key)
            if kind == _ONE:
                self.subschema(key, value, pointer)
            elif kind == _LIST:
                here = _at(pointer, key)
                members = self.sequence(value, here, f"`{key}`") or ()
                for index, member in enumerate(members):
                    stack.append((member, _at(here, index)))
                if key == "allOf" and members:
                    self.composed.append(pointer)
                    self.composition[pointer] = [(_at(here, i), True) for i in range(len(members))]
            elif kind == _MAP:
                here = _at(pointer, key)
                for name, member in (self.mapping(value, here, f"`{key}`") or {}).items():
                    stack.append((member, _at(here, name)))
            elif key == "type":
                if not (isinstance(value, str) and value in type_names):
                    self.type_name(value, _at(pointer, "type"))
            elif key in _BOOLEAN_OR_SCHEMA:
                if not isinstance(value, bool):
                    stack.append((value, _at(pointer, key)))
            elif key == "required":
                self.required_list(value, _at(pointer, "required"))
            elif key == "enum":
                self.sequence(value, _at(pointer, "enum"), "`enum`")
            elif key == "discriminator":
                self.discriminator(value, _at(pointer, "discriminator"))

    def subschema(self, key: str, value: Any, pointer: str) -> None:
        if isinstance(value, list):
            self.add(_at(pointer, key), f"`{key}` must be one schema, not a list")
        else:
            self.schemas.append((value, _at(pointer, key)))

    def type_name(self, value: Any, pointer: str) -> None:
        """A schema's `type`: a type name, or (2.0 and 3.1) a list of them."""
        self.type_names(value, pointer, _TYPES[self.dialect], self.dialect in _TYPE_LISTS)

    def type_names(self, value: Any, pointer: str, allowed: frozenset[str], lists: bool) -> None:
        if isinstance(value, list) and lists:
            for index, member in enumerate(value):
                self.type_names(member, _at(pointer, index), allowed, lists=False)
        elif not isinstance(value, str):
            kinds = "a type name or a list of them" if lists else "a type name"
            self.add(pointer, f"`type` must be {kinds}, not {_show(value)}")
        elif value not in allowed:
            names = ", ".join(sorted(allowed))
            self.add(pointer, f"{value!r} is not a type name; use one of {names}")

    def required_list(self, value: Any, pointer: str) -> None:
        listed = self.sequence(value, pointer, "`required`")
        if listed is None:
            return
        seen: set[str] = set()
        for index, name in enumerate(listed):
            if not isinstance(name, str):
                self.add(
                    _at(pointer, index),
                    f"`required` lists property names; {_show(name)} is not a string",
                )
            elif name in seen:
                self.add(_at(pointer, index), f"`required` lists {name!r} twice")
            else:
                seen.add(name)

    def discriminator(self, value: Any, pointer: str) -> None:
        if self.v2:
            if not isinstance(value, str):
                self.add(pointer, f"`discriminator` must be a property name, not {_show(value)}")
            return
        found = self.mapping(value, pointer, "`discriminator`")
        if found is not None:
            self.required_string(found, "propertyName", pointer, "the discriminator")
            if "mapping" in found:
                self.mapping(found["mapping"], _at(pointer, "mapping"), "`mapping`")
