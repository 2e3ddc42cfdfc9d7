"""One string that matches a simple regular expression (no lookarounds), for a schema's
`pattern`: each repetition is taken a chosen number of times and each class gives its first
member, until a candidate matches and fits the length bounds."""

from __future__ import annotations

import re


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


def sample_pattern(pattern: str, min_len: int, max_len: int | None) -> str | None:
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
