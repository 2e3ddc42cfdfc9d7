"""An HTTP server that plays the API described by an OpenAPI document (`sdkgen mock`).

Tests (and users' integration tests) point a generated SDK at :class:`SpecServer`.
Every request is checked against the spec (path, parameters, headers, body); deviations
are recorded in ``RecordedRequest.errors`` and answered with a 400 ``SPEC_MISMATCH`` error so the
test fails visibly.  Valid requests get either a scripted response (see
:meth:`SpecServer.script`) or a deterministic body synthesized from the
operation's lowest 2xx response schema.

Only the standard library, ``jsonschema`` and ``referencing`` are used.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import copy
import datetime as _dt
import email.policy
import email.utils
import json
import math
import re
import socket
import sys
import threading
import traceback
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import jsonschema  # type: ignore[import-untyped, unused-ignore]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.ir.model import Api
from generator.mock.state import MockState

__all__ = ["RecordedRequest", "ScriptedResponse", "SpecServer"]


# --------------------------------------------------------------------------- public data


@dataclass
class RecordedRequest:
    """One request as the server saw it, plus everything wrong with it."""

    method: str
    path: str  # raw path as received (still percent-encoded), without the query
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes
    operation_id: str | None  # matched operation, None if nothing matched
    path_params: dict[str, str]  # percent-decoded values
    json: Any | None  # parsed JSON body if JSON
    form: dict[str, str] | None  # multipart / urlencoded text fields
    files: dict[str, tuple[str | None, str | None, bytes]] | None  # field -> (name, type, data)
    errors: list[str]  # every way this request deviated from the spec (empty = valid)


@dataclass
class ScriptedResponse:
    """A canned answer queued with :meth:`SpecServer.script`."""

    status: int = 200
    json: Any = None  # body to send as JSON (if not None)
    body: bytes | None = None  # raw body (used when json is None)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to sleep before answering
    content_type: str | None = None


# --------------------------------------------------------------------------- constants

_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_SOFT_DEPTH = 6  # past this nesting depth only required properties / minItems are generated
_HARD_DEPTH = 24  # hard stop for schemas that require themselves
_SPEC_URI = "https://spec-server.invalid/openapi.json"
_PLACEHOLDER_BINARY = "<binary>"
_BINARY_BODY = b"%SPEC-SERVER-BINARY\x00\x01\x02\x03\xfe\xff"
_IGNORED_HEADER_PARAMS = {"accept", "content-type", "authorization"}

_FORMAT_SAMPLES: dict[str, str] = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "00:00:00Z",
    "duration": "P1D",
    "uri": "https://example.com/x",
    "url": "https://example.com/x",
    "iri": "https://example.com/x",
    "uri-reference": "https://example.com/x",
    "iri-reference": "https://example.com/x",
    "uri-template": "https://example.com/{x}",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "c3RyaW5n",
    "binary": "string",
    "password": "string",
    "json-pointer": "/x",
    "relative-json-pointer": "0",
    "regex": "^x$",
}

_RFC3339_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
_RFC3339_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT_RE = re.compile(r"^[+-]?\d+$")
_NUMBER_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


# --------------------------------------------------------------------------- JSON pointers


def _escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + _escape_token(str(t)) for t in tokens)


def _pointer_tokens(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def _short(value: Any, limit: int = 120) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=repr)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_json_media(media: str) -> bool:
    media = media.split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json") or media == "*/*"


# --------------------------------------------------------------------------- formats


def _make_format_checker() -> Any:
    checker = jsonschema.FormatChecker()

    @checker.checks("date-time", raises=ValueError)  # type: ignore[untyped-decorator, unused-ignore]
    def _date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _RFC3339_DATE_TIME.match(value):
            return False
        _dt.datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
        return True

    @checker.checks("date", raises=ValueError)  # type: ignore[untyped-decorator, unused-ignore]
    def _date(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _RFC3339_DATE.match(value):
            return False
        _dt.date.fromisoformat(value)
        return True

    @checker.checks("int32")  # type: ignore[untyped-decorator, unused-ignore]
    def _int32(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            return True
        return bool(-(2**31) <= value < 2**31)

    @checker.checks("int64")  # type: ignore[untyped-decorator, unused-ignore]
    def _int64(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            return True
        return bool(-(2**63) <= value < 2**63)

    @checker.checks("byte", raises=(binascii.Error, ValueError))  # type: ignore[untyped-decorator, unused-ignore]
    def _byte(value: object) -> bool:
        if not isinstance(value, str):
            return True
        base64.b64decode(value, validate=True)
        return True

    return checker


_FORMAT_CHECKER = _make_format_checker()


# --------------------------------------------------------------------------- regex sampling


class _Unsupported(Exception):
    pass


class _PatternSampler:
    """Produces one string for a *simple* regular expression (no lookarounds)."""

    def __init__(self, pattern: str, grow: int) -> None:
        self.p = pattern
        self.i = 0
        self.grow = grow

    def sample(self) -> str:
        out = self._alternation()
        if self.i != len(self.p):
            raise _Unsupported(self.p)
        return out

    def _peek(self) -> str | None:
        return self.p[self.i] if self.i < len(self.p) else None

    def _alternation(self) -> str:
        first = self._sequence()
        while self._peek() == "|":
            self.i += 1
            self._sequence()
        return first

    def _sequence(self) -> str:
        parts: list[str] = []
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            atom = self._atom()
            parts.append(atom * self._quantifier())
        return "".join(parts)

    def _atom(self) -> str:
        c = self.p[self.i]
        if c in "^$":
            self.i += 1
            return ""
        if c == "(":
            self.i += 1
            if self.p.startswith("?:", self.i):
                self.i += 2
            elif self.p.startswith("?P<", self.i) or (
                self.p.startswith("?<", self.i)
                and self.p[self.i + 2 : self.i + 3] not in ("=", "!")
            ):
                end = self.p.find(">", self.i)
                if end < 0:
                    raise _Unsupported(self.p)
                self.i = end + 1
            elif self.p.startswith("?", self.i):
                raise _Unsupported(self.p)
            inner = self._alternation()
            if self._peek() != ")":
                raise _Unsupported(self.p)
            self.i += 1
            return inner
        if c == "[":
            return self._char_class()
        if c == ".":
            self.i += 1
            return "a"
        if c == "\\":
            return self._escape()
        if c in "*+?{":
            raise _Unsupported(self.p)
        self.i += 1
        return c

    def _escape(self) -> str:
        self.i += 1
        if self.i >= len(self.p):
            raise _Unsupported(self.p)
        c = self.p[self.i]
        self.i += 1
        simple = {"d": "0", "w": "a", "s": " ", "D": "a", "W": "-", "S": "a", "n": "\n", "t": "\t"}
        if c in simple:
            return simple[c]
        if c in "bBAzZ":
            return ""
        if c in "ux":
            width = 4 if c == "u" else 2
            digits = self.p[self.i : self.i + width]
            self.i += width
            return chr(int(digits, 16))
        return c

    def _char_class(self) -> str:
        self.i += 1
        negate = self._peek() == "^"
        if negate:
            self.i += 1
        members: list[tuple[str, str]] = []
        first = True
        while True:
            c = self._peek()
            if c is None:
                raise _Unsupported(self.p)
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "\\":
                lo = self._escape()
                if not lo:
                    raise _Unsupported(self.p)
            else:
                lo = c
                self.i += 1
            hi = lo
            if self._peek() == "-" and self.p[self.i + 1 : self.i + 2] not in ("]", ""):
                self.i += 1
                nxt = self._peek()
                if nxt == "\\":
                    hi = self._escape()
                else:
                    hi = nxt or lo
                    self.i += 1
            members.append((lo, hi))
        if not negate:
            return members[0][0]
        for cand in "aA0_-x .":
            if not any(lo <= cand <= hi for lo, hi in members):
                return cand
        raise _Unsupported(self.p)

    def _quantifier(self) -> int:
        c = self._peek()
        count = 1
        if c == "?":
            self.i += 1
            count = 0
        elif c == "*":
            self.i += 1
            count = self.grow
        elif c == "+":
            self.i += 1
            count = max(1, self.grow)
        elif c == "{":
            end = self.p.find("}", self.i)
            body = self.p[self.i + 1 : end] if end > 0 else ""
            m = re.fullmatch(r"(\d+)(,(\d*))?", body)
            if not m:
                return 1  # a literal "{"
            self.i = end + 1
            lo = int(m.group(1))
            if m.group(2) is None:
                count = lo
            elif m.group(3):
                count = min(max(lo, self.grow), int(m.group(3)))
            else:
                count = max(lo, self.grow)
        else:
            return 1
        if self._peek() in ("?", "+"):
            self.i += 1
        return count


def _sample_pattern(pattern: str, min_len: int, max_len: int | None) -> str | None:
    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    for grow in (0, 1, 2, 3, 5, 8, 13, min_len):
        try:
            s = _PatternSampler(pattern, grow).sample()
        except (_Unsupported, ValueError, IndexError):
            return None
        if compiled.search(s) and len(s) >= min_len and (max_len is None or len(s) <= max_len):
            return s
    return None


# --------------------------------------------------------------------------- spec model


@dataclass
class _Param:
    name: str
    location: str
    required: bool
    pointer: str  # pointer of the (dereferenced) parameter object
    schema_ptr: str | None
    style: str
    explode: bool
    json_content: bool


@dataclass
class _Operation:
    method: str
    template: str
    operation_id: str
    pointer: str
    node: dict[str, Any]
    regex: re.Pattern[str]
    path_names: list[str]
    specificity: tuple[int, ...]
    params: list[_Param]


class _SpecError(Exception):
    pass


class _SpecModel:
    """Everything derived from the OpenAPI document: operations, validators, synthesis."""

    def __init__(self, spec: dict[str, Any]) -> None:
        if not isinstance(spec, dict):
            raise TypeError("spec must be a dict (a parsed OpenAPI document)")
        version = str(spec.get("openapi", ""))
        if not version.startswith("3."):
            raise ValueError(f"only OpenAPI 3.0 / 3.1 documents are supported (got {version!r})")
        self.spec = spec
        self.is30 = version.startswith("3.0")
        resource: Resource[Any] = DRAFT202012.create_resource(spec)
        self.registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
        self._validator_classes = {
            "request": self._make_validator_class("request"),
            "response": self._make_validator_class("response"),
        }
        self._validators: dict[tuple[str, str], Any] = {}
        self.base_paths = self._server_base_paths()
        self.operations = self._load_operations()

    # ----------------------------------------------------------------- refs

    def get(self, pointer: str) -> Any:
        node: Any = self.spec
        for token in _pointer_tokens(pointer):
            if isinstance(node, list):
                node = node[int(token)]
            elif isinstance(node, dict):
                node = node[token]
            else:
                raise KeyError(pointer)
        return node

    def ref_pointer(self, ref: str) -> str | None:
        """The JSON pointer a local ``$ref`` points to (None for non-local refs)."""
        if ref.startswith(_SPEC_URI):
            ref = ref[len(_SPEC_URI) :]
        if not ref.startswith("#"):
            return None
        return unquote(ref[1:])

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow ``$ref`` chains (parameters, bodies, responses, path items)."""
        for _ in range(64):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node, pointer
            target = self.ref_pointer(node["$ref"])
            if target is None:
                raise _SpecError(f"unsupported non-local $ref {node['$ref']!r} at #{pointer}")
            try:
                node, pointer = self.get(target), target
            except (KeyError, IndexError, ValueError) as exc:
                raise _SpecError(f"unresolvable $ref {node['$ref']!r} at #{pointer}") from exc
        raise _SpecError(f"$ref cycle at #{pointer}")

    def facets(self, pointers: list[str]) -> list[tuple[str, dict[str, Any]]]:
        """The schema nodes that all apply to a value: the nodes, their $ref targets, allOf."""
        out: list[tuple[str, dict[str, Any]]] = []
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
                    visit(_join(ptr, "allOf", i), depth + 1)

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

    # ----------------------------------------------------------------- validation

    def _make_validator_class(self, mode: str) -> Any:
        base = jsonschema.Draft202012Validator
        validators: dict[str, Any] = dict(base.VALIDATORS)
        orig_properties = validators["properties"]
        orig_one_of = validators["oneOf"]
        orig_any_of = validators["anyOf"]
        orig_exclusive_min = validators["exclusiveMinimum"]
        orig_exclusive_max = validators["exclusiveMaximum"]
        model = self
        skip_flag = "readOnly" if mode == "request" else "writeOnly"
        error_cls = jsonschema.ValidationError

        def flagged(prop_schema: Any, flag: str) -> bool:
            if not isinstance(prop_schema, dict):
                return False
            if prop_schema.get(flag) is True:
                return True
            ref = prop_schema.get("$ref")
            if isinstance(ref, str):
                target = model.ref_pointer(ref)
                if target is not None:
                    try:
                        resolved = model.get(target)
                    except (KeyError, IndexError, ValueError):
                        return False
                    return isinstance(resolved, dict) and resolved.get(flag) is True
            return False

        def required(validator: Any, names: Any, instance: Any, schema: Any) -> Iterator[Any]:
            if not isinstance(instance, dict) or not isinstance(names, list):
                return
            props = schema.get("properties") if isinstance(schema, dict) else None
            props = props if isinstance(props, dict) else {}
            for name in names:
                if name in instance or flagged(props.get(name), skip_flag):
                    continue
                yield error_cls(f"{name!r} is a required property")

        def properties(validator: Any, props: Any, instance: Any, schema: Any) -> Iterator[Any]:
            if mode == "request" and isinstance(instance, dict) and isinstance(props, dict):
                for name in instance:
                    if name in props and flagged(props[name], "readOnly"):
                        yield error_cls(
                            f"{name!r} is readOnly and must not be sent in a request",
                            path=[name],
                            schema_path=[name, "readOnly"],
                            instance=instance[name],
                        )
            yield from orig_properties(validator, props, instance, schema)

        def discriminated(kw: str, orig: Any) -> Any:
            def check(validator: Any, members: Any, instance: Any, schema: Any) -> Iterator[Any]:
                index = model.discriminator_index(schema, members, instance)
                if index is None:
                    yield from orig(validator, members, instance, schema)
                else:
                    yield from validator.descend(instance, members[index], schema_path=index)

            return check

        validators["required"] = required
        validators["properties"] = properties
        validators["oneOf"] = discriminated("oneOf", orig_one_of)
        validators["anyOf"] = discriminated("anyOf", orig_any_of)

        if self.is30:

            def minimum(validator: Any, bound: Any, instance: Any, schema: Any) -> Iterator[Any]:
                if not validator.is_type(instance, "number"):
                    return
                if schema.get("exclusiveMinimum") is True:
                    if instance <= bound:
                        yield error_cls(
                            f"{instance!r} is less than or equal to the minimum of {bound!r}"
                        )
                elif instance < bound:
                    yield error_cls(f"{instance!r} is less than the minimum of {bound!r}")

            def maximum(validator: Any, bound: Any, instance: Any, schema: Any) -> Iterator[Any]:
                if not validator.is_type(instance, "number"):
                    return
                if schema.get("exclusiveMaximum") is True:
                    if instance >= bound:
                        yield error_cls(
                            f"{instance!r} is greater than or equal to the maximum of {bound!r}"
                        )
                elif instance > bound:
                    yield error_cls(f"{instance!r} is greater than the maximum of {bound!r}")

            def exclusive(orig: Any) -> Any:
                def check(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
                    if isinstance(value, bool):
                        return  # 3.0 style: handled by minimum / maximum
                    yield from orig(validator, value, instance, schema)

                return check

            validators["minimum"] = minimum
            validators["maximum"] = maximum
            validators["exclusiveMinimum"] = exclusive(orig_exclusive_min)
            validators["exclusiveMaximum"] = exclusive(orig_exclusive_max)

            def nullable(orig: Any) -> Any:
                def check(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
                    if instance is None and isinstance(schema, dict) and schema.get("nullable"):
                        return
                    yield from orig(validator, value, instance, schema)

                return check

            validators = {k: nullable(v) for k, v in validators.items()}

        return jsonschema.validators.extend(base, validators)  # type: ignore[no-untyped-call]

    def discriminator_index(self, schema: Any, members: Any, instance: Any) -> int | None:
        """Which oneOf/anyOf member the discriminator selects (None: use plain semantics)."""
        if not isinstance(schema, dict) or not isinstance(members, list):
            return None
        if not isinstance(instance, dict):
            return None
        disc = schema.get("discriminator")
        if not isinstance(disc, dict) or not isinstance(disc.get("propertyName"), str):
            return None
        value = instance.get(disc["propertyName"])
        if not isinstance(value, str):
            return None
        mapping = disc.get("mapping") if isinstance(disc.get("mapping"), dict) else {}
        assert isinstance(mapping, dict)
        target = mapping.get(value)
        target_ptr = self.ref_pointer(target) if isinstance(target, str) else None
        for i, member in enumerate(members):
            ref = member.get("$ref") if isinstance(member, dict) else None
            if not isinstance(ref, str):
                continue
            ref_ptr = self.ref_pointer(ref) or ref
            name = ref_ptr.rsplit("/", 1)[-1]
            if isinstance(target, str):
                if target in (ref, name) or target_ptr == ref_ptr:
                    return i
            elif name == value:
                return i
        return None

    def validator(self, pointer: str, mode: str) -> Any:
        key = (mode, pointer)
        v = self._validators.get(key)
        if v is None:
            cls = self._validator_classes[mode]
            root = {"$ref": _SPEC_URI + "#" + quote(pointer, safe="/~!$&'()*+,;=:@")}
            v = cls(root, registry=self.registry, format_checker=_FORMAT_CHECKER)
            self._validators[key] = v
        return v

    def validate(self, pointer: str | None, instance: Any, mode: str, where: str) -> list[str]:
        if pointer is None:
            return []
        try:
            errors = list(self.validator(pointer, mode).iter_errors(instance))
        except RecursionError:
            return [f"{where}: schema #{pointer} recurses without end; cannot validate"]
        except Exception as exc:  # unresolvable refs etc.
            return [f"{where}: could not validate against #{pointer}: {exc}"]
        return [self._describe(where, pointer, e) for e in errors]

    def is_valid(self, pointer: str, instance: Any, mode: str = "response") -> bool:
        try:
            return bool(self.validator(pointer, mode).is_valid(instance))
        except Exception:
            return False

    def _describe(self, where: str, root: str, error: Any) -> str:
        location = "".join("/" + _escape_token(str(p)) for p in error.absolute_path)
        schema_ptr = self._schema_pointer(root, list(error.absolute_schema_path))
        message = str(error.message)
        if error.context:
            best = jsonschema.exceptions.best_match(error.context)
            if best is not None:
                message += f" (closest match failed: {best.message})"
        at = f" at {location}" if location else ""
        return f"{where}{at}: {message} [value: {_short(error.instance)}; schema: #{schema_ptr}]"

    def _schema_pointer(self, root: str, path: list[Any]) -> str:
        """Map a jsonschema schema path (which omits ``$ref`` hops) to a spec pointer."""
        ptr = root
        node: Any
        try:
            node = self.get(root)
        except (KeyError, IndexError, ValueError):
            node = None
        for key in path:
            hops = 0
            while (
                isinstance(node, dict)
                and isinstance(node.get("$ref"), str)
                and str(key) not in node
                and hops < 32
            ):
                target = self.ref_pointer(node["$ref"])
                if target is None:
                    break
                hops += 1
                ptr = target
                try:
                    node = self.get(target)
                except (KeyError, IndexError, ValueError):
                    node = None
            ptr = _join(ptr, key)
            if isinstance(node, dict):
                node = node.get(str(key))
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                node = None
        return ptr

    # ----------------------------------------------------------------- operations

    def _server_base_paths(self) -> list[str]:
        out: list[str] = []
        servers = self.spec.get("servers")
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

    def _load_operations(self) -> list[_Operation]:
        paths = self.spec.get("paths") or {}
        if not isinstance(paths, dict):
            raise _SpecError("'paths' must be an object")
        ops: list[_Operation] = []
        for template, raw_item in paths.items():
            item, item_ptr = self.deref(raw_item, _join("/paths", template))
            if not isinstance(item, dict):
                continue
            regex, names, specificity = self._compile_template(str(template))
            shared = self._params(item.get("parameters"), _join(item_ptr, "parameters"))
            for method in _HTTP_METHODS:
                node = item.get(method)
                if not isinstance(node, dict):
                    continue
                op_ptr = _join(item_ptr, method)
                own = self._params(node.get("parameters"), _join(op_ptr, "parameters"))
                merged: dict[tuple[str, str], _Param] = {(p.location, p.name): p for p in shared}
                merged.update({(p.location, p.name): p for p in own})
                op_id = node.get("operationId")
                ops.append(
                    _Operation(
                        method=method.upper(),
                        template=str(template),
                        operation_id=str(op_id) if op_id else f"{method.upper()} {template}",
                        pointer=op_ptr,
                        node=node,
                        regex=regex,
                        path_names=names,
                        specificity=specificity,
                        params=list(merged.values()),
                    )
                )
        ops.sort(key=lambda o: o.specificity)
        return ops

    @staticmethod
    def _compile_template(template: str) -> tuple[re.Pattern[str], list[str], tuple[int, ...]]:
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
        return re.compile("^" + "/".join(pieces) + "$"), names, tuple(spec)

    def _params(self, raw: Any, pointer: str) -> list[_Param]:
        out: list[_Param] = []
        if not isinstance(raw, list):
            return out
        for i, entry in enumerate(raw):
            node, ptr = self.deref(entry, _join(pointer, i))
            if not isinstance(node, dict) or "name" not in node or "in" not in node:
                continue
            location = str(node["in"])
            default_style = "simple" if location in ("path", "header") else "form"
            style = str(node.get("style", default_style))
            explode = bool(node.get("explode", style == "form"))
            schema_ptr: str | None = None
            json_content = False
            if "schema" in node:
                schema_ptr = _join(ptr, "schema")
            elif isinstance(node.get("content"), dict) and node["content"]:
                media = next(iter(node["content"]))
                json_content = _is_json_media(str(media))
                if isinstance(node["content"][media], dict) and "schema" in node["content"][media]:
                    schema_ptr = _join(ptr, "content", media, "schema")
            out.append(
                _Param(
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

    def match(self, method: str, raw_path: str) -> tuple[_Operation | None, list[str], bool]:
        """(operation, raw path-param values, path matched with another method)."""
        candidates = [raw_path]
        for base in self.base_paths:
            if raw_path.startswith(base + "/"):
                candidates.append(raw_path[len(base) :])
        path_matched = False
        for path in candidates:
            for op in self.operations:
                m = op.regex.match(path)
                if not m:
                    continue
                if op.method != method:
                    path_matched = True
                    continue
                return op, list(m.groups()), True
        return None, [], path_matched

    # ----------------------------------------------------------------- coercion

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
                        for name in self.schema_types(_join(ptr, kw, i), depth + 1):
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
                return _join(ptr, "items")
        return None

    def property_pointers(self, pointer: str | None) -> dict[str, str]:
        out: dict[str, str] = {}
        if pointer is None:
            return out
        for ptr, node in self.facets([pointer]):
            props = node.get("properties")
            if isinstance(props, dict):
                for name in props:
                    out.setdefault(str(name), _join(ptr, "properties", name))
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

    # ----------------------------------------------------------------- synthesis

    def synthesize(
        self,
        roots: list[str],
        depth: int = 0,
        consumed: frozenset[str] = frozenset(),
    ) -> Any:
        if depth > _HARD_DEPTH:
            return None
        facets = self.facets(roots)
        # 1. literal candidates: example(s), const, default, enum
        for cand in self._literal_candidates(facets):
            if all(self.is_valid(r, cand) for r in roots):
                return copy.deepcopy(cand)
        # 2. oneOf / anyOf: the first (non-null) member
        for ptr, node in facets:
            if ptr in consumed:
                continue
            for kw in ("oneOf", "anyOf"):
                members = node.get(kw)
                if not isinstance(members, list) or not members:
                    continue
                index = 0
                for i in range(len(members)):
                    if self.schema_types(_join(ptr, kw, i)) != ["null"]:
                        index = i
                        break
                member_ptr = _join(ptr, kw, index)
                value = self.synthesize([*roots, member_ptr], depth, consumed | {ptr})
                return self._apply_discriminator(node, member_ptr, value)
        # 3. by type
        declared: list[list[str]] = []
        for _, node in facets:
            t = node.get("type")
            if isinstance(t, str):
                declared.append([t])
            elif isinstance(t, list):
                declared.append([x for x in t if isinstance(x, str)])
        chosen: str | None = None
        if declared:
            allowed = set(declared[0]).intersection(*map(set, declared[1:]))
            for t in declared[0]:
                if t in allowed and t != "null":
                    chosen = t
                    break
            if chosen is None and "null" in allowed:
                return None
        if chosen is None:
            chosen = _infer_type(facets)
        if chosen == "object":
            return self._synth_object(roots, facets, depth)
        if chosen == "array":
            return self._synth_array(facets, depth)
        if chosen == "string":
            return _synth_string(facets)
        if chosen in ("integer", "number"):
            return _synth_number(facets, chosen == "integer")
        if chosen == "boolean":
            return True
        if chosen == "null":
            return None
        return "string"

    @staticmethod
    def _literal_candidates(facets: list[tuple[str, dict[str, Any]]]) -> Iterator[Any]:
        for _, node in facets:
            if "example" in node:
                yield node["example"]
            examples = node.get("examples")
            if isinstance(examples, list) and examples:
                yield examples[0]
        for _, node in facets:
            if "const" in node:
                yield node["const"]
        for _, node in facets:
            if "default" in node:
                yield node["default"]
        for _, node in facets:
            enum = node.get("enum")
            if isinstance(enum, list):
                for value in enum:
                    if value is not None:
                        yield value
                        break

    def _apply_discriminator(self, node: dict[str, Any], member_ptr: str, value: Any) -> Any:
        disc = node.get("discriminator")
        if not isinstance(disc, dict) or not isinstance(value, dict):
            return value
        prop = disc.get("propertyName")
        if not isinstance(prop, str):
            return value
        target = self.ref_target(member_ptr)
        if target is None:
            return value
        mapping = disc.get("mapping") if isinstance(disc.get("mapping"), dict) else {}
        assert isinstance(mapping, dict)
        name = target.rsplit("/", 1)[-1]
        chosen = name
        for key, ref in mapping.items():
            if isinstance(ref, str) and (self.ref_pointer(ref) == target or ref == name):
                chosen = str(key)
                break
        out = dict(value)
        out[prop] = chosen
        return out

    def _synth_object(
        self, roots: list[str], facets: list[tuple[str, dict[str, Any]]], depth: int
    ) -> dict[str, Any]:
        props: dict[str, list[str]] = {}
        required: list[str] = []
        additional: tuple[str, Any] | None = None
        min_props = 0
        max_props: int | None = None
        for ptr, node in facets:
            p = node.get("properties")
            if isinstance(p, dict):
                for name in p:
                    props.setdefault(str(name), []).append(_join(ptr, "properties", name))
            r = node.get("required")
            if isinstance(r, list):
                required.extend(str(x) for x in r if str(x) not in required)
            if additional is None and "additionalProperties" in node:
                additional = (_join(ptr, "additionalProperties"), node["additionalProperties"])
            if isinstance(node.get("minProperties"), int):
                min_props = max(min_props, node["minProperties"])
            if isinstance(node.get("maxProperties"), int):
                mp = node["maxProperties"]
                max_props = mp if max_props is None else min(max_props, mp)
        names = list(required)
        if depth < _SOFT_DEPTH:
            for name, ptrs in props.items():
                if name in names:
                    continue
                if any(n.get("writeOnly") is True for _, n in self.facets(ptrs)):
                    continue
                names.append(name)
        if max_props is not None and len(names) > max_props:
            keep = [n for n in names if n in required]
            keep += [n for n in names if n not in required][: max(0, max_props - len(keep))]
            names = keep
        obj: dict[str, Any] = {}
        for name in names:
            if name in props:
                obj[name] = self.synthesize(props[name], depth + 1)
            elif additional is not None and isinstance(additional[1], dict):
                obj[name] = self.synthesize([additional[0]], depth + 1)
            else:
                obj[name] = "string"
        extra = 1
        while len(obj) < min_props and not (additional is not None and additional[1] is False):
            key = f"additionalProp{extra}"
            extra += 1
            if additional is not None and isinstance(additional[1], dict):
                obj[key] = self.synthesize([additional[0]], depth + 1)
            else:
                obj[key] = "string"
        # a discriminator inherited through allOf names the concrete schema
        named = next((t for t in (self.ref_target(r) for r in roots) if t is not None), None)
        if named is not None:
            for _, node in facets:
                disc = node.get("discriminator")
                if isinstance(disc, dict) and not any(k in node for k in ("oneOf", "anyOf")):
                    prop = disc.get("propertyName")
                    if isinstance(prop, str) and obj.get(prop) == "string":
                        obj[prop] = self._discriminator_value(disc, named)
        return obj

    def _discriminator_value(self, disc: dict[str, Any], target: str) -> str:
        name = target.rsplit("/", 1)[-1]
        mapping = disc.get("mapping")
        if isinstance(mapping, dict):
            for key, ref in mapping.items():
                if isinstance(ref, str) and (self.ref_pointer(ref) == target or ref == name):
                    return str(key)
        return name

    def _synth_array(self, facets: list[tuple[str, dict[str, Any]]], depth: int) -> list[Any]:
        items: str | None = None
        prefix: list[str] = []
        min_items = 0
        max_items: int | None = None
        for ptr, node in facets:
            if items is None and isinstance(node.get("items"), dict):
                items = _join(ptr, "items")
            if not prefix and isinstance(node.get("prefixItems"), list):
                prefix = [_join(ptr, "prefixItems", i) for i in range(len(node["prefixItems"]))]
            if isinstance(node.get("minItems"), int):
                min_items = max(min_items, node["minItems"])
            if isinstance(node.get("maxItems"), int):
                mi = node["maxItems"]
                max_items = mi if max_items is None else min(max_items, mi)
        count = max(min_items, 1) if depth < _SOFT_DEPTH else min_items
        if max_items is not None:
            count = min(count, max_items)
        out: list[Any] = []
        for i in range(count):
            if i < len(prefix):
                out.append(self.synthesize([prefix[i]], depth + 1))
            elif items is not None:
                out.append(self.synthesize([items], depth + 1))
            else:
                out.append("string")
        return out

    def synthesize_text(self, pointer: str | None) -> str:
        if pointer is not None:
            value = self.synthesize([pointer])
            if isinstance(value, str):
                return value
            if value is not None:
                return json.dumps(value)
        return "example text"


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


def _infer_type(facets: list[tuple[str, dict[str, Any]]]) -> str:
    keys: set[str] = set()
    for _, node in facets:
        keys.update(node)
    object_keys = {"properties", "required", "additionalProperties", "minProperties"}
    if keys & (object_keys | {"patternProperties"}):
        return "object"
    if keys & {"items", "prefixItems", "minItems", "maxItems"}:
        return "array"
    if keys & {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}:
        return "number"
    return "string"


def _synth_string(facets: list[tuple[str, dict[str, Any]]]) -> str:
    fmt: str | None = None
    pattern: str | None = None
    min_len = 0
    max_len: int | None = None
    for _, node in facets:
        if fmt is None and isinstance(node.get("format"), str):
            fmt = node["format"]
        if pattern is None and isinstance(node.get("pattern"), str):
            pattern = node["pattern"]
        if isinstance(node.get("minLength"), int):
            min_len = max(min_len, node["minLength"])
        if isinstance(node.get("maxLength"), int):
            ml = node["maxLength"]
            max_len = ml if max_len is None else min(max_len, ml)

    def fits(s: str) -> bool:
        if pattern is not None:
            try:
                if not re.search(pattern, s):
                    return False
            except re.error:
                pass
        return len(s) >= min_len and (max_len is None or len(s) <= max_len)

    candidates: list[str] = []
    if fmt in _FORMAT_SAMPLES:
        candidates.append(_FORMAT_SAMPLES[fmt])
    if pattern is not None:
        sample = _sample_pattern(pattern, min_len, max_len)
        if sample is not None:
            candidates.append(sample)
    plain = "string"
    if len(plain) < min_len:
        plain += "x" * (min_len - len(plain))
    if max_len is not None:
        plain = plain[:max_len]
    candidates.append(plain)
    for cand in candidates:
        if fits(cand):
            return cand
    return "string"


def _synth_number(facets: list[tuple[str, dict[str, Any]]], integer: bool) -> int | float:
    lo: float | None = None
    hi: float | None = None
    lo_excl = hi_excl = False
    multiple: float | None = None
    for _, node in facets:
        mn, mx = _num(node.get("minimum")), _num(node.get("maximum"))
        emn_raw, emx_raw = node.get("exclusiveMinimum"), node.get("exclusiveMaximum")
        emn, emx = _num(emn_raw), _num(emx_raw)
        if mn is not None and (lo is None or mn > lo):
            lo, lo_excl = mn, emn_raw is True
        if mx is not None and (hi is None or mx < hi):
            hi, hi_excl = mx, emx_raw is True
        if emn is not None and (lo is None or emn >= lo):
            lo, lo_excl = emn, True
        if emx is not None and (hi is None or emx <= hi):
            hi, hi_excl = emx, True
        mult = _num(node.get("multipleOf"))
        if mult is not None and mult > 0:
            multiple = mult

    def ok(v: float) -> bool:
        if integer and v != int(v):
            return False
        if lo is not None and (v < lo or (lo_excl and v == lo)):
            return False
        if hi is not None and (v > hi or (hi_excl and v == hi)):
            return False
        if multiple is not None:
            q = v / multiple
            if abs(q - round(q)) > 1e-9:
                return False
        return True

    step = 1.0 if integer or multiple is None else 0.5
    base: list[float] = [1.0 if integer else 1.5, 1.0, 0.0]
    if lo is not None:
        base += [lo, lo + step, math.ceil(lo), math.floor(lo) + 1]
    if hi is not None:
        base += [hi, hi - step, math.floor(hi), math.ceil(hi) - 1]
    if lo is not None and hi is not None:
        base.append((lo + hi) / 2)
    cands: list[float] = []
    for b in base:
        cands.append(b)
        if multiple is not None:
            cands += [math.ceil(b / multiple) * multiple, math.floor(b / multiple) * multiple]
    for c in cands:
        if math.isfinite(c) and ok(c):
            return int(c) if integer else (int(c) if c == int(c) and multiple else c)
    fallback = lo if lo is not None else 1.0
    return int(fallback) if integer else fallback


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


# --------------------------------------------------------------------------- HTTP plumbing


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: SpecServer, host: str = "127.0.0.1", port: int = 0) -> None:
        self.owner = owner
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__((host, port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away (timeouts, closed connections)
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.connections_lock:
                self.server.connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            while True:
                size_line = self.rfile.readline()
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _dispatch(self) -> None:
        body = self._read_body()
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else str(value)
        status, out_headers, payload, delay = self.server.owner._handle(
            self.command, self.path, headers, body
        )
        if delay > 0:
            self.server.owner._stopping.wait(delay)
        self.send_response(status)
        for name, value in out_headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD" and payload:
            self.wfile.write(payload)
        self.wfile.flush()

    do_GET = _dispatch
    do_POST = _dispatch
    do_PUT = _dispatch
    do_PATCH = _dispatch
    do_DELETE = _dispatch
    do_HEAD = _dispatch
    do_OPTIONS = _dispatch
    do_TRACE = _dispatch


# --------------------------------------------------------------------------- the server


class SpecServer:
    """A real HTTP server on 127.0.0.1 that plays an OpenAPI document.

    ``spec`` is the parsed OpenAPI 3.0/3.1 document (local ``#/...`` refs unresolved).
    If ``token`` is set every request must carry ``Authorization: Bearer <token>``;
    ``required_headers`` maps header names to the exact value each request must carry.
    With ``api`` (the document's IR) list calls page and runs stay processing until polled;
    ``seed`` makes the ids of created runs reproducible; ``port`` 0 picks a free port.
    """

    def __init__(
        self,
        spec: dict[str, Any],
        *,
        token: str | None = None,
        required_headers: Mapping[str, str] | None = None,
        api: Api | None = None,
        seed: int = 0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self._model = _SpecModel(spec)
        self.state = MockState(api, seed)
        self._host = host
        self._port = port
        self._token = token
        self._required_headers = dict(required_headers or {})
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._scripts: dict[str | None, deque[ScriptedResponse]] = {}
        self._counter = 0
        self._server: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> None:
        if self._server is not None:
            return
        self._stopping = threading.Event()
        self._server = _HTTPServer(self, self._host, self._port)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"SpecServer:{self._server.server_address[1]}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        with server.connections_lock:
            connections = list(server.connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> SpecServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("SpecServer is not running; call start() first")
        host = self._host if ":" not in self._host else f"[{self._host}]"
        return f"http://{host}:{self._server.server_address[1]}"

    def operations(self) -> list[tuple[str, str, str, str]]:
        """(method, path template, operationId, what the mock does beyond answering)."""
        return [
            (
                op.method.upper(),
                op.template,
                op.operation_id,
                self.state.describe(op.method, op.template),
            )
            for op in self._model.operations
        ]

    # ----------------------------------------------------------------- test API

    def errors(self) -> list[str]:
        with self._lock:
            return [f"{r.method} {r.path}: {e}" for r in self.requests for e in r.errors]

    def script(self, operation_id: str | None, *responses: ScriptedResponse) -> None:
        """Queue responses for an operation (None = any); synthesis resumes once used up."""
        with self._lock:
            self._scripts.setdefault(operation_id, deque()).extend(responses)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._scripts.clear()

    # ----------------------------------------------------------------- request handling

    def _next_request_id(self) -> str:
        with self._lock:
            self._counter += 1
            return f"req_{self._counter}"

    def _handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes, float]:
        raw_path, _, raw_query = target.partition("?")
        if "://" in raw_path:  # absolute-form request target
            raw_path = urlsplit(raw_path).path or "/"
        query = parse_qs(raw_query, keep_blank_values=True)
        rec = RecordedRequest(
            method=method,
            path=raw_path,
            query=query,
            headers=headers,
            body=body,
            operation_id=None,
            path_params={},
            json=None,
            form=None,
            files=None,
            errors=[],
        )
        request_id = self._next_request_id()
        try:
            result = self._process(rec, raw_query, request_id)
        except Exception as exc:
            rec.errors.append(
                f"server bug: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=6)}"
            )
            result = _json_reply(
                500, {"code": "SERVER_BUG", "message": str(exc), "retryable": False}, request_id
            )
        with self._lock:
            self.requests.append(rec)
        return result

    def _process(
        self, rec: RecordedRequest, raw_query: str, request_id: str
    ) -> tuple[int, dict[str, str], bytes, float]:
        model = self._model
        op, raw_values, path_matched = model.match(rec.method, rec.path)
        if op is None:
            why = "method not allowed for this path" if path_matched else "no such path"
            rec.errors.append(f"no operation matches {rec.method} {rec.path} ({why})")
            return _json_reply(
                404,
                {"code": "NOT_FOUND", "message": "; ".join(rec.errors), "retryable": False},
                request_id,
            )
        rec.operation_id = op.operation_id
        rec.path_params = {n: unquote(v) for n, v in zip(op.path_names, raw_values, strict=True)}
        raw_path_values = dict(zip(op.path_names, raw_values, strict=True))
        self._check_auth(rec)
        self._check_params(op, rec, raw_path_values)
        self._check_body(op, rec)
        if rec.errors:
            message = "; ".join(rec.errors)
            return _json_reply(
                400, {"code": "SPEC_MISMATCH", "message": message, "retryable": False}, request_id
            )
        scripted = self._pop_script(op.operation_id)
        if scripted is not None:
            return self._scripted_reply(scripted, request_id)
        return self._synthesized_reply(op, rec, request_id)

    def _pop_script(self, operation_id: str) -> ScriptedResponse | None:
        with self._lock:
            for key in (operation_id, None):
                queue = self._scripts.get(key)
                if queue:
                    return queue.popleft()
        return None

    @staticmethod
    def _scripted_reply(
        scripted: ScriptedResponse, request_id: str
    ) -> tuple[int, dict[str, str], bytes, float]:
        headers: dict[str, str] = {"x-request-id": request_id}
        content_type = scripted.content_type
        if scripted.json is not None:
            payload = json.dumps(scripted.json).encode()
            content_type = content_type or "application/json"
        elif scripted.body is not None:
            payload = scripted.body
            content_type = content_type or "application/octet-stream"
        else:
            payload = b""
        if content_type:
            headers["Content-Type"] = content_type
        lowered = {k.lower() for k in scripted.headers}
        headers = {k: v for k, v in headers.items() if k.lower() not in lowered}
        headers.update(scripted.headers)
        return scripted.status, headers, payload, scripted.delay

    # ----------------------------------------------------------------- checks

    def _check_auth(self, rec: RecordedRequest) -> None:
        if self._token is not None:
            auth = rec.headers.get("authorization")
            if auth is None:
                rec.errors.append("missing Authorization header (expected 'Bearer <token>')")
            elif auth != f"Bearer {self._token}":
                rec.errors.append(
                    f"Authorization header {_short(auth, 40)} does not carry the expected "
                    "bearer token"
                )
        for name, expected in self._required_headers.items():
            got = rec.headers.get(name.lower())
            if got is None:
                rec.errors.append(f"missing required header {name!r} (expected {expected!r})")
            elif got != expected:
                rec.errors.append(f"header {name!r} is {got!r}, expected {expected!r}")

    def _check_params(self, op: _Operation, rec: RecordedRequest, raw_path: dict[str, str]) -> None:
        model = self._model
        known_query: set[str] = set()
        free_form_query = False
        cookies: dict[str, str] = {}
        if "cookie" in rec.headers:
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(rec.headers["cookie"])
            except Exception:
                rec.errors.append(f"unparseable Cookie header {_short(rec.headers['cookie'])}")
            cookies = {k: m.value for k, m in jar.items()}
        for p in op.params:
            where = f"{p.location} parameter {p.name!r}"
            if p.location == "path":
                if p.name not in raw_path:
                    continue
                value = self._parse_simple(p, raw_path[p.name], decode=True, rec=rec, where=where)
                rec.errors.extend(model.validate(p.schema_ptr, value, "request", where))
            elif p.location == "query":
                present, value, consumed, free = self._parse_query(p, rec, where)
                known_query.update(consumed)
                free_form_query = free_form_query or free
                if not present:
                    if p.required:
                        rec.errors.append(f"missing required {where} [#{p.pointer}]")
                    continue
                rec.errors.extend(model.validate(p.schema_ptr, value, "request", where))
            elif p.location == "header":
                if p.name.lower() in _IGNORED_HEADER_PARAMS:
                    continue
                raw = rec.headers.get(p.name.lower())
                if raw is None:
                    if p.required:
                        rec.errors.append(f"missing required {where} [#{p.pointer}]")
                    continue
                value = self._parse_simple(p, raw, decode=False, rec=rec, where=where)
                rec.errors.extend(model.validate(p.schema_ptr, value, "request", where))
            elif p.location == "cookie":
                if p.name not in cookies:
                    if p.required:
                        rec.errors.append(f"missing required {where} [#{p.pointer}]")
                    continue
                value = self._parse_simple(p, cookies[p.name], decode=False, rec=rec, where=where)
                rec.errors.extend(model.validate(p.schema_ptr, value, "request", where))
        if not free_form_query:
            declared = sorted(p.name for p in op.params if p.location == "query")
            for name, values in rec.query.items():
                if name not in known_query:
                    rec.errors.append(
                        f"unknown query parameter {name!r} (value: {_short(values)}); "
                        f"declared: {', '.join(declared) or 'none'} [#{op.pointer}]"
                    )

    def _parse_simple(
        self, p: _Param, raw: str, *, decode: bool, rec: RecordedRequest, where: str
    ) -> Any:
        """Path / header / cookie values (style simple, label, matrix)."""
        model = self._model
        if p.style == "label" and raw.startswith("."):
            raw = raw[1:]
        elif p.style == "matrix" and raw.startswith(";"):
            raw = raw.split("=", 1)[1] if "=" in raw else ""
        if p.json_content:
            try:
                return json.loads(unquote(raw) if decode else raw)
            except ValueError:
                rec.errors.append(f"{where}: not valid JSON: {_short(raw)}")
                return raw
        kind = model.kind(p.schema_ptr)
        if kind == "array":
            sep = "." if p.style == "label" and p.explode else ","
            items = model.items_pointer(p.schema_ptr)
            parts = raw.split(sep) if raw else []
            return [model.coerce(unquote(x) if decode else x, items) for x in parts]
        if kind == "object":
            props = model.property_pointers(p.schema_ptr)
            parts = raw.split(",") if raw else []
            obj: dict[str, Any] = {}
            if p.explode:
                for part in parts:
                    k, _, v = part.partition("=")
                    k = unquote(k) if decode else k
                    obj[k] = model.coerce(unquote(v) if decode else v, props.get(k))
            else:
                for k, v in zip(parts[::2], parts[1::2], strict=False):
                    k = unquote(k) if decode else k
                    obj[k] = model.coerce(unquote(v) if decode else v, props.get(k))
            return obj
        return model.coerce(unquote(raw) if decode else raw, p.schema_ptr)

    def _parse_query(
        self, p: _Param, rec: RecordedRequest, where: str
    ) -> tuple[bool, Any, set[str], bool]:
        """(present, value, consumed query keys, accepts arbitrary keys)."""
        model = self._model
        query = rec.query
        if p.json_content:
            if p.name not in query:
                return False, None, {p.name}, False
            try:
                return True, json.loads(query[p.name][0]), {p.name}, False
            except ValueError:
                rec.errors.append(f"{where}: not valid JSON: {_short(query[p.name][0])}")
                return True, query[p.name][0], {p.name}, False
        kind = model.kind(p.schema_ptr)
        if kind == "object":
            props = model.property_pointers(p.schema_ptr)
            obj: dict[str, Any] = {}
            consumed: set[str] = set()
            if p.style == "deepObject":
                prefix = p.name + "["
                for key, values in query.items():
                    if key.startswith(prefix) and key.endswith("]"):
                        prop = key[len(prefix) : -1]
                        obj[prop] = model.coerce(values[-1], props.get(prop))
                        consumed.add(key)
                return bool(consumed), obj, consumed, False
            if p.explode:
                free = any(
                    node.get("additionalProperties") not in (None, False)
                    for _, node in model.facets([p.schema_ptr] if p.schema_ptr else [])
                )
                for key, values in query.items():
                    if key in props:
                        obj[key] = model.coerce(values[-1], props[key])
                        consumed.add(key)
                return bool(consumed), obj, consumed, free
            if p.name not in query:
                return False, None, {p.name}, False
            parts = query[p.name][0].split(",")
            for k, v in zip(parts[::2], parts[1::2], strict=False):
                obj[k] = model.coerce(v, props.get(k))
            return True, obj, {p.name}, False
        if p.name not in query:
            return False, None, {p.name}, False
        values = query[p.name]
        if kind == "array":
            items = model.items_pointer(p.schema_ptr)
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
            return True, [model.coerce(v, items) for v in raw_items], {p.name}, False
        if len(values) > 1:
            rec.errors.append(
                f"{where}: given {len(values)} times ({_short(values)}) but it is not an array"
                f" [#{p.pointer}]"
            )
        return True, model.coerce(values[0], p.schema_ptr), {p.name}, False

    def _check_body(self, op: _Operation, rec: RecordedRequest) -> None:
        model = self._model
        raw_body = op.node.get("requestBody")
        has_body = len(rec.body) > 0
        if raw_body is None:
            if has_body:
                rec.errors.append(
                    f"operation {op.operation_id} takes no request body but {len(rec.body)} "
                    f"bytes were sent [#{op.pointer}]"
                )
            return
        rb, rb_ptr = model.deref(raw_body, _join(op.pointer, "requestBody"))
        if not isinstance(rb, dict):
            return
        if not has_body:
            if rb.get("required") is True:
                rec.errors.append(f"request body is required but none was sent [#{rb_ptr}]")
            return
        content = rb.get("content") if isinstance(rb.get("content"), dict) else {}
        assert isinstance(content, dict)
        header = rec.headers.get("content-type")
        if header is None:
            rec.errors.append(
                f"request body sent without a Content-Type (declared: {', '.join(content)})"
            )
            return
        media = header.split(";")[0].strip().lower()
        key = _match_media(media, [str(k) for k in content])
        if key is None:
            rec.errors.append(
                f"Content-Type {media!r} is not one of the declared request media types "
                f"({', '.join(content)}) [#{_join(rb_ptr, 'content')}]"
            )
            return
        media_obj = content[key] if isinstance(content[key], dict) else {}
        schema_ptr = _join(rb_ptr, "content", key, "schema") if "schema" in media_obj else None
        if _is_json_media(media):
            try:
                rec.json = json.loads(rec.body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                rec.errors.append(f"request body is not valid JSON: {exc}")
                return
            rec.errors.extend(model.validate(schema_ptr, rec.json, "request", "request body"))
        elif media == "multipart/form-data":
            fields, files, errors = _parse_multipart(header, rec.body)
            rec.errors.extend(errors)
            rec.form = {k: v[0] for k, v in fields.items()}
            rec.files = {k: v[0] for k, v in files.items()}
            self._check_form(schema_ptr, media_obj, fields, files, rec, "multipart body")
        elif media == "application/x-www-form-urlencoded":
            try:
                text = rec.body.decode("utf-8")
            except UnicodeDecodeError:
                rec.errors.append("urlencoded body is not valid UTF-8")
                return
            fields = parse_qs(text, keep_blank_values=True)
            rec.form = {k: v[0] for k, v in fields.items()}
            self._check_form(schema_ptr, media_obj, fields, {}, rec, "form body")
        elif media.startswith("text/") and schema_ptr is not None:
            try:
                text = rec.body.decode("utf-8")
            except UnicodeDecodeError:
                rec.errors.append(f"{media} body is not valid UTF-8")
                return
            if model.schema_types(schema_ptr) in ([], ["string"]):
                rec.errors.extend(model.validate(schema_ptr, text, "request", "request body"))

    def _check_form(
        self,
        schema_ptr: str | None,
        media_obj: dict[str, Any],
        fields: dict[str, list[str]],
        files: dict[str, list[tuple[str | None, str | None, bytes]]],
        rec: RecordedRequest,
        where: str,
    ) -> None:
        model = self._model
        props = model.property_pointers(schema_ptr)
        encoding = media_obj.get("encoding") if isinstance(media_obj.get("encoding"), dict) else {}
        assert isinstance(encoding, dict)
        instance: dict[str, Any] = {}

        def binary(ptr: str | None) -> bool:
            if ptr is None:
                return False
            if model.is_binary(ptr):
                return True
            return model.kind(ptr) == "array" and model.is_binary(model.items_pointer(ptr))

        def text_value(name: str, values: list[str]) -> Any:
            ptr = props.get(name)
            enc = encoding.get(name) if isinstance(encoding.get(name), dict) else {}
            assert isinstance(enc, dict)
            kind = model.kind(ptr)
            json_encoded = _is_json_media(str(enc.get("contentType", ""))) or (
                kind == "object" and "contentType" not in enc
            )
            if json_encoded and kind != "array":
                try:
                    return json.loads(values[0])
                except ValueError:
                    rec.errors.append(
                        f"{where}: field {name!r} is not valid JSON: {_short(values[0])}"
                    )
                    return values[0]
            if kind == "array":
                items = model.items_pointer(ptr)
                return [model.coerce(v, items) for v in values]
            if len(values) > 1:
                rec.errors.append(f"{where}: field {name!r} sent {len(values)} times")
            return model.coerce(values[0], ptr)

        for name, values in fields.items():
            if binary(props.get(name)):
                rec.errors.append(
                    f"{where}: field {name!r} is binary and must be sent as a file part "
                    f"(with a filename), but arrived as a text field [#{props[name]}]"
                )
                instance[name] = _PLACEHOLDER_BINARY
                continue
            instance[name] = text_value(name, values)
        for name, parts in files.items():
            ptr = props.get(name)
            if binary(ptr):
                if model.kind(ptr) == "array":
                    instance[name] = [_PLACEHOLDER_BINARY] * len(parts)
                else:
                    instance[name] = _PLACEHOLDER_BINARY
                    if len(parts) > 1:
                        rec.errors.append(f"{where}: file field {name!r} sent {len(parts)} times")
                continue
            try:
                texts = [data.decode("utf-8") for _, _, data in parts]
            except UnicodeDecodeError:
                rec.errors.append(f"{where}: file part {name!r} is not binary in the schema")
                continue
            instance[name] = text_value(name, [*fields.get(name, []), *texts])
        rec.errors.extend(model.validate(schema_ptr, instance, "request", where))

    # ----------------------------------------------------------------- synthesis

    def _synthesized_reply(
        self, op: _Operation, rec: RecordedRequest, request_id: str
    ) -> tuple[int, dict[str, str], bytes, float]:
        model = self._model
        status, response, resp_ptr = self._pick_response(op)
        headers: dict[str, str] = {"x-request-id": request_id}
        if isinstance(response, dict) and isinstance(response.get("headers"), dict):
            for name, raw in response["headers"].items():
                if str(name).lower() in ("content-type", "content-length", "x-request-id"):
                    continue
                hdr, hdr_ptr = model.deref(raw, _join(resp_ptr, "headers", name))
                if isinstance(hdr, dict) and "schema" in hdr:
                    value = model.synthesize([_join(hdr_ptr, "schema")])
                    headers[str(name)] = (
                        json.dumps(value) if isinstance(value, bool) else _header_text(value)
                    )
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or not content or status in (204, 304):
            return status, headers, b"", 0.0
        keys = [str(k) for k in content]
        key = next((k for k in keys if k.split(";")[0].strip().lower() == "application/json"), None)
        key = key or next((k for k in keys if _is_json_media(k)), None) or keys[0]
        media_obj = content[key] if isinstance(content[key], dict) else {}
        schema_ptr = _join(resp_ptr, "content", key, "schema") if "schema" in media_obj else None
        media = key.split(";")[0].strip().lower()
        if _is_json_media(media):
            content_type = "application/json" if "*" in media else key
            if schema_ptr is None:
                return status, {**headers, "Content-Type": content_type}, b"{}", 0.0
            value = self._media_example(media_obj, schema_ptr, resp_ptr, key)
            if value is None:
                value = model.synthesize([schema_ptr])
            if rec.path_params and isinstance(value, dict) and isinstance(value.get("id"), str):
                last = list(rec.path_params.values())[-1]
                candidate = {**value, "id": last}
                if model.is_valid(schema_ptr, candidate):
                    value = candidate
            pointer = schema_ptr
            value = self.state.adjust(
                op.method, op.template, rec.query, rec.path_params, value,
                lambda v: model.is_valid(pointer, v),
            )  # fmt: skip
            problems = model.validate(schema_ptr, value, "response", "synthesized response body")
            rec.errors.extend(f"server bug: {p}" for p in problems)
            payload = json.dumps(value).encode()
            return status, {**headers, "Content-Type": content_type}, payload, 0.0
        if media == "text/event-stream":
            value = model.synthesize([schema_ptr]) if schema_ptr else "message"
            data = value if isinstance(value, str) else json.dumps(value)
            payload = f"data: {data}\n\n".encode()
            return status, {**headers, "Content-Type": key}, payload, 0.0
        if media.startswith("text/") or media in ("application/xml", "application/yaml"):
            text = model.synthesize_text(schema_ptr)
            return status, {**headers, "Content-Type": key}, text.encode(), 0.0
        content_type = "application/octet-stream" if "*" in media else key
        return status, {**headers, "Content-Type": content_type}, _BINARY_BODY, 0.0

    def _media_example(self, media_obj: Any, schema_ptr: str, resp_ptr: str, key: str) -> Any:
        """A media-type level ``example`` / first of ``examples``, if valid (else None)."""
        if not isinstance(media_obj, dict):
            return None
        candidates: list[Any] = []
        if "example" in media_obj:
            candidates.append(media_obj["example"])
        examples = media_obj.get("examples")
        if isinstance(examples, dict):
            for name, raw in examples.items():
                ptr = _join(resp_ptr, "content", key, "examples", name)
                example, _ = self._model.deref(raw, ptr)
                if isinstance(example, dict) and "value" in example:
                    candidates.append(example["value"])
                    break
        for cand in candidates:
            if cand is not None and self._model.is_valid(schema_ptr, cand):
                return copy.deepcopy(cand)
        return None

    def _pick_response(self, op: _Operation) -> tuple[int, Any, str]:
        responses = op.node.get("responses")
        responses_ptr = _join(op.pointer, "responses")
        if not isinstance(responses, dict):
            return 200, None, responses_ptr
        ranked: list[tuple[int, int, str]] = []
        for code in responses:
            text = str(code)
            if re.fullmatch(r"2\d\d", text):
                ranked.append((int(text), 0, text))
            elif text.upper() == "2XX":
                ranked.append((200, 1, text))
        if ranked:
            status, _, chosen = min(ranked)
        elif "default" in responses:
            status, chosen = 200, "default"
        else:
            return 200, None, responses_ptr
        response, ptr = self._model.deref(responses[chosen], _join(responses_ptr, chosen))
        return status, response, ptr


# --------------------------------------------------------------------------- helpers


def _json_reply(
    status: int, payload: Any, request_id: str
) -> tuple[int, dict[str, str], bytes, float]:
    headers = {"x-request-id": request_id, "Content-Type": "application/json"}
    return status, headers, json.dumps(payload).encode(), 0.0


def _header_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ",".join(_header_text(v) for v in value)
    return json.dumps(value)


def _match_media(media: str, declared: list[str]) -> str | None:
    bare = {d: d.split(";")[0].strip().lower() for d in declared}
    for d, b in bare.items():
        if b == media:
            return d
    major = media.split("/")[0]
    for d, b in bare.items():
        if b == f"{major}/*":
            return d
    for d, b in bare.items():
        if b == "*/*":
            return d
    return None


def _parse_multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, list[str]], dict[str, list[tuple[str | None, str | None, bytes]]], list[str]]:
    fields: dict[str, list[str]] = {}
    files: dict[str, list[tuple[str | None, str | None, bytes]]] = {}
    errors: list[str] = []
    if "boundary=" not in content_type.lower():
        return fields, files, ["multipart body: Content-Type has no boundary parameter"]
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    msg = BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not msg.is_multipart():
        return fields, files, ["multipart body could not be parsed"]
    for defect in msg.defects:
        errors.append(f"multipart body is malformed: {type(defect).__name__}")
    parts = msg.get_payload()
    if not isinstance(parts, list):
        return fields, files, [*errors, "multipart body has no parts"]
    for part in parts:
        if not isinstance(part, Message):
            continue
        disposition = part.get("content-disposition")
        raw_name = part.get_param("name", header="content-disposition")
        if disposition is None or raw_name is None:
            errors.append("multipart part without 'Content-Disposition: form-data; name=...'")
            continue
        name = _fix_text(email.utils.collapse_rfc2231_value(raw_name))
        raw_filename = part.get_filename()
        filename = _fix_text(raw_filename) if raw_filename is not None else None
        ctype_header = part.get("content-type")
        ctype = str(ctype_header) if ctype_header is not None else None
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if filename is not None:
            files.setdefault(name, []).append((filename, ctype, data))
        else:
            charset = part.get_content_charset() or "utf-8"
            try:
                fields.setdefault(name, []).append(data.decode(charset))
            except (UnicodeDecodeError, LookupError):
                errors.append(f"multipart field {name!r} is not valid {charset} text")
    return fields, files, errors


def _fix_text(value: str) -> str:
    """Undo the surrogate-escaping the email parser applies to raw UTF-8 header bytes."""
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return value
