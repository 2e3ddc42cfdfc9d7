"""Where each part of a combined document came from, so diagnostics name the right file:line.

A loaded document can differ from what is on disk: external `$ref`s are bundled into it and
Swagger 2.0 is converted to OpenAPI 3. Each step records, for a pointer prefix of its result,
the file and pointer that prefix came from; `locate` maps any pointer back through them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics import join_pointer, split_pointer


@dataclass(slots=True)
class SourceMap:
    """Pointer prefix in a derived document -> (file, pointer) it came from.

    `file` None means the same document the map's input was (a rename within one file).
    Pointers under no recorded prefix map to themselves.
    """

    entries: dict[str, tuple[str | None, str]] = field(default_factory=dict)

    def add(self, pointer: str, file: str | None, source_pointer: str) -> None:
        self.entries.setdefault(pointer, (file, source_pointer))

    def locate(self, pointer: str) -> tuple[str | None, str]:
        if not self.entries:
            return None, pointer
        tokens = split_pointer(pointer)
        for length in range(len(tokens), -1, -1):
            hit = self.entries.get(join_pointer("", *tokens[:length]))
            if hit is not None:
                return hit[0], hit[1] + join_pointer("", *tokens[length:])
        return None, pointer


def locate_through(maps: tuple[SourceMap, ...], pointer: str) -> tuple[str | None, str]:
    """Apply maps from the last step back to the first: (file or None for the root, pointer)."""
    file: str | None = None
    for source_map in reversed(maps):
        if file is not None:
            break
        file, pointer = source_map.locate(pointer)
    return file, pointer
