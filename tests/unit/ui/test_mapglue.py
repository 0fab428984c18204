"""The cached map hands streamlit-folium's component exactly what ``st_folium`` would."""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit_folium

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.framing import view_frame
from ecotown.analysis.summary import area_table
from ecotown.model.geography import province_frames
from ecotown.ui.mapglue import component_args
from ecotown.webmap.mapview import build_base_map, build_layers


def _maps(demo, provinces, filters: Filters, lang: str, selected: str, present: bool):
    info = pd.DataFrame(provinces.drop(columns="geometry")).reset_index(drop=True).merge(
        province_frames(provinces), on="province_code", how="left")
    shown = apply_filters(area_table(demo, provinces), filters)
    frame = view_frame(info, shown, filters, selected, "demo")
    return (build_base_map(province_url="/app/static/vendor/provinces.json", present=present),
            build_layers(info, shown, "level", demo.levels, lang, selected, frame))


@pytest.mark.parametrize("filters, lang, selected, present", [
    (Filters(), "th", "", False),
    (Filters(phases=(2, 3)), "en", "21", False),
    (Filters(levels=("3",)), "th", "", True),
])
def test_component_args_are_st_folium_s(monkeypatch, demo, province_polygons, filters, lang,
                                        selected, present):
    """Called on equal maps, ``st_folium`` and :func:`component_args` give the component the
    same script, header, HTML, feature group, key, defaults and links."""
    seen = {}

    def record(**kwargs):
        seen.update(kwargs)
        return None

    monkeypatch.setattr(streamlit_folium, "_component_func", record)
    base, layers = _maps(demo, province_polygons, filters, lang, selected, present)
    streamlit_folium.st_folium(base, key="map", feature_group_to_add=layers, height=500,
                               use_container_width=True, returned_objects=["last_active_drawing"])
    ours = component_args(*_maps(demo, province_polygons, filters, lang, selected, present))
    assert seen, "st_folium did not call its component"
    for name in ("height", "width", "on_change"):
        seen.pop(name)
    assert ours.keys() == seen.keys()
    for name, value in seen.items():
        assert ours[name] == value, name
    assert ours["feature_group"] and "ecotownLooks" in ours["feature_group"]


def test_component_args_differ_between_views(demo, province_polygons):
    """Another view gives other layers under the same component key (the map is not
    reloaded, only restyled), and nothing points off this origin."""
    one = component_args(*_maps(demo, province_polygons, Filters(), "th", "", False))
    two = component_args(*_maps(demo, province_polygons, Filters(phases=(1,)), "th", "", False))
    assert one["feature_group"] != two["feature_group"]
    assert one["key"] == two["key"] and one["script"] == two["script"]
    assert not [link for link in one["css_links"] + one["js_links"] if "://" in link]
