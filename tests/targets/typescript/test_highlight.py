"""The TypeScript target's highlighter: every character kept, tokens classed."""

from __future__ import annotations

import re
from html import unescape

import pytest

from generator.targets.site.tokens import highlight_tokens
from generator.targets.typescript.highlight import TYPESCRIPT_TOKENS

EXAMPLE = """import { ExtendClient } from "extend-sdk";

// the client reads EXTEND_API_KEY
const client = new ExtendClient({ maxRetries: 3 });
/* a run, then its result */
const run = await client.extractRuns.create({ file: { id: `file_${n}` }, priority: 1.5e3 });
if (run.status === "FAILED" && run.error !== null) console.log(run.error);
await client.files.delete("file_1");
interface Page<T> { items: T[]; next: string | undefined }
"""


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_text_is_kept() -> None:
    assert _text(highlight_tokens(EXAMPLE, TYPESCRIPT_TOKENS)) == EXAMPLE


@pytest.mark.parametrize(
    "token",
    [
        '<span class="tok-kw">import</span>',
        '<span class="tok-type">ExtendClient</span>',
        '<span class="tok-str">&quot;extend-sdk&quot;</span>',
        '<span class="tok-com">// the client reads EXTEND_API_KEY</span>',
        '<span class="tok-com">/* a run, then its result */</span>',
        '<span class="tok-str">`file_${n}`</span>',
        '<span class="tok-num">1.5e3</span>',
        '<span class="tok-num">3</span>',
        '<span class="tok-lit">null</span>',
        '<span class="tok-builtin">console</span>',
        '<span class="tok-def">Page</span>',
        '<span class="tok-type">string</span>',
        '<span class="tok-lit">undefined</span>',
    ],
)
def test_tokens_are_classed(token: str) -> None:
    assert token in highlight_tokens(EXAMPLE, TYPESCRIPT_TOKENS)


def test_members_are_not_keywords() -> None:
    html = highlight_tokens(EXAMPLE, TYPESCRIPT_TOKENS)
    assert "client.files.delete(" in _text(html)
    assert '<span class="tok-kw">delete</span>' not in html


def test_markup_in_code_is_escaped() -> None:
    assert highlight_tokens("a < b && c > d", TYPESCRIPT_TOKENS) == "a &lt; b &amp;&amp; c &gt; d"
