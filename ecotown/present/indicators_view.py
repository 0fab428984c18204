"""How the indicators page shows a matrix (:func:`ecotown.analysis.indicators.indicator_matrix`):
the weakest items as sentences written from the data, and the matrix as a table whose cells
are coloured by score, in the reader's language."""

from __future__ import annotations

import pandas as pd

from ecotown.analysis.indicators import HALF
from ecotown.i18n.labels import pick, t
from ecotown.present.style import SCORE_BANDS, text_colour

__all__ = ["matrix_table", "score_colour", "weakest_sentences"]


def weakest_sentences(weakest: list[dict], lang: str) -> list[str]:
    """One sentence per weak item: "Of 21 areas with a score, 17 score below half on …
    (median 32.5)."""
    return [t("ind_weak_sentence", lang, scored=f"{w['scored']:,}", below=f"{w['below']:,}",
              name=pick(w["name_th"], w["name_en"], lang), median=f"{w['median']:.1f}",
              half=f"{HALF:.0f}")
            for w in weakest]


def score_colour(score: float | None) -> str:
    """The cell colour of a score (:data:`ecotown.present.style.SCORE_BANDS`); no score:
    white."""
    if score is None:
        return "#ffffff"
    for upper, colour in SCORE_BANDS:
        if score < upper:
            return colour
    return SCORE_BANDS[-1][1]


def matrix_table(matrix: dict, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The matrix as a table (a row per area: name, id, then a column per item) and, of the
    same shape, each cell's CSS (background by score, readable text). Missing scores are
    blank, never zero."""
    names = {i["item_id"]: f"{pick(i['name_th'], i['name_en'], lang)}" for i in matrix["items"]}
    rows, styles = [], []
    for area in matrix["areas"]:
        row = {t("area", lang): pick(area["name_th"], area["name_en"], lang),
               t("area_id", lang): area["area_id"]}
        style = {t("area", lang): "", t("area_id", lang): ""}
        for item_id, name in names.items():
            score = matrix["scores"][area["area_id"]][item_id]
            row[name] = score
            colour = score_colour(score)
            style[name] = f"background-color: {colour}; color: {text_colour(colour)}"
        rows.append(row)
        styles.append(style)
    table = pd.DataFrame(rows)
    for name in names.values():  # numbers (sortable as numbers); no score: NaN, shown blank
        table[name] = pd.to_numeric(table[name], errors="coerce").astype("float64")
    return table, pd.DataFrame(styles)
