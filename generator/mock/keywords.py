"""OpenAPI's schema dialect as a jsonschema validator class: readOnly / writeOnly by direction,
discriminators that pick a oneOf/anyOf member, and for 3.0 documents boolean exclusive bounds and
`nullable`; plus the formats JSON Schema leaves unchecked that an API relies on."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal

import jsonschema  # type: ignore[import-untyped, unused-ignore]

from generator.mock.document import SpecDocument

Mode = Literal["request", "response"]
"""Which way a value travels: a request must not carry readOnly, a response writeOnly."""

Keyword = Callable[[Any, Any, Any, Any], Iterator[Any]]
"""A jsonschema keyword function: (validator, keyword value, instance, schema) -> errors."""

_RFC3339_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
_RFC3339_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))?$")
"""RFC 3339 `full-time`; the offset may be left out, as a local time, which clients send."""
_ERROR = jsonschema.ValidationError


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

    @checker.checks("time")  # type: ignore[untyped-decorator, unused-ignore]
    def _time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        match = _TIME.match(value)
        if match is None:
            return False
        hour, minute, second, _, _, offset_hour, offset_minute = match.groups()
        return (
            int(hour) < 24
            and int(minute) < 60
            and int(second) <= 60
            and int(offset_hour or 0) < 24
            and int(offset_minute or 0) < 60
        )

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


FORMAT_CHECKER = _make_format_checker()


def validator_class(document: SpecDocument, mode: Mode) -> Any:
    """A Draft 2020-12 validator class that reads schemas the way OpenAPI means them."""
    base = jsonschema.Draft202012Validator
    validators: dict[str, Keyword] = dict(base.VALIDATORS)
    validators.update(_direction_keywords(document, mode, validators["properties"]))
    validators["oneOf"] = _discriminated(document, validators["oneOf"])
    validators["anyOf"] = _discriminated(document, validators["anyOf"])
    if document.is30:
        validators = _openapi30_keywords(validators)
    return jsonschema.validators.extend(base, validators)  # type: ignore[no-untyped-call]


def _flagged(document: SpecDocument, prop_schema: Any, flag: str) -> bool:
    """Whether a property schema (or the schema its `$ref` names) sets `flag` to true."""
    if not isinstance(prop_schema, dict):
        return False
    if prop_schema.get(flag) is True:
        return True
    ref = prop_schema.get("$ref")
    target = document.ref_pointer(ref) if isinstance(ref, str) else None
    if target is None:
        return False
    try:
        resolved = document.get(target)
    except (KeyError, IndexError, ValueError):
        return False
    return isinstance(resolved, dict) and resolved.get(flag) is True


def _direction_keywords(
    document: SpecDocument, mode: Mode, original_properties: Keyword
) -> dict[str, Keyword]:
    """`required` that excuses properties of the other direction; `properties` that refuses a
    readOnly property in a request."""
    skip_flag = "readOnly" if mode == "request" else "writeOnly"

    def required(validator: Any, names: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not isinstance(instance, dict) or not isinstance(names, list):
            return
        props = schema.get("properties") if isinstance(schema, dict) else None
        props = props if isinstance(props, dict) else {}
        for name in names:
            if name in instance or _flagged(document, props.get(name), skip_flag):
                continue
            yield _ERROR(f"{name!r} is a required property")

    def properties(validator: Any, props: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if mode == "request" and isinstance(instance, dict) and isinstance(props, dict):
            for name in instance:
                if name in props and _flagged(document, props[name], "readOnly"):
                    yield _ERROR(
                        f"{name!r} is readOnly and must not be sent in a request",
                        path=[name],
                        schema_path=[name, "readOnly"],
                        instance=instance[name],
                    )
        yield from original_properties(validator, props, instance, schema)

    def all_of(validator: Any, members: Any, instance: Any, schema: Any) -> Iterator[Any]:
        # A member may require a property another member marks readOnly (or writeOnly):
        # the merged schema does not require it in this direction.
        excused = {n for m in members for n in _flagged_names(document, m, skip_flag, 0)}
        for index, member in enumerate(members):
            relaxed = _without_required(document, member, excused)
            yield from validator.descend(instance, relaxed, schema_path=index)

    return {"required": required, "properties": properties, "allOf": all_of}


def _resolved(document: SpecDocument, schema: Any) -> Any:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    target = document.ref_pointer(ref) if isinstance(ref, str) else None
    if target is None:
        return schema
    try:
        return document.get(target)
    except (KeyError, IndexError, ValueError):
        return schema


def _flagged_names(document: SpecDocument, schema: Any, flag: str, depth: int) -> set[str]:
    """The properties a schema (with its allOf members) marks with `flag`."""
    node = _resolved(document, schema)
    if not isinstance(node, dict) or depth > 16:
        return set()
    props = node.get("properties")
    found = {
        str(name)
        for name, prop in (props.items() if isinstance(props, dict) else ())
        if _flagged(document, prop, flag)
    }
    for member in node.get("allOf") or []:
        found |= _flagged_names(document, member, flag, depth + 1)
    return found


def _without_required(document: SpecDocument, schema: Any, excused: set[str]) -> Any:
    """The member with the excused names left out of its `required` list."""
    node = _resolved(document, schema)
    required = node.get("required") if isinstance(node, dict) else None
    if not excused or not isinstance(required, list) or not excused & set(required):
        return schema
    return {**node, "required": [name for name in required if name not in excused]}


def _discriminated(document: SpecDocument, original: Keyword) -> Keyword:
    def check(validator: Any, members: Any, instance: Any, schema: Any) -> Iterator[Any]:
        index = discriminator_index(document, schema, members, instance)
        if index is None:
            yield from original(validator, members, instance, schema)
        else:
            yield from validator.descend(instance, members[index], schema_path=index)

    return check


def discriminator_index(
    document: SpecDocument, schema: Any, members: Any, instance: Any
) -> int | None:
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
    target_ptr = document.ref_pointer(target) if isinstance(target, str) else None
    for i, member in enumerate(members):
        ref = member.get("$ref") if isinstance(member, dict) else None
        if not isinstance(ref, str):
            continue
        ref_ptr = document.ref_pointer(ref) or ref
        name = ref_ptr.rsplit("/", 1)[-1]
        if isinstance(target, str):
            if target in (ref, name) or target_ptr == ref_ptr:
                return i
        elif name == value:
            return i
    return None


def _minimum(validator: Any, bound: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "number"):
        return
    if schema.get("exclusiveMinimum") is True:
        if instance <= bound:
            yield _ERROR(f"{instance!r} is less than or equal to the minimum of {bound!r}")
    elif instance < bound:
        yield _ERROR(f"{instance!r} is less than the minimum of {bound!r}")


def _maximum(validator: Any, bound: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "number"):
        return
    if schema.get("exclusiveMaximum") is True:
        if instance >= bound:
            yield _ERROR(f"{instance!r} is greater than or equal to the maximum of {bound!r}")
    elif instance > bound:
        yield _ERROR(f"{instance!r} is greater than the maximum of {bound!r}")


def _numeric_exclusive(original: Keyword) -> Keyword:
    def check(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if isinstance(value, bool):
            return  # 3.0 style: handled by minimum / maximum
        yield from original(validator, value, instance, schema)

    return check


def _nullable(original: Keyword) -> Keyword:
    def check(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if instance is None and isinstance(schema, dict) and schema.get("nullable"):
            return
        yield from original(validator, value, instance, schema)

    return check


def _openapi30_keywords(validators: dict[str, Keyword]) -> dict[str, Keyword]:
    """OpenAPI 3.0: boolean `exclusiveMinimum`/`exclusiveMaximum` beside their bound, and
    `nullable`, which lets null through every keyword."""
    adjusted = {
        **validators,
        "minimum": _minimum,
        "maximum": _maximum,
        "exclusiveMinimum": _numeric_exclusive(validators["exclusiveMinimum"]),
        "exclusiveMaximum": _numeric_exclusive(validators["exclusiveMaximum"]),
    }
    return {k: _nullable(v) for k, v in adjusted.items()}
