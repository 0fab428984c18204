"""Issue 29: the first click on a freshly loaded map does what it says, at every tested size:
a province click selects the province, a marker click opens its area; nothing on the page
scrolls under the pointer. Mouse and touch. Thailand fills the national frame and the
frame ends inside the window."""

from __future__ import annotations

import pytest

from tests.browser.helpers import map_frame, wait_for_rerun

pytestmark = pytest.mark.browser
FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _open(tabs, query, size, touch=False, mobile=False):
    """A freshly loaded page (a new document in a kept tab: see conftest.Tabs)."""
    page = tabs.get(size[0], size[1], touch=touch, mobile=mobile)
    page.goto(tabs.app_url + query)
    wait_for_rerun(page, with_map=True)
    return page


def _page_point(page, frame, script: str) -> tuple[float, float]:
    box = page.locator(FRAME).bounding_box()
    x, y = frame.evaluate(script)
    return box["x"] + x, box["y"] + y


PROVINCE_POINT = """(code) => {
    // a point a person would click: inside the province, on the province itself
    // (not on a marker's target), as near its centre as can be
    const layer = window.ecotownProvinces.getLayers().find(
        l => l.feature.properties.province_code === code);
    const c = window.map.latLngToContainerPoint(layer.getCenter());
    for (let r = 0; r < 80; r += 4) {
        for (let a = 0; a < 360; a += 30) {
            const t = a * Math.PI / 180, x = c.x + r * Math.cos(t), y = c.y + r * Math.sin(t);
            if (document.elementFromPoint(x, y) === layer._path) return [x, y];
        }
    }
    return [c.x, c.y];
}"""


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_first_click_on_a_province_selects_it_and_nothing_scrolls(tabs, size):
    page = _open(tabs, "/?dataset=demo&lang=en", size)
    frame = map_frame(page)
    box = page.locator(FRAME).bounding_box()
    assert box["y"] + box["height"] <= size[1], "the map's frame ends inside the window"
    share = frame.evaluate("""() => { const b = window.ecotownProvinces.getBounds();
        const m = window.map, a = m.latLngToContainerPoint(b.getNorthWest()),
        z = m.latLngToContainerPoint(b.getSouthEast());
        return (z.y - a.y) / m.getSize().y; }""")
    assert 0.85 <= share <= 1.0, share  # Thailand fills the frame, whole
    x, y = _page_point(page, frame, f"() => ({PROVINCE_POINT})('30')")  # Nakhon Ratchasima
    before = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTop"
                           " + window.scrollY")
    page.mouse.click(x, y)
    page.wait_for_url("**sel=30**", timeout=30_000)
    after = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTop"
                          " + window.scrollY")
    assert after == before


@pytest.mark.parametrize(("touch", "least"), [(False, 24), (True, 40)])
def test_every_marker_has_a_target_of_at_least_24_px(tabs, touch, least):
    """Issue 29: the drawn marker stays small; its target is at least 24x24 px, larger on a
    touch screen, one per marker."""
    page = _open(tabs, "/?dataset=demo&lang=en", (390, 844) if touch else (1366, 768),
                 touch=touch, mobile=touch)
    frame = map_frame(page)
    sizes = frame.evaluate("""() => [...document.querySelectorAll('.ecotown-hit')].map(
        e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })""")
    markers = int(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-markers')"))
    assert len(sizes) == markers == 54
    assert min(min(w, h) for w, h in sizes) >= least
    radius = float(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-marker-radius')"))
    assert radius * 2 < least  # the drawn marker stays light


def test_the_first_tap_on_a_marker_opens_its_area(tabs):
    page = _open(tabs, "/?dataset=demo&lang=en&phase=1&minlevel=4", (1366, 768), touch=True)
    frame = map_frame(page)
    x, y = _page_point(page, frame, """() => { let found = null;
        window.map.eachLayer(l => { if (!found && l instanceof L.CircleMarker &&
            l.feature && l.feature.properties.area_id) found = l; });
        const p = window.map.latLngToContainerPoint(found.getLatLng());
        return [p.x, p.y]; }""")
    page.touchscreen.tap(x, y)
    page.wait_for_url("**/area?**", timeout=30_000)
    assert "area=" in page.url


def test_a_few_areas_are_named_beside_the_map_and_pointing_at_one_shows_its_marker(tabs):
    """Issue 29: 25 or fewer shown areas: every name beside the map, on the first screen,
    each a link to its area; pointing at one highlights its marker."""
    page = _open(tabs, "/?dataset=demo&lang=en&phase=1&minlevel=4", (1366, 768))
    frame = map_frame(page)
    markers = int(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-markers')"))
    names = page.get_by_test_id("area-names").locator("a[data-ecotown-area]")
    assert 0 < markers <= 25 and names.count() == markers
    box = page.get_by_test_id("area-names").bounding_box()
    assert box["y"] < 768  # it starts on the first screen, beside the map
    first = names.first
    area_id = first.get_attribute("data-ecotown-area")
    first.hover()
    frame.wait_for_function(
        f"document.documentElement.getAttribute('data-ecotown-highlight') === '{area_id}'",
        timeout=10_000)


