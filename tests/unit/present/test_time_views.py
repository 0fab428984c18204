"""How the time dimension looks: as-of markers, change classes, legend, tables, captions."""

from __future__ import annotations

import pytest

from ecotown.analysis.filters import Filters
from ecotown.analysis.progress import with_change
from ecotown.analysis.summary import area_table, summarise
from ecotown.analysis.timeline import CHANGE_CLASSES
from ecotown.analysis.urlstate import ViewState
from ecotown.present.captions import filter_words, year_caption
from ecotown.present.legend import map_legend, marker_style, province_classes
from ecotown.present.style import AS_OF_FILL_OPACITY, CHANGE_COLOURS, LEVEL_COLOURS
from ecotown.present.tables import display_areas
from ecotown.webmap.mapview import area_layer_data


def test_a_level_as_of_an_earlier_year_is_pale_and_dashed():
    now, carried = marker_style(3, 1), marker_style(3, 1, as_of=True)
    assert now["fillOpacity"] == 1 and now["dashArray"] is None
    assert carried["fillOpacity"] == AS_OF_FILL_OPACITY and carried["dashArray"]
    assert carried["fillColor"] == now["fillColor"] == LEVEL_COLOURS[3]


@pytest.mark.parametrize("change", CHANGE_CLASSES)
def test_a_change_view_fills_markers_by_change(change):
    assert marker_style(3, 2, change=change)["fillColor"] == CHANGE_COLOURS[change]


@pytest.fixture(scope="module")
def change_table_2021_2025(demo, province_polygons):
    return with_change(area_table(demo, province_polygons, 2025), demo, 2021, 2025)


def test_change_legend_counts_every_area_and_province(demo, province_polygons,
                                                      change_table_2021_2025):
    shown = change_table_2021_2025
    classes = province_classes(province_polygons["province_code"], shown, "change")
    sections = map_legend(classes, shown, "change", demo.levels, "en", 2021)
    change = sections[0]
    assert change.title == "Change since 2021"
    assert sum(e.count for e in change.entries) == len(shown)
    assert sum(e.provinces or 0 for e in change.entries) == 77
    assert [e.key for e in change.entries][:6] == list(CHANGE_CLASSES)


def test_a_province_takes_its_best_change(demo, province_polygons, change_table_2021_2025):
    shown = change_table_2021_2025
    classes = province_classes(province_polygons["province_code"], shown, "change")
    rank = {c: i for i, c in enumerate(CHANGE_CLASSES)}
    for code, group in shown.groupby("province_code"):
        best = min(group["change_class"], key=rank.get)
        assert classes[code][0] == best


def test_tooltips_say_as_of_and_give_a_falls_reason(demo, province_polygons):
    since_2023 = with_change(area_table(demo, province_polygons, 2025), demo, 2023, 2025)
    features = area_layer_data(since_2023, demo.levels, "en")["features"]
    down = [f for f in features if f["properties"]["style"]["fillColor"]
            == CHANGE_COLOURS["down"]]
    assert down and all("Reason: " in f["properties"]["tip"] for f in down)
    carried = area_layer_data(area_table(demo, province_polygons, 2025), demo.levels, "th")
    pale = [f for f in carried["features"] if f["properties"]["style"]["dashArray"]]
    assert len(pale) == 3 and all("ณ พ.ศ. 2567" in f["properties"]["tip"] for f in pale)


def test_tables_and_captions_say_the_year_and_the_change(demo, province_polygons,
                                                         change_table_2021_2025):
    table = display_areas(change_table_2021_2025, demo, "en")
    for column in ("From", "Change", "Change since", "Reason", "Level from earlier year"):
        assert column in table.columns
    counts = summarise(demo, area_table(demo, province_polygons, 2022), Filters(), 2022)
    caption = year_caption(counts, "th")
    assert caption.startswith("ข้อมูลปีงบประมาณ พ.ศ. 2565")
    assert "อีก 21 พื้นที่เข้าร่วมหลังปีงบประมาณ พ.ศ. 2565" in caption
    words = filter_words(demo, province_polygons, ViewState(lang="en", year=2022, since=2019))
    assert words.endswith("FY2022 (Oct 2021–Sep 2022) · Change since 2019")
