"""What only a browser shows of the map's framing: fit to the filtered view, provinces
visible under the markers, names that never overlap, tooltips, the map's height."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import map_frame, painted, wait_for_markers
from tests.browser.test_overview_browser import summary

pytestmark = pytest.mark.browser

# For every province: how many sample points show its colour with the markers, against
# without them (markers' pane hidden), over a grid of the map's frame.
_VISIBLE_SHARE = """() => {
    const size = window.map.getSize(), step = 3, seen = {}, under = {};
    const sample = (into) => {
        for (let y = 1; y < size.y; y += step) {
            for (let x = 1; x < size.x; x += step) {
                const el = document.elementFromPoint(x, y);
                const code = el && el.__ecotownCode;
                if (code) { into[code] = (into[code] || 0) + 1; }
            }
        }
    };
    window.ecotownProvinces.eachLayer(l => {
        l._path.__ecotownCode = l.feature.properties.province_code; });
    sample(seen);
    const markerPaths = [];
    window.map.eachLayer(l => { if (l instanceof L.CircleMarker) markerPaths.push(l._path); });
    markerPaths.forEach(p => p.style.display = 'none');
    sample(under);
    markerPaths.forEach(p => p.style.display = '');
    const out = {};
    for (const code in under) { out[code] = [seen[code] || 0, under[code]]; }
    return out;
}"""


def _map(page, query: str):
    page.goto(page.app_url + "/?" + query)
    frame = map_frame(page)
    frame.wait_for_function("document.documentElement.getAttribute('data-ecotown-layout-zoom')"
                            " === String(window.map.getZoom())", timeout=15_000)
    return frame


@pytest.mark.parametrize("query", ["dataset=demo&lang=en", "dataset=demo&region=central",
                                   "lang=en"])
def test_markers_leave_most_of_every_province_visible(page, query):
    """At the zoom the app opens at, at least half of every province's own pixels still show
    its colour with all the markers drawn (and 80 % of the provinces over all)."""
    frame = _map(page, query)
    shares = frame.evaluate(_VISIBLE_SHARE)
    assert len(shares) >= 10
    ratios = {code: seen / total for code, (seen, total) in shares.items() if total >= 12}
    worst = min(ratios, key=ratios.get)
    assert ratios[worst] >= 0.5, (worst, ratios[worst])
    total_seen = sum(s for s, _ in shares.values())
    assert total_seen / sum(t for _, t in shares.values()) >= 0.8


@pytest.mark.parametrize("query,params", [
    ("dataset=demo&region=east", ["--region", "east"]),
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


def test_province_names_never_overlap_and_carry_no_area_id(page):
    frame = _map(page, "dataset=demo&lang=th&region=northeast")
    boxes = json.loads(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-label-boxes')"))
    assert len(boxes) >= 5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    texts = frame.evaluate("Array.from(document.querySelectorAll('.ecotown-label'))"
                           ".map(e => e.textContent)")
    assert "ขอนแก่น" in texts or "นครราชสีมา" in texts
    state = painted(frame)
    assert state["markers"] == summary("--dataset", "demo", "--region", "northeast")["areas"]


@pytest.mark.parametrize("at", ["top", "right", "bottom"])
def test_tooltips_are_wide_and_inside_the_frame(page, at):
    frame = _map(page, "dataset=demo&lang=en")
    size = frame.evaluate("[window.map.getSize().x, window.map.getSize().y]")
    ids = frame.evaluate("""() => { const out = [];
        window.map.eachLayer(l => { if (l instanceof L.CircleMarker) {
            const p = window.map.latLngToContainerPoint(l.getLatLng());
            out.push([p.x, p.y]); } }); return out; }""")
    pick = {"top": min(ids, key=lambda p: p[1]), "right": max(ids, key=lambda p: p[0]),
            "bottom": max(ids, key=lambda p: p[1])}[at]
    frame_box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    page.mouse.move(frame_box["x"] + pick[0], frame_box["y"] + pick[1])
    tip = frame.locator(".ecotown-tip").first
    tip.wait_for(timeout=10_000)
    box = frame.evaluate("""() => { const r = document.querySelector('.ecotown-tip')
        .getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, r.width]; }""")
    assert box[4] >= 220
    assert box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and box[3] <= size[1]


@pytest.mark.parametrize("viewport", [(1366, 768), (1920, 1080)])
def test_map_fills_most_of_the_window(browser, app_url, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1")
               else r.abort())
    page.goto(app_url + "/?dataset=demo")
    frame = map_frame(page)
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    inner = frame.evaluate("[window.map.getSize().x, window.map.getSize().y]")
    assert box["height"] >= 0.6 * viewport[1]
    assert abs(inner[1] - box["height"]) <= 2  # the map itself fills the frame
    context.close()
