"""The one `$ref` follower: a chain of local refs to the node it ends at, with that node's pointer.

Every reader of a loaded document follows refs here, so all agree on where a chain ends and
on which chains cannot be followed (a ref to another file, one that points at nothing, a cycle,
a chain longer than MAX_REF_HOPS).
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import unquote

from generator.diagnostics import resolve_pointer
from generator.load.records import record

MAX_REF_HOPS = 64
RefProblemCode = Literal["unresolvable-ref", "dangling-ref"]


@record
class RefProblem:
    """Why a chain of refs could not be followed to its end."""

    code: RefProblemCode
    ref: str
    message: str


@record
class Target:
    """Where a node leads: itself when it is no ref, else the end of its chain of refs."""

    node: Any
    """The node the chain ends at; None when it could not be followed."""
    pointer: str
    """Where `node` lives; the pointer asked about when the chain could not be followed."""
    ref: str | None = None
    """The first `$ref` of the chain; None for a node that is no ref."""
    problem: RefProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def mapping(self) -> dict[str, Any] | None:
        """The node when it is a mapping (what most readers want), else None."""
        return self.node if isinstance(self.node, dict) else None


def fragment_pointer(ref: str) -> str:
    """The JSON pointer of a local ref (`#/a/b`): its URI fragment, percent-decoded as a
    fragment is (RFC 6901, section 6), so `#/paths/~1users~1%7Bid%7D` names `/users/{id}`."""
    return unquote(ref[1:]) if "%" in ref else ref[1:]


def ref_of(node: Any) -> str | None:
    """The `$ref` string of a reference object, None for anything else."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        return ref if isinstance(ref, str) else None
    return None


@record
class Resolver:
    """Follows local refs (`#/...`) in one document."""

    document: Any

    def lookup(self, pointer: str) -> tuple[bool, Any]:
        """(found, the node a JSON pointer names)."""
        return resolve_pointer(self.document, pointer)

    def resolve(self, node: Any, pointer: str) -> Target:
        """Follow `node` through its chain of refs; `pointer` is where `node` is written."""
        first = ref_of(node)
        if first is None:
            return Target(node, pointer)
        seen: set[str] = set()
        asked = pointer
        ref: str | None = first
        while ref is not None:
            if ref in seen or not ref.startswith("#") or len(seen) == MAX_REF_HOPS:
                message = f"$ref {ref!r} cannot be followed"
                return Target(None, asked, first, RefProblem("unresolvable-ref", ref, message))
            seen.add(ref)
            found, target = resolve_pointer(self.document, fragment_pointer(ref))
            if not found:
                message = f"$ref {ref!r} points at nothing"
                return Target(None, asked, first, RefProblem("dangling-ref", ref, message))
            node, pointer = target, fragment_pointer(ref)
            ref = ref_of(node)
        return Target(node, pointer, first)
