"""The Python target's highlighter: every character kept, tokens classed."""

from __future__ import annotations

import re
from html import unescape

from generator.targets.python.highlight import highlight_python


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_text_is_kept_and_tokens_are_classed() -> None:
    code = 'from x import Y\n\n\ndef f(a: int = 1) -> "s":  # c\n    return None\n'
    html = highlight_python(code)
    assert _text(html) == code
    assert '<span class="tok-def">f</span>' in html and '<span class="tok-kw">def</span>' in html
    assert '<span class="tok-builtin">int</span>' in html
    assert (
        '<span class="tok-com"># c</span>' in html
        and '<span class="tok-str">&quot;s&quot;</span>' in html
    )


def test_code_the_tokenizer_rejects_is_escaped_and_plain() -> None:
    code = 'x = """<open\n'  # a string never closed: the tokenizer gives up
    assert highlight_python(code) == "x = &quot;&quot;&quot;&lt;open\n"
