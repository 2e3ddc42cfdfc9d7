"""Cases for the lifecycle, 2020-12 keyword, response bound, header, allOf, enum and
nullability rules: one base/revision pair per rule, as in `cases.py`."""

from __future__ import annotations

import copy
from typing import Any

from generator.diff.registry import PROPERTY_CONSTRAINT_KEYWORDS, WHOLE_KEYWORDS
from tests.diff.specs import Drop, Set, pets, ref

LIST = "/paths/~1pets/get"
CREATE = "/paths/~1pets/post"
ITEM = "/paths/~1pets~1{petId}"
PARAMS = f"{LIST}/parameters"
S = "/components/schemas"
NEW_PET = f"{S}/NewPet/properties"
PET = f"{S}/Pet/properties"
LIST_OP, CREATE_OP = "GET /pets", "POST /pets"
GET_OP, DELETE_OP = "GET /pets/{petId}", "DELETE /pets/{petId}"
PET_OPS = (LIST_OP, CREATE_OP, GET_OP)
PAST, FUTURE = "2020-01-01", "2999-12-31"
BODY = f"{CREATE}/requestBody/content/application~1json/schema"
GET_BODY = f"{ITEM}/get/responses/200/content/application~1json/schema"
HEADERS = f"{ITEM}/get/responses/200/headers"
RATE = f"{HEADERS}/X-Rate"
_OWNER = {"type": "object", "properties": {"owner": {"type": "string"}}}
_CHIP = {"type": "object", "properties": {"chip": {"type": "string"}}}

Spec = tuple[str, tuple[Any, ...], tuple[Any, ...], tuple[str, ...]]
"""(rule, revise edits, base edits, operations)."""


def _renamed_item() -> dict[str, Any]:
    item: dict[str, Any] = copy.deepcopy(pets()["paths"]["/pets/{petId}"])
    item["parameters"][0]["name"] = "id"
    return item


_ITEM_OPS = ("GET /pets/{id}", "DELETE /pets/{id}")

# (value on one side, value on the other) per keyword, on a request or response property
_KEYWORD_VALUES: dict[str, tuple[Any, Any]] = {
    "const": ("a", "b"),
    "contains": ({"type": "string"}, {"type": "string", "minLength": 1}),
    "prefixItems": ([{"type": "string"}], [{"type": "string"}, {"type": "integer"}]),
    "if": ({"required": ["a"]}, {"required": ["b"]}),
    "then": ({"required": ["a"]}, {"required": ["b"]}),
    "else": ({"required": ["a"]}, {"required": ["b"]}),
    "dependentRequired": ({"tag": ["name"]}, {"tag": ["age"]}),
    "dependentSchemas": ({"tag": {"required": ["name"]}}, {"tag": {"required": ["age"]}}),
    "propertyNames": ({"maxLength": 20}, {"maxLength": 10}),
    "patternProperties": ({"^x-": {"type": "string"}}, {"^y-": {"type": "string"}}),
    "unevaluatedItems": ({"type": "string"}, {"type": "integer"}),
    "unevaluatedProperties": ({"type": "string"}, {"type": "integer"}),
    "contentSchema": ({"type": "object"}, {"type": "array"}),
    "contentMediaType": ("application/json", "image/png"),
    "contentEncoding": ("base64", "base16"),
}


def _keyword_cases() -> list[Spec]:
    found: list[Spec] = []
    for side, where, operations in (
        ("request", f"{NEW_PET}/tag", (CREATE_OP,)),
        ("response", f"{PET}/tag", PET_OPS),
    ):
        for slug, keyword, changed in WHOLE_KEYWORDS:
            one, other = _KEYWORD_VALUES[keyword]
            at = f"{where}/{keyword}"
            found.append((f"{side}-property-{slug}-added", (Set(at, one),), (), operations))
            found.append((f"{side}-property-{slug}-removed", (Drop(at),), (Set(at, one),),
                          operations))  # fmt: skip
            if changed is not None:
                found.append((f"{side}-property-{slug}-changed", (Set(at, other),),
                              (Set(at, one),), operations))  # fmt: skip
    return found


# Response bounds: (where, base, looser, tighter); the base edits give Pet the properties.
_PHOTOS = {"type": "array", "items": {"type": "string"}, "contains": {"type": "string"},
           "minItems": 2, "maxItems": 10, "minContains": 2, "maxContains": 5}  # fmt: skip
_RESPONSE_BOUNDS: dict[str, tuple[str, Any, Any, Any]] = {
    "maximum": (f"{PET}/id/maximum", 1000, 2000, 500),
    "minimum": (f"{PET}/id/minimum", 1, 0, 5),
    "max-length": (f"{PET}/name/maxLength", 50, 80, 30),
    "min-length": (f"{PET}/name/minLength", 2, 1, 3),
    "max-items": (f"{PET}/photos/maxItems", 10, 20, 5),
    "min-items": (f"{PET}/photos/minItems", 2, 1, 3),
    "max-contains": (f"{PET}/photos/maxContains", 5, 8, 3),
    "min-contains": (f"{PET}/photos/minContains", 2, 1, 3),
}


def _bound_cases() -> list[Spec]:
    found: list[Spec] = []
    for slug, _keyword in PROPERTY_CONSTRAINT_KEYWORDS:
        where, base, looser, tighter = _RESPONSE_BOUNDS[slug]
        setup: tuple[Set, ...] = (Set(f"{PET}/photos", _PHOTOS), Set(where, base))
        found.append((f"response-property-{slug}-loosened", (Set(where, looser),), setup,
                      PET_OPS))  # fmt: skip
        found.append((f"response-property-{slug}-tightened", (Set(where, tighter),), setup,
                      PET_OPS))  # fmt: skip
    photos = f"{NEW_PET}/photos"
    setup = (Set(f"{photos}/contains", {"type": "string"}), Set(f"{photos}/maxContains", 5),
             Set(f"{photos}/minContains", 2))  # fmt: skip
    found += [
        ("request-property-max-contains-tightened", (Set(f"{photos}/maxContains", 3),), setup,
         (CREATE_OP,)),
        ("request-property-max-contains-loosened", (Set(f"{photos}/maxContains", 8),), setup,
         (CREATE_OP,)),
        ("request-property-min-contains-tightened", (Set(f"{photos}/minContains", 3),), setup,
         (CREATE_OP,)),
        ("request-property-min-contains-loosened", (Set(f"{photos}/minContains", 1),), setup,
         (CREATE_OP,)),
    ]  # fmt: skip
    return found


def _deprecated(where: str, sunset: str) -> tuple[Any, ...]:
    return (Set(f"{where}/deprecated", True), Set(f"{where}/x-sunset", sunset))


_ALL_OF = {"allOf": [ref("NewPet"), _OWNER]}
_ALL_OF_3 = {"allOf": [ref("NewPet"), _OWNER, _CHIP]}
_GET_ALL_OF = {"allOf": [ref("Pet"), _OWNER]}
_GET_ALL_OF_3 = {"allOf": [ref("Pet"), _OWNER, _CHIP]}
_TEXT = f"{CREATE}/requestBody/content/text~1plain"
_GET_TEXT = f"{ITEM}/get/responses/200/content/text~1plain"

MORE: tuple[Spec, ...] = (
    # lifecycle
    ("endpoint-removed-after-sunset", (Drop(f"{ITEM}/delete"),),
     _deprecated(f"{ITEM}/delete", PAST), (DELETE_OP,)),
    ("endpoint-sunset-invalid", (Set(f"{ITEM}/delete/x-sunset", "next spring"),),
     (Set(f"{ITEM}/delete/deprecated", True),), (DELETE_OP,)),
    ("endpoint-stability-decreased", (Set(f"{ITEM}/delete/x-stability-level", "beta"),),
     (Set(f"{ITEM}/delete/x-stability-level", "stable"),), (DELETE_OP,)),
    ("endpoint-stability-increased", (Set(f"{ITEM}/delete/x-stability-level", "stable"),),
     (Set(f"{ITEM}/delete/x-stability-level", "beta"),), (DELETE_OP,)),
    ("endpoint-stability-invalid", (Set(f"{ITEM}/delete/x-stability-level", "experimental"),),
     (), (DELETE_OP,)),
    ("request-parameter-removed-after-sunset", (Drop(f"{PARAMS}/4"),),
     _deprecated(f"{PARAMS}/4", PAST), (LIST_OP,)),
    ("request-parameter-sunset-invalid", (Set(f"{PARAMS}/4/x-sunset", "2020-13-45"),),
     (Set(f"{PARAMS}/4/deprecated", True),), (LIST_OP,)),
    ("request-property-removed-after-sunset", (Drop(f"{NEW_PET}/tag"),),
     _deprecated(f"{NEW_PET}/tag", PAST), (CREATE_OP,)),
    ("response-property-removed-after-sunset", (Drop(f"{PET}/tag"),),
     _deprecated(f"{PET}/tag", PAST), PET_OPS),
    ("property-sunset-invalid", (Set(f"{NEW_PET}/tag/x-sunset", "tomorrow"),),
     (Set(f"{NEW_PET}/tag/deprecated", True),), (CREATE_OP,)),
    ("property-stability-decreased", (Set(f"{NEW_PET}/tag/x-stability-level", "alpha"),),
     (Set(f"{NEW_PET}/tag/x-stability-level", "stable"),), (CREATE_OP,)),
    ("property-stability-increased", (Set(f"{NEW_PET}/tag/x-stability-level", "stable"),),
     (Set(f"{NEW_PET}/tag/x-stability-level", "beta"),), (CREATE_OP,)),
    ("property-stability-invalid", (Set(f"{NEW_PET}/tag/x-stability-level", "gamma"),), (),
     (CREATE_OP,)),
    ("request-parameter-reactivated", (Drop(f"{PARAMS}/1/deprecated"),),
     (Set(f"{PARAMS}/1/deprecated", True),), (LIST_OP,)),
    ("request-property-reactivated", (Drop(f"{NEW_PET}/tag/deprecated"),),
     (Set(f"{NEW_PET}/tag/deprecated", True),), (CREATE_OP,)),
    ("response-property-reactivated", (Drop(f"{PET}/tag/deprecated"),),
     (Set(f"{PET}/tag/deprecated", True),), PET_OPS),
    # parameters
    ("request-path-parameter-renamed",
     (Drop("/paths/~1pets~1{petId}"), Set("/paths/~1pets~1{id}", _renamed_item())), (),
     _ITEM_OPS),
    ("request-parameter-became-enum", (Set(f"{PARAMS}/2/schema/enum", ["rex", "tom"]),), (),
     (LIST_OP,)),
    ("request-parameter-extensible-enum-value-removed",
     (Drop(f"{PARAMS}/2/schema/x-extensible-enum/1"),),
     (Set(f"{PARAMS}/2/schema/x-extensible-enum", ["rex", "tom"]),), (LIST_OP,)),
    ("request-parameter-nullable-added", (Set(f"{PARAMS}/2/schema/type", ["string", "null"]),),
     (), (LIST_OP,)),
    ("request-parameter-nullable-removed", (Set(f"{PARAMS}/2/schema/type", "string"),),
     (Set(f"{PARAMS}/2/schema/type", ["string", "null"]),), (LIST_OP,)),
    ("request-parameter-type-widened", (Set(f"{PARAMS}/0/schema/type", "number"),), (),
     (LIST_OP,)),
    # request bodies
    ("request-body-schema-added", (Set(f"{_TEXT}/schema", {"type": "string"}),),
     (Set(_TEXT, {}),), (CREATE_OP,)),
    ("request-body-schema-removed", (Drop(f"{_TEXT}/schema"),),
     (Set(_TEXT, {"schema": {"type": "string"}}),), (CREATE_OP,)),
    ("request-property-type-widened", (Set(f"{NEW_PET}/tag/type", ["string", "integer"]),), (),
     (CREATE_OP,)),
    ("request-property-became-enum", (Set(f"{NEW_PET}/tag/enum", ["a", "b"]),), (),
     (CREATE_OP,)),
    ("request-property-extensible-enum-value-removed",
     (Drop(f"{NEW_PET}/tag/x-extensible-enum/1"),),
     (Set(f"{NEW_PET}/tag/x-extensible-enum", ["a", "b"]),), (CREATE_OP,)),
    ("request-all-of-added", (Set(BODY, _ALL_OF_3),), (Set(BODY, _ALL_OF),), (CREATE_OP,)),
    ("request-all-of-removed", (Set(BODY, _ALL_OF),), (Set(BODY, _ALL_OF_3),), (CREATE_OP,)),
    # responses
    ("response-body-schema-added", (Set(f"{_GET_TEXT}/schema", {"type": "string"}),),
     (Set(_GET_TEXT, {}),), (GET_OP,)),
    ("response-body-schema-removed", (Drop(f"{_GET_TEXT}/schema"),),
     (Set(_GET_TEXT, {"schema": {"type": "string"}}),), (GET_OP,)),
    ("response-header-added", (Set(HEADERS, {"X-Rate": {"schema": {"type": "integer"}}}),), (),
     (GET_OP,)),
    ("response-required-header-removed", (Drop(RATE),),
     (Set(HEADERS, {"X-Rate": {"required": True, "schema": {"type": "integer"}}}),),
     (GET_OP,)),
    ("response-optional-header-removed", (Drop(RATE),),
     (Set(HEADERS, {"X-Rate": {"schema": {"type": "integer"}}}),), (GET_OP,)),
    ("response-header-became-optional", (Drop(f"{RATE}/required"),),
     (Set(HEADERS, {"X-Rate": {"required": True, "schema": {"type": "integer"}}}),),
     (GET_OP,)),
    ("response-header-became-required", (Set(f"{RATE}/required", True),),
     (Set(HEADERS, {"X-Rate": {"schema": {"type": "integer"}}}),), (GET_OP,)),
    ("response-header-type-changed", (Set(f"{RATE}/schema/type", "string"),),
     (Set(HEADERS, {"X-Rate": {"schema": {"type": "integer"}}}),), (GET_OP,)),
    ("response-property-type-narrowed", (Set(f"{PET}/tag/type", "string"),),
     (Set(f"{PET}/tag/type", ["string", "integer"]),), PET_OPS),
    ("response-all-of-added", (Set(GET_BODY, _GET_ALL_OF_3),), (Set(GET_BODY, _GET_ALL_OF),),
     (GET_OP,)),
    ("response-all-of-removed", (Set(GET_BODY, _GET_ALL_OF),), (Set(GET_BODY, _GET_ALL_OF_3),),
     (GET_OP,)),
    *_bound_cases(),
    *_keyword_cases(),
)  # fmt: skip
