"""The drill-down in a real browser: reach an area from the map, read it, go back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.helpers import map_frame, wait_for_markers

pytestmark = pytest.mark.browser


def test_area_page_from_province_panel_and_back_keeps_filters(page):
    """Province panel → area page → back: the filters, language and dataset survive."""
    page.goto(page.app_url + "/?dataset=demo&lang=en&phase=1&sel=21")
    frame = map_frame(page)
    wait_for_markers(frame, 18)
    page.get_by_test_id("stPageLink-NavLink").filter(
        has_text="Pollution Control Zone (Map Ta Phut)").click()  # the province panel's link
    page.wait_for_url("**/area?**", timeout=20_000)
    page.get_by_role("heading", name="Pollution Control Zone (Map Ta Phut)").wait_for(
        timeout=20_000)
    page.get_by_text("Level 5 (2025, synthetic)").wait_for(timeout=20_000)  # demo: made up
    page.get_by_role("link", name="Back to the map").click()
    page.wait_for_url(lambda url: "/area" not in url, timeout=20_000)
    query = parse_qs(urlparse(page.url).query)
    assert query["phase"] == ["1"] and query["dataset"] == ["demo"] and query["lang"] == ["en"]
    wait_for_markers(map_frame(page), 18)
    assert page.blocked == []


def test_public_area_without_indicators_in_thai(page):
    """A public-record area in Thai says plainly that no indicator data exist."""
    page.goto(page.app_url + "/area?area=P1-01")
    page.get_by_text("ยังไม่มีข้อมูลตัวชี้วัดของพื้นที่นี้").wait_for(timeout=30_000)
    page.get_by_role("heading", name="จังหวัดชลบุรี").wait_for(timeout=20_000)
    assert page.blocked == []


def test_a_cell_of_the_indicators_matrix_opens_that_areas_indicator(page):
    """Issue 31: a click on a score in the matrix opens the area of its row at the
    indicator of its column (the area page names it above the scorecard)."""
    from tests.browser.helpers import wait_for_rerun
    from tests.cli_json import cli_json

    matrix = cli_json("indicators", "--dataset", "demo", "--phase", "3", "--lang", "en")
    page.goto(page.app_url + "/indicators?dataset=demo&phase=3&lang=en")
    wait_for_rerun(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    wait_for_rerun(page)
    box = grid.bounding_box()
    row = 1  # the second area; header and rows are 35 px high
    page.mouse.click(box["x"] + 0.75 * box["width"], box["y"] + 35 + 35 * row + 17)
    page.wait_for_url("**/area?**", timeout=30_000)
    wait_for_rerun(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["area"] == [matrix["areas"][row]["area_id"]]
    chosen = query["indicator"][0]
    item = next(i for i in matrix["items"] if i["item_id"] == chosen)
    focus = page.locator(".st-key-ecotown-indicator-focus")
    focus.wait_for(timeout=30_000)
    assert item["name_en"] in focus.inner_text()
    assert query["phase"] == ["3"] and page.blocked == []
