"""The map's legend: one story per view, every class, counts that add up, ~ten rows."""

from __future__ import annotations

import re

import pytest

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.summary import area_table
from ecotown.present.html_blocks import map_legend_html
from ecotown.present.legend import map_legend, province_classes
from ecotown.present.style import LEVEL_COLOURS, PHASE_COLOURS


@pytest.fixture(scope="module")
def areas(demo, province_polygons):
    return area_table(demo, province_polygons)


CASES = [Filters(), Filters(regions=("east",)), Filters(phases=(2,), levels=("3",)),
         Filters(query="nothing matches this")]


@pytest.mark.parametrize("mode", ["level", "phase", "count"])
@pytest.mark.parametrize("filters", CASES)
def test_counts_add_up(demo, areas, province_polygons, mode, filters):
    shown = apply_filters(areas, filters)
    classes = province_classes(province_polygons["province_code"], shown, mode)
    sections = map_legend(classes, shown, mode, demo.levels, "en")
    entries = [e for s in sections for e in s.entries]
    assert sum(e.provinces for e in entries if e.provinces is not None) == 77
    levels = [e for e in entries if e.key in {*map(str, LEVEL_COLOURS), "none"}]
    phases = [e for e in entries if e.key.startswith("phase")]
    assert sum(e.count for e in levels) == len(shown)
    assert sum(e.count for e in phases) == len(shown)
    assert len(levels) == 6 and len(phases) == 3
    rows = sum(1 if s.inline else len(s.entries) for s in sections)
    carried = int(shown["as_of"].sum())  # levels as of an earlier year get one more row
    assert [e.count for e in entries if e.key == "as_of"] == ([carried] if carried else [])
    assert rows <= 11 + bool(carried)


def test_ring_is_phase_in_every_mode(demo, areas, province_polygons):
    for mode in ("level", "phase", "count"):
        classes = province_classes(province_polygons["province_code"], areas, mode)
        sections = map_legend(classes, areas, mode, demo.levels, "th")
        rings = {e.key: e.outline for s in sections for e in s.entries
                 if e.key.startswith("phase")}
        assert rings == {f"phase{p}": c for p, c in PHASE_COLOURS.items()}


def test_html_carries_the_counts_and_escapes(demo, areas, province_polygons):
    classes = province_classes(province_polygons["province_code"], areas, "level")
    sections = map_legend(classes, areas, "level", demo.levels, "en")
    html = map_legend_html(sections, "en", "legend-map")
    assert sum(int(n) for n in re.findall(r'data-provinces="(\d+)"', html)) == 77
    assert 'data-testid="legend-map"' in html and "<script" not in html
    levels = demo.levels.copy()
    levels.loc[levels.index[0], "name_en"] = "<img src=x onerror=alert(1)>"
    hostile = map_legend_html(map_legend(classes, areas, "level", levels, "en"), "en")
    assert "<img" not in hostile and "&lt;img" in hostile
