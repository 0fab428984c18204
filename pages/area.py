"""The area page (placeholder until the drill-down issue): shows the area id. Layout only."""

import streamlit as st

from ecotown.dataset import dataset_names
from ecotown.labels import t
from ecotown.ui import current_view, dataset_badge, load_or_stop, md_escape, sidebar_common

st.set_page_config(page_title="Eco Town Atlas", page_icon="🏭", layout="wide")
view = current_view()
lang = view.lang
sidebar_common(view, dataset_names())
dataset = load_or_stop(view)
dataset_badge(dataset, lang)
area_id = str(st.query_params.get("area", ""))
st.title(t("area_page_coming", lang))
if area_id in set(dataset.areas["area_id"]):
    st.markdown(f"{t('area_id', lang)}: {md_escape(area_id)}")
else:
    st.error(t("unknown_area", lang, value=md_escape(area_id[:40])))
