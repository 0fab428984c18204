"""Visual regression of the briefing PNG against committed baselines (tolerance: visual.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecotown.analysis.filters import Filters
from ecotown.analysis.summary import area_table
from ecotown.analysis.urlstate import ViewState
from ecotown.briefing import briefing
from tests.browser.visual import assert_matches_baseline

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.mark.parametrize(("name", "dataset_fixture", "view"), [
    ("briefing-demo-phase3-th", "demo", ViewState("demo", "th", "level", Filters(phases=(3,)))),
    ("briefing-public-en", "public", ViewState("public", "en")),
])
def test_briefing_png_matches_baseline(request, province_polygons, name, dataset_fixture,
                                       view):
    """The briefing picture looks as approved (colours, legend, layout, Thai shaping)."""
    dataset = request.getfixturevalue(dataset_fixture)
    areas = area_table(dataset, province_polygons)
    png = briefing(dataset, areas, province_polygons, view, "png").data
    assert_matches_baseline(png, name, ARTIFACTS)
