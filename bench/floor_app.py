"""The floor: our map and nothing else on the page (no KPIs, legend or sidebar).

Run only by ``bench/run.py`` to show, in the same run, how much of the first paint is
Streamlit and streamlit-folium themselves and how much the rest of the overview adds.
"""


import streamlit as st
from streamlit_folium import st_folium

from ecotown.analysis.filters import apply_filters
from ecotown.ui import (
    cached_area_table,
    cached_province_info,
    cached_province_url,
    current_view,
    load_or_stop,
    serve_leaflet,
)
from ecotown.webmap.mapview import build_base_map, build_layers

st.set_page_config(page_title="Eco Town Atlas", page_icon="🏭", layout="wide")
serve_leaflet()
view = current_view()
dataset = load_or_stop(view)
shown = apply_filters(cached_area_table(view.dataset), view.filters)
layers = build_layers(cached_province_info(), shown, view.color, dataset.levels, view.lang,
                      view.selected_province)
st_folium(build_base_map(province_url=cached_province_url()), key="map",
          feature_group_to_add=layers, height=500, use_container_width=True,
          returned_objects=["last_active_drawing"])
