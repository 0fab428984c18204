"""Programme headline figures, formatted for people in Thai or English."""

from __future__ import annotations

import pandas as pd

from ecotown.i18n.labels import t, year_text
from ecotown.model.text import http_urls, publisher

__all__ = ["figure_rows", "format_figure", "published_headline", "source_title", "view_headline"]

# The programme's published totals that headline a dataset that is not the whole programme
_HEADLINE = ("areas_announced", "provinces_covered", "areas_level4", "areas_level3")
def _number(value: float, lang: str) -> str:
    if value >= 1_000_000 and value % 100_000 == 0:
        millions = f"{value / 1_000_000:g}"
        return t("n_million", lang, n=millions)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def format_figure(value: float, qualifier: str, unit: str, lang: str) -> str:
    """``"มากกว่า 300 ล้าน บาท"`` / ``"more than 300 million baht"``; year targets stay bare."""
    text = _number(value, lang)
    if qualifier != "exact":
        text = f"{t('qualifier_' + qualifier, lang)} {text}"
    return f"{text} {unit}".strip()


def figure_rows(figures: pd.DataFrame, lang: str) -> list[dict]:
    """Headline figures ready to show: label, formatted value, as-of date and source URLs."""
    rows = []
    for row in figures.itertuples():
        unit = row.unit_th if lang == "th" else row.unit_en
        if row.figure_id == "target_year":  # พ.ศ. 2580 in Thai, "2037 (B.E. 2580)" in English
            value = (year_text(int(row.value), lang) if lang == "th"
                     else f"{int(row.value)} {unit}".strip())
        else:
            value = format_figure(row.value, row.qualifier, unit, lang)
        rows.append({"id": row.figure_id, "label": getattr(row, f"label_{lang}"),
                     "value": value, "as_of": row.as_of, "sources": http_urls(row.source)[0]})
    return rows


def source_title(url: str) -> str:
    """A source as a reader names it: its publisher (``The Bangkok Insight``), from the URL's
    host; the host itself when the publisher is not known (:func:`.text.publisher`)."""
    return publisher(url, "en")


def published_headline(figures: pd.DataFrame, named_areas: int,
                       published_levels: int) -> dict | None:
    """The programme's published totals beside what a partial record itself names: areas,
    provinces, areas at level 4 and at level 3 as published (with their fiscal year, date
    and sources), the rest derived (areas − level 4 − level 3, marked as derived), and the
    record's own counts. ``None`` when the figures lack the published totals."""
    if figures.empty or "figure_id" not in figures.columns:
        return None
    by_id = figures.set_index("figure_id")
    if not set(_HEADLINE) <= set(by_id.index):
        return None
    value = {key: int(by_id.loc[key, "value"]) for key in _HEADLINE}
    first = by_id.loc["areas_level4"]
    year = first["year"]
    sources = []
    for key in _HEADLINE:
        for url in http_urls(by_id.loc[key, "source"])[0]:
            if url not in sources:
                sources.append(url)
    return {"areas": value["areas_announced"], "provinces": value["provinces_covered"],
            "level4": value["areas_level4"], "level3": value["areas_level3"],
            "others": value["areas_announced"] - value["areas_level4"] - value["areas_level3"],
            "year": None if pd.isna(year) else int(year), "as_of": str(first["as_of"]),
            "sources": [{"url": u, "title": source_title(u)} for u in sources],
            "named_areas": int(named_areas), "published_levels": int(published_levels)}


def view_headline(dataset, view) -> dict | None:
    """What heads a view of ``dataset`` (page, one-file view, PNG/PDF): the programme's
    published totals (:func:`published_headline`) when the dataset is a partial public
    record shown whole; ``None`` for a synthetic dataset, a filtered view (its own counts
    answer it) or a record that names every area (its counts are the programme's)."""
    if dataset.synthetic or view.filters.active:
        return None
    headline = published_headline(dataset.programme_figures, len(dataset.areas),
                                  len(dataset.assessments))
    if headline and headline["areas"] <= headline["named_areas"]:
        return None
    return headline
