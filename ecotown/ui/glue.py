"""The Streamlit glue: cached loading, URL state and shared widgets (layout CSS and the
slide are in :mod:`ecotown.ui.layout`).

Everything else in ``ecotown`` is importable without Streamlit; this module is imported only
by ``app.py`` and ``pages/``.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import streamlit as st

from ecotown.analysis.filters import Filters
from ecotown.analysis.urlstate import (
    COLOR_MODES,
    LEVEL_VALUES,
    MAX_QUERY,
    ViewState,
    encode_view,
    page_title,
    parse_view,
    view_params,
)
from ecotown.config import settings
from ecotown.i18n.labels import LANGS, t
from ecotown.model.dataset import Dataset
from ecotown.model.geography import region_name
from ecotown.model.regions import REGIONS
from ecotown.model.validate import DatasetError
from ecotown.present.safe_html import md_escape
from ecotown.present.style import level_label, phase_label
from ecotown.store import catalogue, catalogue_versions
from ecotown.ui.a11y import page_accessibility
from ecotown.ui.cached import (
    cached_dataset,
    cached_province_geojson,
    cached_province_info,
    cached_provinces,
    dataset_title,
    facts_ok,
    snapshot_version,
    take_snapshot,
)
from ecotown.ui.layout import compact_layout
from ecotown.ui.reconnect import adopted, note_session_run, preset
from ecotown.webmap.assets import static_problems

_log = logging.getLogger("ecotown")

__all__ = [
    "area_link_params",
    "briefing_downloads",
    "current_view",
    "dataset_badge",
    "known_datasets",
    "load_or_stop",
    "map_click_handler",
    "md_escape",
    "page_preamble",
    "select_province",
    "serve_leaflet",
    "set_view",
    "sidebar_common",
    "sidebar_filters",
    "store_problem",
]


@st.cache_resource(show_spinner=False)
def settings_from_secrets() -> bool:
    """Hand Streamlit's secrets (``.streamlit/secrets.toml``) to
    :mod:`ecotown.config.settings`, once per process; the environment wins. Nothing is
    written to ``os.environ``, and no value is shown or logged."""
    try:
        secrets = dict(st.secrets)
    except Exception:  # no secrets file: the environment alone
        return False
    settings.use_secrets(secrets)
    return True


def page_preamble(*, leaflet: bool = False, compact: bool = True, load: bool = True,
                  skips: tuple[str, ...] = ("main",)) -> tuple[ViewState, Dataset | None]:
    """What every page does first: page settings, the document's language and skip links
    (``skips``: keys of ``ecotown.ui.a11y.SKIP_TARGETS``), the offline Leaflet copy (map
    pages), the compact layout, the view from the URL and its dataset (or a message and
    stop)."""
    settings_from_secrets()
    note_session_run()
    lang = parse_view(st.query_params.to_dict(), ())[0].lang  # the tab title speaks it too
    st.set_page_config(page_title=page_title(lang), page_icon="🏭", layout="wide")
    page_accessibility(lang, skips)
    if leaflet:
        serve_leaflet()
    if compact:
        compact_layout()
    view = current_view()
    return view, (load_or_stop(view) if load else None)


def current_view(notify: bool = True) -> ViewState:
    """Parse the URL into a view state; with ``notify``, show a notice for every ignored
    value and rewrite the URL to the clean state."""
    versions, problem = catalogue_versions()  # the rerun's one look at the store
    take_snapshot(versions)
    names = list(versions)
    st.session_state["_datasets"] = names
    st.session_state["_store_problem"] = problem
    state, notices = parse_view(st.query_params.to_dict(), names)
    if not notify:
        return state
    if problem is not None:  # the database is down: the shipped datasets still work
        st.warning(t("d_database_down_notice", state.lang), icon=":material/cloud_off:")
    if notices:
        set_view(state)
    for notice in notices:
        reason = t(notice.reason, state.lang)
        st.toast(t("notice_bad_param", state.lang, param=md_escape(notice.param),
                   value=md_escape(notice.value), reason=reason), icon=":material/warning:")
    st.session_state["_notices"] = notices
    return state


def known_datasets() -> list[str]:
    """The datasets this rerun's view was resolved against (one look at the store a
    rerun; only the shipped ones while the database is down)."""
    names = st.session_state.get("_datasets")
    return list(names) if names else catalogue()[0]


def store_problem():
    """Why the writable store (the database) cannot be reached in this rerun, or ``None``."""
    return st.session_state.get("_store_problem")


def set_view(state: ViewState) -> None:
    """Write a view state to the URL, replacing every view parameter."""
    wanted = view_params(state, st.query_params.to_dict())
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
    elif dataset.meta.get("imported"):
        st.success(t("imported_banner", lang, title=md_escape(dataset.title(lang)),
                     version=md_escape(snapshot_version(dataset.name))),
                   icon=":material/verified:")
    else:
        total = dataset.meta.get("areas_announced", "?")
        st.info(t("public_banner", lang, named=len(dataset.areas), total=total),
                icon=":material/menu_book:")


def _store(state: ViewState) -> None:
    st.session_state["_view"] = state
    set_view(state)


def sidebar_common(state: ViewState, datasets: list[str], page: str | None = None) -> None:
    """Language and dataset switches; each change goes straight to the URL. With ``page``
    (this page's script), a link to the same page in presentation mode."""

    def on_lang() -> None:
        _store(replace(state, lang=st.session_state["w_lang"]))

    def on_dataset() -> None:
        _store(replace(state, dataset=st.session_state["w_dataset"], selected_province=""))

    preset({"w_lang": state.lang, "w_dataset": state.dataset})
    with st.sidebar:
        st.segmented_control(
            t("language", state.lang), options=list(LANGS), key="w_lang",
            format_func=lambda code: {"th": "ไทย", "en": "English"}[code],
            on_change=on_lang, required=True)
        titles = {name: dataset_title(name, state.lang) for name in datasets}
        st.selectbox(t("dataset", state.lang), options=datasets,
                     format_func=lambda name: titles.get(name, name),
                     key="w_dataset", on_change=on_dataset)
        st.page_link("pages/data.py", label=t("dp_title", state.lang),
                     icon=":material/database:", query_params=encode_view(state))
        if page:
            st.page_link(page, label=t("presentation_mode", state.lang),
                         icon=":material/slideshow:",
                         query_params={**view_params(state, st.query_params.to_dict()),
                                       "present": "1"})
    ss = st.session_state
    if {"w_lang", "w_dataset"} & adopted():  # a reconnected page: the browser's last action
        if ss.get("w_dataset") in datasets and ss["w_dataset"] != state.dataset:
            on_dataset()
            st.rerun()
        if ss.get("w_lang") in LANGS and ss["w_lang"] != state.lang:
            on_lang()
            st.rerun()


@st.cache_resource(show_spinner=False)
def serve_leaflet() -> list[str]:
    """Check, once per process, that the offline map files are in the static folder (built
    by ``python -m scripts.build_static`` and committed; the app writes nothing there). A
    missing file is logged for the operator; the page goes on."""
    problems = static_problems(cached_province_geojson())
    if problems:
        _log.error("offline map files missing or stale (python -m scripts.build_static): %s",
                   ", ".join(problems))
    return problems


def sidebar_filters(state: ViewState, areas, dataset: Dataset) -> None:
    """Colour mode and filters; any change rewrites the URL (the URL is the state)."""
    lang = state.lang
    info = cached_province_info()
    names = dict(zip(info["province_code"], info[f"name_{lang}"], strict=True))
    f = state.filters
    keys = ("w_color", "w_phase", "w_level", "w_minlevel", "w_region", "w_province", "w_q")
    preset(dict(zip(keys, (state.color, list(f.phases), list(f.levels), f.min_level,
                            list(f.regions), list(f.provinces), f.query), strict=True)))

    def chosen() -> ViewState:
        ss = st.session_state
        return replace(state, color=ss["w_color"], filters=Filters(
            phases=tuple(sorted(ss["w_phase"])),
            levels=tuple(sorted(ss["w_level"], key=LEVEL_VALUES.index)),
            min_level=int(ss["w_minlevel"] or 0),
            regions=tuple(r for r in REGIONS if r in ss["w_region"]),
            provinces=tuple(sorted(ss["w_province"])),
            query=str(ss["w_q"] or "").strip()[:MAX_QUERY]))

    def on_change() -> None:
        _store(chosen())

    def on_reset() -> None:
        _store(replace(state, filters=Filters(), selected_province=""))

    with st.sidebar:
        st.radio(t("color_by", lang), COLOR_MODES, key="w_color", on_change=on_change,
                 format_func=lambda mode: t(f"color_{mode}", lang))
        st.subheader(t("filters", lang))
        st.caption(t("filters_hint", lang))
        # Few options: pills show every choice at once and need one click each.
        st.pills(t("phase", lang), [1, 2, 3], key="w_phase", on_change=on_change,
                 selection_mode="multi", format_func=lambda p: phase_label(p, lang))
        st.segmented_control(
            t("min_level", lang), [0, 1, 2, 3, 4, 5], key="w_minlevel", on_change=on_change,
            format_func=lambda n: t("min_level_any", lang) if not n else f"≥ {n}",
            required=True)
        st.pills(t("level", lang), list(LEVEL_VALUES), key="w_level", on_change=on_change,
                 selection_mode="multi",
                 format_func=lambda v: md_escape(level_label(v, dataset.levels, lang)))
        st.pills(t("region", lang), list(REGIONS), key="w_region", on_change=on_change,
                 selection_mode="multi", format_func=lambda r: region_name(r, lang))
        st.multiselect(t("province", lang), sorted(names, key=names.get), key="w_province",
                       on_change=on_change, format_func=names.get, placeholder=t("all", lang))
        st.text_input(t("search", lang), key="w_q", on_change=on_change, max_chars=MAX_QUERY)
        st.button(t("reset_filters", lang), on_click=on_reset, disabled=not f.active,
                  icon=":material/filter_alt_off:")
    if set(keys) & adopted() and chosen() != state:  # a reconnected page's last action
        on_change()
        st.rerun()


def select_province(state: ViewState, code: str) -> None:
    """Select a province (from a map click), or clear the selection with ``""``."""
    _store(replace(state, selected_province=code))


def map_click_handler(state: ViewState, key: str):
    """An ``on_change`` for st_folium: a province click selects it, a marker click
    asks to open the area page (done by :func:`follow_area_request`)."""

    def handle() -> None:
        value = st.session_state.get(key) or {}
        feature = value.get("last_active_drawing") or {}
        props = feature.get("properties") or {}
        if props.get("area_id"):
            st.session_state["_goto_area"] = str(props["area_id"])
        elif props.get("province_code"):
            select_province(state, str(props["province_code"]))

    return handle


def area_link_params(state: ViewState, area_id: str) -> dict[str, str]:
    """Query parameters of an area page that remembers the view it came from."""
    return {**encode_view(state), "area": area_id}


def briefing_downloads(state: ViewState, dataset: Dataset, areas) -> None:
    """Download buttons for the current view's briefing (PNG, PDF, CSV, XLSX).

    Files are made only when a button is pressed (``data`` is a callable), by the same
    function as ``python -m ecotown briefing``, so both give the same bytes.
    """
    from ecotown.briefing import FORMATS, MIME, briefing, briefing_filename

    with st.popover(t("brief_download", state.lang), icon=":material/download:",
                    width="stretch"):
        # What every format is made from: if it fails, no button would work. Checked once
        # per dataset version and view (it used to be a quarter of every rerun's time).
        if not facts_ok(state):
            st.error(t("brief_failed", state.lang))
            return
        for fmt in FORMATS:
            st.download_button(
                t(f"brief_format_{fmt}", state.lang),
                data=lambda fmt=fmt: briefing(dataset, areas, cached_provinces(), state,
                                              fmt).data,
                file_name=briefing_filename(dataset, state, fmt), mime=MIME[fmt],
                on_click="ignore", key=f"brief-{fmt}", width="stretch")
        from ecotown.briefing.deck_export import DECK_FORMATS, DECK_MIME, deck, deck_filename

        for fmt in DECK_FORMATS:  # the same bytes as ``python -m ecotown deck``
            st.download_button(
                t("brief_format_pptx" if fmt == "pptx" else "brief_format_deckpdf",
                  state.lang),
                data=lambda fmt=fmt: deck(dataset, areas, cached_provinces(), state, fmt).data,
                file_name=deck_filename(dataset, state, fmt), mime=DECK_MIME[fmt],
                on_click="ignore", key=f"deck-{fmt}", width="stretch",
                icon=":material/slideshow:")
