"""Values checked against the schema at a JSON pointer of the document, each problem described
with where it is in the value and which schema node refused it."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import jsonschema  # type: ignore[import-untyped, unused-ignore]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.diagnostics import escape_pointer_token, join_pointer
from generator.mock.document import SPEC_URI, SpecDocument
from generator.mock.keywords import FORMAT_CHECKER, Mode, validator_class


def short(value: Any, limit: int = 120) -> str:
    """A value as JSON for a message, cut to `limit` characters."""
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=repr)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Validation:
    """Validators of one document, built once per (direction, schema pointer)."""

    def __init__(self, document: SpecDocument) -> None:
        self.document = document
        resource: Resource[Any] = DRAFT202012.create_resource(document.spec)
        self._registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self._classes: dict[Mode, Any] = {
            "request": validator_class(document, "request"),
            "response": validator_class(document, "response"),
        }
        self._validators: dict[tuple[Mode, str], Any] = {}

    def validator(self, pointer: str, mode: Mode) -> Any:
        key = (mode, pointer)
        found = self._validators.get(key)
        if found is None:
            root = {"$ref": SPEC_URI + "#" + quote(pointer, safe="/~!$&'()*+,;=:@")}
            found = self._classes[mode](
                root, registry=self._registry, format_checker=FORMAT_CHECKER
            )
            self._validators[key] = found
        return found

    def validate(self, pointer: str | None, instance: Any, mode: Mode, where: str) -> list[str]:
        """Every way `instance` breaks the schema at `pointer`, each message led by `where`."""
        if pointer is None:
            return []
        try:
            errors = list(self.validator(pointer, mode).iter_errors(instance))
        except RecursionError:
            return [f"{where}: schema #{pointer} recurses without end; cannot validate"]
        except Exception as exc:  # unresolvable refs etc.
            return [f"{where}: could not validate against #{pointer}: {exc}"]
        return [self._describe(where, pointer, e) for e in errors]

    def is_valid(self, pointer: str, instance: Any, mode: Mode = "response") -> bool:
        try:
            return bool(self.validator(pointer, mode).is_valid(instance))
        except Exception:
            return False

    def _describe(self, where: str, root: str, error: Any) -> str:
        location = "".join("/" + escape_pointer_token(str(p)) for p in error.absolute_path)
        schema_ptr = self._schema_pointer(root, list(error.absolute_schema_path))
        message = str(error.message)
        if error.context:
            best = jsonschema.exceptions.best_match(error.context)
            if best is not None:
                message += f" (closest match failed: {best.message})"
        at = f" at {location}" if location else ""
        return f"{where}{at}: {message} [value: {short(error.instance)}; schema: #{schema_ptr}]"

    def _schema_pointer(self, root: str, path: list[Any]) -> str:
        """Map a jsonschema schema path (which omits ``$ref`` hops) to a spec pointer."""
        ptr = root
        node = self._node(root)
        for key in path:
            hops = 0
            while (
                isinstance(node, dict)
                and isinstance(node.get("$ref"), str)
                and str(key) not in node
                and hops < 32
            ):
                target = self.document.ref_pointer(node["$ref"])
                if target is None:
                    break
                hops += 1
                ptr = target
                node = self._node(target)
            ptr = join_pointer(ptr, key)
            if isinstance(node, dict):
                node = node.get(str(key))
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                node = None
        return ptr

    def _node(self, pointer: str) -> Any:
        try:
            return self.document.get(pointer)
        except (KeyError, IndexError, ValueError):
            return None
