"""What only a browser shows of the map's framing: fit to the filtered view, provinces
visible under the markers, names that never overlap, tooltips, the map's height."""

from __future__ import annotations

import pytest

from tests.browser.helpers import map_frame, wait_for_markers
from tests.cli_json import summary

pytestmark = pytest.mark.browser

def _map(page, query: str):
    page.goto(page.app_url + "/?" + query)
    frame = map_frame(page)
    frame.wait_for_function("document.documentElement.getAttribute('data-ecotown-layout-zoom')"
                            " === String(window.map.getZoom())", timeout=15_000)
    return frame


@pytest.mark.parametrize("query,params", [
    # a region's framing: the pages' northeast view (test_pages_browser, also printed there)
    # frames a region too
    ("dataset=demo&lang=en&q=%E0%B8%A3%E0%B8%B0%E0%B8%A2%E0%B8%AD%E0%B8%87", ["--q", "ระยอง"]),
    ("dataset=demo&phase=3&level=2", ["--phase", "3", "--level", "2"]),
])
def test_narrowed_view_is_framed_with_every_marker(page, query, params):
    """A filter or search fits the map to its areas: every marker is inside the frame, and
    the framed box fills most of the frame's width or height."""
    frame = _map(page, query)
    expected = summary("--dataset", "demo", *params)["areas"]
    wait_for_markers(frame, expected)
    box = frame.evaluate("""() => {
        const s = window.map.getSize(), pts = [];
        window.map.eachLayer(l => { if (l instanceof L.CircleMarker && l.feature.properties.area_id)
            pts.push(window.map.latLngToContainerPoint(l.getLatLng())); });
        const f = JSON.parse(document.documentElement.getAttribute('data-ecotown-frame'));
        const a = window.map.latLngToContainerPoint(f[0]);
        const b = window.map.latLngToContainerPoint(f[1]);
        return {w: s.x, h: s.y, pts: pts.map(p => [p.x, p.y]),
                fw: Math.abs(b.x - a.x), fh: Math.abs(a.y - b.y), zoom: window.map.getZoom()};
    }""")
    assert len(box["pts"]) == expected
    assert all(0 <= x <= box["w"] and 0 <= y <= box["h"] for x, y in box["pts"])
    assert box["fw"] >= 0.6 * box["w"] or box["fh"] >= 0.6 * box["h"], box["zoom"]


def test_user_zoom_survives_a_colour_change_and_reset_returns_to_thailand(page):
    frame = _map(page, "dataset=demo&lang=en&region=east")
    fitted = frame.evaluate("window.map.getZoom()")
    frame.evaluate("window.map.setView([13.0, 101.5], 9, {animate: false})")
    frame.evaluate("window.__sameMap = 1")
    page.get_by_test_id("stSidebar").get_by_text("Phase the province joined").click()
    frame.wait_for_function("window.ecotownLooks && Object.values(window.ecotownLooks)"
                            ".some(l => l.key === '1' && l.style.fillColor === '#e69f00')",
                            timeout=20_000)
    assert frame.evaluate("window.map.getZoom()") == 9 and frame.evaluate("window.__sameMap")
    page.get_by_test_id("stSidebar").get_by_role("button", name="Clear filters").click()
    wait_for_markers(frame, 54)
    frame.wait_for_function("window.map.getZoom() < 7", timeout=15_000)
    assert frame.evaluate("window.__sameMap") == 1 and fitted >= 7
    assert frame.evaluate("document.documentElement.getAttribute('data-ecotown-frame')"
                          ).startswith("[[5.4")


def test_tooltips_are_wide_and_inside_the_frame(page):
    """The tooltips of the topmost, rightmost and lowest markers (one load, three hovers)
    are wide enough to read and stay inside the map's frame."""
    frame = _map(page, "dataset=demo&lang=en")
    size = frame.evaluate("[window.map.getSize().x, window.map.getSize().y]")
    ids = frame.evaluate("""() => { const out = [];
        window.map.eachLayer(l => { if (l instanceof L.CircleMarker) {
            const p = window.map.latLngToContainerPoint(l.getLatLng());
            out.push([p.x, p.y]); } }); return out; }""")
    frame_box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    for at, pick in [("top", min(ids, key=lambda p: p[1])),
                     ("right", max(ids, key=lambda p: p[0])),
                     ("bottom", max(ids, key=lambda p: p[1]))]:
        page.mouse.move(0, 0)  # off the map: the last tip closes
        frame.locator(".ecotown-tip").wait_for(state="detached", timeout=10_000)
        page.mouse.move(frame_box["x"] + pick[0], frame_box["y"] + pick[1])
        tip = frame.locator(".ecotown-tip").first
        tip.wait_for(timeout=10_000)
        box = frame.evaluate("""() => { const r = document.querySelector('.ecotown-tip')
            .getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, r.width]; }""")
        assert box[4] >= 220, at
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and box[3] <= size[1], at


