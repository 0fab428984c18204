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

from ecotown.analysis.framing import view_frame
from ecotown.analysis.urlstate import ViewState
from ecotown.ui.cached import cached_province_info, dataset_at, shown_at, snapshot_version
from ecotown.ui.compat import CompatUnavailable, folium_component, folium_parts
from ecotown.webmap.mapview import build_base_map, build_layers

__all__ = ["cached_overview_map", "component_args", "show_map", "show_overview_map"]

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
    parts = folium_parts(fmap, layers, key)
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
    css, js = _links(fmap)
    return {"script": parts["script"], "header": parts["header"], "html": parts["html"],
            "id": parts["id"], "key": parts["key"], "returned_objects": returned,
            "default": defaults, "zoom": None, "center": None,
            "feature_group": parts["feature_group"],
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

    return folium_component(args, height, changed)


def show_overview_map(state: ViewState, mode: str, province_url: str, key: str, height: int,
                      on_change: Callable[[], None] | None = None):
    """The overview map of a view: the cached component arguments when streamlit-folium's
    internals are as tested, else (logged by :mod:`ecotown.ui.compat`) the public
    ``st_folium`` on a map built for this run."""
    try:
        return show_map(cached_overview_map(state, mode, province_url), key, height, on_change)
    except CompatUnavailable:
        from streamlit_folium import st_folium

        base, layers = _overview_maps(state, mode, province_url)
        return st_folium(base, key=key, feature_group_to_add=layers, height=height,
                         use_container_width=True, returned_objects=list(OVERVIEW_RETURNS),
                         on_change=on_change)


def _overview_maps(state: ViewState, mode: str, province_url: str,
                   version: str | None = None):
    version = snapshot_version(state.dataset) if version is None else version
    dataset = dataset_at(state.dataset, version)
    info = cached_province_info()
    shown = shown_at(state.dataset, version, state.year, state.since, state.filters)
    frame = view_frame(info, shown, state.filters, state.selected_province, state.dataset)
    layers = build_layers(info, shown, mode, dataset.levels, state.lang,
                          state.selected_province, frame)
    return build_base_map(province_url=province_url, present=state.present), layers


@st.cache_data(show_spinner=False, max_entries=512)
def _overview_map_at(version: str, state: ViewState, mode: str, province_url: str) -> dict:
    return component_args(*_overview_maps(state, mode, province_url, version))


def cached_overview_map(state: ViewState, mode: str, province_url: str) -> dict:
    """The overview map's component arguments for a view, made once per dataset version and
    view (the URL's state: filters, year, colouring ``mode``, language, selection, slide)."""
    return _overview_map_at(snapshot_version(state.dataset), state, mode, province_url)
