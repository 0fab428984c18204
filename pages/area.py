"""The area page: who, where, how far, how it scores, against its peers. Layout only."""

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from ecotown.analysis.path2037 import TARGET_YEAR, area_paths
from ecotown.analysis.scorecard import (
    criteria_of,
    dimension_scores,
    level_history,
    peers,
    scorecard,
)
from ecotown.analysis.summary import view_year
from ecotown.analysis.urlstate import encode_view
from ecotown.i18n.labels import note_in, pick, t, year_text
from ecotown.present.charts import dimension_chart, level_history_chart
from ecotown.present.indicators_view import focus_lines
from ecotown.present.legend import marker_style
from ecotown.present.progress_text import area_path_lines
from ecotown.present.safe_html import esc
from ecotown.present.sources import sources_html
from ecotown.present.style import level_label, phase_label
from ecotown.present.tables import (
    change_style,
    criteria_text,
    display_history,
    display_scorecard,
    print_table_html,
)
from ecotown.ui import (
    briefing_downloads,
    cached_area_table,
    cached_province_url,
    cached_provinces,
    dataset_badge,
    keys,
    known_datasets,
    md_escape,
    page_preamble,
    presentation_layout,
    sidebar_common,
    slide_header,
)
from ecotown.webmap.mapview import locator_map, province_bounds

view, dataset = page_preamble(leaflet=True)
lang = view.lang
areas = cached_area_table(view.dataset).set_index("area_id", drop=False)
back = encode_view(view)
area_id = str(st.query_params.get("area", ""))[:60]
ids = list(areas.index)
if not view.present:
    back_col, export_col = st.columns([4, 1], vertical_alignment="center")
    with back_col:
        st.page_link("app.py", label=t("back_to_map", lang), icon=":material/arrow_back:",
                     query_params=back)
    with export_col:
        briefing_downloads(view, dataset, cached_area_table(view.dataset))
    choice = st.selectbox(
        t("choose_area", lang), ids, index=ids.index(area_id) if area_id in ids else None,
        format_func=lambda a: f"{pick(areas.at[a, 'name_th'], areas.at[a, 'name_en'], lang)}"
                              f" · {areas.at[a, f'province_{lang}']} ({a})",
        placeholder=t("choose_area", lang))
    if choice and choice != area_id:
        st.query_params["area"] = choice
        st.rerun()
if area_id not in ids:
    st.error(t("unknown_area", lang, value=md_escape(area_id)))
    sidebar_common(view, known_datasets(), page="pages/area.py")
    st.stop()

area = areas.loc[area_id]
other = "en" if lang == "th" else "th"
if view.present:
    presentation_layout()
    slide_header(str(area[f"name_{lang}"]), f"{area[f'name_{other}']} · {t('province', lang)} "
                 f"{area[f'province_{lang}']} · {t('area_id', lang)} {area_id}", view, dataset,
                 exit_params={**encode_view(replace(view, present=False)), "area": area_id})
else:
    head, badge = st.columns([3, 2], vertical_alignment="center")
    head.title(md_escape(area[f'name_{lang}']), anchor=False)
    head.caption(md_escape(area[f"name_{other}"]) + f" · {t('area_id', lang)} "
                 f"{md_escape(area_id)}")
    with badge:
        dataset_badge(dataset, lang)

level_text = level_label(area["level"], dataset.levels, lang)
if area["level_year"] is not None and str(area["level_year"]) != "<NA>":
    level_text += (f" ({year_text(area['level_year'], lang)}, "
                   f"{t('basis_' + str(area['level_basis']), lang)})")
    edition = criteria_of(dataset, area_id, area["level_year"])
    if edition:  # the criteria edition it was scored on, where the data say (never guessed)
        level_text += f" · {criteria_text(edition, lang)}"
facts = st.columns(4)
with facts[0]:
    st.markdown(f"**{t('province', lang)}**")
    st.page_link("pages/province.py", label=md_escape(area[f"province_{lang}"]),
                 query_params={**back, "code": area["province_code"]})
facts[1].markdown(f"**{t('scope', lang)}**  \n{t('scope_' + area['scope'], lang)}")
facts[2].markdown(f"**{t('phase', lang)}**  \n{phase_label(area['phase'], lang)} "
                  f"({t('basis_' + area['phase_basis'], lang)})")
facts[3].markdown(f"**{t('latest_level', lang)}**  \n{md_escape(level_text)}")

card = scorecard(dataset, area_id)
chosen = str(st.query_params.get("indicator", ""))[:60]  # from a cell of the indicators page
if chosen and chosen not in set(card["indicator_id"] if not card.empty else []):
    st.warning(t("ind_unknown", lang, value=md_escape(chosen)))
    chosen = ""
if chosen:  # on the first screen: the indicator the reader chose, in words
    with st.container(border=True, key=keys.INDICATOR_FOCUS):
        lines = focus_lines(card[card["indicator_id"] == chosen].iloc[0], lang)
        st.markdown(f"**{t('ind_focus_title', lang)}: {md_escape(lines[0])}**  \n"
                    + "  \n".join(md_escape(line) for line in lines[1:]))

path = area_paths(dataset.assessments, view_year(dataset, view.year) or TARGET_YEAR,
                  [area_id]).iloc[0]
path_lines = area_path_lines(path, lang)
st.markdown(f"**{t('path_area', lang)}:** {md_escape(path_lines[0])}" +
            (f" · {md_escape(path_lines[1])}" if len(path_lines) > 2 else ""))
for line in path_lines[2:]:
    st.caption(md_escape(line))

left, right = st.columns([2, 3])
with left:
    st.markdown(f"**{t('level_history', lang)}**")
    history = level_history(dataset, area_id)
    if history.empty:
        st.info(t("no_level_history", lang))
    else:
        st.altair_chart(level_history_chart(history, dataset.levels, lang), width="stretch")
    st.markdown(f"**{t('locator', lang)}**")
    provinces = cached_provinces()
    tip = f"<b>{esc(area['name_th'])}</b><br>{esc(area['name_en'])}"
    st_folium(locator_map(cached_province_url(), area["province_code"],
                          province_bounds(provinces, area["province_code"]), area["lat"],
                          area["lon"], marker_style(area["level"], area["phase"],
                                                    area["phase_basis"]), tip,
                          tip_label=t("locator_label", lang, name=area[f"name_{lang}"]),
                          lang=lang),
              key=f"locator-{area_id}", height=260, use_container_width=True,
              returned_objects=[])
    counts = peers(dataset, area_id)
    st.caption(f"{t('in_phase', lang)}: {counts['phase_areas']} · "
               f"{t('in_province', lang)}: {counts['province_areas']}")
with right:
    dims = dimension_scores(dataset, area_id)
    if dims.empty:
        st.info(t("no_indicator_data", lang))
    else:
        st.markdown(f"**{t('strengths_gaps', lang)}**")
        st.altair_chart(dimension_chart(dims, area["level"], area["phase"], lang),
                        width="stretch")
        st.caption(t("chart_key", lang))

if not card.empty:
    st.header(t("indicator_scorecard", lang), anchor=False)
    for dim in dims.itertuples():
        summary = t("dimension_summary", lang, name=md_escape(getattr(dim, f"name_{lang}")),
                    score=f"{dim.score:.1f}", phase=f"{dim.phase_median:.1f}",
                    programme=f"{dim.programme_median:.1f}", n=dim.n_indicators)
        part = card[card["dimension_id"] == dim.dimension_id]
        rows = display_scorecard(part, lang)
        colours = [change_style(b) for b in part["change_is_better"]]
        opened = bool(chosen) and chosen in set(part["indicator_id"])
        with st.expander(summary, expanded=opened):  # better/worse in words and colour
            st.dataframe(rows.style.apply(lambda _, c=colours: c, subset=[t("change", lang)]),
                         hide_index=True, width="stretch")
        st.html(print_table_html(getattr(dim, f"name_{lang}"), rows))

st.header(t("sources", lang), anchor=False)
st.html(sources_html([area["sources"], *history["source"]], lang))
if not history.empty:
    with st.expander(t("level_history", lang)):
        st.dataframe(display_history(history, dataset, lang), hide_index=True, width="stretch")
if note_in(area, lang):
    st.caption(f"{t('note', lang)}: {md_escape(note_in(area, lang))}")
if not view.present:
    st.page_link("pages/compare.py", label=t("compare_link", lang),
                 icon=":material/compare_arrows:", query_params={**back, "areas": area_id})

sidebar_common(view, known_datasets(), page="pages/area.py")
