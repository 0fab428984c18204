"""The overview in a real browser, offline: provinces painted, markers, clicks, no leaks."""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.helpers import map_frame, painted, wait_for_markers, wait_for_rerun
from tests.cli_json import summary

pytestmark = pytest.mark.browser




def test_the_guard_blocks_and_counts_off_origin_requests(page):
    """The fixture's block is live: an off-origin fetch and image fail and are counted,
    while same-origin requests from the page and from the map's frame get through."""
    page.goto(page.app_url + "/?lang=en")
    frame = map_frame(page)
    outcome = page.evaluate("""async () => {
        const off = await fetch('https://tile.openstreetmap.org/0/0/0.png')
            .then(() => 'loaded', () => 'failed');
        const same = await fetch('/_stcore/health').then(r => r.status);
        return [off, same];
    }""")
    # the image request reaches the route handler asynchronously: wait for its failure
    with page.expect_event("requestfailed", lambda r: "203.0.113.9" in r.url,
                           timeout=10_000):
        frame.evaluate("new Image().src = 'http://203.0.113.9/pixel.gif'")
    assert outcome == ["failed", 200]
    assert sorted(page.blocked) == ["http://203.0.113.9/pixel.gif",
                                    "https://tile.openstreetmap.org/0/0/0.png"]


# (a filtered view's markers against the CLI's count, read-only: test_pages_browser.py's
# test_paints_77_provinces_and_the_views_areas_with_no_outside_request)


def test_filter_change_updates_markers_without_reloading_the_map(page):
    """Changing the phase filter swaps markers in place: the map is not re-mounted."""
    page.goto(page.app_url + "/?dataset=demo&lang=en")
    frame = map_frame(page)
    frame.evaluate("window.__ecotownMark = 'same-map'")
    page.get_by_test_id("stSidebar").get_by_role("button", name="Phase 3", exact=True).click()
    wait_for_markers(frame, 21)
    assert frame.evaluate("window.__ecotownMark") == "same-map"
    assert parse_qs(urlparse(page.url).query)["phase"] == ["3"]
    expected = summary("--dataset", "demo", "--phase", "3")
    kpis = page.get_by_test_id("stMetricValue")
    page.wait_for_function("() => document.querySelector('[data-testid=stMetricValue]')"
                           ".innerText.trim() === '21'", timeout=20_000)
    wait_for_rerun(page)  # the run finished: no stale element beside its replacement
    assert kpis.nth(1).inner_text().strip() == str(expected["provinces"])
    legend = page.locator('[data-testid="legend-map"] [data-key="phase3"] b')
    assert legend.inner_text() == str(expected["by_phase"]["3"])
    page.reload()
    frame = map_frame(page)
    wait_for_markers(frame, 21)
    assert painted(frame)["markers"] == 21
    assert page.blocked == []


SLIDE_SIZES = [(1920, 1080), (1366, 768), (1280, 720), (1024, 768)]
_SLIDE_FITS = """() => { const main = document.querySelector('[data-testid=stMain]');
    const foot = document.querySelector('[data-testid=slide-foot]');
    const legend = document.querySelector('[data-testid=legend-map]');
    return main.scrollHeight <= window.innerHeight + 1 && foot !== null &&
        foot.getBoundingClientRect().bottom <= window.innerHeight &&
        legend.getBoundingClientRect().bottom <= window.innerHeight; }"""


@pytest.mark.parametrize("lang", ["th"])  # the longer script; English: test_pages_browser
def test_presentation_mode_from_the_sidebar_is_a_slide_that_fits(page, lang):
    """Issue 29: the sidebar's link opens the slide with present=1 in the URL (a reload
    stays on it); at 1920x1080, 1366x768, 1280x720 and 1024x768 the whole slide (header,
    map, legend, foot with the data date and sources) is inside the window, no scroll."""
    from ecotown.i18n.labels import t

    page.goto(page.app_url + f"/?dataset=demo&lang={lang}")
    wait_for_rerun(page, with_map=True)
    page.get_by_test_id("presentation-link").click()
    page.get_by_test_id("slide-head").wait_for(timeout=30_000)
    assert "present=1" in page.url
    page.reload()
    page.get_by_test_id("slide-head").wait_for(timeout=30_000)
    assert t("presentation_mode", lang) and "present=1" in page.url
    assert not page.get_by_test_id("stSidebar").is_visible()
    for width, height in SLIDE_SIZES:
        page.set_viewport_size({"width": width, "height": height})
        wait_for_rerun(page, with_map=True)
        page.wait_for_function(_SLIDE_FITS, timeout=15_000)
        box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        assert box["width"] > 0.55 * width, (width, box)
    assert page.blocked == []


_MARKER_GEOMETRY = """() => {
    const out = [];
    window.map.eachLayer(l => {
        if (l instanceof L.CircleMarker) {
            const c = l.feature.geometry.coordinates;
            const home = window.map.project(L.latLng(c[1], c[0]));
            const at = window.map.project(l.getLatLng());
            out.push({x: at.x, y: at.y, hx: home.x, hy: home.y,
                      r: l.options.radius + l.options.weight / 2});
        }
    });
    const pane = window.map.getPane('ecotownLeaders');
    return {markers: out, leaders: pane ? pane.querySelectorAll('path').length : 0,
            moved: document.documentElement.getAttribute('data-ecotown-moved')};
}"""


def test_markers_never_overlap_and_moved_ones_point_home(page):
    """At any zoom (the opening one, 7.5 and 11, on one load) no two area markers overlap; a
    marker pushed off its true point has a leader line back to it and stays near it; markers
    with room sit exactly on their point."""
    page.goto(page.app_url + "/?dataset=demo&lang=en")
    frame = map_frame(page)
    wait_for_markers(frame, 54)
    for zoom in (None, 7.5, 11):
        _markers_keep_apart(page, frame, zoom)


def _markers_keep_apart(page, frame, zoom) -> None:
    if zoom is not None:
        frame.evaluate("""zoom => window.map.setView([13.75, 100.6], zoom, {animate: false})""",
                       zoom)
    frame.wait_for_function("""() => document.documentElement.getAttribute(
        'data-ecotown-layout-zoom') === String(window.map.getZoom())""", timeout=10_000)
    state = frame.evaluate(_MARKER_GEOMETRY)
    markers = state["markers"]
    assert len(markers) == 54

    def off(m):
        return math.dist((m["x"], m["y"]), (m["hx"], m["hy"]))

    for index, one in enumerate(markers):
        for other in markers[index + 1:]:
            gap = math.dist((one["x"], one["y"]), (other["x"], other["y"]))
            assert gap >= one["r"] + other["r"] - 0.5, (one, other)
    moved = [m for m in markers if off(m) >= 0.5]
    assert len(moved) == int(state["moved"])
    assert state["leaders"] == len([m for m in markers if off(m) > m["r"]])
    assert all(off(m) < 100 for m in moved)
    for one in markers:
        if all(math.dist((one["hx"], one["hy"]), (o["hx"], o["hy"])) > 150
               for o in markers if o is not one):
            assert off(one) < 0.5, one
    if zoom is None:
        assert moved, "central Thailand's markers overlap at national zoom"
    assert page.dialogs == [] and page.blocked == []
