"""Summaries: the counts the KPIs, legend, exports and CLI share."""

from __future__ import annotations

import pandas as pd
import pytest

from ecotown.analysis.filters import Filters
from ecotown.analysis.summary import area_table, latest_levels, province_table, summarise


@pytest.fixture(scope="module")
def public_areas(public, province_polygons):
    return area_table(public, province_polygons)


def test_public_summary(public, public_areas):
    """32 areas in 29 provinces; two known levels, both 4, in 2023 both as of earlier
    years (2019 and 2022): the public record's last year is 2023 (phase 3 joined, the
    headline figures), its last assessment 2022."""
    counts = summarise(public, public_areas)
    assert counts["areas"] == 32 and counts["provinces"] == 29
    assert counts["by_phase"] == {"1": 18, "2": 4, "3": 10}
    assert counts["by_level"] == {"1": 0, "2": 0, "3": 0, "4": 2, "5": 0, "none": 30}
    assert counts["year"] == 2023 and counts["last_assessed"] == 2022
    assert counts["as_of_earlier"] == {"1": 0, "2": 0, "3": 0, "4": 2, "5": 0}
    assert counts["joined_later"] == 0
    assert counts["known_level_share"] == round(2 / 32, 4)
    assert sum(counts["by_region"].values()) == 32
    assert counts["by_province"]["21"] == {"areas": 2, "highest_level": 4}
    assert counts["by_province"]["13"] == {"areas": 2, "highest_level": None}


@pytest.mark.parametrize(("filters", "areas", "provinces"), [
    (Filters(phases=(1,)), 18, 15),
    (Filters(phases=(2, 3)), 14, 14),
    (Filters(levels=("4",)), 2, 2),
    (Filters(levels=("none",)), 30, 28),
    (Filters(regions=("east",)), 7, 6),
    (Filters(provinces=("21",)), 2, 1),
    (Filters(query="rayong"), 2, 1),
    (Filters(query="สีคิ้ว"), 1, 1),
    (Filters(query="MAP TA"), 1, 1),
    (Filters(phases=(1,), regions=("south",)), 3, 2),
    (Filters(query="no such place"), 0, 0),
])
def test_filters_narrow_counts(public, public_areas, filters, areas, provinces):
    """Each filter gives the number of areas and provinces that the data say."""
    counts = summarise(public, public_areas, filters)
    assert (counts["areas"], counts["provinces"]) == (areas, provinces)


def test_latest_level_is_the_most_recent(demo_like_assessments):
    """The latest assessment wins, whatever the row order."""
    latest = latest_levels(demo_like_assessments).set_index("area_id")
    assert int(latest.loc["A", "level"]) == 3 and int(latest.loc["A", "level_year"]) == 2024


@pytest.fixture
def demo_like_assessments():
    import pandas as pd
    return pd.DataFrame({"area_id": ["A", "A", "A"], "year": [2024, 2022, 2023],
                         "level": [3, 1, 2], "basis": ["synthetic"] * 3, "source": ["x"] * 3,
                         "note": [""] * 3})


def test_province_table_highest_level(public_areas):
    """A province's highest level is the max over its areas; no level stays missing."""
    table = province_table(public_areas).set_index("province_code")
    assert int(table.loc["30", "highest_level"]) == 4
    assert table.loc["20", "highest_level"] is __import__("pandas").NA
    assert int(table.loc["21", "areas"]) == 2


@pytest.mark.parametrize("minimum", [1, 2, 3, 4, 5])
def test_min_level_keeps_areas_at_or_above_it(demo, province_polygons, minimum):
    from ecotown.analysis.filters import Filters, apply_filters
    from ecotown.analysis.summary import area_table

    areas = area_table(demo, province_polygons)
    shown = apply_filters(areas, Filters(min_level=minimum))
    levels = pd.to_numeric(areas["level"], errors="coerce")
    assert len(shown) == int((levels >= minimum).sum())
    assert (pd.to_numeric(shown["level"]) >= minimum).all()
