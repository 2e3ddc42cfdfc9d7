"""Servers: each one is an environment of the SDK (`Environment.EU1`)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff.model import Finding
from generator.diff.registry import spec_rule
from generator.diff.tree import SpecDiff


@spec_rule("server-added")
def server_added(diff: SpecDiff) -> Iterator[Finding]:
    for server in diff.servers.added if diff.servers else ():
        yield Finding(f"new server {server.name} at {server.url}", "/servers", server.pointer)


@spec_rule("server-removed")
def server_removed(diff: SpecDiff) -> Iterator[Finding]:
    for server in diff.servers.removed if diff.servers else ():
        yield Finding(f"server {server.name} at {server.url} removed", server.pointer, "/servers")


@spec_rule("server-url-changed")
def server_url_changed(diff: SpecDiff) -> Iterator[Finding]:
    for old, new in diff.servers.moved if diff.servers else ():
        message = f"server {new.name} moved from {old.url} to {new.url}"
        yield Finding(message, old.pointer, new.pointer)
