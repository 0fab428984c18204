"""Programme headline figures, formatted for people in Thai or English."""

from __future__ import annotations

import pandas as pd

from ecotown.i18n.labels import t, year_text
from ecotown.model.text import http_urls

__all__ = ["figure_rows", "format_figure"]


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
