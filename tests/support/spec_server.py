"""The spec-checking server the tests point SDKs at: `sdkgen mock`'s server (generator/mock/)."""

from __future__ import annotations

from generator.mock.server import RecordedRequest, ScriptedResponse, SpecServer
from generator.mock.server import _SpecModel as _SpecModel

__all__ = ["RecordedRequest", "ScriptedResponse", "SpecServer"]
