"""The copy-link button and the download menu, in a real browser."""

from __future__ import annotations

import pytest

from tests.browser.helpers import map_frame, wait_for_rerun

pytestmark = pytest.mark.browser


# English only: the button's words in each language are checked a layer down
# (tests/pages/test_copy_link_words.py); a click copies the same way in either.
def test_copy_link_copies_the_views_url_and_says_so(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(page.app_url + "/?dataset=demo&lang=en&region=east&minlevel=2")
    map_frame(page)
    frame = page.locator('iframe[title="st.iframe"]:visible').first.content_frame
    frame.locator("#copy").click()
    frame.locator("#said").filter(has_text="Link copied ✓").wait_for(timeout=10_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "region=east" in copied and "minlevel=2" in copied
    # issue 29: the link reopens the same map extent, on a fresh page
    extent = "[window.map.getZoom(), window.map.getCenter().lat, window.map.getCenter().lng]"
    wait_for_rerun(page, with_map=True)
    before = map_frame(page).evaluate(extent)
    fresh = page.context.new_page()
    try:
        fresh.goto(copied)
        wait_for_rerun(fresh, with_map=True)
        after = map_frame(fresh).evaluate(extent)
    finally:
        fresh.close()
    assert after[0] == pytest.approx(before[0], abs=0.05)
    assert after[1:] == pytest.approx(before[1:], abs=0.02)  # about 5 px at this zoom


# The download menu staying open for a second format: test_export_browser.py's
# test_download_each_export takes four formats from one opening of the menu.
