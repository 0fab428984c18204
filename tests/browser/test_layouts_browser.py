"""Tablet and phone layouts (nothing cut off, the header never over the title, the map at
least half a phone's screen) and print (the overview on one A4 landscape page, no sidebar
or controls)."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.browser.helpers import wait_for_rerun

pytestmark = pytest.mark.browser

SIZES = [(1024, 768), (768, 1024), (390, 844)]

CLIPPED = """() => {
  const bad = [];
  const sel = '[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] *, '
    + '[data-testid="stPopoverButton"] p, [data-testid="legend-map"] *, h1, '
    + '[data-testid="kpi-chips"] span';
  document.querySelectorAll(sel).forEach(e => {
    const style = getComputedStyle(e);
    if (e.scrollWidth > e.clientWidth + 1 && style.overflow !== 'visible') {
      bad.push(e.textContent.trim().slice(0, 40));
    }
    if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) {
      bad.push('ellipsis: ' + e.textContent.trim().slice(0, 40));
    }
  });
  return bad;
}"""


def _settle(page) -> None:
    wait_for_rerun(page, with_map=True)


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_nothing_is_cut_off_and_the_title_is_clear(browser, app_url, width, height, lang):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/?dataset=demo&lang={lang}")
        _settle(page)
        assert page.evaluate(CLIPPED) == []
        title = page.locator("h1:visible").first.bounding_box()
        header = page.locator('[data-testid="stHeader"]').bounding_box()
        expand = page.locator('[data-testid="stExpandSidebarButton"], '
                              '[data-testid="stSidebarCollapsedControl"]')
        if expand.count() and expand.first.is_visible():
            button = expand.first.bounding_box()
            assert title["y"] >= button["y"] + button["height"] - 1  # never under the header
        assert header is None or title["y"] >= 0
        frame = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        if width < 500:  # a phone: the map at least half the screen; filters one tap away
            assert frame["height"] >= height / 2
            assert expand.first.is_visible()
            expand.first.click()
            page.locator('[data-testid="stSidebar"] [data-testid="stTextInputRootElement"]'
                         ).first.wait_for(state="visible", timeout=10_000)
    finally:
        context.close()


@pytest.mark.parametrize("query", ["/?dataset=demo", "/?dataset=demo&region=east&lang=en",
                                   "/?lang=en"])
def test_the_overview_prints_on_one_a4_landscape_page(page, query):
    page.goto(page.app_url + query)
    _settle(page)
    page.emulate_media(media="print")
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    assert page.locator('[data-testid="stPopover"]').first.is_hidden()
    assert page.locator("#ecotown-skips").is_hidden()
    assert page.locator('[data-testid="legend-map"]').is_visible()
    assert page.locator(".ecotown-print-only").is_visible()  # the filters in words
    legend = page.locator('[data-testid="legend-map"]').bounding_box()
    frame = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    overlap = not (legend["x"] >= frame["x"] + frame["width"]
                   or legend["y"] >= frame["y"] + frame["height"])
    assert not overlap
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", landscape=True,
                                              print_background=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height)
