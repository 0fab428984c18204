"""The phone's filters one tap away, and print (the overview on one A4 landscape page, no
sidebar or controls). What tablets and phones show on their first screen (nothing cut off,
the header never over the title, the map at least half a phone's screen):
test_pages_browser."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.browser.helpers import wait_for_rerun

pytestmark = pytest.mark.browser

def _settle(page) -> None:
    wait_for_rerun(page, with_map=True)


def test_the_filters_are_one_tap_away_on_a_phone(tabs, app_url):
    """On a phone the sidebar's button opens the filters (what the phone's first screen
    shows, uncut, with the map at least half of it: test_pages_browser)."""
    page = tabs.get(390, 844)
    page.goto(f"{app_url}/?dataset=demo")
    _settle(page)
    expand = page.locator('[data-testid="stExpandSidebarButton"], '
                          '[data-testid="stSidebarCollapsedControl"]')
    assert expand.first.is_visible()
    expand.first.click()
    page.locator('[data-testid="stSidebar"] [data-testid="stTextInputRootElement"]'
                 ).first.wait_for(state="visible", timeout=10_000)


# Thai (the taller script) with a filter (its words printed above the map): the fullest page
@pytest.mark.parametrize("query", ["/?dataset=demo&region=east"])
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
