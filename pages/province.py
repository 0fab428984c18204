"""The province page: its areas with phase and level, highest level, region. Layout only."""

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from ecotown.analysis.compare import MAX_AREAS, MIN_AREAS, level_series
from ecotown.analysis.path2037 import STATUS_RULE, TARGET_YEAR, area_paths
from ecotown.analysis.summary import view_year
from ecotown.analysis.urlstate import encode_view
from ecotown.i18n.labels import fiscal_year_text, pick, t, year_text
from ecotown.model.geography import region_name
from ecotown.present.compare_view import compare_levels_chart
from ecotown.present.legend import marker_style
from ecotown.present.progress_text import area_path_lines
from ecotown.present.safe_html import esc
from ecotown.present.sources import sources_html
from ecotown.present.style import level_label, phase_label
from ecotown.ui import (
    area_link_params,
    briefing_downloads,
    cached_area_table,
    cached_province_info,
    cached_province_url,
    cached_provinces,
    dataset_badge,
    known_datasets,
    md_escape,
    page_preamble,
    presentation_layout,
    sidebar_common,
    slide_header,
)
from ecotown.webmap.mapview import province_bounds, province_locator_map

view, dataset = page_preamble(leaflet=True)
lang = view.lang
if not view.present:
    back_col, export_col = st.columns([4, 1], vertical_alignment="center")
    with back_col:
        st.page_link("app.py", label=t("back_to_map", lang), icon=":material/arrow_back:",
                     query_params=encode_view(view))
    with export_col:
        briefing_downloads(view, dataset, cached_area_table(view.dataset))
info = cached_province_info().set_index("province_code")
code = str(st.query_params.get("code", ""))[:10]
if code not in info.index:
    st.error(t("unknown_province", lang, value=md_escape(code)))
    sidebar_common(view, known_datasets(), page="pages/province.py")
    st.stop()

province = info.loc[code]
areas = cached_area_table(view.dataset, view.year)
year = view_year(dataset, view.year)
paths = area_paths(dataset.assessments, year or TARGET_YEAR,
                   list(areas.loc[areas["province_code"] == code, "area_id"])
                   ).set_index("area_id")
in_province = areas[areas["province_code"] == code].sort_values("area_id")
other_name = province["name_en" if lang == "th" else "name_th"]
if view.present:
    presentation_layout()
    slide_header(str(province[f"name_{lang}"]), f"{other_name} · {province['iso_3166_2']}",
                 view, dataset, exit_params={**encode_view(replace(view, present=False)),
                                                  "code": code})
else:
    head, badge = st.columns([3, 2], vertical_alignment="center")
    head.title(md_escape(province[f'name_{lang}']), anchor=False)
    head.caption(md_escape(other_name) + f" · {province['iso_3166_2']}")
    with badge:
        dataset_badge(dataset, lang)

facts = st.columns(3)
facts[0].metric(t("region", lang), region_name(province["region"], lang))
facts[1].metric(t("areas", lang), len(in_province))
highest = in_province["level"].max() if len(in_province) else None
facts[2].metric(t("highest_level", lang), md_escape(level_label(highest, dataset.levels, lang,
                                                                 short=True)))
if not in_province.empty:  # the province with its areas, and their levels over the years
    map_col, chart_col = st.columns([2, 3])
    with map_col:
        points = [{"lat": row.lat, "lon": row.lon, "area_id": row.area_id,
                   "style": marker_style(row.level, row.phase, row.phase_basis),
                   "tip": f"<b>{esc(row.name_th)}</b><br>{esc(row.name_en)}"}
                  for row in in_province.itertuples()]
        st_folium(province_locator_map(
            cached_province_url(), code, province_bounds(cached_provinces(), code), points,
            f"<b>{esc(province['name_th'])}</b><br>{esc(province['name_en'])}",
            tip_label=t("locator_label", lang, name=province[f"name_{lang}"]), lang=lang),
            key=f"province-map-{code}", height=320, use_container_width=True,
            returned_objects=[])
    with chart_col:
        st.markdown(f"**{t('compare_levels', lang)}**")
        series = level_series(dataset, list(in_province["area_id"])[:MAX_AREAS], year)
        if any(series["levels"].values()):
            st.altair_chart(compare_levels_chart(series, dataset.levels, lang),
                            width="stretch")
        else:
            st.info(t("no_level_history", lang))
for row in in_province.itertuples():
    level_text = level_label(row.level, dataset.levels, lang)
    if str(row.level_year) != "<NA>":
        level_text += f" ({t('as_of_year', lang, year=year_text(row.level_year, lang))})" \
            if row.as_of else f" ({year_text(row.level_year, lang)})"
    path = area_path_lines(paths.loc[row.area_id].rename(row.area_id), lang)
    with st.container(border=True):
        st.page_link("pages/area.py", label=md_escape(pick(row.name_th, row.name_en, lang)),
                     icon=":material/location_on:",
                     query_params=area_link_params(view, row.area_id))
        st.caption(f"{phase_label(row.phase, lang)} ({t('basis_' + row.phase_basis, lang)}) · "
                   f"{md_escape(level_text)} · {t('area_id', lang)} {md_escape(row.area_id)}")
        st.caption(md_escape(" · ".join(path[:2])))
if in_province.empty:
    st.info(t("no_areas_in_view", lang))
else:
    st.caption(f"{t('path_title', lang)} · {fiscal_year_text(year, lang)} · "
               f"{t('path_rule', lang)}: {STATUS_RULE[lang]}")
if not in_province.empty:
    st.header(t("sources", lang), anchor=False)
    st.html(sources_html([*in_province["sources"], *dataset.assessments.loc[
        dataset.assessments["area_id"].isin(in_province["area_id"]), "source"]], lang))
if not view.present and MIN_AREAS <= len(in_province) <= MAX_AREAS:
    st.page_link("pages/compare.py", label=t("compare_shown_link", lang, n=len(in_province)),
                 icon=":material/compare_arrows:",
                 query_params={**encode_view(view), "areas": ",".join(in_province["area_id"])})
sidebar_common(view, known_datasets(), page="pages/province.py")
