"""Values synthesised from schemas: the spec's own example, const, default or enum when one is
valid, else a value built from the types and their bounds, deterministically."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import join_pointer
from generator.ir.samples import FORMAT_SAMPLES, bounds_from, number_within, string_within
from generator.mock.document import Facets, SpecDocument
from generator.mock.validation import Validation

_SOFT_DEPTH = 6  # past this nesting depth only required properties / minItems are generated
_HARD_DEPTH = 24  # hard stop for schemas that require themselves


class Synthesis:
    """Values for the schemas of one document."""

    def __init__(self, document: SpecDocument, validation: Validation) -> None:
        self.document = document
        self.validation = validation

    def synthesize(
        self,
        roots: list[str],
        depth: int = 0,
        consumed: frozenset[str] = frozenset(),
    ) -> Any:
        if depth > _HARD_DEPTH:
            return None
        facets = self.document.facets(roots)
        # 1. literal candidates: example(s), const, default, enum
        for cand in self._literal_candidates(facets):
            if all(self.validation.is_valid(r, cand) for r in roots):
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
                    if self.document.schema_types(join_pointer(ptr, kw, i)) != ["null"]:
                        index = i
                        break
                member_ptr = join_pointer(ptr, kw, index)
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
    def _literal_candidates(facets: Facets) -> Iterator[Any]:
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
        target = self.document.ref_target(member_ptr)
        if target is None:
            return value
        mapping = disc.get("mapping") if isinstance(disc.get("mapping"), dict) else {}
        assert isinstance(mapping, dict)
        name = target.rsplit("/", 1)[-1]
        chosen = name
        for key, ref in mapping.items():
            if isinstance(ref, str) and (self.document.ref_pointer(ref) == target or ref == name):
                chosen = str(key)
                break
        out = dict(value)
        out[prop] = chosen
        return out

    def _synth_object(self, roots: list[str], facets: Facets, depth: int) -> dict[str, Any]:
        props: dict[str, list[str]] = {}
        required: list[str] = []
        additional: tuple[str, Any] | None = None
        min_props = 0
        max_props: int | None = None
        for ptr, node in facets:
            p = node.get("properties")
            if isinstance(p, dict):
                for name in p:
                    props.setdefault(str(name), []).append(join_pointer(ptr, "properties", name))
            r = node.get("required")
            if isinstance(r, list):
                required.extend(str(x) for x in r if str(x) not in required)
            if additional is None and "additionalProperties" in node:
                additional = (
                    join_pointer(ptr, "additionalProperties"),
                    node["additionalProperties"],
                )
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
                if any(n.get("writeOnly") is True for _, n in self.document.facets(ptrs)):
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
        named = next(
            (t for t in (self.document.ref_target(r) for r in roots) if t is not None), None
        )
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
                if isinstance(ref, str) and (
                    self.document.ref_pointer(ref) == target or ref == name
                ):
                    return str(key)
        return name

    def _synth_array(self, facets: Facets, depth: int) -> list[Any]:
        items: str | None = None
        prefix: list[str] = []
        min_items = 0
        max_items: int | None = None
        for ptr, node in facets:
            if items is None and isinstance(node.get("items"), dict):
                items = join_pointer(ptr, "items")
            if not prefix and isinstance(node.get("prefixItems"), list):
                prefix = [
                    join_pointer(ptr, "prefixItems", i) for i in range(len(node["prefixItems"]))
                ]
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


def _infer_type(facets: Facets) -> str:
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


def _synth_string(facets: Facets) -> str:
    fmt = next((n["format"] for _, n in facets if isinstance(n.get("format"), str)), None)
    preferred = [FORMAT_SAMPLES[fmt]] if fmt in FORMAT_SAMPLES else []
    bounds = bounds_from(node for _, node in facets)
    return string_within(bounds, preferred, "string")


def _synth_number(facets: Facets, integer: bool) -> int | float:
    bounds = bounds_from(node for _, node in facets)
    return number_within(bounds, integer=integer, preferred=1.0 if integer else 1.5)
