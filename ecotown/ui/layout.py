"""Page layout in Streamlit: compact spacing, the map filling the window, presentation
mode as a slide (head, foot, a way out), and the copy-link button."""

from __future__ import annotations

import streamlit as st

from ecotown.analysis.urlstate import ViewState
from ecotown.i18n.labels import t
from ecotown.model.dataset import Dataset
from ecotown.present.safe_html import esc
from ecotown.present.style import BADGE_COLOURS

__all__ = ["compact_layout", "copy_link_button", "map_fills_page", "presentation_layout",
           "slide_footer", "slide_header"]


_COMPACT_CSS = """<style>
.block-container { padding-top: 1.2rem; padding-bottom: 1rem; }
[data-testid="stMetricValue"] { font-size: 1.6rem; }
[data-testid="stMetric"] { padding: 0; }
[data-testid="stAlert"] p { font-size: 0.85rem; }
[data-testid="stAlertContainer"] { padding: 0.45rem 0.8rem; }
h2 { padding-top: 0.2rem; }
[data-testid="stSidebar"] [data-testid="stButtonGroup"] button {
  height: auto; min-height: 2rem; padding-top: 0.2rem; padding-bottom: 0.2rem; }
[data-testid="stSidebar"] [data-testid="stButtonGroup"] button p {
  white-space: normal; text-overflow: clip; text-align: left; line-height: 1.3; }
/* tablets and phones: the title, then the map (with the verdict and legend beside or under
   it), then the figures and the year (issue 29: the map first on a small screen) */
@media (max-width: 1100px) {
  [data-testid="stLayoutWrapper"]:has(> .st-key-ecotown-title-row) { order: -2; }
  [data-testid="stLayoutWrapper"]:has(> .st-key-ecotown-map-row) { order: -1; }
}
</style>"""


_MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def map_fills_page(offset_px: int, minimum_px: int = 420) -> None:
    """Let the overview's map fill the height the page leaves it: the viewport less
    ``offset_px`` (title, KPIs and margins above it), never under ``minimum_px``: a first
    guess, until the map's script measures where the frame starts and sets
    ``--ecotown-fit`` so that the frame ends inside the window. The map inside the frame
    follows (``#map_div`` is the frame's full height)."""
    st.html(f"<style>:root {{ --ecotown-map-fills: 1; }} {_MAP_FRAME} {{ height: "
            f"var(--ecotown-fit, max({minimum_px}px, calc(100vh - {offset_px}px))) !important; }}"
            "</style>")


def compact_layout() -> None:
    """Tighter spacing so the KPIs and the map fit a 1366×768 laptop screen."""
    st.html(_COMPACT_CSS)


_PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stStatusWidget"], footer { display: none !important; }
.block-container { padding: 0.6rem 1.2rem 0.2rem 1.2rem !important; max-width: 100% !important; }
[data-testid="stMetricValue"] { font-size: 2.4rem; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; }
h3 { font-size: 2rem !important; }
[data-testid="legend-map"] { font-size: 0.95rem !important; }
html body .st-key-ecotown-slide-row div[data-testid="stHorizontalBlock"] {
  flex-wrap: nowrap !important; }
html body .st-key-ecotown-slide-row div[data-testid="stColumn"]:first-child {
  flex: 1 1 0 !important; width: auto !important; min-width: 0 !important; }
html body .st-key-ecotown-slide-row div[data-testid="stColumn"]:last-child {
  flex: 0 0 340px !important; width: 340px !important; min-width: 340px !important; }
</style>"""


def presentation_layout() -> None:
    """Presentation mode: no sidebar or Streamlit chrome, larger type, full width."""
    st.html(_PRESENT_CSS)


_SLIDE_CSS = """<style>
.ecotown-slide-head { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap;
  margin: 0 0 0.3rem 0; }
.ecotown-slide-head h1 { font-size: 2rem; line-height: 1.25; margin: 0; padding: 0; }
.ecotown-slide-head .sub { font-size: 1.1rem; color: #333333; }
.ecotown-badge { display: inline-block; padding: 0.15rem 0.6rem; border-radius: 4px;
  color: #ffffff; font-weight: 700; font-size: 0.95rem; }
.ecotown-slide-foot { font-size: 0.85rem; color: #333333; margin-top: 0.2rem; }
.ecotown-exit { position: fixed; top: 0.5rem; right: 0.8rem; z-index: 1000; opacity: 0;
  background: #ffffff; border: 1px solid #767676; border-radius: 6px; padding: 0.3rem 0.7rem;
  color: #1a1a1a; text-decoration: none; font-size: 0.9rem; transition: opacity 0.2s; }
.ecotown-exit:hover, .ecotown-exit:focus { opacity: 1; }
</style>"""


def slide_header(title: str, subtitle: str, view: ViewState, dataset: Dataset,
                 exit_params: dict[str, str]) -> None:
    """The slide's head in presentation mode: title, what is shown, the dataset badge; and
    the way out, a link that shows only under the pointer or the keyboard's focus."""
    from urllib.parse import urlencode

    badge = t("brief_badge_synthetic" if dataset.synthetic else "brief_badge_public",
              view.lang)
    st.html(_SLIDE_CSS + f'<a class="ecotown-exit" data-testid="exit-presentation" '
            f'href="?{esc(urlencode(exit_params))}" target="_self">'
            f'✕ {esc(t("exit_presentation", view.lang))}</a>'
            f'<div class="ecotown-slide-head" data-testid="slide-head"><h1>{esc(title)}</h1>'
            f'<span class="ecotown-badge" style="background:{BADGE_COLOURS[dataset.synthetic]}">'
            f'{esc(badge)}</span><span class="sub">{esc(subtitle)}</span></div>')


def slide_footer(lines: list[str]) -> None:
    """The slide's foot: the date of the data and the sources, in words."""
    st.html('<div class="ecotown-slide-foot" data-testid="slide-foot">'
            + " · ".join(esc(line) for line in lines if line) + "</div>")


_COPY_LINK = """<!doctype html><html lang="__LANG__"><head><title>__LABEL__</title></head>
<body style="margin:0;font-family:'Source Sans Pro','Sarabun',sans-serif"><main>
<h1 style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
margin:-1px">__LABEL__</h1><button id="copy" type="button" style="width:100%;
min-height:38px;border:1px solid #8c8c8c;border-radius:8px;background:#fff;color:#1a1a1a;
font-size:15px;cursor:pointer"><svg aria-hidden="true" width="14" height="14"
viewBox="0 0 24 24" style="vertical-align:-2px;margin-right:6px"><path fill="none"
stroke="#1a1a1a" stroke-width="2.4" stroke-linecap="round" d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0
0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"/></svg>__LABEL__</button>
<div id="said" role="status" aria-live="polite" style="font-size:13px;color:#1b5e20;
min-height:18px;margin-top:2px"></div>
<script>
const said = document.getElementById("said"), texts = __TEXTS__;
document.getElementById("copy").addEventListener("click", async () => {
  const url = window.parent.location.href;
  let ok = false;
  try { await navigator.clipboard.writeText(url); ok = true; } catch (e) {
    const box = document.createElement("textarea");
    box.value = url; document.body.appendChild(box); box.select();
    try { ok = document.execCommand("copy"); } catch (e2) { ok = false; }
    box.remove();
  }
  said.textContent = ok ? texts.done : texts.failed + " " + url;
  document.documentElement.setAttribute("data-copied", ok ? url : "");
});
</script></main></body></html>"""


def copy_link_button(lang: str) -> None:
    """A button that copies the link of the current view (the URL is the state) and says
    so; if the browser refuses the clipboard, it shows the link to copy by hand."""
    import json

    texts = {"done": t("link_copied", lang), "failed": t("link_copy_failed", lang)}
    page = (_COPY_LINK.replace("__LANG__", lang)
            .replace("__LABEL__", esc(t("copy_link", lang)))
            .replace("__TEXTS__", json.dumps(texts, ensure_ascii=True).replace("<", "\\u003c")))
    st.iframe(page, height=62)


def uploader_words_css(lang: str, mb: int, types: str) -> str:
    """Style that writes Streamlit's file-uploader words (its button and its size line,
    which Streamlit has only in English) in ``lang``: the English text is hidden from sight
    and from assistive technology, the words are drawn in its place. ``""`` in English."""
    if lang == "en":
        return ""

    def content(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    button = t("dp_upload_button", lang)
    limit = t("dp_upload_limit", lang, mb=f"{mb:,}", types=types)
    return ("<style>"
            '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,'
            ' [data-testid="stFileUploaderDropzoneInstructions"] span'
            " { visibility: hidden; font-size: 0 !important; }"
            '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]'
            f" p::after {{ content: {content(button)}; visibility: visible;"
            " font-size: 0.875rem; }"
            '[data-testid="stFileUploaderDropzoneInstructions"] span::after'
            f" {{ content: {content(limit)}; visibility: visible; font-size: 0.875rem; }}"
            "</style>")


def uploader_in_language(lang: str, types: str) -> None:
    """Streamlit's file-uploader words in the page's language (:func:`uploader_words_css`),
    the size limit as the server is configured."""
    css = uploader_words_css(lang, int(st.get_option("server.maxUploadSize")), types)
    if css:  # English: Streamlit's own words (st.html refuses an empty body)
        st.html(css)
