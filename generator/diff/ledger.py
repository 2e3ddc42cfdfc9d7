"""The release ledger: what was released, as facts that later generations never rewrite.

It lives beside the API's output, in `releases/ledger.json`: one entry per SDK release (its
version, the API version, the sha256 of the spec as released, which revision of that API version
it is, and its changelog section as written then), and, in `releases/`, the spec of the latest
release, bundled into one canonical JSON document, which the next release is diffed against.
Deterministic: the same specs and ledger give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.diagnostics import Diagnostic
from generator.load.records import record

FOLDER = "releases"
LEDGER = f"{FOLDER}/ledger.json"
FORMAT = 1


@record
class Entry:
    sdk_version: str
    api_version: str
    spec_sha256: str
    revision: int
    """0 for an API version's first release, then 1, 2... for releases of an edited spec."""
    changes: str
    """The changelog section's text below its heading, as released."""

    @property
    def heading(self) -> str:
        revised = ", revised" if self.revision == 1 else ""
        if self.revision > 1:
            revised = f", revision {self.revision}"
        return f"{self.sdk_version} (API version {self.api_version}{revised})"


@record
class Ledger:
    entries: tuple[Entry, ...] = ()

    @property
    def latest(self) -> Entry | None:
        return self.entries[-1] if self.entries else None

    def last_of(self, api_version: str) -> Entry | None:
        """The newest release of an API version."""
        found = [e for e in self.entries if e.api_version == api_version]
        return found[-1] if found else None

    def snapshot_path(self) -> str | None:
        """Where the latest release's spec is kept, relative to the API's output."""
        latest = self.latest
        return f"{FOLDER}/spec-{latest.sdk_version}.json" if latest is not None else None

    def with_entry(self, entry: Entry) -> Ledger:
        return Ledger((*self.entries, entry))


def canonical(document: Any) -> str:
    """A document as the one JSON text its hash and snapshot are made of."""
    return json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def spec_hash(document: Any) -> str:
    return text_hash(canonical(document))


def text_hash(text: str) -> str:
    """The hash of a canonical text (`spec_hash` of the document it is the text of)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ledger_text(api: str, ledger: Ledger) -> str:
    data = {
        "api": api,
        "format": FORMAT,
        "releases": [
            {
                "sdk_version": e.sdk_version,
                "api_version": e.api_version,
                "spec_sha256": e.spec_sha256,
                "revision": e.revision,
                "changes": e.changes,
            }
            for e in ledger.entries
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def parse_ledger(text: str, where: str) -> tuple[Ledger | None, tuple[Diagnostic, ...]]:
    """The ledger in `text`; None with an error naming the place when it is not one."""

    def problem(pointer: str, message: str) -> tuple[None, tuple[Diagnostic, ...]]:
        full = f"{message}; restore it from version control (a ledger is never rebuilt)"
        return None, (Diagnostic("ledger-invalid", full, pointer, where),)

    try:
        data = json.loads(text)
    except ValueError as error:
        return problem("", f"not JSON: {error}")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return problem("/format", f"not a release ledger of format {FORMAT}")
    rows = data.get("releases")
    if not isinstance(rows, list):
        return problem("/releases", "releases must be a list")
    entries: list[Entry] = []
    for index, row in enumerate(rows):
        pointer = f"/releases/{index}"
        if not isinstance(row, dict):
            return problem(pointer, "a release must be an object")
        texts = [row.get(k) for k in ("sdk_version", "api_version", "spec_sha256", "changes")]
        revision = row.get("revision")
        if not all(isinstance(v, str) for v in texts) or not isinstance(revision, int):
            return problem(pointer, "a release needs sdk_version, api_version, spec_sha256, "
                           "changes (text) and revision (a number)")  # fmt: skip
        sdk, api, sha, changes = (str(v) for v in texts)
        entries.append(Entry(sdk, api, sha, revision, changes))
    return Ledger(tuple(entries)), ()
