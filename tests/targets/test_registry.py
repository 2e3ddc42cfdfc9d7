"""The registry: built-in targets by name, targets added at run time, code blocks by language."""

from __future__ import annotations

import pytest

from generator.targets.registry import (
    get_target,
    register_target,
    target_for_code_block,
    target_names,
    unregister_target,
)


def test_built_in_targets_come_first_and_load_by_name() -> None:
    assert target_names()[:2] == ("python", "typescript")
    assert [get_target(name).name for name in ("python", "typescript")] == ["python", "typescript"]
    with pytest.raises(KeyError):
        get_target("cobol")


def test_a_target_registered_at_run_time_is_known_until_unregistered() -> None:
    register_target("listing", "tests.plugin_target.target")
    try:
        assert target_names()[-1] == "listing"
        assert get_target("listing").name == "listing"
        assert target_for_code_block("listing") is get_target("listing")
    finally:
        unregister_target("listing")
    assert "listing" not in target_names()
    assert target_for_code_block("listing") is None


@pytest.mark.parametrize(
    ("info", "target"), [("python", "python"), ("py", "python"), ("ts", "typescript")]
)
def test_a_code_block_belongs_to_the_target_of_its_language(info: str, target: str) -> None:
    found = target_for_code_block(info)
    assert found is not None and found.name == target
