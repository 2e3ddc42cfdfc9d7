"""What makes the mock behave like the API over several calls, read from the IR: list calls that
page (three pages in the operation's paging style, then the end), runs that are processing until
polled, fresh ids.

Every change is applied only when the response stays valid for the spec (the caller checks).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.ir.model import Api, EnumDef, ModelDef, Nullable, Operation, Pagination, Ref
from generator.mock import paging
from generator.mock.paging import PageRequest

POLLS_UNTIL_DONE = 1
"""How many retrieve calls find a new run still processing."""

Valid = Callable[[Any], bool]


@dataclass(frozen=True, slots=True)
class _Run:
    status_field: str
    id_field: str
    pending: str
    done: str
    retrieve: tuple[str, str]


class MockState:
    """Pagination and run state of one mock server; thread-safe."""

    def __init__(self, api: Api | None, seed: int = 0) -> None:
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._pages: dict[tuple[str, str], Pagination] = {}
        self._creates: dict[tuple[str, str], _Run] = {}
        self._retrieves: dict[tuple[str, str], _Run] = {}
        self._runs: dict[str, int] = {}
        if api is not None:
            self._read(api)

    def _read(self, api: Api) -> None:
        types = {t.name: t for t in api.types}
        groups = [api.root_operations, *(r.operations for r in api.resources)]
        for ops in groups:
            by_name = {op.name: op for op in ops}
            for op in ops:
                key = (op.method.upper(), op.path)
                if op.pagination is not None and paging.pageable(op.pagination):
                    self._pages[key] = op.pagination
                polling = op.polling
                retrieve = by_name.get(polling.retrieve_operation) if polling else None
                if polling is None or retrieve is None:
                    continue
                values = _status_values(op, polling.status_field, types)
                pending = next((v for v in values if v not in polling.terminal_values), None)
                if pending is None or not polling.terminal_values:
                    continue
                run = _Run(
                    polling.status_field,
                    polling.id_field,
                    pending,
                    polling.terminal_values[0],
                    (retrieve.method.upper(), retrieve.path),
                )
                self._creates[key] = run
                self._retrieves[run.retrieve] = run

    def describe(self, method: str, path: str) -> str:
        """What the mock does beyond answering, for its listing."""
        key = (method.upper(), path)
        if key in self._pages:
            return paging.describe(self._pages[key])
        if key in self._creates:
            run = self._creates[key]
            return f"starts a run ({run.status_field} {run.pending} until polled)"
        if key in self._retrieves:
            return "polls a run"
        return ""

    def fresh_id(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}_{self._random.getrandbits(48):012x}"

    def accepted_query(self, method: str, path: str) -> frozenset[str]:
        """Query parameters the operation does not declare that the mock's own next URLs carry."""
        found = self._pages.get((method.upper(), path))
        if found is not None and found.style == "next_url":
            return frozenset({paging.NEXT_URL_PARAM})
        return frozenset()

    def adjust(
        self,
        method: str,
        path: str,
        request: PageRequest,
        path_params: dict[str, str],
        value: Any,
        valid: Valid,
    ) -> tuple[Any, dict[str, str]]:
        """The response body with the API's state applied where the spec allows it, and the
        headers that go with it."""
        key = (method.upper(), path)
        if key in self._pages:
            return paging.page(self._pages[key], request, value, valid)
        if not isinstance(value, dict):
            return value, {}
        if key in self._creates:
            return self._create(self._creates[key], value, valid), {}
        if key in self._retrieves:
            return self._poll(self._retrieves[key], path_params, value, valid), {}
        return value, {}

    def _create(self, run: _Run, value: dict[str, Any], valid: Valid) -> dict[str, Any]:
        current = value.get(run.id_field)
        prefix = current.split("_")[0] if isinstance(current, str) and "_" in current else "run"
        run_id = self.fresh_id(prefix)
        candidate = {**value, run.id_field: run_id, run.status_field: run.pending}
        if not valid(candidate):
            return value
        with self._lock:
            self._runs[run_id] = POLLS_UNTIL_DONE
        return candidate

    def _poll(
        self, run: _Run, path_params: dict[str, str], value: dict[str, Any], valid: Valid
    ) -> dict[str, Any]:
        run_id = next(iter(path_params.values()), None) if len(path_params) == 1 else None
        with self._lock:
            left = self._runs.get(run_id or "")
            if left is None:
                return value
            if left > 0:
                self._runs[run_id or ""] = left - 1
        status = run.pending if left > 0 else run.done
        candidate = {**value, run.id_field: run_id, run.status_field: status}
        return candidate if valid(candidate) else value


def _status_values(op: Operation, field: str, types: dict[Any, Any]) -> tuple[str, ...]:
    """The values the status field of the operation's run may take."""
    node = op.success.type
    if isinstance(node, Nullable):
        node = node.inner
    model = types.get(node.name) if isinstance(node, Ref) else None
    if not isinstance(model, ModelDef):
        return ()
    for item in model.fields:
        if item.wire_name != field:
            continue
        status = item.type.inner if isinstance(item.type, Nullable) else item.type
        named = types.get(status.name) if isinstance(status, Ref) else None
        if isinstance(named, EnumDef):
            return tuple(str(v) for v in named.values)
        values = getattr(status, "values", ())
        return tuple(str(v) for v in values)
    return ()
