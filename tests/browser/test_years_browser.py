"""The year control in a real browser: play through the years and count the map's markers
by level against ``python -m ecotown progress``; the map is restyled, never re-mounted."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ecotown.present.style import AS_OF_FILL_OPACITY, CHANGE_COLOURS, LEVEL_COLOURS
from tests.browser.helpers import map_frame
from tests.cli_json import cli_json

pytestmark = pytest.mark.browser
FILL_LEVEL = {colour.lower(): str(level) for level, colour in LEVEL_COLOURS.items()}


cli = cli_json  # python -m ecotown ARGS --json, in this process


def markers_by_level(frame) -> tuple[dict[str, int], int]:
    """Markers on the map counted by fill colour (level), and how many are pale (as of)."""
    styles = frame.evaluate("""() => {
        const out = [];
        window.map.eachLayer(l => { if (l instanceof L.CircleMarker) out.push(
            [l.options.fillColor, l.options.fillOpacity]); });
        return out;
    }""")
    counts = {str(level): 0 for level in range(1, 6)}
    for fill, _ in styles:
        counts[FILL_LEVEL[fill.lower()]] += 1
    return counts, sum(1 for _, opacity in styles if opacity == AS_OF_FILL_OPACITY)


_LEVELS_ARE = """([fills, want]) => {
    const c = {};
    window.map.eachLayer(l => { if (l instanceof L.CircleMarker) {
        const level = fills[l.options.fillColor.toLowerCase()];
        c[level] = (c[level] || 0) + 1; } });
    return Object.keys(want).every(k => (c[k] || 0) === want[k]);
}"""


def test_play_through_the_years_counts_markers_against_the_cli(page):
    """From a year three before the last, Play steps year by year to the last; at every
    step the map's markers by level are the CLI's by_year, and the map frame is the same
    document. (Three steps: each waits the play interval; every year's level counts, in both
    forms of the year, are checked in tests/pages/test_app_years.py.)"""
    report = cli("progress", "--dataset", "demo")
    years = [int(y) for y in report["by_year"]][-4:]
    assert len(years) == 4
    page.goto(page.app_url + f"/?dataset=demo&lang=en&year={years[0] + 543}")
    frame = map_frame(page)
    page.wait_for_url(re.compile(rf"year={years[0]}\b"))  # written back in C.E.
    frame.evaluate("window.__ecotownMounted = 'first mount'")
    page.get_by_role("button", name="Play").click()
    seen = []
    for year in years:
        if year != years[0]:
            page.wait_for_function(
                f"() => document.querySelector('[data-testid=stCaptionContainer] p') && "
                f"[...document.querySelectorAll('[data-testid=stCaptionContainer]')].some("
                f"e => e.innerText.includes('FY{year} (Oct'))", timeout=30_000)
        expected = report["by_year"][str(year)]
        total = sum(expected.values())
        frame.wait_for_function(
            f"document.documentElement.getAttribute('data-ecotown-markers') === '{total}'",
            timeout=30_000)
        with contextlib.suppress(PlaywrightTimeout):  # the restyle lands after the count
            frame.wait_for_function(_LEVELS_ARE, arg=[FILL_LEVEL, expected], timeout=10_000)
        counts, _ = markers_by_level(frame)
        assert counts == expected, year
        seen.append(year)
        assert frame.evaluate("window.__ecotownMounted") == "first mount", year
    assert seen == years
    page.wait_for_url(re.compile(rf"year={years[-1]}\b"))  # it stops at the last year
    page.get_by_role("button", name="Play").wait_for(timeout=10_000)


# one past year typed in B.E. (both forms and their round trip are parsed in
# tests/unit/analysis/test_urlstate_years.py; every year's counts are walked by Play above)
@pytest.mark.parametrize(("typed", "year"), [("2563", 2020)])
def test_a_past_year_in_either_form_shows_the_clis_counts(page, typed, year):
    report = cli("progress", "--dataset", "demo")
    detail = report["by_year_detail"][str(year)]
    page.goto(page.app_url + f"/?dataset=demo&lang=en&year={typed}")
    frame = map_frame(page)
    total = sum(report["by_year"][str(year)].values())
    frame.wait_for_function(
        f"document.documentElement.getAttribute('data-ecotown-markers') === '{total}'")
    counts, pale = markers_by_level(frame)
    assert counts == report["by_year"][str(year)]
    assert pale == detail["as_of_earlier"]
    assert f"year={year}" in page.url


def test_the_last_year_marks_levels_as_of_an_earlier_year(page):
    report = cli("progress", "--dataset", "demo")
    last = str(report["year"])
    page.goto(page.app_url + "/?dataset=demo&lang=th")
    frame = map_frame(page)
    total = sum(report["by_year"][last].values())
    frame.wait_for_function(
        f"document.documentElement.getAttribute('data-ecotown-markers') === '{total}'")
    _, pale = markers_by_level(frame)
    assert pale == report["by_year_detail"][last]["as_of_earlier"] > 0
    legend = page.locator('[data-testid="legend-map"] [data-key="as_of"]')
    assert legend.get_attribute("data-areas") == str(pale)


def test_the_change_view_colours_markers_by_change(page):
    report = cli("progress", "--dataset", "demo", "--since", "2566")
    page.goto(page.app_url + "/?dataset=demo&lang=en&since=2023")
    frame = map_frame(page)
    frame.wait_for_function(
        "document.documentElement.getAttribute('data-ecotown-markers') === '54'")
    fills = frame.evaluate("""() => { const out = [];
        window.map.eachLayer(l => {
            if (l instanceof L.CircleMarker) out.push(l.options.fillColor); });
        return out; }""")
    ups = sum(1 for m in report["movers"] if m["change"] > 0)
    downs = sum(1 for m in report["movers"] if m["change"] < 0)
    assert fills.count(CHANGE_COLOURS["up1"]) + fills.count(CHANGE_COLOURS["up2"]) == ups
    assert fills.count(CHANGE_COLOURS["down"]) == downs
    movers = page.get_by_text("Areas whose level changed, 2023 → 2025")
    assert movers.count() == 1
