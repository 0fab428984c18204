"""The web map: a stable base (province outlines) and dynamic layers (colours, markers).

The base map holds the 77 province polygons once; a filter change only swaps the dynamic
feature group (streamlit-folium's ``feature_group_to_add``), which restyles the provinces
and redraws the markers without reloading the map, so the view neither resets nor flashes.
Leaflet comes from the app's own origin (:mod:`ecotown.webmap.assets`); no tile layer by default.
All tooltip text is escaped by :mod:`ecotown.present.safe_html`.
"""

from __future__ import annotations

from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from ecotown.analysis.framing import Frame
from ecotown.analysis.summary import province_stats
from ecotown.i18n.labels import t, year_text
from ecotown.model.geography import region_name
from ecotown.model.vocabulary import level_key
from ecotown.present.legend import fanned_positions, marker_style, province_classes
from ecotown.present.safe_html import esc, js_literal
from ecotown.present.style import (
    BORDER_COLOUR,
    MAP_EXTENT,
    NO_AREA_COLOUR,
    OUTLINE_COLOUR,
    SEA_COLOUR,
    level_label,
    phase_label,
    text_colour,
)
from ecotown.webmap.assets import LEAFLET_CSS_URL, LEAFLET_JS_URL

ATLAS_JS = (Path(__file__).with_name("js") / "atlas.js").read_text(encoding="utf-8")

__all__ = [
    "BOUNDS",
    "area_layer_data",
    "build_base_map",
    "build_layers",
    "full_map",
    "province_geojson",
    "province_layer_data",
    "province_locator_map",
]

BOUNDS = [[MAP_EXTENT[1], MAP_EXTENT[0]], [MAP_EXTENT[3], MAP_EXTENT[2]]]


def province_geojson(provinces: gpd.GeoDataFrame) -> str:
    """The province polygons as compact GeoJSON with only ``province_code`` as property."""
    slim = provinces[["province_code", "geometry"]]
    return slim.to_json(drop_id=True, separators=(",", ":"))


class _Verbatim(Element):
    """Text that goes into the page as it is: never parsed as a template."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:
        return self._text


class _DataElement(MacroElement):
    """A map element whose rendered output holds data and so is never rendered again.

    branca's ``MacroElement.render`` wraps each rendered macro in a new ``Element``, whose
    text is then parsed as Jinja source when the page is rendered: data in a tooltip would
    run as a template on the server. Here the output of our own templates is placed
    verbatim. The data inside is written by :func:`ecotown.present.safe_html.js_literal`, which
    also escapes template openers, so a second pass elsewhere (folium, streamlit-folium)
    would find none either.
    """

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for part, target in (("header", figure.header), ("html", figure.html),
                             ("script", figure.script)):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                target.add_child(_Verbatim(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _ProvinceLayer(_DataElement):
    """The base polygons; registers the layer as ``window.ecotownProvinces``.

    ``data`` is either the GeoJSON itself (standalone HTML, tests, exports) or the URL of the
    static file the app serves (the web map: fetched once and cached by the browser).
    Colours arrive later from :class:`_ProvinceRestyle`, applied when both are there.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this.library }}
window.ecotown.leaderColour = {{ this.leader }};
window.ecotown.install({{ this._parent.get_name() }}, {{ this.start }});
{{ this._parent.get_name() }}.createPane("ecotownProvinces");
{{ this._parent.get_name() }}.getPane("ecotownProvinces").style.zIndex = 350;
var {{ this.get_name() }} = L.geoJSON(null, {
    pane: "ecotownProvinces",
    style: function () { return {{ this.style }}; },
    bubblingMouseEvents: false
}).addTo({{ this._parent.get_name() }});
window.ecotownProvinces = {{ this.get_name() }};
window.ecotownProvincesLoaded = false;
(function () {
    function loaded(data) {
        {{ this.get_name() }}.addData(data);
        window.ecotownProvincesLoaded = true;
        if (window.ecotownApplyLooks) { window.ecotownApplyLooks(); }
        window.ecotown.placeLabels();
    }
    {% if this.url %}
    fetch({{ this.url }}).then(function (r) { return r.json(); }).then(loaded);
    {% else %}
    loaded({{ this.data }});
    {% endif %}
})();
{% endmacro %}
""")

    def __init__(self, data: str = "", url: str = "", start: list | None = None):
        super().__init__()
        self._name = "ProvinceLayer"
        self.start = js_literal(start) if start else "null"
        self.library = ATLAS_JS
        self.leader = js_literal(OUTLINE_COLOUR)
        self.data = data
        self.url = js_literal(url) if url else ""
        self.style = js_literal({"color": BORDER_COLOUR, "weight": 0.8, "fillColor":
                                 NO_AREA_COLOUR, "fillOpacity": 1})


class _ProvinceRestyle(_DataElement):
    """Colours and tooltips of the provinces for the current view."""

    _template = Template("""
{% macro script(this, kwargs) %}
window.ecotownLooks = {{ this.looks }};
window.ecotownApplyLooks = function () {
    var looks = window.ecotownLooks;
    if (!window.ecotownProvinces || !window.ecotownProvincesLoaded) { return; }
    window.ecotownProvinces.eachLayer(function (layer) {
        var look = looks[layer.feature.properties.province_code];
        if (!look) { return; }
        layer.setStyle(look.style);
        layer.unbindTooltip();
        layer.bindTooltip(look.tip, {sticky: true, className: "ecotown-tip"});
        if (look.selected) { layer.bringToFront(); }
    });
    document.documentElement.setAttribute("data-ecotown-provinces",
        String(window.ecotownProvinces.getLayers().length));
};
window.ecotownApplyLooks();
window.ecotown.frame({{ this.frame }});
window.ecotown.placeLabels();
window.ecotown.accessible({{ this.label }}, {{ this.zoom_in }}, {{ this.zoom_out }});
{% endmacro %}
""")

    def __init__(self, looks: dict, frame: dict | None = None, label: str = "",
                 lang: str = "th"):
        super().__init__()
        self._name = "ProvinceRestyle"
        self.label = js_literal(label)
        self.zoom_in = js_literal(t("zoom_in", lang))
        self.zoom_out = js_literal(t("zoom_out", lang))
        self.looks = js_literal(looks)
        self.frame = js_literal(frame) if frame else "null"


class _AreaMarkers(_DataElement):
    """Circle markers for the areas of the current view, with escaped tooltips."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = window.ecotown.declutter(L.geoJSON({{ this.data }}, {
    pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, L.extend({className: "ecotown-marker"},
                                               feature.properties.style));
    },
    onEachFeature: function (feature, layer) {
        layer.bindTooltip(feature.properties.tip, {className: "ecotown-tip"});
    }
})).addTo({{ this._parent.get_name() }});
document.documentElement.setAttribute("data-ecotown-markers",
    String({{ this.get_name() }}.getLayers().length));
{% endmacro %}
""")

    def __init__(self, data: dict):
        super().__init__()
        self._name = "AreaMarkers"
        self.data = js_literal(data)


_CSS = f"""<style>
.leaflet-container {{ background: {SEA_COLOUR}; font-family: "Sarabun", "Loma", "Garuda",
  "Noto Sans Thai", sans-serif; }}
html, body {{ overflow: hidden; }}
#map_div {{ height: 100vh !important; }}
.ecotown-tip {{ font-size: 13px; line-height: 1.4; width: max-content; min-width: 220px;
  max-width: 300px; white-space: normal; overflow-wrap: break-word; word-break: normal; }}
.ecotown-tip b {{ font-size: 14px; }}
.ecotown-marker {{ filter: drop-shadow(0 0 1px #ffffff) drop-shadow(0 0 1px #ffffff); }}
.ecotown-label {{ font: 600 12px "Sarabun", "Loma", "Garuda", "Noto Sans Thai", sans-serif;
  line-height: 16px; text-align: center; white-space: nowrap; pointer-events: none; }}
.ecotown-label.ink-dark {{ color: #111111; text-shadow: 0 0 2px #fff, 0 0 3px #fff; }}
.ecotown-sr-only {{ position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }}
.leaflet-container:focus-visible {{ outline: 3px solid #1a5fb4; outline-offset: -3px; }}
.ecotown-label.ink-light {{ color: #ffffff; text-shadow: 0 0 2px #000, 0 0 3px #000; }}
</style>"""


_PRESENT_CSS = """<style>
.leaflet-control-zoom, .leaflet-control-attribution { opacity: 0; transition: opacity 0.2s; }
.leaflet-container:hover .leaflet-control-zoom, .leaflet-control-zoom:focus-within,
.leaflet-container:hover .leaflet-control-attribution { opacity: 1; }
</style>"""


def build_base_map(province_data: str = "", height: int = 560, fit: bool = True,
                   province_url: str = "", present: bool = False) -> folium.Map:
    """The stable part of the map: no tiles, Leaflet from our origin, province outlines.

    Give the polygons inline (``province_data``) or as the URL of the app's static copy
    (``province_url``, see :func:`ecotown.webmap.assets.ensure_province_file`).
    """
    fmap = folium.Map(location=[13.0, 101.0], zoom_start=6, tiles=None, min_zoom=5,
                      max_zoom=11, max_bounds=True, zoom_snap=0.1, control_scale=False,
                      height=height, prefer_canvas=False)
    fmap.default_js = [("leaflet", LEAFLET_JS_URL)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS_URL)]
    fmap.get_root().header.add_child(Element(_CSS), name="ecotown_css")
    if present:  # a slide: the zoom buttons only under the pointer or keyboard focus
        fmap.get_root().header.add_child(Element(_PRESENT_CSS), name="ecotown_present_css")
    # The first view is set by our script, without animation: folium's own fit_bounds is
    # animated, and the end of its animation would undo the view's first fit.
    _ProvinceLayer(province_data, province_url, BOUNDS if fit else None).add_to(fmap)
    return fmap


def _line(label: str, value: str) -> str:
    return f"{esc(label)}: {esc(value)}"


def province_layer_data(province_info: pd.DataFrame, areas: pd.DataFrame, mode: str,
                        levels: pd.DataFrame, lang: str, selected: str = "",
                        focus: tuple[str, ...] = ()) -> dict:
    """Style, tooltip HTML and name label of every province for the current view.

    ``province_info`` has ``province_code, name_th, name_en, region`` and, for name labels,
    ``label_lat, label_lon`` (:func:`ecotown.model.geography.province_frames`); ``areas``
    is the filtered area table; ``focus`` the provinces named first (those holding the
    view's areas and those it frames).
    """
    label_points = None
    if "label_lat" in province_info.columns:
        label_points = {code: [round(float(lat), 4), round(float(lon), 4)] for code, lat, lon
                        in zip(province_info["province_code"], province_info["label_lat"],
                               province_info["label_lon"], strict=True)}
    classes = province_classes(province_info["province_code"], areas, mode)
    stats = province_stats(areas)
    looks = {}
    for row in province_info.itertuples():
        key, colour = classes[row.province_code]
        found = stats.get(row.province_code)
        tip = [f"<b>{esc(row.name_th)}</b> · {esc(row.name_en)}",
               _line(t("region", lang), region_name(row.region, lang)),
               _line(t("areas", lang), str(0 if found is None else int(found["areas"])))]
        if found is not None:
            tip.append(_line(t("level_shown", lang),
                             level_label(found["highest_level"], levels, lang)))
            tip.append(_line(t("phase", lang), phase_label(found["first_phase"], lang)))
        selected_now = row.province_code == selected
        look = {
            "style": {"fillColor": colour, "fillOpacity": 1,
                      "color": OUTLINE_COLOUR if selected_now else BORDER_COLOUR,
                      "weight": 3 if selected_now else 0.8},
            "tip": "<br>".join(tip),
            "key": key,
            "selected": selected_now,
            "focus": row.province_code in focus,
        }
        if label_points is not None and row.province_code in label_points:
            name = row.name_th if lang == "th" else row.name_en
            ink = "ink-dark" if text_colour(colour) == "#000000" else "ink-light"
            look["label"] = {"html": esc(name), "plain": str(name), "ink": ink,
                             "at": label_points[row.province_code]}
        looks[row.province_code] = look
    return looks



def area_layer_data(areas: pd.DataFrame, levels: pd.DataFrame, lang: str) -> dict:
    """A GeoJSON FeatureCollection of area markers with style and escaped tooltip."""
    features = []
    for row, (lat, lon) in zip(areas.itertuples(), fanned_positions(areas, 0.05), strict=True):
        level_text = level_label(row.level, levels, lang)
        as_of = bool(getattr(row, "as_of", False))
        if level_key(row.level) != "none":
            level_text += f" ({t('as_of_year', lang, year=year_text(row.level_year, lang))})" \
                if as_of else f" ({year_text(row.level_year, lang)})"
        change = getattr(row, "change_class", None)
        lines = [
            f"<b>{esc(row.name_th)}</b>",
            esc(row.name_en),
            _line(t("province", lang), f"{row.province_th} · {row.province_en}"),
            _line(t("phase", lang), f"{phase_label(row.phase, lang)} "
                                    f"({t('basis_' + row.phase_basis, lang)})"),
            _line(t("level_shown", lang), level_text),
            _line(t("area_id", lang), row.area_id),
        ]
        if isinstance(change, str):
            lines.append(_line(t("legend_change", lang, year=year_text(row.year_from, lang)
                                 if not pd.isna(row.year_from) else "–"),
                               t(f"change_{change}", lang)))
            reason = row.reason_th if lang == "th" and row.reason_th else row.reason
            if change == "down" and reason:
                lines.append(_line(t("change_reason", lang), reason))
        tip = "<br>".join(lines)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": {"area_id": row.area_id, "tip": tip,
                           "style": marker_style(row.level, row.phase, row.phase_basis, as_of,
                                                 change if isinstance(change, str) else None)},
        })
    return {"type": "FeatureCollection", "features": features}


def build_layers(province_info: pd.DataFrame, areas: pd.DataFrame, mode: str,
                 levels: pd.DataFrame, lang: str, selected: str = "",
                 frame: Frame | None = None) -> folium.FeatureGroup:
    """The dynamic part of the map for the current view.

    ``frame`` (:func:`ecotown.analysis.framing.view_frame`) is what the map fits, once per
    change of its key; without it the map stays where it is.
    """
    group = folium.FeatureGroup(name="ecotown_view")
    # named first: the provinces that hold the view's areas, and those the view frames
    focus = tuple(sorted({*areas["province_code"].astype(str),
                          *(frame.provinces if frame is not None else ())}))
    fit = None
    if frame is not None:
        # all of Thailand fills the frame (a tall country: little padding); a narrowed
        # view keeps room around its markers
        fit = {"bounds": frame.bounds or BOUNDS, "key": frame.key,
               "padding": 6 if frame.bounds is None else 28}
    _ProvinceRestyle(province_layer_data(province_info, areas, mode, levels, lang,
                                         selected, focus), fit,
                     t("map_label", lang), lang).add_to(group)
    _AreaMarkers(area_layer_data(areas, levels, lang)).add_to(group)
    return group


def full_map(provinces: gpd.GeoDataFrame, areas: pd.DataFrame, mode: str,
             levels: pd.DataFrame, lang: str, selected: str = "") -> folium.Map:
    """Base and layers in one map: for HTML rendering in tests and benchmarks."""
    fmap = build_base_map(province_geojson(provinces))
    info = pd.DataFrame(provinces.drop(columns="geometry"))
    build_layers(info, areas, mode, levels, lang, selected).add_to(fmap)
    return fmap


def locator_map(province_url: str, province_code: str, bounds: list, lat: float, lon: float,
                marker: dict, tip: str, height: int = 260, tip_label: str = "",
                lang: str = "th") -> folium.Map:
    """A small map of one area inside its province (same offline assets, no tiles)."""
    return province_locator_map(province_url, province_code, bounds,
                                [{"lat": lat, "lon": lon, "area_id": "", "style": marker,
                                  "tip": tip}], tip, height, tip_label, lang)


def province_locator_map(province_url: str, province_code: str, bounds: list,
                         points: list[dict], tip: str, height: int = 320,
                         tip_label: str = "", lang: str = "th") -> folium.Map:
    """A map of one province with the markers of its areas (``points``: ``lat, lon,
    area_id, style, tip`` each; tips escaped by the caller), framed on the province."""
    (south, west), (north, east) = bounds
    fmap = build_base_map(height=height, fit=False, province_url=province_url)
    span = max(north - south, east - west)
    fmap.location = [(south + north) / 2, (west + east) / 2]
    fmap.options["zoom"] = 9 if span < 0.6 else 8 if span < 1.3 else 7 if span < 2.6 else 6
    looks = {province_code: {"style": {"fillColor": "#d9d9d9", "fillOpacity": 1,
                                       "color": OUTLINE_COLOUR, "weight": 2},
                             "tip": tip, "key": "selected", "selected": True}}
    _ProvinceRestyle(looks, label=tip_label, lang=lang).add_to(fmap)
    _AreaMarkers({"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
        "properties": {"area_id": p["area_id"], "tip": p["tip"], "style": p["style"]}}
        for p in points]}).add_to(fmap)
    return fmap


def province_bounds(provinces: gpd.GeoDataFrame, province_code: str) -> list:
    """``[[south, west], [north, east]]`` of a province."""
    minx, miny, maxx, maxy = provinces.loc[provinces["province_code"] == province_code,
                                           "geometry"].total_bounds
    return [[miny, minx], [maxy, maxx]]
