"""Map builders, rendered to HTML without a browser: features, colours, markers, escaping."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.summary import area_table
from ecotown.present.legend import marker_style, province_classes, province_legend
from ecotown.present.style import LEVEL_COLOURS, NO_AREA_COLOUR, NO_LEVEL_COLOUR, PHASE_COLOURS
from ecotown.webmap.assets import LEAFLET_CSS_URL, LEAFLET_JS_URL, ensure_leaflet
from ecotown.webmap.mapview import area_layer_data, full_map, province_geojson, province_layer_data

HOSTILE = ["<img src=x onerror=alert(1)>", "${alert(1)}", "</script><script>alert(1)</script>",
           "\" onmouseover=\"alert(1)", "javascript:alert(1)"]


@pytest.fixture(scope="module")
def demo_areas(demo, province_polygons):
    return area_table(demo, province_polygons)


@pytest.fixture(scope="module")
def info(province_polygons):
    return pd.DataFrame(province_polygons.drop(columns="geometry"))


def test_province_geojson_is_small_and_complete(province_polygons):
    """77 features, only the code as property, within the 120 KB budget."""
    data = province_geojson(province_polygons)
    parsed = json.loads(data)
    assert len(parsed["features"]) == 77
    assert all(set(f["properties"]) == {"province_code"} for f in parsed["features"])
    assert len(data.encode()) <= 120_000


def test_rendered_map_uses_only_local_assets(demo, province_polygons, demo_areas):
    """Every script and stylesheet comes from the app's origin; no tiles, no CDN."""
    html = full_map(province_polygons, demo_areas, "level", demo.levels, "en").get_root().render()
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sorted(set(refs)) == sorted({LEAFLET_JS_URL, LEAFLET_CSS_URL})
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "https://" not in html
    assert "tileLayer" not in html
    assert len(html.encode()) <= 200_000


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_province_colour_at_each_level(info, level):
    """A province whose highest level is L is filled with L's colour."""
    areas = pd.DataFrame({"area_id": ["a", "b"], "province_code": ["21", "21"],
                          "level": pd.array([level, pd.NA], dtype="Int64"), "phase": [1, 2]})
    looks = province_layer_data(info, areas.assign(name_th="x", name_en="x"), "level",
                                pd.DataFrame(), "en")
    assert looks["21"]["style"]["fillColor"] == LEVEL_COLOURS[level]
    assert looks["10"]["style"]["fillColor"] == NO_AREA_COLOUR


def test_province_with_areas_but_no_level_is_grey(info):
    areas = pd.DataFrame({"province_code": ["50"], "level": pd.array([pd.NA], dtype="Int64"),
                          "phase": [3]})
    assert province_classes(["50"], areas, "level")["50"] == ("none", NO_LEVEL_COLOUR)
    assert province_classes(["50"], areas, "phase")["50"] == ("3", PHASE_COLOURS[3])
    assert province_classes(["50", "10"], areas, "count")["10"] == ("empty", NO_AREA_COLOUR)


def test_provinces_never_hidden(demo, info, demo_areas):
    """Every one of the 77 provinces gets a style, filtered or not."""
    shown = apply_filters(demo_areas, Filters(phases=(2,)))
    looks = province_layer_data(info, shown, "level", demo.levels, "th")
    assert len(looks) == 77
    assert sum(1 for v in looks.values() if v["key"] != "empty") == 4


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(phases=(1,)), 18), (Filters(phases=(3,)), 21), (Filters(levels=("4",)), 8),
    (Filters(), 54), (Filters(query="zzz"), 0),
])
def test_marker_count_for_a_filter(demo, demo_areas, filters, expected):
    data = area_layer_data(apply_filters(demo_areas, filters), demo.levels, "en")
    assert len(data["features"]) == expected


def test_colocated_markers_are_spread(public, province_polygons):
    """Two areas at the same point (Rayong's) get distinct display positions."""
    areas = area_table(public, province_polygons)
    features = area_layer_data(areas, public.levels, "en")["features"]
    points = {f["properties"]["area_id"]: tuple(f["geometry"]["coordinates"]) for f in features}
    assert points["P1-10"] != points["P1-11"]


def test_marker_style_encodes_level_and_phase_only():
    """Fill = latest level, ring = phase; how the phase is known does not change the ring."""
    stated = marker_style(4, 1, "stated")
    inferred = marker_style(pd.NA, 3, "inferred")
    assert stated["fillColor"] == LEVEL_COLOURS[4] and stated["color"] == PHASE_COLOURS[1]
    assert inferred["fillColor"] == "#ffffff" and inferred["color"] == PHASE_COLOURS[3]
    assert stated["dashArray"] is None and inferred["dashArray"] is None
    assert stated["weight"] == inferred["weight"] <= 2


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_area_name_appears_only_escaped(demo, province_polygons, demo_areas, name):
    """A hostile name never reaches the map HTML as markup or script."""
    areas = demo_areas.copy()
    areas.loc[areas.index[0], ["name_th", "name_en", "province_th"]] = name
    html = full_map(province_polygons, areas, "level", demo.levels, "en").get_root().render()
    assert "<img src=x" not in html
    assert html.count("</script>") == html.count("<script")
    assert "onmouseover=\"alert" not in html
    assert "`" not in html
    escaped = name.replace("&", "\\u0026amp;").replace("<", "\\u0026lt;").replace(
        ">", "\\u0026gt;").replace('"', "\\u0026quot;")
    assert escaped in html


def test_legend_has_every_class_and_sums_to_77(demo, info, demo_areas):
    for mode in ("level", "phase", "count"):
        classes = province_classes(info["province_code"], demo_areas, mode)
        legend = province_legend(classes, mode, demo.levels, "th")
        assert sum(e.count for e in legend) == 77
        assert legend[-1].key == "empty" and legend[-1].count == 77 - 39


def test_ensure_leaflet_copies_from_the_package(tmp_path):
    """Leaflet is copied from the installed package, and a tampered copy is replaced."""
    folder = ensure_leaflet(tmp_path)
    js = folder / "leaflet.js"
    assert js.stat().st_size > 100_000
    js.write_text("tampered")
    ensure_leaflet(tmp_path)
    assert js.stat().st_size > 100_000
