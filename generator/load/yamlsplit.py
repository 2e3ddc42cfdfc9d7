"""A big YAML document parsed in two halves at once, on two cores.

libyaml takes most of a second on OpenAI's spec and two on Stripe's, and nothing that follows
can start before it ends. A block-style document is a mapping whose top-level keys start at
column 0; cut before one of them near the middle, each half is a mapping of its own, and the
two parse in parallel (the second in a forked child, which has the text already and hands back
its half through a pipe, in hundredths of a second). Anything unusual (directives,
several documents, a half that does not parse, such as an alias whose anchor is in the other
half) answers None, and the caller parses the whole text as usual, which also gives its errors
their real line numbers. An alias that does parse in its half names the same anchor it names in
the whole text: the last one defined before it.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from typing import Any

from generator.load.child import ChildFailed, can_fork, in_child
from generator.load.guards import TreeFacts
from generator.load.records import record

SPLIT_ABOVE_BYTES = 1_000_000
"""Below this, forking costs more than it saves."""
_TOP_LEVEL_KEY = re.compile(r"\n(?=[A-Za-z_\"'/$][^\n:#]*:(?:[ \t]|$))", re.MULTILINE)
"""A line break before a top-level key. Patterns of key lines start with the line break, not
`^`: a literal first character lets the regex engine skip from one line break to the next
instead of trying every position of a big text (a tenth of the cost)."""


_KEY_NAME = re.compile(r"([A-Za-z_/$.][\w./{}$-]*):[ \t]*\n")
MAX_DEPTH = 3


def _cut(text: str, middle: int) -> tuple[int, list[tuple[str, str]]] | None:
    """Where to cut near `middle`, and the keys (from the top) whose mapping the cut falls
    in: the tail then starts with those keys again, each on its line, at its indentation."""
    region_start, region_end = 0, len(text)
    path: list[tuple[str, str]] = []
    """(key, its indentation) of each mapping the region is in"""
    pattern = _TOP_LEVEL_KEY
    best: tuple[int, list[tuple[str, str]]] | None = None
    for _ in range(MAX_DEPTH):
        keys = [m.start() + 1 for m in pattern.finditer(text, region_start - 1, region_end)]
        if region_start == 0 and pattern.match("\n" + text.partition("\n")[0]):
            keys.insert(0, 0)
        cuts = [key for key in keys if key > region_start] if path else [k for k in keys if k > 0]
        if cuts:
            cut = min(cuts, key=lambda key: abs(key - middle))
            if best is None or abs(cut - middle) < abs(best[0] - middle):
                best = cut, list(path)
        if best is not None and abs(best[0] - middle) < len(text) // 10:
            return best
        spanning = [key for key in keys if key <= middle]
        if not spanning:
            return best
        start = spanning[-1]
        end = next((key for key in keys if key > middle), region_end)
        line_end = text.find("\n", start, end)
        name = _KEY_NAME.match(text, start + len(_indent_of(text, start)))
        if name is None or line_end < 0:
            return best
        body = text[line_end + 1 : end]
        indent = re.match(r"(?:[ \t]*(?:#[^\n]*)?\n)*([ ]+)\S", body)
        if indent is None or len(indent.group(1)) <= len(_indent_of(text, start)):
            return best
        path.append((name.group(1), _indent_of(text, start)))
        region_start, region_end = line_end + 1, end
        pattern = re.compile(rf"(?m)\n(?={indent.group(1)}[^\s#-][^\n]*:(?:[ \t]|$))")
    return best


def _indent_of(text: str, start: int) -> str:
    """The spaces a key line at `start` begins with."""
    end = start
    while end < len(text) and text[end] == " ":
        end += 1
    return text[start:end]


@record
class Split:
    """A text cut in two at a top-level key, or at a key of the mappings along `path`."""

    head: str
    tail: str
    """The text after the cut, preceded by the keys of `path` each on its line."""
    path: tuple[str, ...]
    """The keys (from the top) of the mappings the cut falls in."""


def split(text: str, middle: int) -> Split | None:
    """The text cut near `middle`; None when it is not one two halves can stand for (see the
    module docstring) or fork is not how this platform starts processes."""
    if len(text) < SPLIT_ABOVE_BYTES:
        return None
    if not can_fork():
        return None
    if text.lstrip()[:3].startswith(("%", "---", "{", "[")):
        return None
    found = _cut(text, middle)
    if found is None:
        return None
    cut, path = found
    reopened = "".join(f"{indent}{key}:\n" for key, indent in path)
    return Split(text[:cut], reopened + text[cut:], tuple(key for key, _indent in path))


Parse = Callable[[str], tuple[Any, TreeFacts | None]]
"""A YAML text's value and, when known, its facts (`yamlload.load_yaml_surveyed`)."""


def parse_in_halves(text: str, parse: Parse) -> tuple[dict[str, Any], TreeFacts | None] | None:
    """`parse(text)` for a big block-style mapping, done as two halves in parallel; None when
    the text is not one the halves can stand for (see the module docstring)."""
    halves = split(text, len(text) // 2)
    if halves is None:
        return None
    tail = halves.tail
    try:
        second_half = in_child(lambda: sent(parse(tail)))
    except OSError:  # no process to spare
        return None
    return joined(halves, parse, lambda: received(second_half.value()))


def sent(parsed: tuple[Any, TreeFacts | None]) -> tuple[Any, tuple[Any, ...] | None]:
    """A parsed value and its facts as a child sends them: of Python's own types only."""
    value, facts = parsed
    if facts is None:
        return value, None
    return value, (facts.nodes, facts.depth, facts.external_refs, facts.refs)


def received(message: tuple[Any, tuple[Any, ...] | None]) -> tuple[Any, TreeFacts | None]:
    """What `sent` sent, as it was."""
    value, facts = message
    return value, None if facts is None else TreeFacts(*facts)


def joined(
    halves: Split, parse: Parse, second_half: Callable[[], tuple[Any, TreeFacts | None]]
) -> tuple[dict[str, Any], TreeFacts | None] | None:
    """The head parsed here joined with the value `second_half` waits for, with the facts of
    the whole when both parts have theirs; None when either part fails to parse (the whole
    text, parsed whole, will say why) or the two do not join."""
    try:
        first, first_facts = parse(halves.head)
    except Exception:  # a half that does not parse: the whole text, parsed whole, will say why
        first, first_facts = None, None
    try:
        second, second_facts = second_half()
    except (ChildFailed, pickle.UnpicklingError, EOFError, ValueError):
        return None
    if not isinstance(first, dict) or not isinstance(second, dict):
        return None
    whole = _merged(first, second, list(halves.path))
    if whole is None:
        return None
    if first_facts is None or second_facts is None:
        return whole, None
    # the root and the mappings along the path are in both parts, once in the whole
    nodes = first_facts.nodes + second_facts.nodes - 1 - len(halves.path)
    depth = max(first_facts.depth, second_facts.depth)
    external_refs = first_facts.external_refs or second_facts.external_refs
    refs = first_facts.refs | second_facts.refs
    return whole, TreeFacts(nodes, depth, external_refs, refs)


def _merged(
    first: dict[str, Any], second: dict[str, Any], path: list[str]
) -> dict[str, Any] | None:
    """`first` and `second` as one mapping, the mappings along `path` joined."""
    if not path:
        if set(first) & set(second):
            return None  # a key twice: let the whole parse decide which one wins
        return {**first, **second}
    key = path[0]
    inner_first, inner_second = first.get(key), second.get(key)
    if not isinstance(inner_first, dict) or not isinstance(inner_second, dict):
        return None
    joined = _merged(inner_first, inner_second, path[1:])
    if joined is None:
        return None
    rest = {name: value for name, value in second.items() if name != key}
    if set(first) & set(rest):
        return None
    first[key] = joined
    return {**first, **rest}
