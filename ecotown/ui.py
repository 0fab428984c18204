"""The one Streamlit glue module: cached loading, URL state and shared widgets.

Everything else in ``ecotown`` is importable without Streamlit; this module is imported only
by ``app.py`` and ``pages/``.
"""

from __future__ import annotations

import html
from dataclasses import replace

import streamlit as st

from ecotown.dataset import Dataset, dataset_names, load_dataset
from ecotown.geography import load_provinces
from ecotown.labels import LANGS, t
from ecotown.summary import area_table
from ecotown.urlstate import ViewState, encode_view, parse_view
from ecotown.validate import DatasetError

__all__ = [
    "cached_area_table",
    "cached_dataset",
    "cached_provinces",
    "current_view",
    "dataset_badge",
    "md_escape",
    "set_view",
]


@st.cache_data(show_spinner=False)
def cached_provinces():
    """The province polygons, read once per process."""
    return load_provinces()


@st.cache_data(show_spinner=False)
def cached_dataset(name: str) -> Dataset:
    """A validated dataset, loaded once per process (errors are not cached)."""
    return load_dataset(name)


@st.cache_data(show_spinner=False)
def cached_area_table(name: str):
    """The area table of a dataset: areas, province, region and latest level."""
    return area_table(cached_dataset(name), cached_provinces())


def md_escape(text: object) -> str:
    """Escape data-derived text for Streamlit markdown (no markup, no HTML, no links)."""
    escaped = html.escape(str(text), quote=True)
    for char in "\\`*_{}[]()#+-.!|<>~$":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def current_view(notify: bool = True) -> ViewState:
    """Parse the URL into a view state; with ``notify``, show a notice for every ignored
    value and rewrite the URL to the clean state."""
    state, notices = parse_view(st.query_params.to_dict(), dataset_names())
    if not notify:
        return state
    if notices:
        set_view(state)
    for notice in notices:
        reason = t(notice.reason, state.lang)
        st.toast(t("notice_bad_param", state.lang, param=md_escape(notice.param),
                   value=md_escape(notice.value), reason=reason), icon=":material/warning:")
    st.session_state["_notices"] = notices
    return state


def set_view(state: ViewState) -> None:
    """Write a view state to the URL, replacing every view parameter."""
    wanted = encode_view(state)
    if dict(st.query_params.to_dict()) != wanted:
        st.query_params.from_dict(wanted)


def load_or_stop(state: ViewState) -> Dataset:
    """Load the view's dataset, or show every problem in the user's language and stop."""
    try:
        return cached_dataset(state.dataset)
    except DatasetError as exc:
        st.error(t("error_dataset", state.lang))
        for message in exc.messages(state.lang)[:50]:
            st.markdown(f"- {md_escape(message)}")
        st.stop()
        raise


def dataset_badge(dataset: Dataset, lang: str) -> None:
    """The banner that says which dataset this is; loud for synthetic data."""
    if dataset.synthetic:
        st.warning(t("synthetic_banner", lang), icon=":material/science:")
    else:
        total = dataset.meta.get("areas_announced", "?")
        st.info(t("public_banner", lang, named=len(dataset.areas), total=total),
                icon=":material/menu_book:")


def _store(state: ViewState) -> None:
    st.session_state["_view"] = state
    set_view(state)


def sidebar_common(state: ViewState, datasets: list[str]) -> None:
    """Language and dataset switches; each change goes straight to the URL."""

    def on_lang() -> None:
        _store(replace(state, lang=st.session_state["w_lang"]))

    def on_dataset() -> None:
        _store(replace(state, dataset=st.session_state["w_dataset"], selected_province=""))

    st.session_state["w_lang"] = state.lang
    st.session_state["w_dataset"] = state.dataset
    with st.sidebar:
        st.segmented_control(
            t("language", state.lang), options=list(LANGS), key="w_lang",
            format_func=lambda code: {"th": "ไทย", "en": "English"}[code],
            on_change=on_lang, required=True)
        st.selectbox(t("dataset", state.lang), options=datasets,
                     format_func=lambda name: _dataset_title(name, state.lang),
                     key="w_dataset", on_change=on_dataset)


def _dataset_title(name: str, lang: str) -> str:
    try:
        return cached_dataset(name).title(lang)
    except DatasetError:
        return name
