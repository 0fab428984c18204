"""Helpers for browser tests: find the map frame and read what it painted; axe's audit."""

from __future__ import annotations

import contextlib
from pathlib import Path

import axe_playwright_python
from playwright.sync_api import Frame, Page

# How often a wait re-reads the page's signals, in ms. Playwright's default polls on every
# animation frame, which keeps Chromium drawing frames for as long as the wait lasts (about
# 0.08 CPU-s a second of waiting, measured); a 50 ms poll costs a twentieth of that.
POLL = 50


def map_frame(page: Page, timeout: float = 30_000) -> Frame:
    """The streamlit-folium iframe, once Leaflet has painted the provinces and markers."""
    page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=timeout)
    handle = page.query_selector('iframe[title="streamlit_folium.st_folium"]')
    frame = handle.content_frame()
    frame.wait_for_function(
        "document.documentElement.getAttribute('data-ecotown-provinces') === '77' && "
        "document.documentElement.getAttribute('data-ecotown-markers') !== null",
        timeout=timeout, polling=POLL)
    # the frame has the height the map chose for the window (atlas.js fitWindow), if any
    frame.wait_for_function(
        "(() => { const f = document.documentElement.getAttribute('data-ecotown-fitted');"
        " if (f === 'none' || !window.frameElement) return true; if (f === null) return false;"
        " return Math.abs(window.frameElement.getBoundingClientRect().height - Number(f)) < 2;"
        " })()", timeout=timeout, polling=POLL)
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
        timeout=timeout, polling=POLL)


# Streamlit's own signal on its root element (``data-test-script-state``, also what its e2e
# tests wait on): "notRunning" once the script run has finished and every element arrived
_SETTLED = ("(document.querySelector('[data-testid=\"stApp\"]') || {getAttribute: () => ''})"
            ".getAttribute('data-test-script-state') === 'notRunning' && "
            "!document.querySelector('[data-testid=\"stStatusWidget\"]') && "
            "!document.querySelector('[data-stale=\"true\"]')")


def wait_for_rerun(page: Page, with_map: bool = False, started: bool = False,
                   timeout: float = 60_000) -> None:
    """Wait on the page's own signals until its script run has finished and it is painted:
    a heading, (with ``with_map``) the map's 77 provinces, no running-script widget and no
    element faded as stale, the fonts loaded and two animation frames drawn. With
    ``started`` (after an input), first wait for the rerun that input starts to show, or to
    have already finished. Never a fixed sleep."""
    if started:  # the rerun shows as a status widget or stale elements within a few frames
        with contextlib.suppress(Exception):  # or it finished before we looked
            page.wait_for_function(f"!({_SETTLED})", timeout=2_000, polling="raf")
    page.wait_for_selector("h1", timeout=timeout)
    if with_map:
        map_frame(page, timeout=timeout)
    page.wait_for_function(_SETTLED, timeout=timeout, polling=POLL)
    page.evaluate("() => document.fonts.ready.then(() => new Promise(r => "
                  "requestAnimationFrame(() => requestAnimationFrame(r))))")


# -- accessibility ------------------------------------------------------------------------

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _axe(frame, exclude_frames: bool) -> list[dict]:
    frame.evaluate(AXE)
    context = {"exclude": [["iframe"]]} if exclude_frames else None
    result = frame.evaluate("([c, o]) => axe.run(c || document, o)",
                            [context, {"runOnly": {"type": "tag", "values": TAGS},
                                       # only violations are read: axe then skips the
                                       # details of passes (about 40 % of its time)
                                       "resultTypes": ["violations"]}])
    return [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]),
             "first": v["nodes"][0]["target"], "why": v["nodes"][0]["failureSummary"][:300]}
            for v in result["violations"]]


def audit(page) -> dict[str, list[dict]]:
    """axe's violations per document: the page itself and each visible frame."""
    found = {"main": _axe(page.main_frame, True)}
    for frame in page.frames[1:]:
        element = frame.frame_element()
        if not element.is_visible():
            continue
        found[f"frame {element.get_attribute('title') or frame.url[:60]}"] = _axe(frame, False)
    return found
