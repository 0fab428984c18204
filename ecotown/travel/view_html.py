"""One self-contained HTML file of a view (issue 30): what travels by e-mail or chat.

Everything is inside the file: Leaflet, its styles, the province outlines, the view's data
and the script. It opens by double-click, offline, in any current browser; its content
security policy forbids every request (``default-src 'none'``), so it cannot fetch anything,
even if a field of the data tried. The same function serves the app's download button and
``python -m ecotown view-html``; the same view and dataset version give the same bytes.

The page: the title, the badge (public record or synthetic demo), the filters in words and
the fiscal year; the headline figures (as ``summary`` counts them; the public record's
published programme totals beside them where the record is partial); the 2037 status; the
map (pan, zoom, tooltips, province names, legend); the list of shown areas, each opening a
card with its level history and sources (a click on a marker opens its card); the data date
and sources.
"""

from __future__ import annotations

import html
import re

import geopandas as gpd
import pandas as pd

from ecotown.analysis.figures import view_headline
from ecotown.analysis.filters import apply_filters
from ecotown.analysis.framing import view_frame
from ecotown.analysis.progress import progress_report
from ecotown.analysis.urlstate import ViewState
from ecotown.briefing.facts import Export, briefing_facts, check_view, file_stem
from ecotown.i18n.labels import fiscal_year_text, t, year_text
from ecotown.model.dataset import Dataset
from ecotown.model.geography import area_points, province_frames, region_name
from ecotown.present.captions import published_figures, view_figures
from ecotown.present.html_blocks import chips_html, headline_html, map_legend_html, verdict_html
from ecotown.present.legend import kpi_entries, map_legend, province_classes
from ecotown.present.safe_html import esc
from ecotown.present.sources import source_label, sources_html
from ecotown.present.style import level_label, phase_label
from ecotown.present.tables import criteria_text
from ecotown.webmap.assets import LEAFLET_CSS_URL, LEAFLET_JS_URL, leaflet_source
from ecotown.webmap.mapview import build_base_map, build_layers, province_geojson

__all__ = ["MAX_BYTES", "VIEW_HTML_MIME", "area_details_html", "view_html", "view_html_filename"]

VIEW_HTML_MIME = "text/html"
MAX_BYTES = 1_500_000  # the whole programme's file must stay under this (issue 30)

# No request of any kind: scripts and styles only inline, pictures only as data: URLs.
_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
           "img-src data:; font-src data:; frame-src about: data:; base-uri 'none'; "
           "form-action 'none'")

_PAGE_CSS = """
body { font-family: "Sarabun", "Loma", "Garuda", "Noto Sans Thai", system-ui, sans-serif;
  margin: 0; color: #1b1b1b; background: #ffffff; line-height: 1.45; }
header, main, footer { padding: 0 16px; max-width: 1400px; margin: 0 auto; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px;
  padding-top: 10px; }
h1 { font-size: 1.5rem; margin: 0; }
.badge { padding: 2px 10px; border-radius: 12px; font-size: 0.85rem; font-weight: 600; }
.badge.public { background: #e7f1e7; color: #1e4d1e; border: 1px solid #1e4d1e; }
.badge.synthetic { background: #fff3cd; color: #5c4400; border: 1px solid #8a6d00; }
.what { width: 100%; margin: 2px 0 0; color: #333; }
.kpis { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-end; margin: 8px 0; }
.kpi .label { font-size: 0.85rem; color: #444; }
.kpi .value { font-size: 1.6rem; font-weight: 700; }
.grid { display: grid; grid-template-columns: minmax(0, 2.6fr) minmax(240px, 1fr); gap: 12px;
  align-items: start; }
.map { width: 100%; height: min(78vh, 760px); min-height: 420px; border: 1px solid #bbbbbb; }
.side > * { margin-bottom: 10px; }
h2 { font-size: 1.1rem; margin: 14px 0 6px; }
.areas { columns: 2 320px; column-gap: 24px; padding: 0; margin: 0; list-style: none; }
.areas li { break-inside: avoid; margin: 0 0 4px; }
details { border: 1px solid #d0d0d0; border-radius: 6px; padding: 4px 8px; }
details[open] { background: #fafafa; }
summary { cursor: pointer; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 6px 0; }
th, td { text-align: left; padding: 2px 8px; border-bottom: 1px solid #dddddd; }
footer { font-size: 0.85rem; color: #444; padding-bottom: 16px; }
.flash { outline: 3px solid #1a5fb4; }
@media (max-width: 800px) { .grid { grid-template-columns: 1fr; } .map { height: 70vh; } }
@media print { .map { height: 120mm; } details { break-inside: avoid; } }
"""

# In the map's document: a click on a marker tells the page which area to open.
_MAP_BRIDGE = """<script>
(function () {
  function tell(id) { try { parent.postMessage({ecotownArea: id}, "*"); } catch (e) {} }
  window.ecotown.map.eachLayer(function (layer) {
    var p = layer.feature && layer.feature.properties;
    if (p && p.area_id && layer.on) { layer.on("click", function () { tell(p.area_id); }); }
  });
})();
</script>"""

# In the page: open the card of the area whose marker was clicked.
_PAGE_SCRIPT = """<script>
window.addEventListener("message", function (event) {
  var id = event.data && event.data.ecotownArea;
  if (typeof id !== "string") { return; }
  var card = document.getElementById("area-" + id);
  if (!card) { return; }
  card.open = true;
  card.scrollIntoView({block: "center"});
  card.classList.add("flash");
  setTimeout(function () { card.classList.remove("flash"); }, 1500);
  var summary = card.querySelector("summary");
  if (summary) { summary.focus({preventScroll: true}); }
});
</script>"""

_FOLIUM_ID = re.compile(r"(?<=_)[0-9a-f]{32}\b")


def view_html_filename(dataset: Dataset, view: ViewState) -> str:
    """The file name :func:`view_html` gives, e.g. ``ecotown-demo-phase3-th.html``."""
    check_view(view)
    return f"{file_stem(dataset, view)}.html"


def _steady_ids(text: str) -> str:
    """folium names each element with a random id; number them in order of appearance, so
    that the same view gives the same bytes."""
    seen: dict[str, str] = {}

    def number(match: re.Match) -> str:
        return seen.setdefault(match.group(0), f"{len(seen) + 1:032x}")

    return _FOLIUM_ID.sub(number, text)


def _inline_leaflet(text: str) -> str:
    """Leaflet's script and style inside the map's document instead of links to them."""
    folder = leaflet_source()
    script = (folder / "leaflet.js").read_text(encoding="utf-8")
    style = (folder / "leaflet.css").read_text(encoding="utf-8")
    js_tag = re.compile(r'<script src="' + re.escape(LEAFLET_JS_URL) + r'"></script>')
    css_tag = re.compile(r'<link rel="stylesheet" href="' + re.escape(LEAFLET_CSS_URL)
                         + r'"\s*/?>')
    if not js_tag.search(text) or not css_tag.search(text):
        raise RuntimeError("the map no longer links Leaflet as expected; cannot inline it")
    text = js_tag.sub(lambda _: "<script>" + script.replace("</script", "<\\/script")
                      + "</script>", text, count=1)
    return css_tag.sub(lambda _: "<style>" + style + "</style>", text, count=1)


def map_document(dataset: Dataset, shown: pd.DataFrame, provinces: gpd.GeoDataFrame,
                 view: ViewState, mode: str) -> str:
    """The view's map as one HTML document with Leaflet inlined (the iframe's content)."""
    info = pd.DataFrame(provinces.drop(columns="geometry")).reset_index(drop=True)
    info = info.merge(province_frames(provinces), on="province_code", how="left")
    frame = view_frame(info, shown, view.filters, view.selected_province, view.dataset)
    fmap = build_base_map(province_geojson(provinces), height=600)
    build_layers(info, shown, mode, dataset.levels, view.lang, view.selected_province,
                 frame).add_to(fmap)
    document = fmap.get_root().render()
    document = document.replace("</html>", _MAP_BRIDGE + "</html>")
    return _steady_ids(_inline_leaflet(document))


def _history_rows(dataset: Dataset, area_id: str, lang: str,
                  own: pd.DataFrame | None = None) -> str:
    if own is None:
        own = dataset.assessments[dataset.assessments["area_id"] == area_id]
    rows = own.sort_values("year")
    if rows.empty:
        return f"<p>{esc(t('vh_no_history', lang))}</p>"
    body = "".join(
        f"<tr><td>{esc(year_text(int(r.year), lang))}</td>"
        f"<td>{esc(level_label(r.level, dataset.levels, lang))}</td>"
        f"<td>{esc(t('basis_' + str(r.basis), lang))}</td>"
        f"<td>{esc(source_label(r.source, lang))}</td>"
        f"<td>{esc(criteria_text(getattr(r, 'criteria', ''), lang))}</td></tr>"
        for r in rows.itertuples())
    head = "".join(f"<th>{esc(t(key, lang))}</th>"
                   for key in ("vh_year", "level", "vh_basis", "vh_source", "criteria_edition"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _area_cards(dataset: Dataset, shown: pd.DataFrame, lang: str) -> str:
    if shown.empty:
        return f"<p>{esc(t('no_areas_in_view', lang))}</p>"
    items = []
    for row in shown.sort_values("area_id").itertuples():
        name = row.name_th if lang == "th" else row.name_en
        province = row.province_th if lang == "th" else row.province_en
        level = level_label(row.level, dataset.levels, lang)
        items.append(
            f'<li><details id="area-{esc(row.area_id)}" data-area="{esc(row.area_id)}">'
            f"<summary><b>{esc(name)}</b> · {esc(province)} · {esc(level)}</summary>"
            f"{area_details_html(dataset, row, lang)}</details></li>")
    return f'<ul class="areas" data-testid="vh-areas">{"".join(items)}</ul>'


def area_details_html(dataset: Dataset, row, lang: str,
                      own: pd.DataFrame | None = None) -> str:
    """An area's card below its name (one-file view and published atlas): its other name,
    phase, region and id, its level history and its sources; every string escaped.
    ``row`` is a row of an area table (``itertuples``); ``own``, its assessments if the
    caller has them at hand (else they are looked up)."""
    other = row.name_en if lang == "th" else row.name_th
    if own is None:
        own = dataset.assessments[dataset.assessments["area_id"] == row.area_id]
    texts = [row.sources, *own["source"].tolist()]
    return (f"<p>{esc(other)}<br>{esc(t('phase', lang))}: {esc(phase_label(row.phase, lang))}"
            f" · {esc(t('region', lang))}: {esc(region_name(row.region, lang))}"
            f" · {esc(t('area_id', lang))}: {esc(row.area_id)}</p>"
            f"<h3 style=\"font-size:0.95rem;margin:6px 0 0\">{esc(t('vh_history', lang))}</h3>"
            f"{_history_rows(dataset, row.area_id, lang, own)}"
            f"<h3 style=\"font-size:0.95rem;margin:6px 0 0\">{esc(t('vh_sources', lang))}</h3>"
            f"{sources_html(texts, lang)}")


def view_html(dataset: Dataset, areas: pd.DataFrame, provinces: gpd.GeoDataFrame,
              view: ViewState) -> Export:
    """The view as one self-contained, offline HTML file.

    Parameters
    ----------
    dataset : Dataset
        The view's dataset.
    areas : pandas.DataFrame
        Its area table for the view's year (and change), as for :func:`ecotown.briefing.briefing`;
        the view's filters are applied here.
    provinces : geopandas.GeoDataFrame
        The province polygons.
    view : ViewState
        Language, colouring, filters, year and change, as in the URL.

    Returns
    -------
    Export
        UTF-8 HTML bytes (identical for identical inputs), a file name such as
        ``ecotown-demo-phase3-th.html`` and ``text/html``.
    """
    report = progress_report(dataset, area_points(dataset.areas, provinces), view.filters,
                             view.year, view.since)
    facts = briefing_facts(dataset, areas, provinces, view, report)
    lang = view.lang
    shown = apply_filters(areas, view.filters)
    mode = "change" if view.since is not None and "change_class" in shown.columns \
        else view.color
    counts = facts.counts
    classes = province_classes(provinces["province_code"], shown, mode)
    legend = map_legend_html(map_legend(classes, shown, mode, dataset.levels, lang,
                                        view.since), lang, test_id="vh-legend")
    headline = view_headline(dataset, view)
    kpis = "".join(
        f'<div class="kpi" data-kpi="{key}"><div class="label">{esc(label)}</div>'
        f'<div class="value">{esc(value)}</div></div>'
        for key, label, value in view_figures(counts, lang))
    if headline:  # a partial record: the programme's published totals lead, never its count
        programme = "".join(
            f'<div class="kpi" data-programme="{key}"><div class="label">{esc(label)}</div>'
            f'<div class="value">{esc(value)}</div></div>'
            for key, label, value in published_figures(headline, lang))
        kpis = (f'<div class="kpis" data-testid="vh-programme">{programme}</div>'
                f'<div class="kpis" data-testid="vh-kpis"><div class="kpi"><div '
                f'class="label">&nbsp;</div><div class="value" style="font-size:1rem">'
                f'{esc(t("vh_record", lang))}</div></div>{kpis}')
    else:
        kpis = f'<div class="kpis" data-testid="vh-kpis">{kpis}'
    badge_class = "synthetic" if dataset.synthetic else "public"
    year_words = fiscal_year_text(counts["year"], lang, span=False) \
        if counts["year"] is not None else ""
    map_doc = map_document(dataset, shown, provinces, view, mode)
    title = f"{facts.title} · {facts.subtitle}"
    sources = "".join(f"<li>{esc(line)}</li>" for line in facts.sources)
    page = (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_POLICY)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="Eco Town Atlas">'
        f"<title>{esc(title)}</title><style>{_PAGE_CSS}</style></head><body>"
        f"<header><h1>{esc(facts.title)}</h1>"
        f'<span class="badge {badge_class}" data-testid="vh-badge">{esc(facts.badge)}</span>'
        f'<p class="what" data-testid="vh-view">{esc(facts.subtitle)}'
        f"{' · ' + esc(year_words) if year_words else ''}</p></header><main>"
        f'{kpis}{chips_html(kpi_entries(counts, lang), "vh-chips")}</div>'
        f"{headline_html(headline, lang) if headline else ''}"
        f"{verdict_html(report, lang)}"
        f'<div class="grid"><iframe class="map" title="{esc(t("map_label", lang))}" '
        f'srcdoc="{html.escape(map_doc, quote=True)}"></iframe>'
        f'<div class="side">{legend}'
        f"<p>{esc(t('vh_how', lang))}</p></div></div>"
        f"<h2>{esc(t('shown_areas', lang, n=f'{len(shown):,}'))}</h2>"
        f"{_area_cards(dataset, shown, lang)}</main>"
        f"<footer><p>{esc(facts.data_date)} · {esc(facts.dataset_title)}</p>"
        f"<ul>{sources}</ul><p>{esc(t('vh_made', lang))}</p></footer>"
        f"{_PAGE_SCRIPT}</body></html>\n")
    data = page.encode("utf-8")
    return Export(data=data, filename=f"{facts.stem}.html", mime=VIEW_HTML_MIME)
