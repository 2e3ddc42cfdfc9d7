"""Names as words: every target renders its own casing from them."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_CAMEL_BOUNDARY = re.compile(r"([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")


@dataclass(frozen=True, slots=True, order=True)
class Name:
    """A name as lower-case ASCII words, e.g. ('next', 'page', 'token')."""

    words: tuple[str, ...]

    @staticmethod
    def parse(text: str) -> Name:
        return _parsed(text)

    def __add__(self, other: Name) -> Name:
        return Name(self.words + other.words)

    def snake(self) -> str:
        return "_".join(self.words)

    def pascal(self) -> str:
        return "".join(w[:1].upper() + w[1:] for w in self.words)

    def camel(self) -> str:
        pascal = self.pascal()
        return pascal[:1].lower() + pascal[1:]

    def kebab(self) -> str:
        return "-".join(self.words)

    def __str__(self) -> str:
        """The neutral form diagnostics show: words joined by underscores, as `x-sdk-name`
        accepts them. Targets do not use it; each applies its own casing."""
        return "_".join(self.words)


_TRANSLITERATE = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d"}
)  # fmt: skip


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    return decomposed.encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=65536)
def split_words(text: str) -> tuple[str, ...]:
    """Split camelCase, PascalCase, snake_case, kebab-case and dotted text into words.

    Cached: a big spec names the same properties thousands of times."""
    original = text
    text = _ascii(text)
    if not _NON_WORD.sub("", text) and any(c.isalnum() for c in original):
        # Nothing survives transliteration (e.g. CJK): name it by its code points, stably.
        return ("x" + "".join(f"{ord(c):x}" for c in original if c.isalnum()),)
    text = _CAMEL_BOUNDARY.sub(lambda m: f"{m[1] or m[3]} {m[2] or m[4]}", text)
    text = _CAMEL_BOUNDARY.sub(lambda m: f"{m[1] or m[3]} {m[2] or m[4]}", text)
    return tuple(w.lower() for w in _NON_WORD.split(text) if w)


def singular(word: str) -> str:
    """A deliberately small singulariser for resource names (versions -> version)."""
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def _parsed(text: str) -> Name:
    """The Name of `text`, one shared instance per text (a spec repeats its names often)."""
    return Name(split_words(text))
