"""The naive baseline: folium.Choropleth over the raw Natural Earth provinces in st_folium.

Run only by ``bench/run.py``; it is what a first attempt would look like (CDN scripts, the
full-resolution boundaries, a tile layer).
"""

import json
import os

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

source = os.environ["ECOTOWN_NE_FILE"]
with open(source, encoding="utf-8") as handle:
    raw = json.load(handle)
raw["features"] = [f for f in raw["features"] if f["properties"].get("name")]
names = [f["properties"]["name"] for f in raw["features"]]
values = pd.DataFrame({"name": names, "areas": [i % 4 for i in range(len(names))]})
phase = st.sidebar.multiselect("Phase", [1, 2, 3])
fmap = folium.Map(location=[13, 101], zoom_start=6)
folium.Choropleth(raw, data=values, columns=["name", "areas"], key_on="feature.properties.name",
                  fill_color="YlGn").add_to(fmap)
st_folium(fmap, height=560, width=900)
