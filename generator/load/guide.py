"""Hand-written sections of an SDK's guide (its README, the docs site's guide page), read from
the project: `patches/<api>/guide/<target>/*.md`.

What the spec cannot describe (a helper in the SDK's protected `lib/`, a method added by a
patch) is documented where users read the rest: each file is one section, starting with its
`## ` heading, added to that target's README after the generated sections, in file-name order
(`10-typed-extraction.md` before `20-signing.md`). The generator renders the text as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, Severity

GUIDE_DIR = "guide"
"""The folder of an API's guide sections, under its `patches/<api>/` folder."""

_HEADING = re.compile(r"^(#{1,6})[ \t]+(\S.*?)[ \t#]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class GuideSection:
    """One hand-written section: its title (the `## ` heading) and its Markdown, heading
    included, ending in one newline."""

    source: str
    """The file it was read from, for the reader of the generated text."""
    title: str
    markdown: str


def _headings(lines: list[str]) -> Iterable[tuple[int, int, str]]:
    """(line number, level, title) of each ATX heading outside fenced code."""
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        opened = _FENCE.match(line)
        if opened is not None:
            marker = opened.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        found = _HEADING.match(line) if fence is None else None
        if found is not None:
            yield number, len(found.group(1)), found.group(2)


def read_section(path: Path) -> tuple[GuideSection | None, tuple[Diagnostic, ...]]:
    """One section file, or the error naming its line: not UTF-8, no `## ` heading first, or a
    `# ` heading (the page's own title is the README's)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, (
            Diagnostic("guide-invalid", f"cannot read the section: {error}", file=str(path)),
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    headings = list(_headings(lines))
    if first is None or not headings or headings[0][0] != first + 1 or headings[0][1] != 2:
        message = "a guide section starts with its `## ` heading (a level-2 Markdown heading)"
        return None, (Diagnostic("guide-invalid", message, file=str(path), line=(first or 0) + 1),)
    for number, level, _title in headings:
        if level == 1:
            message = "a guide section has no `# ` heading: the page's title is the README's own"
            return None, (Diagnostic("guide-invalid", message, file=str(path), line=number),)
    markdown = "\n".join(line.rstrip() for line in lines[first:]) + "\n"
    return GuideSection(path.as_posix(), headings[0][2], markdown), ()


def read_guide(
    folder: Path, targets: tuple[str, ...], label: str
) -> tuple[Mapping[str, tuple[GuideSection, ...]], tuple[Diagnostic, ...]]:
    """Each target's sections under `folder` (`patches/<api>/guide/`), by target name. A
    folder named for no target of the API is a warning; a bad file is an error. `label` names
    the folder in the sections' `source` (`patches/extend/guide`), so the generated text does
    not depend on where the project is checked out."""
    sections: dict[str, tuple[GuideSection, ...]] = {}
    problems: list[Diagnostic] = []
    if not folder.is_dir():
        return sections, ()
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if sub.name not in targets:
            message = (
                f"{sub.name!r} is not a target of this API (targets: {', '.join(targets)}): "
                "its sections are not used"
            )
            problems.append(
                Diagnostic("guide-unused", message, file=str(sub), severity=Severity.WARNING)
            )
            continue
        found: list[GuideSection] = []
        for path in sorted(sub.glob("*.md")):
            section, errors = read_section(path)
            problems.extend(errors)
            if section is not None:
                source = f"{label}/{sub.name}/{path.name}"
                found.append(GuideSection(source, section.title, section.markdown))
        sections[sub.name] = tuple(found)
    return sections, tuple(problems)
