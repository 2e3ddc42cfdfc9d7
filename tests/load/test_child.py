"""Work in a forked child: its value comes back, a failure says so, and a child stopped
before its end is reaped."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from generator.load.child import ChildFailed, in_child


def test_the_value_comes_back() -> None:
    assert in_child(lambda: {"a": [1, 2.5, None]}).value() == {"a": [1, 2.5, None]}


def test_work_that_raises_is_a_failed_child() -> None:
    def fails() -> None:
        raise ValueError("no")

    with pytest.raises(ChildFailed):
        in_child(fails).value()


def test_a_stopped_child_is_gone() -> None:
    work = in_child(lambda: time.sleep(30))
    work.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(work.child, 0)


def test_values_of_any_type_come_back_as_they_were() -> None:
    shared = [1, "two"]
    looped: list[Any] = []
    looped.append(looped)
    value = {"a": shared, "b": shared, "loop": looped, "refs": frozenset({"#/x"})}
    back = in_child(lambda: value).value()
    assert back == {"a": shared, "b": shared, "loop": back["loop"], "refs": frozenset({"#/x"})}
    assert back["a"] is back["b"] and back["loop"][0] is back["loop"]  # sharing kept
    assert in_child(lambda: (Path("spec.yaml"), 1)).value() == (Path("spec.yaml"), 1)  # pickled
