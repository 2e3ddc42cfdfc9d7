"""The forked child that parses the second half: its value comes back whole, and a half that
fails on either side leaves the text to be parsed whole."""

from __future__ import annotations

import os

import pytest

from generator.load import yamlsplit
from generator.load.yamlload import load_yaml_surveyed as load_yaml
from generator.load.yamlsplit import parse_in_halves


@pytest.fixture
def small_is_big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsplit, "SPLIT_ABOVE_BYTES", 0)


def _keys(count: int, start: int = 0) -> str:
    return "".join(f"k{index}:\n  v: {index}\n  s: text {index}\n" for index in range(start, count))


def test_the_childs_half_comes_back(small_is_big: None) -> None:
    text = _keys(60) + "last: [1, 2.5, true, null, '2024-01-02']\n"
    assert parse_in_halves(text, load_yaml) == load_yaml(text)


def test_a_first_half_that_does_not_parse_leaves_the_text_whole(small_is_big: None) -> None:
    text = "a: [1, 2\n" + _keys(60, 1)
    assert parse_in_halves(text, load_yaml) is None


def test_a_second_half_that_does_not_parse_leaves_the_text_whole(small_is_big: None) -> None:
    text = _keys(60) + "z: [1, 2\n"
    assert parse_in_halves(text, load_yaml) is None


def test_a_child_that_cannot_start_leaves_the_text_whole(
    small_is_big: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise OSError("no process to spare")

    monkeypatch.setattr(os, "fork", no_fork)
    assert parse_in_halves(_keys(60), load_yaml) is None
