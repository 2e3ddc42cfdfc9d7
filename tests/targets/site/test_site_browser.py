"""The HTML site in headless Chromium: every page loads cleanly, every internal link resolves,
search finds a method by name. A screenshot of the index is kept in build/test-artifacts/.
Skips, saying why, when no Chromium is installed (`make browser` installs Debian's)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from generator.targets.site.build import render_site
from tests.conftest import ROOT
from tests.support.browser import Browser, Page, require_chromium
from tests.support.extend import extend_renderer

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "build" / "test-artifacts"


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


PAGE_JS = """(() => {
  const main = document.querySelector('main').getBoundingClientRect();
  const sidebar = document.querySelector('.sidebar');
  const wide = Array.from(document.querySelectorAll('main table'))
    .filter(t => t.getBoundingClientRect().right > main.right + 1
      || t.scrollWidth > t.clientWidth + 1)
    .map(t => t.querySelector('th')?.textContent);
  return {
    ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
    links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
    headed: document.querySelector('main h1, main h2') !== null,
    fits: {
      sidebar: sidebar.scrollWidth <= sidebar.clientWidth,
      page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      wide,
    },
  };
})()"""
"""What a page holds once loaded: its ids and links, whether its text column has a heading, and
whether it fits the window (no sidebar entry cut or scrolled sideways, no table wider than the
text column)."""


@dataclass(frozen=True, slots=True)
class Visit:
    """One page as the browser loaded it at 1280 pixels wide."""

    errors: tuple[str, ...]
    ids: frozenset[str]
    links: tuple[str, ...]
    headed: bool
    fits: dict[str, Any]


@pytest.fixture(scope="module")
def visits(site: Path, page: Page) -> dict[Path, Visit]:
    """Every page loaded once in a 1280-pixel window, read by the tests below (each load costs
    the browser a page's layout, so the pages are not loaded again per test)."""
    page.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False},
    )
    found: dict[Path, Visit] = {}
    try:
        for path in sorted(site.glob("*.html")):
            errors = page.goto(path.as_uri())
            facts = page.evaluate(PAGE_JS)
            found[path] = Visit(
                tuple(errors),
                frozenset(facts["ids"]),
                tuple(facts["links"]),
                facts["headed"],
                facts["fits"],
            )
    finally:
        page.send("Emulation.clearDeviceMetricsOverride")
    return found


def test_every_page_loads_cleanly_and_every_internal_link_resolves(
    visits: dict[Path, Visit],
) -> None:
    assert len(visits) > 200
    problems = [f"{path.name}: {e}" for path, visit in visits.items() for e in visit.errors]
    assert [path.name for path, visit in visits.items() if not visit.headed] == []
    checked = 0
    for source, visit in visits.items():
        for href in visit.links:
            parts = urlsplit(href)
            if parts.scheme != "file":
                continue
            target = Path(unquote(parts.path))
            checked += 1
            if target not in visits:
                problems.append(f"{source.name}: link to a missing page {href}")
            elif parts.fragment and unquote(parts.fragment) not in visits[target].ids:
                problems.append(f"{source.name}: link to a missing anchor {href}")
    assert checked > 1000
    assert problems == []


def test_every_page_fits_a_1280_pixel_window(visits: dict[Path, Visit]) -> None:
    """No sidebar entry cut or scrolled sideways, no table wider than the text column."""
    assert len(visits) > 200
    misfits = {
        path.name: visit.fits
        for path, visit in visits.items()
        if visit.fits != {"sidebar": True, "page": True, "wide": []}
    }
    assert misfits == {}


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
