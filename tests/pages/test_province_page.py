"""Issue 28: the province page shows its areas on a map, their levels over the years and
their sources (it had two text cards and two empty thirds of a screen)."""

from __future__ import annotations

import pytest

from ecotown.i18n.labels import t
from tests.pages.apptest import open_page


@pytest.mark.parametrize(("params", "areas"), [({"code": "21", "dataset": "demo",
                                                 "lang": "en"}, ["P1-10", "P1-11"]),
                                                ({"code": "30"}, ["P1-05"])])
def test_a_province_has_its_map_its_levels_and_its_sources(params, areas):
    app = open_page("pages/province.py", params)
    lang = params.get("lang", "th")
    maps = [c for c in app.get("component_instance")
            if "streamlit_folium" in str(c.proto.component_name)]
    assert len(maps) == 1
    charts = app.get("vega_lite_chart") + app.get("arrow_vega_lite_chart")
    assert len(charts) == 1
    assert any(h.value == t("sources", lang) for h in app.header)
    sources = " ".join(b.proto.body for b in app.get("html"))
    assert "<a href=" in sources
    drawn = str(maps[0].proto)
    for area_id in areas:  # each of its areas is a marker on its map
        assert area_id in drawn
