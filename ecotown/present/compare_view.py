"""How the compare page shows a comparison (:func:`ecotown.analysis.compare.compare_areas`):
its charts and tables, in the reader's language; the same tables feed its downloads."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from ecotown.i18n.labels import fiscal_year_text, pick, t, year_text
from ecotown.model.vocabulary import LEVELS
from ecotown.present.style import COMPARE_COLOURS, COMPARE_SHAPES, level_label, phase_label

__all__ = [
    "area_names",
    "compare_dimensions_chart",
    "compare_levels_chart",
    "differences_table",
    "dimensions_table",
    "missing_indicator_names",
    "paths_table",
    "year_heading",
]


def area_names(report: dict, lang: str) -> dict[str, str]:
    """Each compared area's name in ``lang`` with its id (``Name (P1-05)``), in order."""
    return {a["area_id"]: f"{pick(a['name_th'], a['name_en'], lang)} ({a['area_id']})"
            for a in report["areas"]}


def _colours(report: dict) -> tuple[list[str], list[str]]:
    ids = [a["area_id"] for a in report["areas"]]
    return ids, [COMPARE_COLOURS[i % len(COMPARE_COLOURS)] for i in range(len(ids))]


def compare_levels_chart(report: dict, levels: pd.DataFrame, lang: str) -> alt.Chart:
    """Every compared area's level by fiscal year on one chart: one coloured line and
    marker shape per area, level names on the axis (integers 1–5 only)."""
    names = area_names(report, lang)
    rows = [{"area": names[area_id], "year": point["year"],
             "year_label": year_text(point["year"], lang), "level": point["level"],
             "level_name": level_label(point["level"], levels, lang)}
            for area_id, points in report["levels"].items() for point in points
            if point["level"] is not None]
    data = pd.DataFrame(rows, columns=["area", "year", "year_label", "level", "level_name"])
    years = sorted({r["year"] for r in rows})
    level_names = {n: level_label(n, levels, lang) for n in LEVELS}
    axis_expr = " : ".join(f"datum.value == {n} ? {json.dumps(level_names[n], ensure_ascii=True)}"
                           for n in LEVELS) + " : ''"
    order = [year_text(y, lang) for y in years]
    domain = list(names.values())
    ids, colours = _colours(report)
    colour = alt.Color("area:N", scale=alt.Scale(domain=domain, range=colours),
                       legend=alt.Legend(title=None, orient="right",
                                         labelLimit=360))
    shape = alt.Shape("area:N", scale=alt.Scale(domain=domain,
                                                range=list(COMPARE_SHAPES[:len(ids)])),
                      legend=None)
    x = alt.X("year_label:O", title=t("year", lang), sort=order, axis=alt.Axis(labelAngle=0))
    y = alt.Y("level:Q", title=None, scale=alt.Scale(domain=[0.5, 5.5]),
              axis=alt.Axis(values=[1, 2, 3, 4, 5], labelExpr=axis_expr, labelLimit=220))
    base = alt.Chart(data)
    lines = base.mark_line(interpolate="step-after", strokeWidth=2, opacity=0.8).encode(
        x=x, y=y, color=colour, detail="area:N")
    points = base.mark_point(size=90, filled=True, stroke="#ffffff", strokeWidth=1).encode(
        x=x, y=y, color=colour, shape=shape,
        tooltip=[alt.Tooltip("area:N", title=t("area", lang)),
                 alt.Tooltip("year_label:N", title=t("year", lang)),
                 alt.Tooltip("level_name:N", title=t("level", lang))])
    return (lines + points).properties(height=240)


def compare_dimensions_chart(report: dict, lang: str) -> alt.Chart | None:
    """Dimension scores of the areas that have them, bars side by side per dimension, with
    the programme's median as a black tick; ``None`` when no area has indicator data."""
    names = area_names(report, lang)
    rows = []
    for dim in report["dimensions"]:
        for area_id, score in dim["scores"].items():
            if score is None:
                continue
            rows.append({"dimension": pick(dim["name_th"], dim["name_en"], lang),
                         "area": names[area_id], "score": score,
                         "phase_median": dim["phase_medians"][area_id],
                         "programme_median": dim["programme_median"]})
    if not rows:
        return None
    data = pd.DataFrame(rows)
    _ids, colours = _colours(report)
    domain = list(names.values())
    y = alt.Y("dimension:N", title=None, sort=None)
    bars = alt.Chart(data).mark_bar(height={"band": 0.85}).encode(
        y=y, yOffset=alt.YOffset("area:N", sort=domain),
        x=alt.X("score:Q", title=t("compare_score", lang), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("area:N", scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(title=None, orient="right",
                                          labelLimit=360)),
        tooltip=[alt.Tooltip("area:N", title=t("area", lang)),
                 alt.Tooltip("dimension:N", title=t("dimension", lang)),
                 alt.Tooltip("score:Q", title=t("score", lang)),
                 alt.Tooltip("phase_median:Q", title=t("compare_phase_median", lang)),
                 alt.Tooltip("programme_median:Q",
                             title=t("compare_programme_median", lang))])
    medians = data.drop_duplicates("dimension")
    tick = alt.Chart(medians).mark_tick(color="#000000", thickness=3, size=26).encode(
        y=y, x="programme_median:Q",
        tooltip=[alt.Tooltip("programme_median:Q", title=t("compare_programme_median", lang))])
    return (bars + tick).properties(height=alt.Step(14))


def paths_table(report: dict, levels: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per area: phase, latest level and its year, status, pace so far and
    needed, projected level in 2037 (a projection, labelled as one)."""
    names = area_names(report, lang)
    rows = []
    for area in report["areas"]:
        path = report["paths"][area["area_id"]]
        rows.append({
            t("area", lang): names[area["area_id"]],
            t("phase", lang): phase_label(area["phase"], lang),
            t("latest_level", lang): (level_label(area["level"], levels, lang)
                                      + (f" ({year_text(area['level_year'], lang)})"
                                         if area["level_year"] else "")),
            t("compare_status", lang): t(f"status_{path['status']}", lang),
            t("compare_projected", lang): ("–" if path["projected_2037"] is None
                                           else str(path["projected_2037"])),
        })
    return pd.DataFrame(rows)


def dimensions_table(report: dict, lang: str) -> pd.DataFrame:
    """Dimensions × areas: each area's score (blank, never zero, without data) and the
    programme's median."""
    names = area_names(report, lang)
    rows = []
    for dim in report["dimensions"]:
        row = {t("dimension", lang): pick(dim["name_th"], dim["name_en"], lang)}
        for area_id, name in names.items():
            score = dim["scores"][area_id]
            row[name] = "" if score is None else f"{score:.1f}"
        median = dim["programme_median"]
        row[t("compare_programme_median", lang)] = "" if median is None else f"{median:.1f}"
        rows.append(row)
    return pd.DataFrame(rows)


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


def differences_table(report: dict, lang: str) -> pd.DataFrame:
    """The indicators where the areas differ most: name, unit and direction, each area's
    value (score), and the spread of the scores."""
    names = area_names(report, lang)
    rows = []
    for diff in report["differences"]:
        unit = pick(diff["unit_th"], diff["unit_en"], lang)
        direction = {True: t("compare_direction_up", lang),
                     False: t("compare_direction_down", lang), None: ""}[diff["higher_is_better"]]
        row = {t("indicator", lang): pick(diff["name_th"], diff["name_en"], lang),
               t("compare_direction", lang): direction}
        for area_id, name in names.items():
            value, score = diff["values"][area_id], diff["scores"][area_id]
            row[name] = "" if value is None else f"{_value(value, unit)} ({score:.0f})"
        row[t("compare_spread", lang)] = f"{diff['spread']:.1f}"
        rows.append(row)
    return pd.DataFrame(rows)


def missing_indicator_names(report: dict, lang: str) -> list[str]:
    """The compared areas without any indicator data, by name."""
    names = area_names(report, lang)
    return [names[a["area_id"]] for a in report["areas"] if not a["has_indicators"]]


def year_heading(key: str, year: int | None, lang: str) -> str:
    """A section heading naming the fiscal year it shows."""
    return t(key, lang, fy=fiscal_year_text(year, lang, span=False) if year else "–")
