"""The copy-link button and the download menu, in a real browser."""

from __future__ import annotations

import pytest

from tests.browser.helpers import map_frame

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang,done", [("en", "Link copied ✓"), ("th", "คัดลอกลิงก์แล้ว ✓")])
def test_copy_link_copies_the_views_url_and_says_so(page, lang, done):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(page.app_url + f"/?dataset=demo&lang={lang}&region=east&minlevel=2")
    map_frame(page)
    frame = page.locator('iframe[title="st.iframe"]:visible').first.content_frame
    frame.locator("#copy").click()
    frame.locator("#said").filter(has_text=done).wait_for(timeout=10_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "region=east" in copied and "minlevel=2" in copied


# The download menu staying open for a second format: test_export_browser.py's
# test_download_each_export takes four formats from one opening of the menu.
