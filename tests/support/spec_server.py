"""The spec-checking server the tests point SDKs at: `sdkgen mock`'s server (generator/mock/)."""

from __future__ import annotations

from generator.mock.exchange import RecordedRequest, ScriptedResponse
from generator.mock.model import SpecModel
from generator.mock.server import SpecServer

__all__ = ["RecordedRequest", "ScriptedResponse", "SpecModel", "SpecServer"]
