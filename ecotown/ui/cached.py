"""What the pages read on every rerun, loaded once and cached.

Loading and deriving (a dataset's files parsed and validated, its area table for a year, the
province outlines) is cached with ``st.cache_data``, keyed by the dataset's version, so an
import from the page or the command line is seen at the next rerun. ``st.cache_data`` hands
every caller its own copy, unpickled on each call: for a dataset that was an eighth of a
rerun's server time under load (py-spy, ``bench/load.py``). The values the pages read on
every rerun (the dataset, its area tables, the province table) are therefore also held once
per process with ``st.cache_resource`` and shared, **read-only**: nothing in ``ecotown``
changes a frame it was given (pandas 3 copies on write: a derived frame never writes into
the one it came from; and
``tests/pages/test_shared_caches.py`` runs every page and then compares the shared values
with freshly loaded ones). Results derived per view (counts, checks, titles) stay in
``st.cache_data``: they are small.
"""

from __future__ import annotations

import logging

import streamlit as st

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.progress import with_change
from ecotown.analysis.summary import area_table, dataset_years, summarise, view_year
from ecotown.analysis.urlstate import ViewState, page_url
from ecotown.model.dataset import Dataset
from ecotown.model.geography import load_provinces, province_frames
from ecotown.model.validate import DatasetError
from ecotown.present.html_blocks import area_list_html, map_legend_html
from ecotown.present.legend import map_legend, province_classes
from ecotown.store import dataset_version, load_dataset
from ecotown.ui import keys
from ecotown.webmap.assets import province_file_url
from ecotown.webmap.mapview import province_geojson

_log = logging.getLogger("ecotown")

__all__ = [
    "cached_area_list_html",
    "cached_area_table",
    "cached_dataset",
    "cached_legend_html",
    "cached_province_geojson",
    "cached_province_info",
    "cached_province_url",
    "cached_provinces",
    "cached_shown",
    "cached_summary",
    "cached_years",
    "dataset_title",
    "facts_ok",
    "snapshot_version",
    "take_snapshot",
]


@st.cache_data(show_spinner=False)
def cached_provinces():
    """The province polygons, read once per process."""
    return load_provinces()


SNAPSHOT = keys.SNAPSHOT  # session state: {dataset: version} taken once per rerun


def take_snapshot(versions: dict[str, str]) -> None:
    """The rerun's snapshot of the store (``{dataset: version}``), taken once by the page
    preamble: every cached function of this rerun reads its version here, so a page makes
    one version lookup per rerun and never shows two versions of a dataset."""
    st.session_state[SNAPSHOT] = dict(versions)


def snapshot_version(name: str) -> str:
    """``name``'s version in this rerun's snapshot (looked up, and added, only when the
    preamble did not take it: a page that loads no view)."""
    try:
        snapshot = st.session_state.setdefault(SNAPSHOT, {})
    except Exception:  # called outside a script run (a test, a thread): no snapshot
        return dataset_version(name)
    if name not in snapshot:
        snapshot[name] = dataset_version(name)
    return snapshot[name]


@st.cache_resource(show_spinner=False, max_entries=32)
def dataset_at(name: str, version: str) -> Dataset:
    """The dataset ``name`` at ``version``, one shared read-only object per process (one
    cache tier: a new version is a new key; errors are not cached)."""
    return load_dataset(name, version or None)


def cached_dataset(name: str) -> Dataset:
    """A validated dataset, cached per version: an import (from the page or the command
    line) is seen at the next rerun. Errors are not cached. Read-only."""
    return dataset_at(name, snapshot_version(name))


@st.cache_resource(show_spinner=False, max_entries=64)
def _area_table_at(name: str, version: str, year: int | None = None,
                   since: int | None = None):
    dataset = dataset_at(name, version)
    table = area_table(dataset, cached_provinces(), year)
    if since is not None:
        table = with_change(table, dataset, since, view_year(dataset, year))
    return table


def cached_area_table(name: str, year: int | None = None, since: int | None = None):
    """The area table of a dataset in a fiscal year (default: its last): the areas in the
    programme then, with province, region and level (as of earlier years where not
    assessed); with ``since``, each area's change since that year. Read-only."""
    return _area_table_at(name, snapshot_version(name), year, since)


@st.cache_data(show_spinner=False, max_entries=256)
def _summary_at(name: str, version: str, year: int | None, since: int | None,
                filters: Filters) -> dict:
    dataset = dataset_at(name, version)
    return summarise(dataset, _area_table_at(name, version, year, since), filters, year)


def cached_summary(state: ViewState) -> dict:
    """The overview's counts for a view (see :func:`summarise`), cached per dataset
    version, year, change year and filters: a rerun that changes none of them reuses it."""
    return _summary_at(state.dataset, snapshot_version(state.dataset), state.year,
                       state.since, state.filters)


@st.cache_data(show_spinner=False, max_entries=256)
def _facts_ok_at(version: str, state: ViewState) -> bool:
    from ecotown.briefing import briefing_facts

    try:
        briefing_facts(dataset_at(state.dataset, version),
                       _area_table_at(state.dataset, version, state.year, state.since),
                       cached_provinces(), state, path=False)
    except Exception:
        _log.exception("briefing facts failed for dataset %s", state.dataset)
        return False
    return True


def facts_ok(state: ViewState) -> bool:
    """Whether the view's briefing facts can be made (checked once per version and view;
    a failure is logged once)."""
    return _facts_ok_at(snapshot_version(state.dataset), state)


@st.cache_data(show_spinner=False, max_entries=256)
def _title_at(name: str, version: str, lang: str) -> str:
    return dataset_at(name, version).title(lang)


def dataset_title(name: str, lang: str) -> str:
    """A dataset's title in ``lang`` (its name if it cannot be read)."""
    try:
        return _title_at(name, snapshot_version(name), lang)
    except DatasetError:
        return name


@st.cache_data(show_spinner=False)
def cached_province_geojson() -> str:
    """The compact province GeoJSON sent to the browser (computed once per process)."""
    return province_geojson(cached_provinces())


@st.cache_data(show_spinner=False)
def cached_province_url() -> str:
    """The URL of the province GeoJSON served from the app's static folder (prepared at
    build time; nothing is written here)."""
    return province_file_url(cached_province_geojson())


@st.cache_data(show_spinner=False)
def _build_province_info():
    provinces = cached_provinces()
    info = provinces.drop(columns="geometry").reset_index(drop=True)
    return info.merge(province_frames(provinces), on="province_code", how="left")


@st.cache_resource(show_spinner=False)
def cached_province_info():
    """Province codes, names and regions, their boxes and name points; no geometry.
    Read-only."""
    return _build_province_info()


@st.cache_data(show_spinner=False, max_entries=64)
def _years_at(name: str, version: str) -> list[int]:
    return dataset_years(dataset_at(name, version))


def cached_years(name: str) -> list[int]:
    """The fiscal years a dataset can be shown in (:func:`dataset_years`), per version."""
    return _years_at(name, snapshot_version(name))


@st.cache_resource(show_spinner=False, max_entries=256)
def shown_at(name: str, version: str, year: int | None, since: int | None,
              filters: Filters):
    return apply_filters(_area_table_at(name, version, year, since), filters)


def cached_shown(state: ViewState):
    """The view's area table after its filters (:func:`apply_filters`). Read-only."""
    return shown_at(state.dataset, snapshot_version(state.dataset), state.year, state.since,
                     state.filters)


@st.cache_data(show_spinner=False, max_entries=512)
def _legend_html_at(version: str, state: ViewState, mode: str) -> str:
    shown = shown_at(state.dataset, version, state.year, state.since, state.filters)
    classes = province_classes(cached_province_info()["province_code"], shown, mode)
    legend = map_legend(classes, shown, mode, dataset_at(state.dataset, version).levels,
                        state.lang, state.since)
    return map_legend_html(legend, state.lang, test_id="legend-map")


def cached_legend_html(state: ViewState, mode: str) -> str:
    """The overview map's legend as HTML (escaped), for the view and colouring ``mode``."""
    return _legend_html_at(snapshot_version(state.dataset), state, mode)


@st.cache_data(show_spinner=False, max_entries=512)
def _area_list_html_at(version: str, state: ViewState, compact: bool) -> str:
    shown = shown_at(state.dataset, version, state.year, state.since, state.filters)
    return area_list_html(shown, dataset_at(state.dataset, version).levels,
                          [page_url("area", state, area=a) for a in shown["area_id"]],
                          state.lang, anchor="ecotown-area-names" if compact else
                          "ecotown-area-list", compact=compact)


def cached_area_list_html(state: ViewState, compact: bool = False) -> str:
    """The list of the view's areas with links to their pages, as HTML (escaped); with
    ``compact``, the names beside the map."""
    return _area_list_html_at(snapshot_version(state.dataset), state, compact)
