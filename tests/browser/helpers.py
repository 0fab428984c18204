"""Helpers for browser tests: find the map frame and read what it painted."""

from __future__ import annotations

from playwright.sync_api import Frame, Page


def map_frame(page: Page, timeout: float = 30_000) -> Frame:
    """The streamlit-folium iframe, once Leaflet has painted the provinces and markers."""
    page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=timeout)
    handle = page.query_selector('iframe[title="streamlit_folium.st_folium"]')
    frame = handle.content_frame()
    frame.wait_for_function(
        "document.documentElement.getAttribute('data-ecotown-provinces') === '77' && "
        "document.documentElement.getAttribute('data-ecotown-markers') !== null",
        timeout=timeout)
    return frame


def painted(frame: Frame) -> dict:
    """How many province polygons and markers are in the map's SVG, and their fills."""
    return frame.evaluate("""() => {
        const provinces = window.ecotownProvinces.getLayers();
        const markers = [];
        window.map.eachLayer(l => { if (l instanceof L.CircleMarker) markers.push(l); });
        return {
            provinces: provinces.length,
            provinceFills: Object.fromEntries(provinces.map(
                l => [l.feature.properties.province_code, l.options.fillColor])),
            svgPaths: document.querySelectorAll('path.leaflet-interactive').length,
            markers: markers.length,
            markerIds: markers.map(m => m.feature.properties.area_id).sort(),
        };
    }""")


def wait_for_markers(frame: Frame, count: int, timeout: float = 30_000) -> None:
    """Wait until the map shows ``count`` markers (after a filter change)."""
    frame.wait_for_function(
        f"document.documentElement.getAttribute('data-ecotown-markers') === '{count}'",
        timeout=timeout)
