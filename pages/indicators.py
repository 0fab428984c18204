"""The indicators page: the view's areas × indicators (or aspects, or dimensions), and the
weakest items in sentences. Layout only."""

import pandas as pd
import streamlit as st

from ecotown.analysis.compare import placeholder_catalogue
from ecotown.analysis.indicators import DEPTHS, indicator_matrix, weakest_items
from ecotown.analysis.summary import view_year
from ecotown.analysis.urlstate import encode_view, page_url
from ecotown.i18n.labels import fiscal_year_text, t
from ecotown.present.captions import filter_words
from ecotown.present.indicators_view import cell_target, matrix_table, weakest_sentences
from ecotown.ui import (
    cached_province_info,
    cached_shown,
    dataset_badge,
    keys,
    known_datasets,
    md_escape,
    page_preamble,
    sidebar_common,
)

view, dataset = page_preamble()
lang = view.lang
asked = str(st.query_params.get("depth", "indicator"))
depth = asked if asked in DEPTHS else "indicator"

st.page_link("app.py", label=t("back_to_map", lang), icon=":material/arrow_back:",
             query_params=encode_view(view))
head, badge = st.columns([3, 2], vertical_alignment="center")
head.title(t("ind_title", lang), anchor=False)
with badge:
    dataset_badge(dataset, lang)
st.caption(md_escape(filter_words(dataset, cached_province_info(), view)))


def _write_depth() -> None:
    st.query_params["depth"] = st.session_state[keys.W_DEPTH] or "indicator"


st.segmented_control(t("ind_depth", lang), DEPTHS, default=depth, key=keys.W_DEPTH,
                     format_func=lambda d: t(f"ind_depth_{d}", lang), on_change=_write_depth)
shown = cached_shown(view)
matrix = indicator_matrix(dataset, list(shown["area_id"]), view_year(dataset, view.year)
                          if view.year is not None else None, depth)
if matrix["year"] is None or not any(a["has_values"] for a in matrix["areas"]):
    st.info(t("ind_no_values", lang))
else:
    fy = fiscal_year_text(matrix["year"], lang, span=False)
    st.header(t("ind_weak_title", lang, fy=fy), anchor=False)
    sentences = weakest_sentences(weakest_items(matrix), lang)
    st.markdown("\n".join(f"- {md_escape(s)}" for s in sentences) if sentences
                else t("ind_weak_none", lang))
    st.header(t("ind_matrix_title", lang, fy=fy), anchor=False)
    table, styles = matrix_table(matrix, lang)
    link = t("open_area", lang)
    table.insert(0, link, [page_url("area", view, area=a) for a in table[t("area_id", lang)]])
    styles.insert(0, link, "")
    event = st.dataframe(table.style.apply(lambda _: styles, axis=None).format(
                             lambda v: "–" if pd.isna(v) else f"{v:.1f}",
                             subset=list(table.columns[3:])),
                         hide_index=True, width="stretch", key=keys.W_MATRIX,
                         on_select="rerun", selection_mode="single-cell",
                         column_config={link: st.column_config.LinkColumn(
                             link, display_text=f"{t('open', lang)} ↗", width="small")})
    st.caption(t("ind_matrix_key", lang) + " · " + t("ind_cell_hint", lang))
    cells = event.selection.cells if event is not None else []
    target = cell_target(matrix, table, *cells[0], lang) if cells else None
    if target:  # a cell opens its area, at its indicator
        st.switch_page("pages/area.py", query_params={**encode_view(view), **target})
    if placeholder_catalogue(dataset):
        st.caption(t("compare_placeholder_names", lang))

sidebar_common(view, known_datasets(), page="pages/indicators.py")
