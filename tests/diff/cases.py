"""One base/revision case per rule: edits of the pet-store document that trigger exactly it.

Each case names its rule, the edits that make the revision (and, when needed, edits that make
the base), and the operations the change must reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diff.registry import CONSTRAINT_KEYWORDS
from tests.diff.cases_more import MORE
from tests.diff.specs import Drop, Edit, Set, json_content, ok, ref

LIST = "/paths/~1pets/get"
CREATE = "/paths/~1pets/post"
ITEM = "/paths/~1pets~1{petId}"
ADOPT = "/paths/~1pets~1{petId}~1adopt/post"
PARAMS = f"{LIST}/parameters"
S = "/components/schemas"
NEW_PET = f"{S}/NewPet/properties"
PET = f"{S}/Pet/properties"

LIST_OP, CREATE_OP = "GET /pets", "POST /pets"
GET_OP, DELETE_OP, ADOPT_OP = (
    "GET /pets/{petId}",
    "DELETE /pets/{petId}",
    "POST /pets/{petId}/adopt",
)
PET_OPS = (LIST_OP, CREATE_OP, GET_OP)
"""Every operation that returns a Pet."""


@dataclass(frozen=True)
class Case:
    rule: str
    revise: tuple[Edit, ...]
    base: tuple[Edit, ...] = ()
    operations: tuple[str, ...] = ()
    also: tuple[str, ...] = field(default=())
    """Other rules the same edit triggers, by design."""

    @property
    def id(self) -> str:
        return self.rule


def case(
    rule: str,
    *revise: Edit,
    base: tuple[Edit, ...] = (),
    operations: tuple[str, ...] = (),
    also: tuple[str, ...] = (),
) -> Case:
    return Case(rule, revise, base, operations, also)


def _param(name: str, required: bool = False, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema or {"type": "string"},
    }


_BIRD = {"type": "object", "properties": {"type": {"type": "string"}}}
_REASON = {"type": "object", "properties": {"reason": {"type": "string"}}}

# Constraint families: (slug, where in a parameter, where in NewPet, tighter, looser) per keyword;
# `base` values are those of the pet-store document.
_BOUNDS: dict[str, tuple[str, str, Any, Any, Any, Any]] = {
    # slug: (parameter pointer, property pointer, param tight, param loose, prop tight, prop loose)
    "maximum": (f"{PARAMS}/0/schema/maximum", f"{NEW_PET}/age/maximum", 50, 200, 30, 50),
    "minimum": (f"{PARAMS}/0/schema/minimum", f"{NEW_PET}/age/minimum", 5, 0, 1, -1),
    "max-length": (f"{PARAMS}/2/schema/maxLength", f"{NEW_PET}/name/maxLength", 20, 60, 30, 80),
    "min-length": (f"{PARAMS}/2/schema/minLength", f"{NEW_PET}/name/minLength", 3, 0, 2, 0),
    "max-items": (f"{PARAMS}/3/schema/maxItems", f"{NEW_PET}/photos/maxItems", 3, 10, 5, 20),
    "min-items": (f"{PARAMS}/3/schema/minItems", f"{NEW_PET}/photos/minItems", 2, 0, 2, 0),
}


def _constraint_cases() -> list[Case]:
    cases = []
    for slug, _keyword in CONSTRAINT_KEYWORDS:
        param, prop, param_tight, param_loose, prop_tight, prop_loose = _BOUNDS[slug]
        cases += [
            case(f"request-parameter-{slug}-tightened", Set(param, param_tight),
                 operations=(LIST_OP,)),
            case(f"request-parameter-{slug}-loosened", Set(param, param_loose),
                 operations=(LIST_OP,)),
            case(f"request-property-{slug}-tightened", Set(prop, prop_tight),
                 operations=(CREATE_OP,)),
            case(f"request-property-{slug}-loosened", Set(prop, prop_loose),
                 operations=(CREATE_OP,)),
        ]  # fmt: skip
    for prefix, pointer, operation in (
        ("request-parameter", f"{PARAMS}/2/schema/pattern", LIST_OP),
        ("request-property", f"{NEW_PET}/name/pattern", CREATE_OP),
    ):
        cases += [
            case(f"{prefix}-pattern-added", Set(pointer, "^[a-z]+$"), base=(Drop(pointer),),
                 operations=(operation,)),
            case(f"{prefix}-pattern-changed", Set(pointer, "^[a-z0-9]+$"),
                 operations=(operation,)),
            case(f"{prefix}-pattern-removed", Drop(pointer), operations=(operation,)),
        ]  # fmt: skip
    return cases


CASES: tuple[Case, ...] = (
    # endpoints and the SDK
    case("endpoint-added",
         Set("/paths/~1toys", {"get": {"responses": {"204": {"description": "none"}}}}),
         operations=("GET /toys",)),
    case("endpoint-removed", Drop(f"{ITEM}/delete"), operations=(DELETE_OP,)),
    case("endpoint-deprecated", Set(f"{ITEM}/delete/deprecated", True),
         Set(f"{ITEM}/delete/x-sunset", "2999-12-31"), operations=(DELETE_OP,)),
    case("endpoint-reactivated", Drop(f"{ITEM}/delete/deprecated"),
         base=(Set(f"{ITEM}/delete/deprecated", True),), operations=(DELETE_OP,)),
    case("sdk-method-renamed", Set(f"{ITEM}/get/x-sdk-name", "pets.fetch"), operations=(GET_OP,)),
    case("sdk-model-removed", Drop(f"{S}/Legacy"),
         base=(Set(f"{S}/Legacy", {"type": "object", "properties": {"a": {"type": "string"}}}),)),
    # servers and security
    case("server-added", Set("/servers/-", {"url": "https://us.pets.example"})),
    case("server-removed", Drop("/servers/1")),
    case("server-url-changed", Set("/servers/1/url", "https://eu2.pets.example")),
    case("security-scheme-changed",
         Set("/components/securitySchemes/bearer",
             {"type": "apiKey", "in": "header", "name": "X-Key"}),
         operations=(LIST_OP, CREATE_OP, GET_OP, DELETE_OP)),
    case("security-required-added", Drop(f"{ITEM}/delete/security"),
         base=(Set(f"{ITEM}/delete/security", []),), operations=(DELETE_OP,)),
    case("security-requirement-removed", Set(f"{ITEM}/delete/security", []),
         operations=(DELETE_OP,)),
    case("security-alternative-added", Set("/security/-", {"apiKey": []}),
         operations=(LIST_OP, CREATE_OP, GET_OP, DELETE_OP)),
    case("security-alternative-removed", Drop("/security/1"),
         base=(Set("/security/-", {"apiKey": []}),),
         operations=(LIST_OP, CREATE_OP, GET_OP, DELETE_OP)),
    case("security-scope-added", Set(f"{ADOPT}/security/0/oauth/-", "pets:read"),
         operations=(ADOPT_OP,)),
    case("security-scope-removed", Drop(f"{ADOPT}/security/0/oauth/1"),
         base=(Set(f"{ADOPT}/security/0/oauth/-", "pets:read"),), operations=(ADOPT_OP,)),
    # parameters
    case("request-parameter-added-required", Set(f"{PARAMS}/-", _param("owner", True)),
         operations=(LIST_OP,)),
    case("request-parameter-added-optional", Set(f"{PARAMS}/-", _param("owner")),
         operations=(LIST_OP,)),
    case("request-parameter-removed", Drop(f"{PARAMS}/4"), operations=(LIST_OP,)),
    case("request-parameter-location-changed", Set(f"{PARAMS}/4/in", "header"),
         operations=(LIST_OP,)),
    case("request-parameter-became-required", Set(f"{PARAMS}/1/required", True),
         operations=(LIST_OP,)),
    case("request-parameter-became-optional", Drop(f"{PARAMS}/1/required"),
         base=(Set(f"{PARAMS}/1/required", True),), operations=(LIST_OP,)),
    case("request-parameter-deprecated", Set(f"{PARAMS}/1/deprecated", True),
         Set(f"{PARAMS}/1/x-sunset", "2999-12-31"),
         operations=(LIST_OP,)),
    case("request-parameter-type-changed", Set(f"{PARAMS}/1/schema", {"type": "integer"}),
         operations=(LIST_OP,)),
    case("request-parameter-format-changed", Set(f"{PARAMS}/4/schema/format", "date-time"),
         operations=(LIST_OP,)),
    case("request-parameter-enum-value-added", Set(f"{PARAMS}/1/schema/enum/-", "pending"),
         operations=(LIST_OP,)),
    case("request-parameter-enum-value-removed", Drop(f"{PARAMS}/1/schema/enum/1"),
         operations=(LIST_OP,)),
    case("request-parameter-default-changed", Set(f"{PARAMS}/0/schema/default", 50),
         operations=(LIST_OP,)),
    # request bodies
    case("request-body-added-required",
         Set(f"{ITEM}/delete/requestBody", {"required": True, "content": json_content(_REASON)}),
         operations=(DELETE_OP,)),
    case("request-body-added-optional",
         Set(f"{ITEM}/delete/requestBody", {"content": json_content(_REASON)}),
         operations=(DELETE_OP,)),
    case("request-body-removed", Drop(f"{CREATE}/requestBody"), operations=(CREATE_OP,)),
    case("request-body-became-required", Set(f"{CREATE}/requestBody/required", True),
         base=(Drop(f"{CREATE}/requestBody/required"),), operations=(CREATE_OP,)),
    case("request-body-became-optional", Drop(f"{CREATE}/requestBody/required"),
         operations=(CREATE_OP,)),
    case("request-body-media-type-added",
         Set(f"{CREATE}/requestBody/content/application~1x-www-form-urlencoded",
             {"schema": ref("NewPet")}),
         operations=(CREATE_OP,)),
    case("request-body-media-type-removed",
         Drop(f"{CREATE}/requestBody/content/application~1x-www-form-urlencoded"),
         base=(Set(f"{CREATE}/requestBody/content/application~1x-www-form-urlencoded",
                   {"schema": ref("NewPet")}),),
         operations=(CREATE_OP,)),
    case("request-body-type-changed",
         Set(f"{CREATE}/requestBody/content/application~1json/schema",
             {"type": "array", "items": ref("NewPet")}),
         operations=(CREATE_OP,)),
    case("request-property-added-required", Set(f"{NEW_PET}/breed", {"type": "string"}),
         Set(f"{S}/NewPet/required/-", "breed"), operations=(CREATE_OP,)),
    case("request-property-added-optional", Set(f"{NEW_PET}/breed", {"type": "string"}),
         operations=(CREATE_OP,)),
    case("request-property-removed", Drop(f"{NEW_PET}/tag"), operations=(CREATE_OP,)),
    case("request-property-became-required", Set(f"{S}/NewPet/required/-", "tag"),
         operations=(CREATE_OP,)),
    case("request-property-became-optional", Set(f"{S}/NewPet/required", []),
         operations=(CREATE_OP,)),
    case("request-property-became-read-only", Set(f"{NEW_PET}/tag/readOnly", True),
         operations=(CREATE_OP,)),
    case("request-property-type-changed", Set(f"{NEW_PET}/tag/type", "integer"),
         operations=(CREATE_OP,)),
    case("request-property-format-changed", Set(f"{NEW_PET}/photos/items/format", "uri-reference"),
         operations=(CREATE_OP,)),
    case("request-property-enum-value-added", Set(f"{NEW_PET}/status/enum/-", "sold"),
         operations=(CREATE_OP,)),
    case("request-property-enum-value-removed", Drop(f"{NEW_PET}/status/enum/1"),
         operations=(CREATE_OP,)),
    case("request-property-nullable-added", Set(f"{NEW_PET}/tag/type", ["string", "null"]),
         operations=(CREATE_OP,)),
    case("request-property-nullable-removed", Set(f"{NEW_PET}/nickname/type", "string"),
         operations=(CREATE_OP,)),
    case("request-property-default-changed", Set(f"{NEW_PET}/age/default", 2),
         operations=(CREATE_OP,)),
    case("request-property-deprecated", Set(f"{NEW_PET}/tag/deprecated", True),
         Set(f"{NEW_PET}/tag/x-sunset", "2999-12-31"),
         operations=(CREATE_OP,)),
    *_constraint_cases(),
    # responses
    case("response-success-status-added", Set(f"{ITEM}/get/responses/203", ok(ref("Pet"))),
         operations=(GET_OP,)),
    case("response-success-status-removed", Drop(f"{ITEM}/get/responses/203"),
         base=(Set(f"{ITEM}/get/responses/203", ok(ref("Pet"))),), operations=(GET_OP,)),
    case("response-non-success-status-added",
         Set(f"{ITEM}/get/responses/404", {"$ref": "#/components/responses/Problem"}),
         operations=(GET_OP,)),
    case("response-non-success-status-removed", Drop(f"{LIST}/responses/400"),
         operations=(LIST_OP,)),
    case("response-media-type-added",
         Set(f"{ITEM}/get/responses/200/content/application~1xml", {"schema": ref("Pet")}),
         operations=(GET_OP,)),
    case("response-media-type-removed",
         Drop(f"{ITEM}/get/responses/200/content/application~1xml"),
         base=(Set(f"{ITEM}/get/responses/200/content/application~1xml",
                   {"schema": ref("Pet")}),),
         operations=(GET_OP,)),
    case("response-body-type-changed",
         Set(f"{ITEM}/get/responses/200/content/application~1json/schema",
             {"type": "array", "items": ref("Pet")}),
         operations=(GET_OP,)),
    case("response-property-added", Set(f"{PET}/color", {"type": "string"}), operations=PET_OPS),
    case("response-required-property-removed", Drop(f"{PET}/name"),
         Set(f"{S}/Pet/required", ["id", "status"]), operations=PET_OPS),
    case("response-optional-property-removed", Drop(f"{PET}/tag"), operations=PET_OPS),
    case("response-property-became-optional", Set(f"{S}/Pet/required", ["id", "name"]),
         operations=PET_OPS),
    case("response-property-became-required", Set(f"{S}/Pet/required/-", "tag"),
         operations=PET_OPS),
    case("response-property-type-changed", Set(f"{PET}/id/type", "string"), operations=PET_OPS),
    case("response-property-format-changed", Set(f"{PET}/id/format", "int32"),
         operations=PET_OPS),
    case("response-property-became-nullable", Set(f"{PET}/tag/type", ["string", "null"]),
         operations=PET_OPS),
    case("response-property-nullable-removed", Set(f"{PET}/nickname/type", "string"),
         operations=PET_OPS),
    case("response-property-enum-value-added", Set(f"{PET}/status/enum/-", "adopted"),
         operations=PET_OPS),
    case("response-property-enum-value-removed", Drop(f"{PET}/status/enum/1"),
         operations=PET_OPS),
    case("response-property-deprecated", Set(f"{PET}/tag/deprecated", True),
         Set(f"{PET}/tag/x-sunset", "2999-12-31"), operations=PET_OPS),
    # unions and discriminators
    case("request-union-variant-added", Set(f"{S}/Bird", _BIRD),
         Set(f"{S}/NewKind/oneOf/-", ref("Bird")), operations=(CREATE_OP,)),
    case("request-union-variant-removed", Drop(f"{S}/NewKind/oneOf/1"),
         Drop(f"{S}/NewKind/discriminator/mapping/dog"), operations=(CREATE_OP,)),
    case("response-union-variant-added", Set(f"{S}/Bird", _BIRD),
         Set(f"{S}/Kind/oneOf/-", ref("Bird")), operations=PET_OPS),
    case("response-union-variant-removed", Drop(f"{S}/Kind/oneOf/1"),
         Drop(f"{S}/Kind/discriminator/mapping/dog"), operations=PET_OPS),
    case("discriminator-added", Set(f"{S}/Kind/discriminator", {"propertyName": "type"}),
         base=(Drop(f"{S}/Kind/discriminator"),), operations=PET_OPS),
    case("discriminator-removed", Drop(f"{S}/Kind/discriminator"), operations=PET_OPS),
    case("discriminator-property-changed", Set(f"{S}/Kind/discriminator/propertyName", "kind"),
         operations=PET_OPS),
    case("discriminator-mapping-changed",
         Set(f"{S}/Kind/discriminator/mapping/kitten", "#/components/schemas/Dog"),
         base=(Set(f"{S}/Kind/discriminator/mapping/kitten", "#/components/schemas/Cat"),),
         operations=PET_OPS),
    case("request-discriminator-value-added",
         Set(f"{S}/NewKind/discriminator/mapping/kitten", "#/components/schemas/Cat"),
         operations=(CREATE_OP,)),
    case("request-discriminator-value-removed", Drop(f"{S}/NewKind/discriminator/mapping/kitten"),
         base=(Set(f"{S}/NewKind/discriminator/mapping/kitten", "#/components/schemas/Cat"),),
         operations=(CREATE_OP,)),
    case("response-discriminator-value-added",
         Set(f"{S}/Kind/discriminator/mapping/kitten", "#/components/schemas/Cat"),
         operations=PET_OPS),
    case("response-discriminator-value-removed", Drop(f"{S}/Kind/discriminator/mapping/kitten"),
         base=(Set(f"{S}/Kind/discriminator/mapping/kitten", "#/components/schemas/Cat"),),
         operations=PET_OPS),
    *(case(rule, *revise, base=base, operations=operations)
      for rule, revise, base, operations in MORE),
)  # fmt: skip
