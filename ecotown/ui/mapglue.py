"""The web maps as streamlit-folium's component, rendered to text once per view.

``st_folium`` renders its folium map to text on every call: the Leaflet script, the header,
the HTML and the script of the dynamic feature group. For one view that text is always the
same, and making it was a large part of a rerun's server time. Here it is made once per view
(dataset version, fiscal year, change year, filters, colouring, language, selected province,
slide mode) and cached as plain strings, never as folium objects, then handed to the very
component ``st_folium`` uses, with the same arguments (:func:`component_args` mirrors
``st_folium``; a unit test compares the two on the same map, so an upgrade of
streamlit-folium that changes them fails the test rather than the page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import branca
import folium
import folium.elements
import streamlit as st
import streamlit_folium as sf

from ecotown.analysis.framing import view_frame
from ecotown.analysis.urlstate import ViewState
from ecotown.store import dataset_version
from ecotown.ui.cached import _dataset_at, _shown_at, cached_province_info
from ecotown.webmap.mapview import build_base_map, build_layers

__all__ = ["cached_overview_map", "component_args", "show_map"]

OVERVIEW_RETURNS = ("last_active_drawing",)


def _bounds_dict(bounds: list) -> dict:
    (south, west), (north, east) = bounds
    return {"_southWest": {"lat": south, "lng": west},
            "_northEast": {"lat": north, "lng": east}}


def _links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    """The CSS and JS links of every element (streamlit-folium loads them in the frame)."""
    css: list[str] = []
    js: list[str] = []

    def walk(element):
        yield element
        for child in getattr(element, "_children", {}).values():
            yield from walk(child)

    for element in walk(fmap):
        if isinstance(element, branca.colormap.ColorMap):
            raise ValueError("colour maps load d3 from a CDN; the atlas has none")
        if isinstance(element, folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def component_args(fmap: folium.Map, layers: folium.FeatureGroup | None = None,
                   returned_objects: Iterable[str] | None = OVERVIEW_RETURNS,
                   key: str = "map") -> dict:
    """What ``st_folium(fmap, key=key, feature_group_to_add=layers,
    returned_objects=returned_objects)`` gives its component, but the size and callback:
    plain strings, lists and dicts, safe to cache and share between sessions.

    ``fmap`` is consumed (rendering renames its elements)."""
    fmap.get_root().render()
    fmap.render()
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    leaflet = sf._get_map_string(fmap)
    m_id = sf.get_full_id(fmap)
    defaults = {"last_clicked": None, "last_object_clicked": None,
                "last_object_clicked_count": None, "last_object_clicked_tooltip": None,
                "last_object_clicked_popup": None, "all_drawings": None,
                "last_active_drawing": None, "bounds": _bounds_dict(fmap.get_bounds()),
                "zoom": fmap.options.get("zoom"), "last_circle_radius": None,
                "last_circle_polygon": None, "selected_layers": None, "selected_tags": None,
                "last_geocoder_result": None}
    returned = None if returned_objects is None else list(returned_objects)
    if returned is not None:
        defaults = {k: v for k, v in defaults.items() if k in returned}
    group = None if layers is None else sf._get_feature_group_string(layers, map=fmap, idx=0)
    css, js = _links(fmap)
    return {"script": leaflet, "header": header, "html": html, "id": m_id,
            "key": sf.generate_js_hash(leaflet, key, False), "returned_objects": returned,
            "default": defaults, "zoom": None, "center": None, "feature_group": group,
            "return_on_hover": False, "layer_control": None, "pixelated": False,
            "css_links": css, "js_links": js, "wrap_longitude": False}


def show_map(args: dict, key: str, height: int,
             on_change: Callable[[], None] | None = None):
    """Show a map from :func:`component_args` as ``st_folium(..., key=key,
    use_container_width=True)`` would: the map's last returned value lands in
    ``st.session_state[key]`` before ``on_change`` runs."""
    component_key = args["key"]

    def changed() -> None:
        st.session_state[key] = st.session_state.get(component_key, {})
        if on_change is not None:
            on_change()

    return sf._component_func(**args, height=height, width=None, on_change=changed)


@st.cache_data(show_spinner=False, max_entries=512)
def _overview_map_at(version: str, state: ViewState, mode: str, province_url: str) -> dict:
    dataset = _dataset_at(state.dataset, version)
    info = cached_province_info()
    shown = _shown_at(state.dataset, version, state.year, state.since, state.filters)
    frame = view_frame(info, shown, state.filters, state.selected_province, state.dataset)
    layers = build_layers(info, shown, mode, dataset.levels, state.lang,
                          state.selected_province, frame)
    return component_args(build_base_map(province_url=province_url, present=state.present),
                          layers)


def cached_overview_map(state: ViewState, mode: str, province_url: str) -> dict:
    """The overview map's component arguments for a view, made once per dataset version and
    view (the URL's state: filters, year, colouring ``mode``, language, selection, slide)."""
    return _overview_map_at(dataset_version(state.dataset), state, mode, province_url)
