"""What a diff produces: levels, version bumps, changes and the report that holds them."""

from __future__ import annotations

from enum import StrEnum

from generator.load.records import record


class Level(StrEnum):
    """How a change affects code written against the previous SDK and API version."""

    BREAKING = "breaking"
    POSSIBLY_BREAKING = "possibly-breaking"
    NON_BREAKING = "non-breaking"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return _LEVEL_RANK[self]

    @property
    def heading(self) -> str:
        return _LEVEL_HEADING[self]

    @property
    def words(self) -> str:
        """`breaking`, `possibly breaking`, `non-breaking`."""
        return "possibly breaking" if self is Level.POSSIBLY_BREAKING else self.value


_LEVEL_RANK = {Level.BREAKING: 2, Level.POSSIBLY_BREAKING: 1, Level.NON_BREAKING: 0}
_LEVEL_HEADING = {
    Level.BREAKING: "Breaking changes",
    Level.POSSIBLY_BREAKING: "Possibly breaking changes",
    Level.NON_BREAKING: "Non-breaking changes",
}


class Bump(StrEnum):
    """The semantic-version step a change asks of the SDK."""

    MAJOR = "major"
    MINOR = "minor"
    PATCH = "patch"
    NONE = "none"
    """Nothing changed: no release is needed."""

    @property
    def rank(self) -> int:
        return _BUMP_RANK[self]


_BUMP_RANK = {Bump.MAJOR: 2, Bump.MINOR: 1, Bump.PATCH: 0, Bump.NONE: -1}


@record
class Location:
    """A place in one document: a JSON pointer and, when the source is known, its line."""

    pointer: str
    line: int | None = None


@record
class Finding:
    """What a rule reports, before the engine names operations, SDK members and lines.

    For something added, `old` is the closest place in the old document (its parent); for
    something removed, `new` is the closest place in the new document. Findings with the same
    rule, message and places (or anchor) are merged into one change.
    """

    message: str
    old: str
    new: str
    operations: tuple[str, ...] = ()
    anchor: str = ""
    """What identifies the changed thing when it is not the pair of pointers: the pointer of
    something added or removed, so that a shared one found from many operations is one change."""
    models: tuple[str, ...] = ()
    """SDK models the change concerns beyond those at its pointers."""


@record
class Change:
    """One classified change between two API versions."""

    rule: str
    level: Level
    bump: Bump
    message: str
    old: Location
    new: Location
    operations: tuple[str, ...]
    """`METHOD /path` of every operation the change reaches (new paths; old for removals)."""
    methods: tuple[str, ...]
    """The SDK methods of those operations, e.g. `client.files.retrieve`."""
    models: tuple[str, ...]
    """The SDK model classes the change is in."""

    @property
    def extra_models(self) -> tuple[str, ...]:
        """The models the message does not already name."""
        return tuple(m for m in self.models if m not in self.message)

    @property
    def summary(self) -> str:
        """The message with the one operation it concerns, when there is exactly one."""
        if len(self.operations) == 1:
            return f"{self.operations[0]}: {self.message}"
        return self.message


@record
class Report:
    """Every change from `old_label` to `new_label`, most severe first."""

    old_label: str
    new_label: str
    changes: tuple[Change, ...]
    notes: tuple[str, ...] = ()
    """What limits the report, e.g. a document the SDK naming could not take."""

    @property
    def bump(self) -> Bump:
        """The SDK's semantic-version step: the largest any change asks; none without changes."""
        return max((c.bump for c in self.changes), key=lambda b: b.rank, default=Bump.NONE)

    def count(self, level: Level) -> int:
        return sum(1 for c in self.changes if c.level is level)

    def at_least(self, level: Level) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.level.rank >= level.rank)
