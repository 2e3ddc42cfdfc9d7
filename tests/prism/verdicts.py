"""What Prism and the mock say about each request, and what became of each example.

Prism answers a request it rejects with a 4xx: an error response the spec declares, with the
request's violations in its `sl-violations` header, or a problem document (RFC 7807) whose
`type` ends `#UNPROCESSABLE_ENTITY` (listing them under `validation`), `#UNAUTHORIZED`,
`#NOT_ACCEPTABLE`, `#NO_PATH_MATCHED_ERROR`, ... Violations of the answer Prism made up are
not the request's. A violation of a value's own constraint
(`pattern`, `minLength`, ...) is the example argument's fault, not the SDK's wire form: it is
counted apart. So is a refusal that is Prism's misreading (`misread`). The mock's verdict comes
from replaying the same bytes."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from generator.mock.server import SpecServer
from tests.prism.recorder import Exchange

MOCK_OWN_FAULT = "server bug:"
"""How the mock marks a fault of the answer it synthesised, which is no verdict on the request."""
VALUE_CONSTRAINTS = frozenset(
    {"pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
     "exclusiveMaximum", "minItems", "maxItems", "multipleOf", "minProperties", "maxProperties"}
)  # fmt: skip


def _problem(exchange: Exchange) -> dict[str, Any] | None:
    if exchange.status < 400:
        return None
    kind = dict((k.lower(), v) for k, v in exchange.response_headers).get("content-type", "")
    if "problem+json" not in kind:
        return None
    try:
        found = json.loads(exchange.response_body)
    except ValueError:
        return None
    return found if isinstance(found, dict) and "prism/errors#" in str(found.get("type")) else None


def _header_violations(exchange: Exchange) -> list[dict[str, Any]]:
    """The request's violations Prism lists in `sl-violations` when it answers with an error
    response the spec declares."""
    raw = dict((k.lower(), v) for k, v in exchange.response_headers).get("sl-violations")
    if exchange.status < 400 or not raw:
        return []
    try:
        found = json.loads(raw)
    except ValueError:
        return []
    return [
        v for v in found
        if isinstance(v, dict) and v.get("severity") == "Error" and _of_request(v)
    ]  # fmt: skip


def _of_request(violation: dict[str, Any]) -> bool:
    """Whether a violation names the request (not the answer Prism made up)."""
    return bool((violation.get("location") or [""])[0] == "request")


def _all_violations(exchange: Exchange) -> list[dict[str, Any]]:
    problem = _problem(exchange)
    listed = (problem or {}).get("validation") or []
    named = [v for v in listed if isinstance(v, dict) and _of_request(v)]
    return named + _header_violations(exchange)


def _violations(exchange: Exchange) -> list[dict[str, Any]]:
    """The request's violations, less Prism's misreadings."""
    return [v for v in _all_violations(exchange) if not _phantom(v, exchange)]


def _keys(exchange: Exchange, part: str) -> list[str] | None:
    """The keys of the query or of a form-encoded body, as sent (None: not a form)."""
    if part == "query":
        return [k.lower() for k, _ in parse_qsl(urlsplit(exchange.target).query, True)]
    kind = dict((k.lower(), v) for k, v in exchange.headers).get("content-type", "")
    if part != "body" or not kind.startswith("application/x-www-form-urlencoded"):
        return None
    return [k.lower() for k, _ in parse_qsl(exchange.body.decode("utf-8", "replace"), True)]


def _phantom(violation: dict[str, Any], exchange: Exchange) -> bool:
    """Whether a violation is Prism's misreading of a deepObject query or form body."""
    return _absent_object(violation, exchange) or _object_array(violation, exchange)


def _absent_object(violation: dict[str, Any], exchange: Exchange) -> bool:
    """Whether a violation is about an object the request does not carry: Prism's deepObject
    reader (query parameters and form fields) builds every object the schema describes, sent or
    not, so an absent optional object (Stripe's `shipping`, `automatic_tax`) reads as `{}` and
    its required properties as missing."""
    location = [str(p) for p in violation.get("location") or []]
    if violation.get("code") != "required" or len(location) < 3:
        return False
    keys = _keys(exchange, location[1])
    if keys is None:
        return False
    place = (location[2] + "".join(f"[{p}]" for p in location[3:])).lower()
    return not any(k == place or k.startswith(place + "[") for k in keys)


_OBJECT_ITEM = re.compile(r"^[^\[]+\[\d+\]\[")
"""A form key of an array of objects in bracket notation: `items[0][price]`."""


def _object_array(violation: dict[str, Any], exchange: Exchange) -> bool:
    """Whether Prism refused an array of objects a form body carries in deepObject's bracket
    notation (Stripe's `items[0][price]=x`): its form reader builds those objects, then takes
    each for a piece of JSON text and fails on it ("Make sure the array is in JSON")."""
    keys = _keys(exchange, "body") or []
    said = str(violation.get("message"))
    return "JSON object array" in said and any(_OBJECT_ITEM.match(k) for k in keys)


def misread(exchange: Exchange) -> bool:
    """Whether Prism refused the request only for what it misread (see `_phantom`)."""
    found = _all_violations(exchange)
    return bool(found) and all(_phantom(v, exchange) for v in found)


def rejection(exchange: Exchange) -> str | None:
    """Why Prism rejected the request, None when it accepted it (or misread it)."""
    problem = _problem(exchange)
    violations = _violations(exchange)
    if misread(exchange) or (not violations and (problem is None or exchange.status >= 500)):
        return None
    problem = problem or {"title": "declared error response"}
    named = "; ".join(
        f"{'.'.join(map(str, v.get('location', [])))}: {v.get('message')}" for v in violations
    )
    return f"{exchange.status} {problem.get('title')}: {named or problem.get('detail')}"


def argument_fault(exchange: Exchange) -> bool:
    """Whether every place Prism names has a value constraint among its violations: the
    example argument is out of range there (its `oneOf` and `type` complaints follow from
    that, as with Discord's `channel_id`: null or a snowflake)."""
    places: dict[str, bool] = {}
    for v in _violations(exchange):
        where = ".".join(map(str, v.get("location", [])))
        places[where] = places.get(where, False) or v.get("code") in VALUE_CONSTRAINTS
    return bool(places) and all(places.values())


@dataclass(frozen=True, slots=True)
class Outcome:
    """One example in one language: `ok`, `rejected` (for the SDK's fault), `argument` (an
    example value Prism finds out of range), `misread` (Prism refused what it misread),
    `reader` (the SDK failed on an answer Prism gave as valid), `unsent` (the SDK raised before
    sending) or `other`."""

    qualified: str
    kind: str
    detail: str = ""


def outcome(qualified: str, result: str, exchanges: list[Exchange]) -> Outcome:
    for exchange in exchanges:
        why = rejection(exchange)
        if why is not None:
            kind = "argument" if argument_fault(exchange) else "rejected"
            return Outcome(qualified, kind, f"{exchange.method} {exchange.target}: {why}")
        if misread(exchange):
            said = "; ".join(str(v.get("message")) for v in _all_violations(exchange))
            return Outcome(qualified, "misread", f"{exchange.method} {exchange.target}: {said}")
    if result == "ok":
        return Outcome(qualified, "ok")
    if not exchanges:
        return Outcome(qualified, "unsent", result)
    if 200 <= exchanges[-1].status < 300:
        return Outcome(qualified, "reader", result)
    return Outcome(qualified, "other", f"{exchanges[-1].status}: {result}")


def tally(outcomes: list[Outcome]) -> Counter[str]:
    return Counter(o.kind for o in outcomes)


def mock_rejects(server: SpecServer, exchange: Exchange) -> bool:
    """Whether the mock finds anything wrong with the same request."""
    headers = {k.lower(): v for k, v in exchange.headers}
    server.handle(exchange.method, exchange.target, headers, exchange.body)
    return bool(request_errors(server))


def request_errors(server: SpecServer) -> list[str]:
    """What the mock found wrong with the last request (not with an answer it made up)."""
    return [e for e in server.requests[-1].errors if not e.startswith(MOCK_OWN_FAULT)]


def disagreements(server: SpecServer, exchanges: list[Exchange]) -> tuple[int, list[str]]:
    """How many requests both judged, and those where Prism and the mock disagree."""
    found: list[str] = []
    for exchange in exchanges:
        prism = rejection(exchange)
        mock = mock_rejects(server, exchange)
        if (prism is not None) != mock:
            said = request_errors(server) if mock else prism
            found.append(
                f"{exchange.method} {exchange.target}: Prism {'rejects' if prism else 'accepts'},"
                f" the mock {'rejects' if mock else 'accepts'}: {said}"
            )
    return len(exchanges), found
