"""The Streamlit glue, the only code that imports Streamlit: cached loaders, the view in
the URL, widgets, the page preamble every page calls, layout CSS and the download menu."""

from ecotown.ui.cached import (
    cached_area_table,
    cached_dataset,
    cached_province_geojson,
    cached_province_info,
    cached_province_url,
    cached_provinces,
    cached_summary,
)
from ecotown.ui.glue import (
    area_link_params,
    briefing_downloads,
    current_view,
    dataset_badge,
    load_or_stop,
    map_click_handler,
    md_escape,
    page_preamble,
    select_province,
    serve_leaflet,
    set_view,
    sidebar_common,
    sidebar_filters,
)
from ecotown.ui.layout import (
    compact_layout,
    copy_link_button,
    map_fills_page,
    presentation_layout,
    slide_footer,
    slide_header,
)

__all__ = [
    "area_link_params",
    "briefing_downloads",
    "cached_area_table",
    "cached_dataset",
    "cached_province_geojson",
    "cached_province_info",
    "cached_province_url",
    "cached_provinces",
    "cached_summary",
    "compact_layout",
    "copy_link_button",
    "current_view",
    "dataset_badge",
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
]
