"""The one-file view (issue 30) opened from disk with every request blocked, as a person
opens an e-mail attachment: the map paints the view's areas, and a click on a marker opens
that area's card in the list."""

from __future__ import annotations

import pytest

from ecotown.analysis.summary import dataset_years
from ecotown.analysis.urlstate import fit_years, parse_view
from ecotown.cli.view import view_areas
from ecotown.travel.view_html import view_html
from tests.browser.conftest import _require_chromium
from tests.cli_json import summary

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("query", "args", "size"), [
    ({"dataset": "demo", "lang": "en", "region": "east"}, ["--dataset", "demo", "--region",
                                                          "east"], (1366, 768)),
    ({}, [], (390, 844)),
])
def test_the_file_opens_offline_and_a_marker_opens_its_card(browser, tmp_path, public, demo,
                                                            province_polygons, query, args,
                                                            size):
    _require_chromium()
    dataset = demo if query.get("dataset") == "demo" else public
    view, _ = parse_view(query, ["public", "demo"])
    view, _ = fit_years(view, dataset_years(dataset))
    export = view_html(dataset, view_areas(dataset, province_polygons, view),
                       province_polygons, view)
    path = tmp_path / export.filename
    path.write_bytes(export.data)
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    asked: list[str] = []

    def block(route):
        if route.request.url == path.as_uri():
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(path.as_uri())
        handle = page.wait_for_selector("iframe.map")
        frame = handle.content_frame()
        frame.wait_for_function(
            "document.documentElement.getAttribute('data-ecotown-provinces') === '77' && "
            "document.documentElement.getAttribute('data-ecotown-markers') !== null")
        markers = int(frame.evaluate(
            "document.documentElement.getAttribute('data-ecotown-markers')"))
        assert markers == summary(*args)["areas"]
        assert page.locator("html").get_attribute("lang") == view.lang
        # a click on a marker, where a person would click it
        handle.evaluate("e => e.scrollIntoView({block: 'start'})")  # the whole map in view
        box = handle.bounding_box()
        # the marker farthest from any other: what is under the pointer is that marker
        x, y, area_id = frame.evaluate("""() => { const map = window.ecotown.map, all = [];
            map.eachLayer(l => { if (l instanceof L.CircleMarker && l.feature &&
                l.feature.properties.area_id) all.push(
                [map.latLngToContainerPoint(l.getLatLng()), l.feature.properties.area_id]); });
            let best = null, room = -1;
            all.forEach(([p, id]) => { const near = Math.min(...all.filter(o => o[1] !== id)
                .map(([q]) => Math.hypot(p.x - q.x, p.y - q.y)), 1e9);
                if (near > room) { room = near; best = [p.x, p.y, id]; } });
            return best; }""")
        page.mouse.click(box["x"] + x, box["y"] + y)
        card = page.locator(f"#area-{area_id}[open]")  # a selector: the page's policy
        card.wait_for(timeout=10_000)                  # forbids eval, so no wait_for_function
        assert card.locator("table, p").first.is_visible()
        assert asked == [] and errors == []
    finally:
        context.close()
