"""Swagger 2.0 to OpenAPI 3.0, so one IR builder serves both.

What moves (facts of the two specifications):
  host + basePath + schemes      -> servers
  definitions                    -> components/schemas
  parameters (in: body)          -> requestBody, one content entry per `consumes` type
  parameters (in: formData)      -> requestBody of an object schema, form or multipart
  other parameters               -> parameters whose type keywords move under `schema`;
                                    collectionFormat -> style/explode
  responses (schema, headers)    -> content per `produces` type, headers with schemas
  securityDefinitions            -> components/securitySchemes
  schema keywords                -> `x-nullable` -> nullable, a string `discriminator` ->
                                    {propertyName}, `type: file` -> binary string
Pointers that move are recorded in a SourceMap, so diagnostics still name the 2.0 source.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import join_pointer
from generator.load.document import SWAGGER2_METHODS
from generator.load.origins import SourceMap

OPENAPI_VERSION = "3.0.3"
_REF_PREFIXES = {
    "#/definitions/": "#/components/schemas/",
    "#/parameters/": "#/components/parameters/",
    "#/responses/": "#/components/responses/",
}
_SCHEMA_KEYWORDS = (
    "type", "format", "items", "enum", "default", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
    "uniqueItems", "multipleOf",
)  # fmt: skip
_COLLECTION_FORMATS: dict[str, tuple[str, bool]] = {
    "csv": ("form", False),
    "multi": ("form", True),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
}
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"
_DATA_KEYS = frozenset({"example", "default", "enum", "x-example"})
_CHANGED_SCALAR_KEYS = frozenset({"$ref", "x-nullable", "discriminator", "type"})
"""The keys whose scalar value `convert_schema` rewrites; any other scalar is kept as is."""


def is_swagger2(document: dict[str, Any]) -> bool:
    return str(document.get("swagger", "")).startswith("2.")


def rewrite_ref(ref: str) -> str:
    for old, new in _REF_PREFIXES.items():
        if ref.startswith(old):
            return new + ref[len(old) :]
    return ref


def convert_schema(node: Any) -> Any:
    """A 2.0 schema as a 3.0 schema (a copy; the input is never changed)."""
    if isinstance(node, list):
        return [convert_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if not isinstance(value, dict | list) and key not in _CHANGED_SCALAR_KEYS:
            result[key] = value
        elif key == "$ref" and isinstance(value, str):
            result[key] = rewrite_ref(value)
        elif key in _DATA_KEYS:
            result[key] = value
        elif key == "x-nullable":
            result["nullable"] = bool(value)
        elif key == "discriminator" and isinstance(value, str):
            result[key] = {"propertyName": value}
        elif key == "type" and value == "file":
            result["type"] = "string"
            result["format"] = "binary"
        elif key == "properties" and isinstance(value, dict):
            result[key] = {name: convert_schema(sub) for name, sub in value.items()}
        else:
            result[key] = convert_schema(value)
    return result


def _simple_schema(param: dict[str, Any]) -> dict[str, Any]:
    """The schema of a non-body 2.0 parameter (or header, or items) from its type keywords."""
    schema: dict[str, Any] = {}
    for key in _SCHEMA_KEYWORDS:
        if key in param:
            value = param[key]
            schema[key] = (
                _simple_schema(value) if key == "items" and isinstance(value, dict) else value
            )
    if schema.get("type") == "file":
        schema["type"], schema["format"] = "string", "binary"
    if param.get("x-nullable"):
        schema["nullable"] = True
    converted: dict[str, Any] = convert_schema(schema)
    return converted


class _Converter:
    def __init__(self, document: dict[str, Any]) -> None:
        self.source = document
        self.map = SourceMap()
        self.consumes = _media_list(document.get("consumes")) or ["application/json"]
        self.produces = _media_list(document.get("produces")) or ["application/json"]
        raw_params = document.get("parameters")
        self.global_params: dict[str, Any] = raw_params if isinstance(raw_params, dict) else {}

    def convert(self) -> dict[str, Any]:
        doc = self.source
        result: dict[str, Any] = {"openapi": OPENAPI_VERSION}
        for key, value in doc.items():
            if key in ("info", "tags", "externalDocs", "security") or key.startswith("x-"):
                result[key] = value
        servers = self.servers()
        if servers:
            result["servers"] = servers
        components: dict[str, Any] = {}
        definitions = doc.get("definitions")
        if isinstance(definitions, dict):
            components["schemas"] = {k: convert_schema(v) for k, v in definitions.items()}
            self.map.add("/components/schemas", None, "/definitions")
        parameters: dict[str, Any] = {}
        bodies: dict[str, Any] = {}
        for name, param in self.global_params.items():
            where = join_pointer("", "parameters", name)
            if isinstance(param, dict) and param.get("in") == "body":
                bodies[name] = self.body(param, self.consumes)
                self.map.add(join_pointer("/components/requestBodies", name), None, where)
            elif isinstance(param, dict) and param.get("in") != "formData":
                parameters[name] = self.parameter(param)
                self.map.add(join_pointer("/components/parameters", name), None, where)
        if parameters:
            components["parameters"] = parameters
        if bodies:
            components["requestBodies"] = bodies
        responses = doc.get("responses")
        if isinstance(responses, dict):
            components["responses"] = {
                k: self.response(v, self.produces) for k, v in responses.items()
            }
            self.map.add("/components/responses", None, "/responses")
        security = doc.get("securityDefinitions")
        if isinstance(security, dict):
            components["securitySchemes"] = {k: _security(v) for k, v in security.items()}
            self.map.add("/components/securitySchemes", None, "/securityDefinitions")
        if components:
            result["components"] = components
        paths = doc.get("paths")
        result["paths"] = {}
        if isinstance(paths, dict):
            for path, item in paths.items():
                where = join_pointer("", "paths", path)
                result["paths"][path] = (
                    self.path_item(item, where) if isinstance(item, dict) else item
                )
        return result

    def servers(self) -> list[dict[str, Any]]:
        host = self.source.get("host")
        base = str(self.source.get("basePath") or "")
        if not isinstance(host, str) or not host:
            return [{"url": base}] if base else []
        schemes = [s for s in self.source.get("schemes") or [] if s in ("https", "http")]
        return [{"url": f"{scheme}://{host}{base}"} for scheme in schemes or ["https"]]

    # ----- paths -------------------------------------------------------------------------
    def path_item(self, item: dict[str, Any], where: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        shared = item.get("parameters") if isinstance(item.get("parameters"), list) else []
        kept = [
            (i, p)
            for i, p in enumerate(shared or [])
            if self.location(p) not in ("body", "formData")
        ]
        if kept:
            result["parameters"] = [self.parameter(p) for _, p in kept]
            for position, (index, _) in enumerate(kept):
                self.map.add(join_pointer(where, "parameters", position), None,
                             join_pointer(where, "parameters", index))  # fmt: skip
        for key, value in item.items():
            if key in SWAGGER2_METHODS and isinstance(value, dict):
                result[key] = self.operation(value, shared or [], join_pointer(where, key))
            elif key != "parameters":
                result[key] = value
        return result

    def location(self, param: Any) -> str:
        resolved = self.deref_param(param)
        return str(resolved.get("in", "")) if isinstance(resolved, dict) else ""

    def deref_param(self, param: Any) -> Any:
        if isinstance(param, dict) and isinstance(param.get("$ref"), str):
            ref = param["$ref"]
            if ref.startswith("#/parameters/"):
                return self.global_params.get(ref[len("#/parameters/") :], {})
        return param

    def operation(self, op: dict[str, Any], shared: list[Any], where: str) -> dict[str, Any]:
        consumes = _media_list(op.get("consumes")) or self.consumes
        produces = _media_list(op.get("produces")) or self.produces
        result: dict[str, Any] = {}
        for key, value in op.items():
            if key not in ("parameters", "responses", "consumes", "produces", "schemes"):
                result[key] = value
        own = op.get("parameters") if isinstance(op.get("parameters"), list) else []
        params: list[Any] = []
        body: dict[str, Any] | None = None
        form: list[tuple[dict[str, Any], str]] = []
        own_resolved = [self.deref_param(p) for p in own or []]
        own_names = {(r.get("name"), r.get("in")) for r in own_resolved if isinstance(r, dict)}
        item_pointer = where.rsplit("/", 1)[0]
        # (parameter, what it resolves to, pointer of its owner, its index there, whether the
        # path item lists it); a pointer is spelled only for a parameter the source map records.
        inherited = [(p, self.deref_param(p), item_pointer, i, True) for i, p in enumerate(shared)]
        listed = [
            (p, r, where, i, False)
            for i, (p, r) in enumerate(zip(own or [], own_resolved, strict=True))
        ]
        for param, resolved, owner, index, is_inherited in inherited + listed:
            if not isinstance(resolved, dict):
                continue
            location = resolved.get("in")
            if is_inherited and (resolved.get("name"), location) in own_names:
                continue
            if location == "body":
                body = self.body(resolved, consumes)
                self.map.add(f"{where}/requestBody", None, f"{owner}/parameters/{index}")
            elif location == "formData":
                form.append((resolved, f"{owner}/parameters/{index}"))
            elif not is_inherited:
                self.map.add(
                    f"{where}/parameters/{len(params)}", None, f"{owner}/parameters/{index}"
                )
                params.append(self.parameter(param))
        if params:
            result["parameters"] = params
        if form:
            body = self.form_body(form, consumes)
            self.map.add(join_pointer(where, "requestBody"), None, form[0][1])
        if body is not None:
            result["requestBody"] = body
        responses = op.get("responses")
        if isinstance(responses, dict):
            result["responses"] = {
                str(code): self.response(value, produces) for code, value in responses.items()
            }
        return result

    def parameter(self, param: Any) -> Any:
        if not isinstance(param, dict):
            return param
        if isinstance(param.get("$ref"), str):
            return {"$ref": rewrite_ref(param["$ref"])}
        result: dict[str, Any] = {}
        for key in ("name", "in", "description", "required", "deprecated", "allowEmptyValue"):
            if key in param:
                result[key] = param[key]
        result.update({k: v for k, v in param.items() if k.startswith("x-")})
        result["schema"] = _simple_schema(param)
        collection = param.get("collectionFormat")
        if param.get("type") == "array" and isinstance(collection, str):
            style = _COLLECTION_FORMATS.get(collection)
            if style is not None and param.get("in") in ("query", "cookie"):
                result["style"], result["explode"] = style
            elif collection != "multi":
                result["explode"] = False
        elif param.get("type") == "array" and param.get("in") in ("query", "cookie"):
            result["style"], result["explode"] = "form", False  # 2.0's default is csv
        return result

    def body(self, param: dict[str, Any], consumes: list[str]) -> dict[str, Any]:
        schema = convert_schema(param.get("schema") or {})
        result: dict[str, Any] = {"content": {media: {"schema": schema} for media in consumes}}
        if param.get("description"):
            result["description"] = param["description"]
        if param.get("required"):
            result["required"] = True
        return result

    def form_body(
        self, form: list[tuple[dict[str, Any], str]], consumes: list[str]
    ) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for param, _ in form:
            name = str(param.get("name", ""))
            field = _simple_schema(param)
            if param.get("description"):
                field["description"] = param["description"]
            properties[name] = field
            if param.get("required"):
                required.append(name)
        has_file = any(p.get("type") == "file" for p, _ in form)
        media = [m for m in consumes if m.split(";")[0].strip() in (_FORM, _MULTIPART)]
        if not media or (has_file and _MULTIPART not in media):
            media = [_MULTIPART if has_file else _FORM]
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        result: dict[str, Any] = {"content": {m: {"schema": schema} for m in media}}
        if required:
            result["required"] = True
        return result

    def response(self, response: Any, produces: list[str]) -> Any:
        if not isinstance(response, dict):
            return response
        if isinstance(response.get("$ref"), str):
            return {"$ref": rewrite_ref(response["$ref"])}
        result: dict[str, Any] = {"description": str(response.get("description") or "")}
        result.update({k: v for k, v in response.items() if k.startswith("x-")})
        schema = response.get("schema")
        if isinstance(schema, dict):
            converted = convert_schema(schema)
            result["content"] = {media: {"schema": converted} for media in produces}
        headers = response.get("headers")
        if isinstance(headers, dict):
            result["headers"] = {
                name: {"description": str(h.get("description") or ""), "schema": _simple_schema(h)}
                for name, h in headers.items()
                if isinstance(h, dict)
            }
        return result


def _media_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _security(scheme: Any) -> Any:
    if not isinstance(scheme, dict):
        return scheme
    kind = scheme.get("type")
    extensions = {k: v for k, v in scheme.items() if k.startswith("x-")}
    described = {"description": scheme["description"]} if scheme.get("description") else {}
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **described, **extensions}
    if kind == "apiKey":
        return {"type": "apiKey", "name": scheme.get("name"), "in": scheme.get("in"),
                **described, **extensions}  # fmt: skip
    if kind == "oauth2":
        flow_names = {
            "implicit": "implicit",
            "password": "password",
            "application": "clientCredentials",
            "accessCode": "authorizationCode",
        }
        flow: dict[str, Any] = {"scopes": scheme.get("scopes") or {}}
        for key in ("authorizationUrl", "tokenUrl"):
            if key in scheme:
                flow[key] = scheme[key]
        name = flow_names.get(str(scheme.get("flow")), "implicit")
        return {"type": "oauth2", "flows": {name: flow}, **described, **extensions}
    return scheme


def convert_swagger2(document: dict[str, Any]) -> tuple[dict[str, Any], SourceMap]:
    """The OpenAPI 3.0 form of a Swagger 2.0 document, and where its parts came from."""
    converter = _Converter(document)
    return converter.convert(), converter.map
