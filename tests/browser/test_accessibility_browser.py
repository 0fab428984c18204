"""Accessibility in a real browser that needs acting on the page: the keyboard's way through
the overview and the list of shown areas as the map's equivalent. axe, the document's
language and one h1 on every page: test_pages_browser (one load per page)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import map_frame, wait_for_rerun

pytestmark = pytest.mark.browser

def settle(page, with_map: bool) -> None:
    """Wait until the script has run and (on map pages) the map has painted."""
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_selector("#ecotown-skips a", state="attached", timeout=60_000)
    page.wait_for_selector("#ecotown-a11y-css", state="attached", timeout=60_000)
    wait_for_rerun(page, with_map=with_map)


def _focused(page) -> str:
    return page.evaluate("""() => {
        const e = document.activeElement;
        return (e.getAttribute('data-testid') || '') + '|' + (e.getAttribute('data-skip') || '')
            + '|' + e.tagName + '|' + (e.textContent || '').trim().slice(0, 60);
    }""")


def test_keyboard_reaches_the_download_menu(page):
    """The first Tab is the skip link; it leads to the download menu in one more press;
    without it the menu is within 25 presses (the map is one stop, its shapes none; the
    year control before the map adds three: slider, play, change since)."""
    page.goto(page.app_url + "/?dataset=demo")
    frame = map_frame(page)
    settle(page, True)
    assert frame.evaluate("""() => [...document.querySelectorAll(
        '.leaflet-interactive, .leaflet-marker-icon')].filter(
        e => e.tabIndex >= 0).length""") == 0
    page.keyboard.press("Tab")
    assert "|downloads|A|" in _focused(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert _focused(page).startswith("stPopoverButton|"), _focused(page)
    page.reload()
    settle(page, True)
    presses = 0
    while not _focused(page).startswith("stPopoverButton|") and presses < 40:
        page.keyboard.press("Tab")
        presses += 1
    assert presses <= 25, presses
    page.keyboard.press("Enter")  # the menu opens from the keyboard
    page.wait_for_selector('[data-testid="stPopoverBody"]', timeout=10_000)


def test_the_area_list_is_the_maps_equivalent(page):
    """Below the map, a sentence with the counts and a list of the shown areas' links,
    one per marker, each opening its area."""
    page.goto(page.app_url + "/?dataset=demo&region=east&lang=en")
    frame = map_frame(page)
    settle(page, True)
    markers = int(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-markers')"))
    sentence = page.get_by_text("The map shows").first.inner_text()
    assert f"The map shows {markers} areas" in sentence
    page.get_by_text(f"Areas shown on the map ({markers})").click()
    links = page.locator('[data-testid="area-list"] a')
    assert links.count() == markers
    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/area?**", timeout=30_000)
    settle(page, True)
    assert "area=" in page.url
