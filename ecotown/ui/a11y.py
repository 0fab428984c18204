"""What every page gives keyboards and screen readers: the document's language, skip links
before everything else, a visible focus ring, and print styles.

Streamlit writes ``<html lang="en">`` and puts the sidebar (every filter) before the main
content; a small same-origin component sets the language and puts the skip links first in
the document, so the first Tab press reaches them.
"""

from __future__ import annotations

import json

import streamlit as st

from ecotown.i18n.labels import t
from ecotown.present.safe_html import esc
from ecotown.ui import keys

__all__ = ["SKIP_TARGETS", "page_accessibility", "skip_links"]

# skip link key -> the element it moves the focus to
SKIP_TARGETS = {
    "main": '[data-testid="stMain"]',
    "downloads": "#ecotown-downloads",
    "areas": "#ecotown-area-list",
}

_SCRIPT = """<!doctype html><html lang="__LANG__"><head><title>__TITLE__</title></head><body>
<main><h1 style="font-size:1px;margin:0">__TITLE__</h1></main>
<script>
(function () {
  var doc = window.parent.document, links = __LINKS__;
  doc.documentElement.lang = "__LANG__";
  if (!doc.getElementById("ecotown-a11y-css")) {  /* stays through reruns */
    var style = doc.createElement("style");
    style.id = "ecotown-a11y-css";
    style.textContent = __CSS__;
    doc.head.appendChild(style);
  }
  var box = doc.getElementById("ecotown-skips");
  if (!box) {
    box = doc.createElement("nav");
    box.id = "ecotown-skips";
    doc.body.insertBefore(box, doc.body.firstChild);
  }
  box.setAttribute("aria-label", __NAV__);
  box.textContent = "";
  links.forEach(function (link) {
    var a = doc.createElement("a");
    a.href = "#"; a.className = "ecotown-skip"; a.textContent = link.text;
    a.setAttribute("data-skip", link.key);
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var target = doc.querySelector(link.target);
      if (!target) { return; }
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.scrollIntoView({block: "start"});
      target.focus({preventScroll: true});
    });
    box.appendChild(a);
  });
  var frame = window.frameElement;
  if (frame && frame.parentElement) { frame.parentElement.style.display = "none"; }
})();
</script></body></html>"""

_CSS = """<style>
#ecotown-skips { position: absolute; top: 0; left: 0; z-index: 1000002; }
.ecotown-skip { position: absolute; left: -10000px; top: 0.4rem; white-space: nowrap;
  background: #ffffff; color: #0b3d91; border: 2px solid #0b3d91; border-radius: 6px;
  padding: 0.45rem 0.8rem; font-size: 1rem; text-decoration: underline; }
.ecotown-skip:focus { left: 0.5rem; }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
[role="button"]:focus-visible, [tabindex]:focus-visible, summary:focus-visible,
iframe:focus-visible {
  outline: 3px solid #1a5fb4 !important; outline-offset: 2px !important; }
[data-testid="stMain"]:focus { outline: none; }
/* Streamlit's own skip link is English only: ours replace it */
[data-testid="stSkipToContent"] { display: none !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #595959 !important; opacity: 1 !important; }
.ecotown-sr-only { position: absolute !important; width: 1px; height: 1px; margin: -1px;
  padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
/* Tablets and phones: nothing cut off, the header never over the title, the map's side
   column (downloads, legend) below the map at full width, the KPI chips on their own row */
[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] * {
  overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"] * { white-space: normal !important; }
[data-testid="stDownloadButton"] p, [data-testid="stPopoverButton"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
@media screen and (max-width: 1199px) {
  .block-container { padding-top: 3.6rem !important; }
  [data-testid="stHorizontalBlock"]:has(iframe[title="streamlit_folium.st_folium"]) {
    flex-wrap: wrap !important; }
  [data-testid="stHorizontalBlock"]:has(iframe[title="streamlit_folium.st_folium"])
    > [data-testid="stColumn"] { flex: 1 1 100% !important; width: 100% !important;
    min-width: 100% !important; }
  [data-testid="stHorizontalBlock"]:has([data-testid="kpi-chips"]) { flex-wrap: wrap !important; }
  [data-testid="stHorizontalBlock"]:has([data-testid="kpi-chips"]) > [data-testid="stColumn"] {
    flex: 1 1 6.5rem !important; min-width: 6.5rem !important; }
  [data-testid="stHorizontalBlock"]:has([data-testid="kpi-chips"])
    > [data-testid="stColumn"]:has([data-testid="kpi-chips"]) { flex: 1 1 100% !important; }
  .st-key-ecotown-yearbar [data-testid="stHorizontalBlock"] { flex-wrap: wrap !important; }
  .st-key-ecotown-yearbar [data-testid="stColumn"]:first-child { flex: 1 1 100% !important;
    min-width: 100% !important; }
  .st-key-ecotown-yearbar [data-testid="stColumn"]:not(:first-child) {
    flex: 1 1 9rem !important; min-width: 9rem !important; }
}
.ecotown-print-only, [data-testid="stElementContainer"]:has(.ecotown-print-only) {
  display: none; }
.st-key-ecotown-a11y, [data-testid="stElementContainer"]:has(> .st-key-ecotown-a11y),
[data-testid="stLayoutWrapper"]:has(> .st-key-ecotown-a11y) { display: none !important; }
/* Print (Ctrl+P): the page's content on A4 landscape; no sidebar, header or controls */
@media print {
  @page { size: A4 landscape; margin: 8mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stStatusWidget"], #ecotown-skips,
  [data-testid="stPopover"], [data-testid="stExpander"], [data-testid="stCheckbox"],
  [data-testid="stButton"], [data-testid="stPageLink"], [data-testid="stToast"],
  [data-testid="stElementContainer"]:has(iframe[title="st.iframe"]),
  [data-testid="stBottom"], [data-testid="stSelectbox"], [data-testid="stButtonGroup"],
  [data-testid="stSlider"], .st-key-ecotown-yearbar, .ecotown-names
  { display: none !important; }
  .stMain, [data-testid="stMain"], [data-testid="stAppViewContainer"], .stApp {
    position: static !important; overflow: visible !important; height: auto !important; }
  .block-container { padding: 0 !important; max-width: 100% !important; }
  html body iframe[title="streamlit_folium.st_folium"] { height: 88mm !important;
    break-inside: avoid; }
  [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; }
  [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] { min-width: 0 !important; }
  [data-testid="stVerticalBlock"] { gap: 0.3rem !important; }
  h1 { font-size: 1.4rem !important; padding: 0 !important; }
  .ecotown-print-only, [data-testid="stElementContainer"]:has(.ecotown-print-only) {
    display: block; margin: 0; font-size: 0.8rem; }
  .ecotown-print-table { border-collapse: collapse; font-size: 0.72rem; width: 100%; }
  .ecotown-print-table th, .ecotown-print-table td { border-bottom: 1px solid #bbbbbb;
    padding: 1px 4px; text-align: left; }
  [data-testid="stDataFrame"], [data-testid="stVegaLiteChart"], img { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact !important; print-color-adjust: exact !important; }
}
h1 { font-size: 1.75rem !important; padding: 0.3rem 0 !important; line-height: 1.3 !important; }
</style>"""


def skip_links(lang: str, keys: tuple[str, ...]) -> list[dict[str, str]]:
    """The skip links of a page: ``{"key", "text", "target"}`` for each key, in order."""
    unknown = [k for k in keys if k not in SKIP_TARGETS]
    if unknown:
        raise ValueError(f"unknown skip link(s): {unknown}")
    return [{"key": k, "text": t(f"skip_{k}", lang), "target": SKIP_TARGETS[k]} for k in keys]


def page_accessibility(lang: str, skips: tuple[str, ...] = ("main",)) -> None:
    """Set the document's language and put the page's skip links first in the document."""
    links = json.dumps(skip_links(lang, skips), ensure_ascii=True).replace("<", "\\u003c")
    nav = json.dumps(t("skip_links", lang), ensure_ascii=True).replace("<", "\\u003c")
    page = (_SCRIPT.replace("__LANG__", esc(lang)).replace("__TITLE__", esc(t("skip_links", lang)))
            .replace("__LINKS__", links).replace("__NAV__", nav)
            .replace("__CSS__", json.dumps(_CSS.removeprefix("<style>").removesuffix("</style>"),
                                           ensure_ascii=True).replace("<", "\\u003c")))
    st.html(_CSS)
    # a frame of Streamlit's public st.iframe, out of the tab order and out of sight (a
    # hidden frame still runs its script); the keyed container is how the CSS finds it
    with st.container(key=keys.A11Y_BOX):
        st.iframe(page, height=1, tab_index=-1)
