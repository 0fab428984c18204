"""Visual regression: key screens against committed baselines (tolerance in visual.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.helpers import map_frame, wait_for_markers, wait_for_rerun
from tests.browser.visual import assert_matches_baseline

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

HIDE_MOVING = """<style>[data-testid="stToast"], [data-testid="stStatusWidget"],
[data-testid="stToastContainer"] { display: none !important; }
* { caret-color: transparent !important; transition: none !important;
    animation: none !important; }</style>"""


def _settle(page) -> None:
    page.add_style_tag(content=HIDE_MOVING.replace("<style>", "").replace("</style>", ""))
    wait_for_rerun(page)


@pytest.mark.parametrize(("name", "query", "markers"), [
    ("overview-public-th", "/", 32),
    ("overview-demo-en-phase", "/?dataset=demo&lang=en&color=phase", 54),
    ("present-demo-en", "/?dataset=demo&lang=en&present=1", 54),
])
def test_overview_matches_baseline(page, name, query, markers):
    """The overview looks as it did when the baseline was approved."""
    page.goto(page.app_url + query)
    wait_for_markers(map_frame(page), markers)
    _settle(page)
    assert_matches_baseline(page.screenshot(), name, ARTIFACTS)


def test_area_page_matches_baseline(page):
    """A demo area page (charts, locator map) looks as approved."""
    page.goto(page.app_url + "/area?area=P1-05&dataset=demo&lang=en")
    page.get_by_text("Strengths and gaps").wait_for(timeout=30_000)
    map_frame(page)
    page.wait_for_selector("canvas, svg.marks", timeout=30_000)
    _settle(page)
    assert_matches_baseline(page.screenshot(), "area-demo-en-P1-05", ARTIFACTS)


@pytest.mark.parametrize(("name", "width", "height", "query"), [
    ("tablet-1024-demo-th", 1024, 768, "/?dataset=demo"),
    ("tablet-768-public-en", 768, 1024, "/?lang=en"),
    ("phone-390-demo-th", 390, 844, "/?dataset=demo"),
])
def test_tablet_and_phone_layouts_match_baseline(page, name, width, height, query):
    """The overview at tablet and phone sizes looks as approved (KPIs, chips, map)."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(page.app_url + query)
    map_frame(page)
    _settle(page)
    assert_matches_baseline(page.screenshot(), name, ARTIFACTS)
