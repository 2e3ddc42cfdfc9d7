"""linefit against black itself: random lines of every shape it claims, split both ways.

A shape linefit does not model must come back as None (black then decides); a shape it does
model must come back exactly as black writes it.
"""

from __future__ import annotations

import keyword
import os

import black
import pytest
from black.mode import TargetVersion
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.emit.formatting import format_python
from generator.emit.linefit import fit_element, fit_parameter, fit_return, fit_statement
from generator.templating import quoted

pytestmark = pytest.mark.slow  # hypothesis against black: seconds, so in make test, not test-fast

MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)

names = st.from_regex(r"[A-Z][A-Za-z0-9]{2,70}", fullmatch=True)
snake = st.from_regex(r"[a-z][a-z0-9_]{0,40}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
)
strings = st.from_regex(r'"[a-z_. ]{1,40}"', fullmatch=True)


@st.composite
def types(draw: st.DrawFn, depth: int = 0) -> str:
    choice = draw(st.integers(0, 5 if depth < 2 else 1))
    if choice <= 1:
        return draw(names)
    if choice == 2:
        return "Literal[" + ", ".join(draw(st.lists(strings, min_size=1, max_size=8))) + "]"
    if choice == 3:
        return f"list[{draw(types(depth + 1))}]"
    if choice == 4:
        return f"dict[str, {draw(types(depth + 1))}]"
    members = draw(st.lists(names, min_size=2, max_size=4))
    mapping = ", ".join(f'"{m.lower()}": {m}' for m in members)
    union = ", ".join(members)
    arguments = f'{union}, discriminator="t", mapping={{{mapping}}}'
    return f"Annotated[{' | '.join(members)}, union({arguments})]"


@st.composite
def unions(draw: st.DrawFn) -> str:
    return " | ".join(draw(st.lists(types(), min_size=1, max_size=5)))


def black_lines(source: str) -> list[str]:
    return black.format_str(source, mode=MODE).rstrip("\n").split("\n")


def assert_agrees(
    found: list[str] | None, wrapper: str, line: str, skip: int, drop: int, modeled: bool = False
) -> None:
    """`found` is black's text for `line` (placed in `wrapper`), or None when not `modeled`."""
    if found is None:
        assert not modeled, line
        return
    expected = black_lines(wrapper.format(line=line))
    assert found == expected[skip : len(expected) - drop]


EXAMPLES = int(os.environ.get("LINEFIT_EXAMPLES", "100"))
"""Random lines per shape: 100 in `make test`, more in `make conformance` (LINEFIT_EXAMPLES)."""
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(snake, unions(), st.sampled_from(["", " = None", ' = Field(default=None, alias="x.y")']))
def test_model_fields(name: str, annotation: str, default: str) -> None:
    line = f"    {name}: {annotation}{default}"
    assert_agrees(fit_statement(line), "class C:\n{line}\n", line, 1, 0)


@SETTINGS
@given(snake, unions(), st.sampled_from(["", " = NOT_GIVEN"]))
def test_parameters(name: str, annotation: str, default: str) -> None:
    line = f"        {name}: {annotation}{default},"
    wrapper = "class C:\n    def f(\n{line}\n    ) -> None:\n        pass\n"
    assert_agrees(fit_parameter(line), wrapper, line, 2, 2)


@SETTINGS
@given(names, unions())
def test_type_aliases(name: str, annotation: str) -> None:
    line = f"{name}: TypeAlias = {annotation}"
    assert_agrees(fit_statement(line), "{line}\n", line, 0, 0)


@SETTINGS
@given(st.lists(st.one_of(strings, names.map(lambda n: f"encode_path({n.lower()})")), min_size=1))
def test_call_arguments(parts: list[str]) -> None:
    line = "            " + " + ".join(parts) + ","
    wrapper = "class C:\n    def f(self):\n        call(\n{line}\n        )\n"
    assert_agrees(fit_element("            ", line.strip()), wrapper, line, 3, 1)


@SETTINGS
@given(
    st.lists(names, min_size=1, max_size=6),
    st.from_regex(r"\.{1,2}[a-z_]{1,20}(\.[a-z_]{1,20}){0,3}", fullmatch=True).filter(
        lambda module: not any(keyword.iskeyword(part) for part in module.split("."))
    ),
)
def test_imports(imported: list[str], module: str) -> None:
    line = f"from {module} import {', '.join(imported)}"
    assert_agrees(fit_statement(line), "{line}\n", line, 0, 0)


@SETTINGS
@given(st.lists(st.one_of(strings, snake, unions().map(quoted)), min_size=1, max_size=4))
def test_returned_calls(arguments: list[str]) -> None:
    line = "        return cast(" + ", ".join(arguments) + ")"
    wrapper = "class C:\n    def f(self):\n{line}\n"
    assert_agrees(fit_statement(line), wrapper, line, 2, 0)


long_names = st.from_regex(r"[A-Z][A-Za-z0-9]{40,110}", fullmatch=True)
long_snake = st.from_regex(r"[a-z][a-z0-9_]{30,100}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name)
)


@SETTINGS
@given(long_snake, st.one_of(long_names, types()), st.sampled_from(["def", "async def"]))
def test_signatures_of_one_parameter(name: str, annotation: str, keyword_: str) -> None:
    line = f"    {keyword_} {name}(self) -> {annotation}:"
    wrapper = "class C:\n{line}\n        pass\n"
    modeled = annotation.isidentifier()
    assert_agrees(fit_statement(line), wrapper, line, 1, 1, modeled)


@SETTINGS
@given(st.one_of(long_names, unions()))
def test_return_lines_of_exploded_signatures(annotation: str) -> None:
    line = f"    ) -> {annotation}:"
    found = fit_return(line)
    wrapper = "class C:\n    def f(\n        self,\n{line}\n        pass\n"
    assert_agrees(found, wrapper, line, 3, 1, annotation.isidentifier())


@SETTINGS
@given(long_snake, long_snake, st.sampled_from(["to_raw", "to_raw_async"]))
def test_attributes_set_to_a_call(attribute: str, argument: str, function: str) -> None:
    line = f"        self.{attribute} = {function}(resource.{argument})"
    wrapper = "class C:\n    def f(self):\n{line}\n"
    assert_agrees(fit_statement(line), wrapper, line, 2, 0, modeled=True)


@SETTINGS
@given(
    long_names,
    st.lists(st.one_of(snake.map(lambda n: f"self.{n}"), strings), min_size=1, max_size=3),
)
def test_returned_constructions(name: str, arguments: list[str]) -> None:
    line = f"        return {name}({', '.join(arguments)})"
    wrapper = "class C:\n    def f(self):\n{line}\n"
    assert_agrees(fit_statement(line), wrapper, line, 2, 0, modeled=True)


@SETTINGS
@given(st.lists(strings, min_size=1, max_size=12), st.sampled_from(["__all__", "NAMES"]))
def test_lists_of_strings(items: list[str], name: str) -> None:
    line = f"{name} = [{', '.join(items)}]"
    assert_agrees(fit_statement(line), "{line}\n", line, 0, 0, modeled=True)


@SETTINGS
@given(long_names, st.integers(0, 2))
def test_classes_without_bases(name: str, depth: int) -> None:
    line = "    " * depth + f"class {name}:"
    wrapper = "".join("    " * level + "class W:\n" for level in range(depth))
    found = fit_statement(line)
    body = "{line}\n" + "    " * (depth + 1) + "pass\n"
    assert_agrees(found, wrapper + body, line, depth, 1, modeled=True)


@SETTINGS
@given(
    st.from_regex(r"\.[a-z_]{60,120}", fullmatch=True),
    st.lists(long_names, min_size=1, max_size=4),
    st.lists(st.tuples(snake, unions()), min_size=1, max_size=4),
    st.one_of(long_names, unions()),
)
def test_modules_of_exploded_imports_and_signatures(
    module: str, imported: list[str], parameters: list[tuple[str, str]], returned: str
) -> None:
    """Whole statements split here, line by line: the result is black's, as a module."""
    names = "".join(f"        {name},\n" for name in imported)
    signature = "".join(f"        {name}: {annotation},\n" for name, annotation in parameters)
    text = (
        f"if TYPE_CHECKING:\n    from {module} import (\n{names}    )\n\n\n"
        f"class C:\n    def f(\n        self,\n{signature}    ) -> {returned}:\n        pass\n"
    )
    assert format_python(text) == black.format_str(text, mode=MODE)


@SETTINGS
@given(long_snake, st.one_of(long_names, types()), strings)
def test_fields_of_a_long_subscript_with_an_alias(name: str, item: str, alias: str) -> None:
    line = f"    {name}: list[{item}] = Field(alias={alias})"
    assert_agrees(fit_statement(line), "class C:\n{line}\n", line, 1, 0)


def test_shapes_it_does_not_model_are_left_to_black() -> None:
    assert fit_statement("    x = call(a)(b)(" + "c, " * 40 + ")") is None
    assert fit_statement("    return " + " + ".join(["a"] * 60)) is None
    assert fit_statement("    return call(a)(" + "b, " * 40 + ")") is None
    assert fit_element("    ", "a - b - " + "c - " * 40 + "d,") is None
