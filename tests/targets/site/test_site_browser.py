"""The HTML site in headless Chromium: every page loads cleanly, every internal link resolves,
search finds a method by name. A screenshot of the index is kept in build/test-artifacts/.
Skips, saying why, when no Chromium is installed (`make browser` installs Debian's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.targets.site.build import render_site
from tests.conftest import ROOT
from tests.support.browser import Browser, Page, require_chromium
from tests.support.extend import extend_renderer

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "build" / "test-artifacts"
LINKS_JS = "Array.from(document.querySelectorAll('a[href]'), a => a.href)"
IDS_JS = "Array.from(document.querySelectorAll('[id]'), e => e.id)"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    for path, text in render_site(extend_renderer()).items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    browser = Browser(require_chromium())
    try:
        yield browser.new_page()
    finally:
        browser.close()


def test_every_page_loads_cleanly_and_every_internal_link_resolves(site: Path, page: Page) -> None:
    pages = sorted(site.glob("*.html"))
    assert len(pages) > 200
    ids: dict[Path, set[str]] = {}
    links: dict[Path, list[str]] = {}
    problems: list[str] = []
    for path in pages:
        problems += [f"{path.name}: {e}" for e in page.goto(path.as_uri())]
        ids[path] = set(page.evaluate(IDS_JS))
        links[path] = page.evaluate(LINKS_JS)
        assert page.evaluate("document.querySelector('main h1, main h2') !== null"), path.name
    checked = 0
    for source, hrefs in links.items():
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme != "file":
                continue
            target = Path(unquote(parts.path))
            checked += 1
            if target not in ids:
                problems.append(f"{source.name}: link to a missing page {href}")
            elif parts.fragment and unquote(parts.fragment) not in ids[target]:
                problems.append(f"{source.name}: link to a missing anchor {href}")
    assert checked > 1000
    assert problems == []


def test_search_finds_a_method_by_name_and_leads_to_it(site: Path, page: Page) -> None:
    assert page.goto((site / "index.html").as_uri()) == []
    page.evaluate("document.getElementById('search').focus()")
    page.type_text("create_and_poll")
    names = page.wait_for(
        "Array.from(document.querySelectorAll('#search-results li a code'), c => c.textContent)"
    )
    assert "client.parse_runs.create_and_poll" in names
    assert all(name.endswith("create_and_poll") for name in names)
    page.evaluate("document.getElementById('search').value = ''")
    page.type_text("retrieve")
    first = page.wait_for("document.querySelector('#search-results li a')?.getAttribute('href')")
    assert first.endswith("-retrieve")
    href = page.evaluate(
        "Array.from(document.querySelectorAll('#search-results li a'))"
        ".find(a => a.textContent.startsWith('client.files.retrieve')).href"
    )
    assert page.goto(href) == []
    assert page.evaluate("location.hash") == "#files-retrieve"
    assert page.evaluate("document.getElementById('files-retrieve').tagName") == "H2"


def test_a_model_search_and_a_screenshot_of_the_index(site: Path, page: Page) -> None:
    assert page.goto((site / "index.html").as_uri()) == []
    page.evaluate("document.getElementById('search').focus()")
    page.type_text("ParseRun")
    first = page.wait_for("document.querySelector('#search-results li a code')?.textContent")
    assert first == "ParseRun"
    page.evaluate("document.getElementById('search').value = ''; document.activeElement.blur()")
    page.evaluate("document.getElementById('search-results').hidden = true")
    png = page.screenshot()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "site-index.png").write_bytes(png)


FITS_JS = """(() => {
  const main = document.querySelector('main').getBoundingClientRect();
  const sidebar = document.querySelector('.sidebar');
  const wide = Array.from(document.querySelectorAll('main table'))
    .filter(t => t.getBoundingClientRect().right > main.right + 1
      || t.scrollWidth > t.clientWidth + 1)
    .map(t => t.querySelector('th')?.textContent);
  return {
    sidebar: sidebar.scrollWidth <= sidebar.clientWidth,
    page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    wide,
  };
})()"""


def test_every_page_fits_a_1280_pixel_window(site: Path, page: Page) -> None:
    """No sidebar entry cut or scrolled sideways, no table wider than the text column."""
    page.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        for path in sorted(site.glob("*.html")):
            assert page.goto(path.as_uri()) == [], path.name
            assert page.evaluate(FITS_JS) == {"sidebar": True, "page": True, "wide": []}, path.name
    finally:
        page.send("Emulation.clearDeviceMetricsOverride")
