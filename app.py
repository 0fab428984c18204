"""Eco Town Atlas, the overview page (``streamlit run app.py``).

KPIs, the map with its legend, the selected province and the area table. Layout only:
every computation is in ``ecotown``.
"""

from dataclasses import replace

import streamlit as st

from ecotown.analysis.compare import MAX_AREAS, MIN_AREAS
from ecotown.analysis.figures import figure_rows, view_headline
from ecotown.analysis.filters import filter_conflicts
from ecotown.analysis.urlstate import encode_view, page_url
from ecotown.i18n.labels import fiscal_year_text, t
from ecotown.present.captions import (
    data_date,
    filter_words,
    map_sentence,
    published_figures,
    source_lines,
    view_figures,
    year_caption,
)
from ecotown.present.html_blocks import (
    NAMES_BESIDE,
    chips_html,
    figure_cards_html,
    headline_html,
    slide_figures_html,
    verdict_html,
)
from ecotown.present.legend import kpi_entries
from ecotown.present.safe_html import esc
from ecotown.present.style import level_label
from ecotown.present.tables import display_areas
from ecotown.ui import (
    area_link_params,
    briefing_downloads,
    cached_area_list_html,
    cached_area_table,
    cached_legend_html,
    cached_province_info,
    cached_province_url,
    cached_shown,
    cached_summary,
    cached_years,
    compact_layout,
    copy_link_button,
    dataset_badge,
    keys,
    known_datasets,
    map_click_handler,
    map_fills_page,
    md_escape,
    page_preamble,
    presentation_layout,
    select_province,
    sidebar_common,
    sidebar_filters,
    slide_footer,
    slide_header,
)
from ecotown.ui.mapglue import show_overview_map
from ecotown.ui.timebar import (
    cached_progress,
    fit_view_years,
    movers_list,
    play_ticker,
    progress_panel,
    year_bar,
)

MAP_HEIGHT = 500  # before the page's CSS lets the map fill the window's height

view, dataset = page_preamble(leaflet=True, compact=False, skips=("downloads", "main"))
view = fit_view_years(view, dataset)
lang = view.lang
years = cached_years(view.dataset)
areas = cached_area_table(view.dataset, view.year, view.since)
mode = "change" if view.since is not None else view.color

goto_area = st.session_state.pop(keys.GOTO_AREA, None)
if goto_area:
    st.switch_page("pages/area.py", query_params=area_link_params(view, goto_area))

shown = cached_shown(view)
counts = cached_summary(view)
info = cached_province_info()

compact_layout()
headline = None if view.present else view_headline(dataset, view)
map_fills_page((265 if headline else 215) if not view.present else 112)
if view.present:  # a slide: title, what is shown, badge; the sources at its foot
    presentation_layout()
    slide_header(t("app_title", lang), f"{filter_words(dataset, info, view)} · "
                 f"{fiscal_year_text(counts['year'], lang, span=False)}", view, dataset,
                 exit_params=encode_view(replace(view, present=False)))
else:
    head, badge = st.container(key=keys.TITLE_ROW).columns([1, 1],
                                                            vertical_alignment="center")
    head.title(t("app_title", lang), anchor=False)
    with badge:
        dataset_badge(dataset, lang)
    st.html(f'<p class="ecotown-print-only">{esc(filter_words(dataset, info, view))} · '
            f'{esc(data_date(dataset, counts["year"], lang))}</p>')
    kpi = st.columns([1, 1, 1, 5], vertical_alignment="center")
    # a partial record: the programme's published totals lead, never its count
    for column, (_, label, value) in zip(kpi, published_figures(headline, lang) if headline
                                         else view_figures(counts, lang), strict=False):
        column.metric(label, value)
    kpi[3].html(chips_html(kpi_entries(counts, lang), "kpi-chips"))
    if headline:
        st.html(headline_html(headline, lang))
    year_bar(view, years)
    st.caption(year_caption(counts, lang))
    for conflict in filter_conflicts(view.filters):  # say why a view shows nothing
        st.warning(t(f"conflict_{conflict['kind']}", lang, minimum=conflict["minimum"],
                     levels=", ".join(level_label(v, dataset.levels, lang, short=True)
                                      for v in conflict["levels"])),
                   icon=":material/filter_alt_off:")

names_beside = not view.present and 0 < len(shown) <= NAMES_BESIDE
if names_beside:  # a few areas: their names beside the map, on the first screen
    map_col, names_col, side_col = st.container(key=keys.MAP_ROW).columns([2.1, 0.9, 1.2])
    names_col.html(cached_area_list_html(view, compact=True))
elif view.present:  # the slide's column has a fixed width (ecotown.ui.layout): its legend fits
    map_col, side_col = st.container(key=keys.SLIDE_ROW).columns([5, 1])
else:
    map_col, side_col = st.container(key=keys.MAP_ROW).columns([2.7, 1.3])
with map_col:
    show_overview_map(view, mode, cached_province_url(), "map", MAP_HEIGHT,
                      map_click_handler(view, "map"))
    if not view.present:
        st.caption(t("click_province", lang))
        st.caption(map_sentence(counts, dataset.levels, lang))
        with st.expander(t("shown_areas", lang, n=f"{len(shown):,}")):
            st.html(cached_area_list_html(view))
            st.page_link("pages/indicators.py", icon=":material/table_chart:",
                         label=t("ind_link", lang), query_params=encode_view(view))
            if MIN_AREAS <= len(shown) <= MAX_AREAS:
                st.page_link("pages/compare.py", icon=":material/compare_arrows:",
                             label=t("compare_shown_link", lang, n=len(shown)),
                             query_params={**encode_view(view),
                                           "areas": ",".join(shown["area_id"])})
report = cached_progress(view)
with side_col:
    st.html(verdict_html(report, lang))  # the 2037 verdict beside the map: first screen
    if view.present:  # one line: the slide's column must fit a 768-pixel-high window
        st.html(slide_figures_html(counts, lang))
    else:
        st.html(f'<h2 id="ecotown-downloads" class="ecotown-sr-only" tabindex="-1">'
                f'{esc(t("downloads", lang))}</h2>')
        briefing_downloads(view, dataset, areas)
        copy_link_button(lang)
    st.html(cached_legend_html(view, mode))
    if view.selected_province:
        name = info.set_index("province_code").loc[view.selected_province, f"name_{lang}"]
        st.markdown(f"**{t('selected_province', lang)}: {md_escape(name)}**")
        in_province = shown[shown["province_code"] == view.selected_province]
        for row in in_province.itertuples():
            label = row.name_th if lang == "th" else row.name_en
            st.page_link("pages/area.py", label=md_escape(label),
                         query_params=area_link_params(view, row.area_id))
        if in_province.empty:
            st.caption(t("no_areas_in_view", lang))
        st.page_link("pages/province.py", label=t("province_page_link", lang),
                     icon=":material/map:",
                     query_params={**encode_view(view), "code": view.selected_province})
        st.button(t("clear_selection", lang), on_click=select_province,
                  args=(view, ""), icon=":material/close:")

# The sidebar comes after the map so that the browser starts loading the map first.
sidebar_common(view, known_datasets(), page="app.py")
sidebar_filters(view, areas, dataset)
play_ticker(view, years)

if view.present:
    slide_footer([data_date(dataset, counts["year"], lang), *source_lines(dataset, shown, lang)])
    st.stop()

if not dataset.programme_figures.empty:
    with st.expander(t("headline_figures", lang), expanded=False):
        st.html(figure_cards_html(figure_rows(dataset.programme_figures, lang), lang))

if view.since is not None:
    movers_list(view, report["movers"], [page_url("area", view, area=m["area_id"])
                                         for m in report["movers"]], report["year"])
# A toggle, not an expander: a collapsed expander's content is still built on every rerun.
if st.toggle(t("over_time", lang), key=keys.W_SHOW_PROGRESS, value=view.since is not None):
    with st.container(border=True):
        progress_panel(view, dataset, report)

if st.toggle(t("show_area_table", lang), key=keys.W_SHOW_TABLE):
    table = display_areas(shown, dataset, lang)
    link = t("open_area", lang)
    table.insert(0, link, [page_url("area", view, area=a) for a in table[t("area_id", lang)]])
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        link: st.column_config.LinkColumn(link, display_text=f"{t('open', lang)} ↗",
                                          width="small")})
