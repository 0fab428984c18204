"""Hostile data in a real browser: script payloads in names, notes and sources never run.

Areas whose names carry HTML tags, event handlers, template literals, ``</script>`` and
``javascript:`` URLs are imported as a dataset; the map with every tooltip open, and the map
and area pages with payloads in every field. No dialog may fire and the text must show
literally.
"""

from __future__ import annotations

import pytest

from ecotown import stewardship
from ecotown.store import load_dataset
from tests.browser.helpers import map_frame, wait_for_markers

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "${alert(3)}",
    "</script><script>alert(4)</script>",
    '" onmouseover="alert(5)',
    "[click me](javascript:alert(6))",
    "<svg/onload=alert(7)>",
]


@pytest.fixture(scope="module")
def hostile(data_dir, monkeypatch_module):
    """Import the public areas with hostile names into the dataset `hostile`."""
    monkeypatch_module.setenv("ECOTOWN_DATA_DIR", str(data_dir))
    areas = load_dataset("public").areas.copy()
    for index, payload in enumerate(PAYLOADS):
        areas.loc[index, "name_en"] = payload
        areas.loc[index, "name_th"] = payload + " ไทย"
        areas.loc[index, "note"] = payload
        areas.loc[index, "sources"] = "javascript:alert(8) " + areas.loc[index, "sources"]
    csv = areas.to_csv(index=False).encode("utf-8")
    stewardship.import_files([stewardship.Upload.from_bytes("areas.csv", csv)], "hostile",
                          "browser test")
    return areas


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_overview_with_every_tooltip_open(page, hostile):
    """The map renders hostile names as text in every tooltip; nothing runs."""
    page.goto(page.app_url + "/?dataset=hostile&lang=en")
    frame = map_frame(page)
    wait_for_markers(frame, len(hostile))
    text = frame.evaluate("""() => {
        const tips = [];
        window.map.eachLayer(l => { if (l.getTooltip && l.getTooltip()) {
            l.openTooltip(); tips.push(l.getTooltip().getElement().textContent); } });
        return tips.join("\\n");
    }""")
    for payload in PAYLOADS:
        assert payload in text
    assert frame.evaluate("document.querySelectorAll('.leaflet-tooltip img, "
                          ".leaflet-tooltip script, .leaflet-tooltip svg').length") == 0
    page.get_by_test_id("stMultiSelect").first.wait_for()
    assert page.dialogs == [] and page.blocked == []


# three smoke checks in the browser (tooltips in the map frame, and Jinja/Markdown payloads in
# every field on the map page and the page with charts); every payload on every page (area,
# province, data) is checked in the rendered HTML a layer down: tests/pages/test_hostile_data.py


@pytest.fixture(scope="module")
def every_field(data_dir, monkeypatch_module):
    """The dataset ``allfields``: payloads in every free-text field of every table."""
    from tests.hostile import commit_hostile

    monkeypatch_module.setenv("ECOTOWN_DATA_DIR", str(data_dir))
    commit_hostile("allfields")
    return load_dataset("allfields")


# the map page and the page with charts; every page's rendered HTML, in both languages:
# tests/pages/test_hostile_data.py
@pytest.mark.parametrize(("path", "lang"), [("/", "th"), ("/area?area=P1-05", "en")])
def test_template_and_markdown_payloads_stay_text(page, every_field, path, lang):
    """Jinja, Markdown images and links in every field: the page and the map frame paint,
    nothing is evaluated, no image is fetched from outside, no link goes live."""
    from tests.hostile import CANARY

    sep = "&" if "?" in path else "?"
    page.goto(page.app_url + f"{path}{sep}dataset=allfields&lang={lang}")
    page.get_by_test_id("stMainBlockContainer").wait_for(timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')",
                           timeout=30_000)
    page.wait_for_load_state("networkidle")  # lazy images and charts have asked by now
    if path.startswith("/area"):
        page.locator("[data-testid=stVegaLiteChart] canvas, "
                     "[data-testid=stVegaLiteChart] svg").first.wait_for(timeout=30_000)
    body = page.content()
    assert CANARY not in body
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.locator('img[src*="evil.example"]').count() == 0
    assert page.dialogs == [] and page.blocked == []
