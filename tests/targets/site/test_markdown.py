"""The site's Markdown subset: each construct the docs templates write, as HTML."""

from __future__ import annotations

import pytest

from generator.targets.site.markdown import page_href, slug, to_html

CASES = [
    ("# Title\n", '<h1 id="title">Title</h1>'),
    ("## `client.files.list`\n", '<h2 id="clientfileslist"><code>client.files.list</code></h2>'),
    ('<a id="files-list"></a>\n## `x`\n', '<h2 id="files-list"><code>x</code></h2>'),
    ("a **b** [c](files.md#d)\n", '<p>a <strong>b</strong> <a href="files.html#d">c</a></p>'),
    (
        "[`x`](https://e.example/a.md)\n",
        '<p><a href="https://e.example/a.md"><code>x</code></a></p>',
    ),
    (
        "SyncPage\\[[File](models.md#file)\\]\n",
        '<p>SyncPage[<a href="models.html#file">File</a>]</p>',
    ),
    ("5 &lt; 6 & <b>x\n", "<p>5 &lt; 6 &amp; <b>x</b></p>"),
    ("<script>x</script> <img src=x>\n", "<p>&lt;script&gt;x&lt;/script&gt; &lt;img src=x&gt;</p>"),
    ('<a href="javascript:alert(1)">x</a>\n', "<p>x</p>"),
    (
        '<a href="https://e.example/?a=1&amp;b">x</a>\n',
        '<p><a href="https://e.example/?a=1&amp;b">x</a></p>',
    ),
    ("a</em> <strong>b<br/>c\n", "<p>a <strong>b<br>c</strong></p>"),
    ("`a<b>`\n", "<p><code>a&lt;b&gt;</code></p>"),
    ("- one\n- `two`\n", "<ul>\n<li>one</li>\n<li><code>two</code></li>\n</ul>"),
    ("> **Deprecated.**\n", "<blockquote><p><strong>Deprecated.</strong></p></blockquote>"),
    ("<!-- header -->\ntext\n", "<p>text</p>"),
]


@pytest.mark.parametrize(("markdown", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_constructs(markdown: str, expected: str) -> None:
    assert to_html(markdown).html.strip() == expected


def test_tables_split_on_unescaped_pipes_only() -> None:
    text = "| a | b |\n| --- | --- |\n| `x \\| y` | 1 \\| 2 |\n"
    html = to_html(text).html
    assert "<th>a</th><th>b</th>" in html
    assert "<td><code>x | y</code></td><td>1 | 2</td>" in html


def test_code_blocks_are_escaped_and_highlighted() -> None:
    html = to_html('```python\nx = "<script>"  # note\n```\n').html
    assert '<pre class="language-python example">' in html
    assert '<span class="tok-str">&quot;&lt;script&gt;&quot;</span>' in html
    assert '<span class="tok-com"># note</span>' in html
    signature = to_html("```python signature\nf(a: int) -> None\n```\n").html
    assert 'class="language-python signature"' in signature


def test_headings_get_unique_ids_and_a_title() -> None:
    rendered = to_html("# Top\n## Same\n## Same\n")
    assert [h.id for h in rendered.headings] == ["top", "same", "same-1"]
    assert rendered.title == "Top"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("files.md", "files.html"),
        ("../docs/models.md#file", "../docs/models.html#file"),
        ("#pagination", "#pagination"),
        ("https://example.com/x.md", "https://example.com/x.md"),
        ("changelog.md", "changelog.html"),
    ],
)
def test_page_links(href: str, expected: str) -> None:
    assert page_href(href) == expected


def test_slug_follows_github() -> None:
    assert slug("Per-call options") == "per-call-options"
    assert slug("<code>client.parse_runs.create</code>") == "clientparse_runscreate"
