"""Read-only checks of loaded pages, one load per page (issue 27).

Each page below is opened once (a module-scoped fixture, parametrized indirectly, so pytest
runs every check of one page before it opens the next) and every check that only reads it
runs on that load: the screenshot against its baseline (first, before anything could move
the pointer), axe with the document's language and one h1, the 77 provinces painted and
nothing requested off-origin, nothing cut off at tablet and phone sizes, the map filling the
window, markers leaving the provinces visible, province names, the scale's language; then
what acts on a page but leaves nothing a later check of it reads: printing it on one A4
page, the phone's filters one tap away, and (last, as it leaves the page) the slide at
1920x1080.

Checks that act on a page (clicks, filters, downloads, zoom) load their own pages in the
other files.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pypdf
import pytest

from ecotown.i18n.labels import t
from tests.browser.helpers import audit, map_frame, painted, wait_for_rerun
from tests.browser.visual import assert_matches_baseline
from tests.cli_json import summary

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

# id: (path and query, width, height, has a map)
PAGES = {
    "home-th": ("/", 1366, 768, True),
    "demo-en-phase": ("/?dataset=demo&lang=en&color=phase", 1366, 768, True),
    "present-demo-en": ("/?dataset=demo&lang=en&present=1", 1366, 768, True),
    "area-demo-en": ("/area?area=P1-05&dataset=demo&lang=en", 1366, 768, True),
    "tablet-1024-demo-th": ("/?dataset=demo", 1024, 768, True),
    "tablet-768-public-en": ("/?lang=en", 768, 1024, True),
    "phone-390-demo-th": ("/?dataset=demo", 390, 844, True),
    "demo-northeast-th": ("/?dataset=demo&region=northeast", 1366, 768, True),
    "present-public-th-1080": ("/?present=1", 1920, 1080, True),
    "present-east-en-1080": ("/?dataset=demo&present=1&region=east&lang=en", 1920, 1080, True),
    "present-area-th-1080": ("/area?dataset=demo&present=1&area=P2-03", 1920, 1080, True),
    "area-public-th": ("/area?area=P1-05", 1366, 768, True),
    "province-public-th": ("/province?code=30", 1366, 768, False),
    "province-demo-en": ("/province?code=49&dataset=demo&lang=en", 1366, 768, False),
    "data-th": ("/data", 1366, 768, False),
    "compare-demo-th": ("/compare?dataset=demo&areas=P1-05,P2-03,P3-11", 1366, 768, False),
    "indicators-demo-en": ("/indicators?dataset=demo&phase=3&lang=en&depth=aspect", 1366,
                           768, False),
}

STILL = """[data-testid="stToast"], [data-testid="stStatusWidget"],
[data-testid="stToastContainer"] { display: none !important; }
* { caret-color: transparent !important; transition: none !important;
    animation: none !important; }"""


def _query(path: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(path).query).items()}


def _lang(path: str) -> str:
    return _query(path).get("lang", "th")


def _dataset(path: str) -> str:
    return _query(path).get("dataset", "public")


@pytest.fixture(scope="module")
def shown(request, tabs, app_url):
    """The page ``request.param`` (a key of PAGES), loaded, painted and still (in a kept tab
    of its own pool: no other test's pointer or focus reaches it)."""
    path, width, height, with_map = PAGES[request.param]
    page = tabs.get(width, height, pool="shown")
    page.goto(app_url + path)
    page.wait_for_selector("#ecotown-skips a", state="attached", timeout=60_000)
    page.wait_for_selector("#ecotown-a11y-css", state="attached", timeout=60_000)
    wait_for_rerun(page, with_map=with_map)
    page.add_style_tag(content=STILL)
    wait_for_rerun(page, with_map=with_map)
    page.key, page.path, page.with_map = request.param, path, with_map
    return page


def pages(*keys: str):
    """Parametrize a check over these loaded pages (one load per page for all checks)."""
    unknown = set(keys) - set(PAGES)
    assert not unknown, unknown
    return pytest.mark.parametrize("shown", keys, indirect=True)


# -- screenshots against approved baselines (first: nothing has touched the page yet) ---------

BASELINES = {"home-th": "overview-public-th", "demo-en-phase": "overview-demo-en-phase",
             "present-demo-en": "present-demo-en", "area-demo-en": "area-demo-en-P1-05",
             "tablet-1024-demo-th": "tablet-1024-demo-th",
             "tablet-768-public-en": "tablet-768-public-en",
             "phone-390-demo-th": "phone-390-demo-th"}


@pages(*BASELINES)
def test_looks_as_approved(shown):
    """The page looks as it did when its baseline was approved (tolerance in visual.py)."""
    if shown.key.startswith("area"):
        shown.get_by_text("Strengths and gaps").wait_for(timeout=30_000)
        shown.wait_for_selector("canvas, svg.marks", timeout=30_000)
        wait_for_rerun(shown)
    assert_matches_baseline(shown.screenshot(), BASELINES[shown.key], ARTIFACTS)


# -- accessibility ------------------------------------------------------------------------

# Every page kind in Thai (the default, and the script whose text is longest); in English
# each page kind with the map or a dataset's data once (a filtered view adds nothing
# English-specific; the steward's page in English is the Thai one's structure, and its
# language attribute is checked on the other English pages); each dataset on the overview,
# area and province pages in one of the languages.
@pages("home-th", "demo-northeast-th", "present-public-th-1080", "area-public-th",
       "province-public-th", "data-th", "demo-en-phase", "present-demo-en", "area-demo-en",
       "province-demo-en", "compare-demo-th", "indicators-demo-en")
def test_axe_finds_no_violation_and_the_page_says_its_language(shown):
    """No violation of WCAG 2.0/2.1 A and AA or best practice, in the page and its visible
    frames; the document's language is the URL's; one visible h1."""
    lang = _lang(shown.path)
    shown.wait_for_function(f"document.documentElement.lang === '{lang}'")
    assert shown.locator("h1:visible").count() == 1
    found = audit(shown)
    assert len(found) >= (2 if shown.with_map else 1)  # the map's frame was audited too
    bad = {where: v for where, v in found.items() if v}
    assert not bad, bad


# -- what the overview paints -------------------------------------------------------------

@pages("home-th", "demo-en-phase", "tablet-768-public-en", "demo-northeast-th")
def test_paints_77_provinces_and_the_views_areas_with_no_outside_request(shown):
    """Every language and dataset paints 77 provinces and the view's markers (as many as
    the command line counts) and requests nothing off-origin."""
    state = painted(map_frame(shown))
    assert state["provinces"] == 77
    assert state["svgPaths"] == 77 + state["markers"]
    args = ["--dataset", _dataset(shown.path)]
    if "region" in _query(shown.path):
        args += ["--region", _query(shown.path)["region"]]
    assert state["markers"] == summary(*args)["areas"]
    assert shown.blocked == []


# For every province: how many sample points show its colour with the markers, against
# without them (markers' pane hidden), over a grid of the map's frame.
_VISIBLE_SHARE = """() => {
    const size = window.map.getSize(), step = 4, seen = {}, under = {};
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


def _laid_out(page):
    frame = map_frame(page)
    frame.wait_for_function("document.documentElement.getAttribute('data-ecotown-layout-zoom')"
                            " === String(window.map.getZoom())", timeout=15_000)
    return frame


@pages("demo-en-phase", "demo-northeast-th")
def test_markers_leave_most_of_every_province_visible(shown):
    """At the zoom the app opens at, at least half of every province's own pixels still show
    its colour with all the markers drawn (and 80 % of the provinces over all)."""
    shares = _laid_out(shown).evaluate(_VISIBLE_SHARE)
    assert len(shares) >= 10
    ratios = {code: seen / total for code, (seen, total) in shares.items() if total >= 12}
    worst = min(ratios, key=ratios.get)
    assert ratios[worst] >= 0.5, (worst, ratios[worst])
    total_seen = sum(s for s, _ in shares.values())
    assert total_seen / sum(t for _, t in shares.values()) >= 0.8


@pages("demo-northeast-th", "tablet-768-public-en")
def test_province_names_never_overlap_and_carry_no_area_id(shown):
    """Province names where they fit, at a region's zoom and at national zoom (issue 29),
    the provinces holding shown areas named first; never overlapping, never an area id."""
    frame = _laid_out(shown)
    boxes = json.loads(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-label-boxes')"))
    assert len(boxes) >= 5
    focused = int(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-labels-focus')"))
    assert focused >= 3  # provinces with shown areas are named, not only empty ones
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    texts = frame.evaluate("Array.from(document.querySelectorAll('.ecotown-label'))"
                           ".map(e => e.textContent)")
    assert {"ขอนแก่น", "นครราชสีมา", "Khon Kaen", "Nakhon Ratchasima"} & set(texts)
    assert not any("P1-" in x or "P2-" in x or "P3-" in x for x in texts)


@pages("demo-en-phase")
def test_map_fills_most_of_the_window(shown):
    frame = map_frame(shown)
    box = shown.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    inner = frame.evaluate("[window.map.getSize().x, window.map.getSize().y]")
    assert box["height"] >= 0.6 * shown.viewport_size["height"]
    assert abs(inner[1] - box["height"]) <= 2  # the map itself fills the frame


@pages("home-th", "demo-en-phase")
def test_the_scale_and_credit_speak_the_pages_language(shown):
    """Issue 29: on a Thai page the map's scale reads กม.; the credit carries no flag."""
    frame = map_frame(shown)
    scale = frame.locator(".leaflet-control-scale-line").first.inner_text()
    assert scale.strip().endswith({"th": "กม.", "en": "km"}[_lang(shown.path)]), scale
    credit = frame.locator(".leaflet-control-attribution").inner_html()
    assert "Leaflet" in credit and "<svg" not in credit


# -- tablet and phone ---------------------------------------------------------------------

CLIPPED = """() => {
  const bad = [];
  const sel = '[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] *, '
    + '[data-testid="stPopoverButton"] p, [data-testid="legend-map"] *, h1, '
    + '[data-testid="kpi-chips"] span';
  document.querySelectorAll(sel).forEach(e => {
    const style = getComputedStyle(e);
    if (e.scrollWidth > e.clientWidth + 1 && style.overflow !== 'visible') {
      bad.push(e.textContent.trim().slice(0, 40));
    }
    if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) {
      bad.push('ellipsis: ' + e.textContent.trim().slice(0, 40));
    }
  });
  return bad;
}"""


@pages("tablet-1024-demo-th", "tablet-768-public-en", "phone-390-demo-th")
def test_nothing_is_cut_off_and_the_title_is_clear(shown):
    """Tablet and phone: no label cut or ellipsed, the title never under the header's
    button; the map first and whole on the first screen; on a phone it takes at least half
    the screen and the filters are one tap away (the tap: below)."""
    assert shown.evaluate(CLIPPED) == []
    title = shown.locator("h1:visible").first.bounding_box()
    header = shown.locator('[data-testid="stHeader"]').bounding_box()
    expand = shown.locator('[data-testid="stExpandSidebarButton"], '
                           '[data-testid="stSidebarCollapsedControl"]')
    if expand.count() and expand.first.is_visible():
        button = expand.first.bounding_box()
        assert title["y"] >= button["y"] + button["height"] - 1  # never under the header
    assert header is None or title["y"] >= 0
    width, height = shown.viewport_size["width"], shown.viewport_size["height"]
    frame = shown.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    # issue 29: on a tablet or a phone the map comes first, right under the title, and the
    # whole of it is on the first screen; the figures follow it
    figures = shown.locator('[data-testid="stMetric"]').first.bounding_box()
    assert title["y"] < frame["y"] < figures["y"]
    assert frame["y"] + frame["height"] <= height + 1
    if width < 500:
        assert frame["height"] >= height / 2
        assert expand.first.is_visible()


# -- acting on a page, after every read of it ---------------------------------------------

# Thai (the taller script) with a filter (its words printed above the map): the fullest page
@pages("demo-northeast-th")
def test_the_overview_prints_on_one_a4_landscape_page(shown):
    """Printed: no sidebar, menus or skip links; the legend beside the map, not over it;
    the filters in words; one A4 landscape page."""
    shown.emulate_media(media="print")
    try:
        assert shown.locator('[data-testid="stSidebar"]').is_hidden()
        assert shown.locator('[data-testid="stPopover"]').first.is_hidden()
        assert shown.locator("#ecotown-skips").is_hidden()
        assert shown.locator('[data-testid="legend-map"]').is_visible()
        assert shown.locator(".ecotown-print-only").is_visible()  # the filters in words
        legend = shown.locator('[data-testid="legend-map"]').bounding_box()
        frame = shown.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        overlap = not (legend["x"] >= frame["x"] + frame["width"]
                       or legend["y"] >= frame["y"] + frame["height"])
        assert not overlap
        pdf = pypdf.PdfReader(io.BytesIO(shown.pdf(format="A4", landscape=True,
                                                   print_background=True)))
        assert len(pdf.pages) == 1
        box = pdf.pages[0].mediabox
        assert float(box.width) > float(box.height)
    finally:
        shown.emulate_media(media="screen")


@pages("phone-390-demo-th")
def test_the_filters_are_one_tap_away_on_a_phone(shown):
    """On a phone the header's button opens the sidebar with the filters."""
    expand = shown.locator('[data-testid="stExpandSidebarButton"], '
                           '[data-testid="stSidebarCollapsedControl"]')
    assert expand.first.is_visible()
    expand.first.click()
    shown.locator('[data-testid="stSidebar"] [data-testid="stTextInputRootElement"]'
                  ).first.wait_for(state="visible", timeout=10_000)


# -- the slide (last: its exit link leaves the page) --------------------------------------

@pages("present-public-th-1080", "present-east-en-1080", "present-area-th-1080")
def test_presentation_is_a_slide_at_1080p(shown):
    """At 1920x1080 the slide names what it shows (title, filters, badge, year, sources),
    the overview's map takes at least 65 % of the screen, and no control shows in the
    picture until the pointer or the keyboard reaches it; its exit link leaves it."""
    query, lang = _query(shown.path), _lang(shown.path)
    head = shown.get_by_test_id("slide-head")
    head.wait_for(timeout=30_000)
    shown.get_by_test_id("stSidebar").wait_for(state="hidden", timeout=30_000)
    demo = query.get("dataset") == "demo"
    badge = head.locator(".ecotown-badge").inner_text()
    assert badge == t("brief_badge_synthetic" if demo else "brief_badge_public", lang)
    exit_link = shown.get_by_test_id("exit-presentation")
    assert exit_link.evaluate("e => getComputedStyle(e).opacity") == "0"
    assert "present" not in (exit_link.get_attribute("href") or "")
    if urlparse(shown.path).path == "/":
        frame = map_frame(shown)
        box = shown.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        # 65 %: the slide's foot and a legend column that fits now share the window
        assert box["width"] * box["height"] >= 0.65 * 1920 * 1080
        assert box["y"] + box["height"] <= 1080
        foot = shown.get_by_test_id("slide-foot").inner_text()
        year = summary("--dataset", _dataset(shown.path))["year"]
        assert str(year if lang == "en" else year + 543) in foot and "geothai" in foot
        if "region" in query:
            assert "East" in head.inner_text()
        zoom = frame.locator(".leaflet-control-zoom")
        assert zoom.evaluate("e => getComputedStyle(e).opacity") == "0"
    else:
        assert shown.get_by_text("Back to the map").count() == 0
        assert shown.get_by_text("กลับไปที่แผนที่").count() == 0
    exit_link.focus()
    shown.wait_for_function("() => getComputedStyle(document.querySelector("
                            "'[data-testid=exit-presentation]')).opacity === '1'")
    exit_link.click()
    shown.get_by_test_id("stSidebar").wait_for(timeout=30_000)
    assert "present" not in shown.url
