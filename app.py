"""Eco Town Atlas: the entry point (``streamlit run app.py``). Layout only."""

import streamlit as st

from ecotown.labels import t
from ecotown.ui import current_view

st.set_page_config(page_title="Eco Town Atlas", page_icon="🏭", layout="wide")

view = current_view(notify=False)
overview = st.Page("pages/overview.py", title=t("page_overview", view.lang), icon="🗺️",
                   default=True)
area = st.Page("pages/area.py", title=t("page_area", view.lang), icon="📍", url_path="area")
st.navigation([overview, area], position="hidden").run()
