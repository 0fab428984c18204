"""The Streamlit glue, the only code that imports Streamlit: cached loaders, the view in
the URL, widgets, the page preamble every page calls, layout CSS and the download menu."""

from ecotown.present.safe_html import md_escape
from ecotown.ui.cached import (
    cached_area_list_html,
    cached_area_table,
    cached_dataset,
    cached_legend_html,
    cached_province_geojson,
    cached_province_info,
    cached_province_url,
    cached_provinces,
    cached_shown,
    cached_summary,
    cached_years,
)
from ecotown.ui.downloads import briefing_downloads
from ecotown.ui.layout import (
    compact_layout,
    copy_link_button,
    map_fills_page,
    presentation_layout,
    slide_footer,
    slide_header,
    uploader_in_language,
)
from ecotown.ui.preamble import (
    area_link_params,
    current_view,
    dataset_badge,
    known_datasets,
    load_or_stop,
    page_preamble,
    serve_leaflet,
    set_view,
    store_problem,
)
from ecotown.ui.sidebar import map_click_handler, select_province, sidebar_common, sidebar_filters

__all__ = [
    "area_link_params",
    "briefing_downloads",
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
    "compact_layout",
    "copy_link_button",
    "current_view",
    "dataset_badge",
    "known_datasets",
    "load_or_stop",
    "map_click_handler",
    "map_fills_page",
    "md_escape",
    "page_preamble",
    "presentation_layout",
    "select_province",
    "serve_leaflet",
    "set_view",
    "sidebar_common",
    "sidebar_filters",
    "slide_footer",
    "slide_header",
    "store_problem",
    "uploader_in_language",
]
