"""Resource and method names from paths and HTTP methods, by rule, overridable per operation.

Rules (segments in braces are path parameters):
  /things                GET -> things.list         POST -> things.create
  /things/{id}           GET -> things.retrieve     POST/PUT/PATCH -> things.update
                         DELETE -> things.delete
  /things/{id}/verb      POST -> things.verb        /things/verb POST -> things.verb
  /things/{thingId}/kids/...  -> resource thing_kids with the same rules
The vendor extension `x-sdk-name: "resource.method"` (or `"method"` for a method on the client
itself) overrides the rule for one operation.
"""

from __future__ import annotations

from generator.ir.names import Name, singular

_COLLECTION_VERBS = {"get": "list", "post": "create", "put": "replace", "patch": "update"}
_ITEM_VERBS = {
    "get": "retrieve",
    "post": "update",
    "put": "update",
    "patch": "update",
    "delete": "delete",
}


def _is_param(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def derive_name(
    method: str, path: str, collections: frozenset[str], override: object = None
) -> tuple[Name | None, Name]:
    """(resource, method) for an operation; resource None means a method on the client.

    `collections` holds the paths that are collections: those with a GET, or with an item
    path below them. A POST to a static tail that is not a collection is an action.
    """
    if isinstance(override, str) and override.strip():
        resource_text, _, method_text = override.strip().rpartition(".")
        resource = Name.parse(resource_text) if resource_text else None
        return resource, Name.parse(method_text)
    method = method.lower()
    segments = [s for s in path.split("/") if s]
    statics = [s for s in segments if not _is_param(s)]
    if not statics:
        return None, Name.parse(method)
    action: str | None = None
    if not _is_param(segments[-1]) and len(statics) > 1 and path.rstrip("/") not in collections:
        action = segments[-1]
        segments = segments[:-1]
    resource_words: tuple[str, ...] = ()
    after_param = False
    for segment in segments:
        if _is_param(segment):
            after_param = True
            continue
        words = Name.parse(segment).words
        prefix = _singular_words(resource_words) if after_param else resource_words
        resource_words = (*prefix, *words)
        after_param = False
    if action is not None:
        return Name(resource_words), Name.parse(action)
    verbs = _ITEM_VERBS if after_param else _COLLECTION_VERBS
    return Name(resource_words), Name.parse(verbs.get(method, method))


def collection_paths(paths: dict[str, object]) -> frozenset[str]:
    """Paths that behave as collections: they have a GET or an item path below them."""
    found: set[str] = set()
    for path, item in paths.items():
        if isinstance(item, dict) and "get" in item:
            found.add(path.rstrip("/"))
        parent, _, last = path.rstrip("/").rpartition("/")
        if _is_param(last) and parent:
            found.add(parent)
    return frozenset(found)


def _singular_words(words: tuple[str, ...]) -> tuple[str, ...]:
    if not words:
        return words
    return (*words[:-1], singular(words[-1]))
