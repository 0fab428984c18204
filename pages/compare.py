"""The compare page: 2 to 6 areas side by side. Layout only."""

import streamlit as st

from ecotown.analysis.compare import MAX_AREAS, compare_areas, parse_area_ids
from ecotown.analysis.summary import view_year
from ecotown.analysis.urlstate import encode_view
from ecotown.briefing.compare_export import (
    COMPARE_FORMATS,
    COMPARE_MIME,
    compare_export,
    compare_filename,
)
from ecotown.i18n.labels import fiscal_year_text, pick, t
from ecotown.present.compare_view import (
    compare_dimensions_chart,
    compare_levels_chart,
    differences_table,
    missing_indicator_names,
    paths_table,
    year_heading,
)
from ecotown.ui import (
    cached_area_table,
    dataset_badge,
    keys,
    known_datasets,
    md_escape,
    page_preamble,
    sidebar_common,
)

view, dataset = page_preamble()
lang = view.lang
areas = cached_area_table(view.dataset).set_index("area_id", drop=False)
ids = list(areas.index)
asked = str(st.query_params.get("areas", ""))
chosen, problems = parse_area_ids(asked, ids)

st.page_link("app.py", label=t("back_to_map", lang), icon=":material/arrow_back:",
             query_params=encode_view(view))
head, badge = st.columns([3, 2], vertical_alignment="center")
head.title(t("compare_title", lang), anchor=False)
with badge:
    dataset_badge(dataset, lang)


def _write_choice() -> None:
    st.query_params["areas"] = ",".join(st.session_state[keys.W_COMPARE])


st.multiselect(t("compare_choose", lang), ids, default=chosen, key=keys.W_COMPARE,
               max_selections=MAX_AREAS, on_change=_write_choice,
               format_func=lambda a: f"{pick(areas.at[a, 'name_th'], areas.at[a, 'name_en'], lang)}"
                                     f" · {areas.at[a, f'province_{lang}']} ({a})",
               placeholder=t("choose_area", lang))
for problem in problems:
    st.warning(t(f"compare_{problem['problem']}", lang, value=md_escape(problem["value"])),
               icon=":material/info:")

if len(chosen) >= 2:
    year = view_year(dataset, view.year)
    report = compare_areas(dataset, chosen, year)
    with st.popover(t("compare_download", lang), icon=":material/download:"):
        for fmt in COMPARE_FORMATS:  # made when pressed, the same bytes for the same areas
            st.download_button(
                t(f"compare_format_{fmt}" if fmt == "pptx" else f"brief_format_{fmt}", lang),
                data=lambda fmt=fmt: compare_export(dataset, report, dataset.levels, lang,
                                                    fmt).data,
                file_name=compare_filename(dataset, report, lang, fmt),
                mime=COMPARE_MIME[fmt], on_click="ignore",
                key=f"{keys.W_COMPARE_DOWNLOAD}-{fmt}", width="stretch")
    st.header(t("compare_paths", lang, fy=fiscal_year_text(report["year"], lang,
                                                             span=False)), anchor=False)
    st.dataframe(paths_table(report, dataset.levels, lang), hide_index=True, width="stretch")
    st.caption(t("compare_projection_note", lang))
    st.header(t("compare_levels", lang), anchor=False)
    st.altair_chart(compare_levels_chart(report, dataset.levels, lang), width="stretch")
    st.header(year_heading("compare_dimensions", report["indicator_year"], lang),
                 anchor=False)
    chart = compare_dimensions_chart(report, lang)
    if chart is None:
        st.info(t("compare_none_indicators", lang))
    else:
        st.altair_chart(chart, width="stretch")
    missing = missing_indicator_names(report, lang)
    if missing and chart is not None:
        st.caption(t("compare_no_indicators", lang, names=md_escape(", ".join(missing))))
    if report["differences"]:
        st.header(year_heading("compare_differences", report["indicator_year"], lang),
                     anchor=False)
        st.dataframe(differences_table(report, lang), hide_index=True, width="stretch")
        if report["placeholder_names"]:
            st.caption(t("compare_placeholder_names", lang))

sidebar_common(view, known_datasets(), page="pages/compare.py")
