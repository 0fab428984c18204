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


def test_download_menu_stays_open_for_a_second_format(page):
    page.goto(page.app_url + "/?dataset=demo&lang=en&region=east")
    map_frame(page)
    page.get_by_role("button", name="Download briefing").click()
    png = page.get_by_role("button", name="Picture, PNG (16:9 slide)")
    png.wait_for(timeout=10_000)
    with page.expect_download() as first:
        png.click()
    assert first.value.suggested_filename.endswith(".png")
    pdf = page.get_by_role("button", name="PDF (A4 landscape)")
    assert pdf.is_visible()
    with page.expect_download() as second:
        pdf.click()
    assert second.value.suggested_filename.endswith(".pdf")
    assert page.get_by_role("button", name="Table, CSV").is_visible()
