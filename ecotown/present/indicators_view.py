"""How the indicators page shows a matrix (:func:`ecotown.analysis.indicators.indicator_matrix`):
the weakest items as sentences written from the data, and the matrix as a table whose cells
are coloured by score, in the reader's language."""

from __future__ import annotations

import pandas as pd

from ecotown.analysis.indicators import HALF
from ecotown.i18n.labels import pick, t
from ecotown.present.style import SCORE_BANDS, text_colour

__all__ = ["cell_target", "focus_lines", "matrix_table", "score_colour", "weakest_sentences"]


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


def cell_target(matrix: dict, table: pd.DataFrame, row: int, column: str,
                lang: str) -> dict | None:
    """Where a click on a cell of :func:`matrix_table` leads: the area of its row (its
    position in the matrix, whatever order the reader sorted it in), and at the indicators
    depth the indicator of its column (``{"area": …, "indicator": …}``); the area alone for
    an aspect, a dimension or the name columns; ``None`` outside the table."""
    if not 0 <= row < len(matrix["areas"]) or column not in table.columns:
        return None
    target = {"area": str(matrix["areas"][row]["area_id"])}
    if matrix.get("depth", "indicator") == "indicator":
        items = {pick(i["name_th"], i["name_en"], lang): i["item_id"] for i in matrix["items"]}
        if column in items:
            target["indicator"] = str(items[column])
    return target


def focus_lines(row: pd.Series, lang: str) -> list[str]:
    """One indicator of an area's scorecard in words (the row of
    :func:`ecotown.analysis.scorecard.scorecard`): its name and aspect, its value with unit
    and year, its change (better or worse), the median values of its phase and of the
    programme, its score against the requirement, and which way is better."""
    from ecotown.i18n.labels import year_text
    from ecotown.present.tables import indicator_change_text

    def number(value: object) -> str:
        return "–" if pd.isna(value) else f"{float(value):,.2f}"

    unit = row[f"unit_{lang}"] if isinstance(row[f"unit_{lang}"], str) else ""
    lines = [f"{pick(row['name_th'], row['name_en'], lang)} · "
             f"{pick(row['aspect_th'], row['aspect_en'], lang)}",
             t("ind_focus_value", lang, value=f"{number(row['value'])} {unit}".strip(),
               year=year_text(row["year"], lang) if not pd.isna(row["year"]) else "–",
               change=indicator_change_text(row["change"], row["change_is_better"], lang)),
             t("ind_focus_medians", lang,
               phase=f"{number(row['phase_median'])} {unit}".strip(),
               programme=f"{number(row['programme_median'])} {unit}".strip()),
             t("ind_focus_score", lang, score=number(row["score"])),
             t("ind_focus_higher" if bool(row["higher_is_better"]) else "ind_focus_lower", lang)]
    return lines
