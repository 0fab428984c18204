"""What every page does first, and the view it works on: page settings, the secrets handed to
the settings, the view parsed from the URL (and written back to it), the rerun's one
snapshot of the store, the dataset loaded or a message, the dataset's banner.

Imported only by ``app.py``, ``pages/`` and the rest of :mod:`ecotown.ui`."""

from __future__ import annotations

import logging

import streamlit as st

from ecotown.analysis.urlstate import ViewState, encode_view, page_title, parse_view, view_params
from ecotown.config import settings
from ecotown.i18n.labels import t
from ecotown.model.dataset import Dataset
from ecotown.model.validate import DatasetError
from ecotown.present.safe_html import md_escape
from ecotown.store import catalogue, catalogue_versions
from ecotown.ui import keys
from ecotown.ui.a11y import page_accessibility
from ecotown.ui.cached import (
    cached_dataset,
    cached_province_geojson,
    snapshot_version,
    take_snapshot,
)
from ecotown.ui.layout import compact_layout
from ecotown.ui.reconnect import note_session_run
from ecotown.webmap.assets import static_problems

_log = logging.getLogger("ecotown")

__all__ = [
    "area_link_params",
    "current_view",
    "dataset_badge",
    "known_datasets",
    "load_or_stop",
    "page_preamble",
    "serve_leaflet",
    "set_view",
    "settings_from_secrets",
    "store_problem",
    "store_view",
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
    st.session_state[keys.DATASETS] = names
    st.session_state[keys.STORE_PROBLEM] = problem
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
    return state


def known_datasets() -> list[str]:
    """The datasets this rerun's view was resolved against (one look at the store a
    rerun; only the shipped ones while the database is down)."""
    names = st.session_state.get(keys.DATASETS)
    return list(names) if names else catalogue()[0]


def store_problem():
    """Why the writable store (the database) cannot be reached in this rerun, or ``None``."""
    return st.session_state.get(keys.STORE_PROBLEM)


def set_view(state: ViewState) -> None:
    """Write a view state to the URL, replacing every view parameter."""
    wanted = view_params(state, st.query_params.to_dict())
    if dict(st.query_params.to_dict()) != wanted:
        st.query_params.from_dict(wanted)


def store_view(state: ViewState) -> None:
    """Keep the view for this session and write it to the URL."""
    st.session_state[keys.VIEW] = state
    set_view(state)


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


def area_link_params(state: ViewState, area_id: str) -> dict[str, str]:
    """Query parameters of an area page that remembers the view it came from."""
    return {**encode_view(state), "area": area_id}
