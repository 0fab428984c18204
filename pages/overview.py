"""The overview page: KPIs, (map,) and the table of areas. Layout only."""

import streamlit as st

from ecotown.dataset import dataset_names
from ecotown.filters import apply_filters
from ecotown.labels import t
from ecotown.summary import summarise
from ecotown.tables import display_areas
from ecotown.ui import (
    cached_area_table,
    current_view,
    dataset_badge,
    load_or_stop,
    sidebar_common,
)

view = current_view()
lang = view.lang
sidebar_common(view, dataset_names())
dataset = load_or_stop(view)
areas = cached_area_table(view.dataset)
counts = summarise(dataset, areas, view.filters)

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))
dataset_badge(dataset, lang)

kpi = st.columns(4)
kpi[0].metric(t("areas", lang), counts["areas"])
kpi[1].metric(t("provinces", lang), counts["provinces"])
kpi[2].metric(t("share_known_level", lang), f"{counts['known_level_share']:.0%}")
kpi[3].metric(t("data_year", lang), counts["year"] or "–")

st.subheader(t("area_table", lang))
shown = apply_filters(areas, view.filters)
st.dataframe(display_areas(shown, dataset, lang), hide_index=True, width="stretch")
