"""The sidebar's controls (language, dataset, colour mode, filters) and the map's clicks: every
change goes to the URL, which is the view's state (:func:`ecotown.ui.preamble.store_view`)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from ecotown.analysis.filters import Filters
from ecotown.analysis.urlstate import (
    COLOR_MODES,
    LEVEL_VALUES,
    MAX_QUERY,
    ViewState,
    encode_view,
    view_params,
)
from ecotown.i18n.labels import LANGS, t
from ecotown.model.dataset import Dataset
from ecotown.model.geography import region_name
from ecotown.model.regions import REGIONS
from ecotown.present.html_blocks import presentation_link_html
from ecotown.present.safe_html import md_escape
from ecotown.present.style import level_label, phase_label
from ecotown.ui import keys
from ecotown.ui.cached import cached_province_info, dataset_title
from ecotown.ui.preamble import store_view
from ecotown.ui.reconnect import adopted, preset

__all__ = [
    "map_click_handler",
    "select_province",
    "sidebar_common",
    "sidebar_filters",
]


def sidebar_common(state: ViewState, datasets: list[str], page: str | None = None) -> None:
    """Language and dataset switches; each change goes straight to the URL. With ``page``
    (this page's script), a link to the same page in presentation mode."""

    def on_lang() -> None:
        store_view(replace(state, lang=st.session_state[keys.W_LANG]))

    def on_dataset() -> None:
        store_view(replace(state, dataset=st.session_state[keys.W_DATASET], selected_province=""))

    preset({keys.W_LANG: state.lang, keys.W_DATASET: state.dataset})
    with st.sidebar:
        st.segmented_control(
            t("language", state.lang), options=list(LANGS), key=keys.W_LANG,
            format_func=lambda code: {"th": "ไทย", "en": "English"}[code],
            on_change=on_lang, required=True)
        titles = {name: dataset_title(name, state.lang) for name in datasets}
        st.selectbox(t("dataset", state.lang), options=datasets,
                     format_func=lambda name: titles.get(name, name),
                     key=keys.W_DATASET, on_change=on_dataset)
        st.page_link("pages/data.py", label=t("dp_title", state.lang),
                     icon=":material/database:", query_params=encode_view(state))
        if page:  # a plain link: the slide's URL carries present=1, so a reload stays on it
            st.html(presentation_link_html(page, {
                **view_params(state, st.query_params.to_dict()), "present": "1"},
                t("presentation_mode", state.lang)))
    ss = st.session_state
    if {keys.W_LANG, keys.W_DATASET} & adopted():  # a reconnected page: the browser's last action
        if ss.get(keys.W_DATASET) in datasets and ss[keys.W_DATASET] != state.dataset:
            on_dataset()
            st.rerun()
        if ss.get(keys.W_LANG) in LANGS and ss[keys.W_LANG] != state.lang:
            on_lang()
            st.rerun()


def sidebar_filters(state: ViewState, areas, dataset: Dataset) -> None:
    """Colour mode and filters; any change rewrites the URL (the URL is the state)."""
    lang = state.lang
    info = cached_province_info()
    names = dict(zip(info["province_code"], info[f"name_{lang}"], strict=True))
    f = state.filters
    widgets = (keys.W_COLOR, keys.W_PHASE, keys.W_LEVEL, keys.W_MINLEVEL, keys.W_REGION,
               keys.W_PROVINCE, keys.W_Q)
    preset(dict(zip(widgets, (state.color, list(f.phases), list(f.levels), f.min_level,
                            list(f.regions), list(f.provinces), f.query), strict=True)))

    def chosen() -> ViewState:
        ss = st.session_state
        return replace(state, color=ss[keys.W_COLOR], filters=Filters(
            phases=tuple(sorted(ss[keys.W_PHASE])),
            levels=tuple(sorted(ss[keys.W_LEVEL], key=LEVEL_VALUES.index)),
            min_level=int(ss[keys.W_MINLEVEL] or 0),
            regions=tuple(r for r in REGIONS if r in ss[keys.W_REGION]),
            provinces=tuple(sorted(ss[keys.W_PROVINCE])),
            query=str(ss[keys.W_Q] or "").strip()[:MAX_QUERY]))

    def on_change() -> None:
        store_view(chosen())

    def on_reset() -> None:
        store_view(replace(state, filters=Filters(), selected_province=""))

    with st.sidebar:
        st.radio(t("color_by", lang), COLOR_MODES, key=keys.W_COLOR, on_change=on_change,
                 format_func=lambda mode: t(f"color_{mode}", lang))
        st.subheader(t("filters", lang))
        st.caption(t("filters_hint", lang))
        # Few options: pills show every choice at once and need one click each.
        st.pills(t("phase", lang), [1, 2, 3], key=keys.W_PHASE, on_change=on_change,
                 selection_mode="multi", format_func=lambda p: phase_label(p, lang))
        st.segmented_control(
            t("min_level", lang), [0, 1, 2, 3, 4, 5], key=keys.W_MINLEVEL, on_change=on_change,
            format_func=lambda n: t("min_level_any", lang) if not n else f"≥ {n}",
            required=True)
        st.pills(t("level", lang), list(LEVEL_VALUES), key=keys.W_LEVEL, on_change=on_change,
                 selection_mode="multi",
                 format_func=lambda v: md_escape(level_label(v, dataset.levels, lang)))
        st.pills(t("region", lang), list(REGIONS), key=keys.W_REGION, on_change=on_change,
                 selection_mode="multi", format_func=lambda r: region_name(r, lang))
        st.multiselect(t("province", lang), sorted(names, key=names.get), key=keys.W_PROVINCE,
                       on_change=on_change, format_func=names.get, placeholder=t("all", lang))
        st.text_input(t("search", lang), key=keys.W_Q, on_change=on_change, max_chars=MAX_QUERY)
        st.button(t("reset_filters", lang), on_click=on_reset, disabled=not f.active,
                  icon=":material/filter_alt_off:")
    if set(widgets) & adopted() and chosen() != state:  # a reconnected page's last action
        on_change()
        st.rerun()


def select_province(state: ViewState, code: str) -> None:
    """Select a province (from a map click), or clear the selection with ``""``."""
    store_view(replace(state, selected_province=code))


def map_click_handler(state: ViewState, key: str):
    """An ``on_change`` for st_folium: a province click selects it, a marker click
    asks to open the area page (done by :func:`follow_area_request`)."""

    def handle() -> None:
        value = st.session_state.get(key) or {}
        feature = value.get("last_active_drawing") or {}
        props = feature.get("properties") or {}
        if props.get("area_id"):
            st.session_state[keys.GOTO_AREA] = str(props["area_id"])
        elif props.get("province_code"):
            select_province(state, str(props["province_code"]))

    return handle
