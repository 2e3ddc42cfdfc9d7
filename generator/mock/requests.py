"""Each request checked against its operation: the credentials the server was started with,
the path, query, header and cookie parameters (by style and explode), and the body by its media
type (JSON, multipart, urlencoded form, text). Each problem is recorded on the request."""

from __future__ import annotations

import json
from collections.abc import Mapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, unquote

from generator.diagnostics import join_pointer
from generator.load.document import MediaType, Parameter
from generator.mock.brackets import base_name, bracket_tree, typed
from generator.mock.credentials import Schemes
from generator.mock.document import SpecDocument
from generator.mock.exchange import RecordedRequest
from generator.mock.media import FilePart, is_json_media, match_media, parse_multipart
from generator.mock.operations import Route, json_content, schema_pointer
from generator.mock.validation import Validation, short

PLACEHOLDER_BINARY = "<binary>"
"""Stands for a file part in the instance a form body is validated as."""
_IGNORED_HEADER_PARAMS = {"accept", "content-type", "authorization"}


class RequestChecker:
    """Checks requests against one document."""

    def __init__(
        self,
        validation: Validation,
        *,
        token: str | None = None,
        credentials: Mapping[str, str] | None = None,
        required_headers: Mapping[str, str] | None = None,
    ) -> None:
        self._document: SpecDocument = validation.document
        self._validation = validation
        self._schemes = Schemes.of(self._document.model, credentials, token)
        self._required_headers = dict(required_headers or {})

    def check(
        self,
        route: Route,
        rec: RecordedRequest,
        raw_path: dict[str, str],
        accepted_query: frozenset[str] = frozenset(),
    ) -> None:
        """Record on `rec` every way it deviates from `route`; `raw_path` holds the path
        parameters as sent, `accepted_query` undeclared query parameters the mock itself put in
        a URL it gave."""
        self._check_auth(route, rec)
        keys = self._schemes.query_names(route.operation)
        self._check_params(route, rec, raw_path, accepted_query | keys)
        self._check_body(route, rec)

    def _check_auth(self, route: Route, rec: RecordedRequest) -> None:
        rec.errors.extend(self._schemes.problems(route.operation, rec))
        for name, expected in self._required_headers.items():
            got = rec.headers.get(name.lower())
            if got is None:
                rec.errors.append(f"missing required header {name!r} (expected {expected!r})")
            elif got != expected:
                rec.errors.append(f"header {name!r} is {got!r}, expected {expected!r}")

    def _check_params(
        self,
        op: Route,
        rec: RecordedRequest,
        raw_path: dict[str, str],
        accepted_query: frozenset[str],
    ) -> None:
        known_query: set[str] = set(accepted_query)
        free_form_query = False
        cookies: dict[str, str] = {}
        if "cookie" in rec.headers:
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(rec.headers["cookie"])
            except Exception:
                rec.errors.append(f"unparseable Cookie header {short(rec.headers['cookie'])}")
            cookies = {k: m.value for k, m in jar.items()}
        for p in op.operation.parameters:
            where = f"{p.location} parameter {p.name!r}"
            if p.location == "path":
                if p.name not in raw_path:
                    continue
                value = self._parse_simple(p, raw_path[p.name], decode=True, rec=rec, where=where)
                rec.errors.extend(
                    self._validation.validate(schema_pointer(p), value, "request", where)
                )
            elif p.location == "query":
                present, value, consumed, free = self._parse_query(p, rec, where)
                known_query.update(consumed)
                free_form_query = free_form_query or free
                if not present:
                    if p.required:
                        rec.errors.append(f"missing required {where} [#{p.pointer}]")
                    continue
                rec.errors.extend(
                    self._validation.validate(schema_pointer(p), value, "request", where)
                )
            elif p.location == "header":
                if p.name.lower() in _IGNORED_HEADER_PARAMS:
                    continue
                raw = rec.headers.get(p.name.lower())
                if raw is None:
                    if p.required:
                        rec.errors.append(f"missing required {where} [#{p.pointer}]")
                    continue
                value = self._parse_simple(p, raw, decode=False, rec=rec, where=where)
                rec.errors.extend(
                    self._validation.validate(schema_pointer(p), value, "request", where)
                )
            elif p.location == "cookie":
                if p.name not in cookies:
                    if p.required:
                        rec.errors.append(f"missing required {where} [#{p.pointer}]")
                    continue
                value = self._parse_simple(p, cookies[p.name], decode=False, rec=rec, where=where)
                rec.errors.extend(
                    self._validation.validate(schema_pointer(p), value, "request", where)
                )
        if not free_form_query:
            declared = sorted(p.name for p in op.operation.parameters if p.location == "query")
            for name, values in rec.query.items():
                if name not in known_query:
                    rec.errors.append(
                        f"unknown query parameter {name!r} (value: {short(values)}); "
                        f"declared: {', '.join(declared) or 'none'} [#{op.operation.pointer}]"
                    )

    def _parse_simple(
        self, p: Parameter, raw: str, *, decode: bool, rec: RecordedRequest, where: str
    ) -> Any:
        """Path / header / cookie values (style simple, label, matrix)."""
        doc = self._document
        if p.style == "label" and raw.startswith("."):
            raw = raw[1:]
        elif p.style == "matrix" and raw.startswith(";"):
            raw = raw.split("=", 1)[1] if "=" in raw else ""
        if json_content(p):
            try:
                return json.loads(unquote(raw) if decode else raw)
            except ValueError:
                rec.errors.append(f"{where}: not valid JSON: {short(raw)}")
                return raw
        kind = doc.kind(schema_pointer(p))
        if kind == "array":
            sep = "." if p.style == "label" and p.explode else ","
            items = doc.items_pointer(schema_pointer(p))
            parts = raw.split(sep) if raw else []
            return [doc.coerce(unquote(x) if decode else x, items) for x in parts]
        if kind == "object":
            props = doc.property_pointers(schema_pointer(p))
            parts = raw.split(",") if raw else []
            obj: dict[str, Any] = {}
            if p.explode:
                for part in parts:
                    k, _, v = part.partition("=")
                    k = unquote(k) if decode else k
                    obj[k] = doc.coerce(unquote(v) if decode else v, props.get(k))
            else:
                for k, v in zip(parts[::2], parts[1::2], strict=False):
                    k = unquote(k) if decode else k
                    obj[k] = doc.coerce(unquote(v) if decode else v, props.get(k))
            return obj
        return doc.coerce(unquote(raw) if decode else raw, schema_pointer(p))

    def _parse_query(
        self, p: Parameter, rec: RecordedRequest, where: str
    ) -> tuple[bool, Any, set[str], bool]:
        """(present, value, consumed query keys, accepts arbitrary keys)."""
        doc = self._document
        query = rec.query
        if json_content(p):
            if p.name not in query:
                return False, None, {p.name}, False
            try:
                return True, json.loads(query[p.name][0]), {p.name}, False
            except ValueError:
                rec.errors.append(f"{where}: not valid JSON: {short(query[p.name][0])}")
                return True, query[p.name][0], {p.name}, False
        kind = doc.kind(schema_pointer(p))
        if p.style == "deepObject":
            tree, consumed = bracket_tree(p.name, query)
            if consumed:
                return True, typed(doc, tree, schema_pointer(p)), consumed, False
        if kind == "object":
            props = doc.property_pointers(schema_pointer(p))
            obj: dict[str, Any] = {}
            consumed = set()
            if p.style == "deepObject" and p.name not in query:
                return False, obj, consumed, False
            if p.explode and p.style != "deepObject":
                schema = schema_pointer(p)
                free = any(
                    node.get("additionalProperties") not in (None, False)
                    for _, node in doc.facets([schema] if schema is not None else [])
                )
                for key, values in query.items():
                    if key in props:
                        obj[key] = doc.coerce(values[-1], props[key])
                        consumed.add(key)
                return bool(consumed), obj, consumed, free
            if p.name not in query:
                return False, None, {p.name}, False
            parts = query[p.name][0].split(",")
            for k, v in zip(parts[::2], parts[1::2], strict=False):
                obj[k] = doc.coerce(v, props.get(k))
            return True, obj, {p.name}, False
        if p.name not in query:
            return False, None, {p.name}, False
        values = query[p.name]
        if kind == "array":
            items = doc.items_pointer(schema_pointer(p))
            if p.explode and p.style == "form":
                raw_items = list(values)
            else:
                if len(values) > 1:
                    rec.errors.append(
                        f"{where}: given {len(values)} times but style={p.style} explode=false "
                        f"expects one delimited value [#{p.pointer}]"
                    )
                sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(p.style, ",")
                raw_items = values[0].split(sep) if values[0] else []
            return True, [doc.coerce(v, items) for v in raw_items], {p.name}, False
        if len(values) > 1:
            rec.errors.append(
                f"{where}: given {len(values)} times ({short(values)}) but it is not an array"
                f" [#{p.pointer}]"
            )
        return True, doc.coerce(values[0], schema_pointer(p)), {p.name}, False

    def _check_body(self, op: Route, rec: RecordedRequest) -> None:
        body = op.operation.request_body
        if body is None:
            if rec.body:
                rec.errors.append(
                    f"operation {op.operation_id} takes no request body but {len(rec.body)} "
                    f"bytes were sent [#{op.operation.pointer}]"
                )
            return
        if not rec.body:
            if body.node.get("required") is True:
                rec.errors.append(f"request body is required but none was sent [#{body.pointer}]")
            return
        declared = ", ".join(m.name for m in body.content)
        header = rec.headers.get("content-type")
        if header is None:
            rec.errors.append(f"request body sent without a Content-Type (declared: {declared})")
            return
        media = header.split(";")[0].strip().lower()
        key = match_media(media, [m.name for m in body.content])
        found = body.media_type(key) if key is not None else None
        if found is None:
            rec.errors.append(
                f"Content-Type {media!r} is not one of the declared request media types "
                f"({declared}) [#{join_pointer(body.pointer, 'content')}]"
            )
            return
        self._check_payload(media, header, found, rec)

    def _check_payload(
        self, media: str, header: str, media_type: MediaType, rec: RecordedRequest
    ) -> None:
        """The body checked against the declared media type it was sent as."""
        schema_ptr = media_type.schema.pointer if media_type.schema is not None else None
        if is_json_media(media):
            try:
                rec.json = json.loads(rec.body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                rec.errors.append(f"request body is not valid JSON: {exc}")
                return
            rec.errors.extend(
                self._validation.validate(schema_ptr, rec.json, "request", "request body")
            )
        elif media == "multipart/form-data":
            fields, files, errors = parse_multipart(header, rec.body)
            rec.errors.extend(errors)
            rec.form = {k: v[0] for k, v in fields.items()}
            rec.files = {k: v[0] for k, v in files.items()}
            self._check_form(schema_ptr, media_type, fields, files, rec, "multipart body")
        elif media == "application/x-www-form-urlencoded":
            try:
                text = rec.body.decode("utf-8")
            except UnicodeDecodeError:
                rec.errors.append("urlencoded body is not valid UTF-8")
                return
            fields = parse_qs(text, keep_blank_values=True)
            rec.form = {k: v[0] for k, v in fields.items()}
            self._check_form(schema_ptr, media_type, fields, {}, rec, "form body")
        elif media.startswith("text/") and schema_ptr is not None:
            try:
                text = rec.body.decode("utf-8")
            except UnicodeDecodeError:
                rec.errors.append(f"{media} body is not valid UTF-8")
                return
            if self._document.schema_types(schema_ptr) in ([], ["string"]):
                rec.errors.extend(
                    self._validation.validate(schema_ptr, text, "request", "request body")
                )

    def _check_form(
        self,
        schema_ptr: str | None,
        media_type: MediaType,
        fields: dict[str, list[str]],
        files: dict[str, list[FilePart]],
        rec: RecordedRequest,
        where: str,
    ) -> None:
        doc = self._document
        props = doc.property_pointers(schema_ptr)
        content_types = {e.property: e.content_type for e in media_type.encodings}
        delimiters = {
            e.property: {"spaceDelimited": " ", "pipeDelimited": "|"}.get(e.style or "", ",")
            for e in media_type.encodings
            if e.explode is False
        }
        instance: dict[str, Any] = {}
        for name in {base_name(key) for key in fields if "[" in key} & set(props):
            tree, consumed = bracket_tree(name, fields)
            instance[name] = typed(doc, tree, props[name])
            fields = {key: values for key, values in fields.items() if key not in consumed}

        def binary(ptr: str | None) -> bool:
            if ptr is None:
                return False
            if doc.is_binary(ptr):
                return True
            return doc.kind(ptr) == "array" and doc.is_binary(doc.items_pointer(ptr))

        def text_value(name: str, values: list[str]) -> Any:
            ptr = props.get(name)
            content_type = content_types.get(name)
            kind = doc.kind(ptr)
            json_encoded = is_json_media(content_type or "") or (
                kind == "object" and content_type is None
            )
            if json_encoded and kind != "array":
                try:
                    return json.loads(values[0])
                except ValueError:
                    rec.errors.append(
                        f"{where}: field {name!r} is not valid JSON: {short(values[0])}"
                    )
                    return values[0]
            if kind == "array":
                items = doc.items_pointer(ptr)
                if name in delimiters and len(values) == 1:
                    values = values[0].split(delimiters[name]) if values[0] else []
                return [doc.coerce(v, items) for v in values]
            if len(values) > 1:
                rec.errors.append(f"{where}: field {name!r} sent {len(values)} times")
            return doc.coerce(values[0], ptr)

        for name, values in fields.items():
            if binary(props.get(name)):
                rec.errors.append(
                    f"{where}: field {name!r} is binary and must be sent as a file part "
                    f"(with a filename), but arrived as a text field [#{props[name]}]"
                )
                instance[name] = PLACEHOLDER_BINARY
                continue
            instance[name] = text_value(name, values)
        for name, parts in files.items():
            ptr = props.get(name)
            if binary(ptr):
                if doc.kind(ptr) == "array":
                    instance[name] = [PLACEHOLDER_BINARY] * len(parts)
                else:
                    instance[name] = PLACEHOLDER_BINARY
                    if len(parts) > 1:
                        rec.errors.append(f"{where}: file field {name!r} sent {len(parts)} times")
                continue
            try:
                texts = [data.decode("utf-8") for _, _, data in parts]
            except UnicodeDecodeError:
                rec.errors.append(f"{where}: file part {name!r} is not binary in the schema")
                continue
            instance[name] = text_value(name, [*fields.get(name, []), *texts])
        rec.errors.extend(self._validation.validate(schema_ptr, instance, "request", where))
