"""The time dimension on a page: the year control (slider, play, change since), the
programme over time and the path to 2037. Layout and widgets only; the numbers come from
:mod:`ecotown.analysis.progress` (the same as ``python -m ecotown progress``)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from ecotown.analysis.path2037 import PROJECTION_METHOD, STATUS_RULE, VERDICT_RULE
from ecotown.analysis.progress import progress_report, reference_points, timeline_filters
from ecotown.analysis.summary import view_year
from ecotown.analysis.timeline import by_year
from ecotown.analysis.urlstate import ViewState, fit_years
from ecotown.i18n.labels import fiscal_year_text, t, year_short, year_text
from ecotown.model.dataset import Dataset
from ecotown.model.geography import area_points
from ecotown.model.regions import REGIONS
from ecotown.present.captions import date_text
from ecotown.present.charts import (
    levels_per_year_chart,
    levels_per_year_data,
    reference_positions,
)
from ecotown.present.progress_text import pace_text
from ecotown.present.safe_html import md_escape
from ecotown.present.sentences import verdict_sentence
from ecotown.present.style import level_label, phase_label
from ecotown.present.tables import change_text
from ecotown.store import load_dataset
from ecotown.ui import keys
from ecotown.ui.cached import cached_provinces, cached_years, dataset_at, snapshot_version
from ecotown.ui.preamble import set_view
from ecotown.ui.reconnect import adopted, preset, reject_unmatched

__all__ = ["cached_points", "cached_progress", "fit_view_years", "movers_list", "play_ticker",
           "progress_panel",
           "public_figures", "year_bar"]

PLAY_SECONDS = 1.6


@st.cache_data(show_spinner=False, max_entries=32)
def _points_at(name: str, version: str) -> pd.DataFrame:
    frame = area_points(dataset_at(name, version).areas, cached_provinces())
    return pd.DataFrame(frame.drop(columns="geometry"))


def cached_points(name: str) -> pd.DataFrame:
    """Every area of a dataset with its province and region (any year)."""
    return _points_at(name, snapshot_version(name))


@st.cache_data(show_spinner=False, max_entries=64)
def _progress_at(name: str, version: str, filters, year, since) -> dict:
    return progress_report(dataset_at(name, version), _points_at(name, version), filters,
                           year, since)


def cached_progress(view: ViewState) -> dict:
    """:func:`ecotown.analysis.progress.progress_report` for the view, cached."""
    return _progress_at(view.dataset, snapshot_version(view.dataset),
                        timeline_filters(view.filters), view.year, view.since)


@st.cache_data(show_spinner=False)
def public_figures() -> pd.DataFrame:
    """The public record's programme figures: the published counts every dataset is
    compared with."""
    return load_dataset("public").programme_figures


def fit_view_years(view: ViewState, dataset: Dataset) -> ViewState:
    """The view with ``year``/``since`` kept within the dataset's years; a dropped value is
    said in a toast and the URL is rewritten."""
    step = st.session_state.pop(keys.NEXT_YEAR, None)
    if step is not None:  # the next year of a playing year control
        view = replace(view, year=step, since=None)
    fitted, notices = fit_years(view, cached_years(dataset.name))
    for notice in notices:
        st.toast(t("notice_bad_param", view.lang, param=notice.param,
                   value=md_escape(str(st.query_params.get(notice.param, notice.value))),
                   reason=t(notice.reason, view.lang)), icon=":material/warning:")
    typed = {k: str(st.query_params.get(k, "")) for k in ("year", "since")}
    canonical = {k: "" if v is None else str(v) for k, v in (("year", fitted.year),
                                                             ("since", fitted.since))}
    if notices or typed != canonical:  # one canonical form in the URL: the C.E. year
        set_view(fitted)
        st.session_state[keys.VIEW] = fitted
    return fitted


def _set(view: ViewState, **changes) -> None:
    state = replace(view, **changes)
    st.session_state[keys.VIEW] = state
    set_view(state)


def year_bar(view: ViewState, years: list[int]) -> None:
    """The year slider (B.E. in Thai, C.E. in English), play/stop and "change since"."""
    lang = view.lang
    if len(years) < 2:
        return
    shown = view.year if view.year is not None else years[-1]
    earlier = [y for y in years if y < shown]
    # a reconnected page's year that matches no option keeps the URL's year
    reject_unmatched(keys.W_YEAR, [year_short(y, lang) for y in years])
    preset({keys.W_YEAR: shown, keys.W_SINCE: view.since if view.since in earlier else 0})
    keep = adopted()  # a page that reconnected to this replica: the browser's values
    playing = bool(st.session_state.get(keys.PLAYING))

    def on_year() -> None:
        year = int(st.session_state[keys.W_YEAR])
        since = view.since if view.since is not None and view.since < year else None
        _set(view, year=None if year == years[-1] else year, since=since)

    def on_since() -> None:
        _set(view, since=st.session_state[keys.W_SINCE] or None)

    def on_play() -> None:
        st.session_state[keys.PLAYING] = not playing
        if not playing and shown == years[-1]:  # start from the first year
            _set(view, year=years[0], since=None)

    cols = st.container(key=keys.YEARBAR_BOX).columns([6, 1.2, 2.4],
                                                       vertical_alignment="bottom")
    cols[0].select_slider(t("year_control", lang), options=years, key=keys.W_YEAR,
                          on_change=on_year, format_func=lambda y: year_short(y, lang))
    cols[1].button(t("year_stop" if playing else "year_play", lang), on_click=on_play,
                   icon=":material/stop:" if playing else ":material/play_arrow:",
                   key=keys.W_PLAY, width="stretch")
    cols[2].selectbox(t("change_since", lang), [0, *earlier], key=keys.W_SINCE,
                      on_change=on_since, disabled=not earlier,
                      format_func=lambda y: t("change_off", lang) if not y
                      else fiscal_year_text(y, lang, span=False))
    if keys.W_YEAR in keep and st.session_state[keys.W_YEAR] != shown:  # a reconnected page's click
        on_year()
        st.rerun()
    if keys.W_SINCE in keep and (st.session_state[keys.W_SINCE] or None) != (
            view.since if view.since in earlier else None):
        on_since()
        st.rerun()


def play_ticker(view: ViewState, years: list[int]) -> None:
    """While the year control plays, step to the next year every few seconds. Call it last
    in the sidebar: an element added before the map would shift it and re-mount it."""
    if len(years) < 2 or not st.session_state.get(keys.PLAYING):
        return
    with st.sidebar:
        _ticker(view, years, view.year if view.year is not None else years[-1])


def _ticker(view: ViewState, years: list[int], shown: int) -> None:
    @st.fragment(run_every=PLAY_SECONDS)
    def tick() -> None:
        if not st.session_state.get(keys.PLAYING):
            return
        if st.session_state.get(keys.TICK_FROM) != shown:  # the first run only draws
            st.session_state[keys.TICK_FROM] = shown
            return
        later = [y for y in years if y > shown]
        if not later:
            st.session_state[keys.PLAYING] = False
            st.rerun()
        # The URL is written by the full run that follows (:func:`fit_view_years`): a query
        # change made inside a fragment's run does not reach the browser's address bar.
        st.session_state[keys.NEXT_YEAR] = later[0]
        if later[0] == years[-1]:
            st.session_state[keys.PLAYING] = False
        st.rerun()

    tick()


def _groups(view: ViewState, report_areas: pd.DataFrame, breakdown: str) -> dict:
    if breakdown == "phase":
        return {phase_label(p, view.lang): (report_areas[report_areas["phase"] == p], p)
                for p in (1, 2, 3)}
    if breakdown == "region":
        from ecotown.model.geography import region_name

        return {region_name(r, view.lang): (report_areas[report_areas["region"] == r], None)
                for r in REGIONS if (report_areas["region"] == r).any()}
    return {t("breakdown_none", view.lang): (report_areas, None)}


def progress_panel(view: ViewState, dataset: Dataset, report: dict) -> None:
    """The programme over time (stacked chart with published points, table) and the path to
    2037, for the view's non-level filters."""
    lang = view.lang
    from ecotown.analysis.filters import apply_filters

    chosen = apply_filters(cached_points(view.dataset), timeline_filters(view.filters))
    st.caption(t("over_time_caption", lang))
    breakdown = st.segmented_control(t("breakdown", lang), ["none", "phase", "region"],
                                     default="none", key=keys.W_BREAKDOWN,
                                     format_func=lambda b: t(f"breakdown_{b}", lang)) or "none"
    points = reference_points(public_figures() if dataset.programme_figures.empty
                              or "year" not in dataset.programme_figures.columns
                              or dataset.programme_figures["year"].isna().all()
                              else dataset.programme_figures, dataset)
    for p in points:
        p["label"] = p[f"label_{lang}"] + f" ({year_text(p['year'], lang)})"
    groups = _groups(view, chosen, breakdown)
    cols = st.columns(min(3, len(groups)))
    for index, (label, (areas, phase)) in enumerate(groups.items()):
        series = by_year(areas, dataset.assessments, report["years"])
        data = levels_per_year_data({label: series}, dataset.levels, lang)
        refs = reference_positions(points, data, label, phase) \
            if not view.filters.active or breakdown != "none" else reference_positions(
                [], data, label, phase)
        with cols[index % len(cols)]:
            st.altair_chart(levels_per_year_chart(data, refs, dataset.levels, lang,
                                                  title=label if len(groups) > 1 else "",
                                                  height=200 if len(groups) > 1 else 260),
                            width="stretch")
    st.dataframe(_year_table(report, dataset, lang), hide_index=True, width="stretch")
    if points:
        st.dataframe(pd.DataFrame({
            t("published_point", lang): [p[f"label_{lang}"] for p in points],
            t("col_year", lang): [fiscal_year_text(p["year"], lang, span=False)
                                  for p in points],
            t("value", lang): [f"{p['published']:,}" for p in points],
            t("dataset", lang): [f"{p['data']:,}" for p in points],
            t("basis_label", lang): [t(f"basis_{p['basis']}", lang) if p["basis"] else ""
                                     for p in points],
            t("sources", lang): [p["source"] for p in points],
        }), hide_index=True, width="stretch")
    events_table(dataset, lang)
    path_panel(view, report)


def events_table(dataset: Dataset, lang: str) -> None:
    """What is known of the programme over time from public sources (the dataset's events),
    each with its fiscal year, date, basis and source."""
    events = dataset.events
    if events.empty:
        return
    ordered = events.sort_values(["year", "date", "event_id"])
    st.markdown(f"**{t('events_title', lang)}**")
    st.dataframe(pd.DataFrame({
        t("col_year", lang): [fiscal_year_text(y, lang, span=False) for y in ordered["year"]],
        t("date", lang): [date_text(d, lang) if d else "–" for d in ordered["date"]],
        t("events_what", lang): ordered[f"label_{lang}"].to_numpy(),
        t("basis_label", lang): [t(f"basis_{b}", lang) for b in ordered["basis"]],
        t("sources", lang): ordered["source"].to_numpy(),
    }), hide_index=True, width="stretch")


def _year_table(report: dict, dataset: Dataset, lang: str) -> pd.DataFrame:
    rows = []
    for year, counts in report["by_year"].items():
        detail = report["by_year_detail"][year]
        row = {t("col_year", lang): fiscal_year_text(int(year), lang, span=False)}
        for lv in range(1, 6):
            row[level_label(lv, dataset.levels, lang, short=True)] = f"{counts[str(lv)]:,}"
        row[t("col_no_level", lang)] = f"{detail['no_level']:,}"
        row[t("col_as_of", lang)] = f"{detail['as_of_earlier']:,}"
        row[t("col_areas_in", lang)] = f"{detail['areas']:,}"
        rows.append(row)
    return pd.DataFrame(rows)


def path_panel(view: ViewState, report: dict) -> None:
    """The programme's path to level 5 by 2037: its figures, status and labelled projection."""
    lang = view.lang
    path, projection = report["path"], report["projection_2037"]
    if path is None:
        return
    st.subheader(t("path_title", lang), anchor=False)
    st.markdown(f"**{md_escape(verdict_sentence(report, lang))}**")
    fy = fiscal_year_text(path["year"], lang, span=False)
    st.caption(t("path_by_status", lang, fy=fy) + " " + " · ".join(
        f"{md_escape(t('status_' + k, lang))}: {v:,}" for k, v in path["by_status"].items()))
    cols = st.columns(4)
    cols[0].metric(t("path_levels_to_go", lang), f"{path['levels_to_go']:,}")
    cols[1].metric(t("path_years_left", lang), f"{path['years_left']:,}")
    cols[2].metric(t("path_pace_needed", lang), pace_text(path["pace_needed"]))
    cols[3].metric(t("path_pace_so_far", lang), pace_text(path["pace_so_far"]))
    st.info(t("path_projection", lang, n=f"{projection['reach_level_5']:,}",
              of=f"{path['areas']:,}") + (" · " + t("path_not_projected", lang,
                                                   n=f"{projection['not_projected']:,}")
                                          if projection["not_projected"] else ""),
            icon=":material/trending_up:")
    st.caption(f"{t('path_method', lang)}: {PROJECTION_METHOD[lang]}")
    st.caption(f"{t('path_rule', lang)}: {VERDICT_RULE[lang]} {STATUS_RULE[lang]}")


def view_fiscal_year(view: ViewState, dataset: Dataset) -> int | None:
    """The fiscal year the view shows."""
    return view_year(dataset, view.year)


def movers_list(view: ViewState, movers: list[dict], links: list[str], year: int) -> None:
    """The areas whose level changed between ``since`` and ``year`` (the year shown),
    biggest rise first, each linking to its area page; a fall with its noted reason."""
    lang = view.lang
    st.subheader(t("movers_title", lang, since=year_text(view.since, lang),
                   year=year_text(year, lang)), anchor=False)
    if not movers:
        st.caption(t("movers_none", lang))
        return
    falls = [(m, url) for m, url in zip(movers, links, strict=True) if m["change"] < 0]
    if falls:  # who fell, first and in full: never the last row of a scrolling grid
        def reason(m: dict) -> str:
            return (m["reason_th"] if lang == "th" else m["reason"]) or t("no_reason", lang)

        lines = [
            f"- **▼ [{md_escape(m[f'name_{lang}'])}]({url})** "
            f"{m['from']} → {m['to']} ({year_short(m['year_from'], lang)} → "
            f"{year_short(m['year_to'], lang)}): "
            f"{md_escape(reason(m))}"
            for m, url in falls]
        with st.container(border=True, key=keys.FALLS_BOX):
            st.markdown(f"**{md_escape(t('falls_title', lang, n=f'{len(falls):,}'))}**\n\n"
                        + "\n".join(lines))
    link = t("open_area", lang)
    table = pd.DataFrame({
        link: links,
        t("name", lang): [m[f"name_{lang}"] for m in movers],
        t("col_from", lang): [f"{m['from']} ({year_short(m['year_from'], lang)})"
                              for m in movers],
        t("col_to", lang): [f"{m['to']} ({year_short(m['year_to'], lang)})" for m in movers],
        t("col_change", lang): [change_text(m["change"]) for m in movers],
        t("change_reason", lang): [(m["reason_th"] if lang == "th" else m["reason"]) or ""
                                   for m in movers],
    })
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        link: st.column_config.LinkColumn(link, display_text=f"{t('open', lang)} ↗",
                                          width="small")})
