"""Altair charts of the drill-down, coloured with the shared palette
(:mod:`ecotown.present.style`)."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from ecotown.i18n.labels import t, year_short, year_text
from ecotown.model.vocabulary import LEVELS
from ecotown.present.style import LEVEL_COLOURS, PHASE_COLOURS, level_label

__all__ = ["dimension_chart", "level_history_chart", "levels_per_year_chart",
           "levels_per_year_data", "reference_positions"]


def level_history_chart(history: pd.DataFrame, levels: pd.DataFrame, lang: str) -> alt.Chart:
    """A step chart of an area's level by year, the level names on the axis."""
    data = pd.DataFrame({
        "year": history["year"].astype(int),
        "year_label": [year_text(y, lang) for y in history["year"]],
        "level": history["level"].astype(int),
        "label": [level_label(v, levels, lang) for v in history["level"]],
        "colour": [LEVEL_COLOURS[int(v)] for v in history["level"]],
    })
    names = {n: level_label(n, levels, lang) for n in LEVELS}
    # The names are data: each goes into the Vega expression as a JSON string literal
    # (quotes, backslashes and every non-ASCII character escaped), never as code.
    axis_expr = " : ".join(f"datum.value == {n} ? {json.dumps(names[n], ensure_ascii=True)}"
                           for n in LEVELS) + " : ''"
    order = [year_text(y, lang) for y in sorted(history["year"].astype(int))]
    x = alt.X("year_label:O", title=t("year", lang), sort=order,
              axis=alt.Axis(labelAngle=0))
    y = alt.Y("level:Q", title=None, scale=alt.Scale(domain=[0.5, 5.5]),
              axis=alt.Axis(values=[1, 2, 3, 4, 5], labelExpr=axis_expr, labelLimit=220))
    line = alt.Chart(data).mark_line(interpolate="step-after", color="#555555").encode(x=x, y=y)
    points = alt.Chart(data).mark_circle(size=140, stroke="#333333", strokeWidth=1).encode(
        x=x, y=y, color=alt.Color("colour:N", scale=None),
        tooltip=[alt.Tooltip("year_label:N", title=t("year", lang)),
                 alt.Tooltip("label:N", title=t("level", lang))])
    return (line + points).properties(height=220)


def dimension_chart(dimensions: pd.DataFrame, level: object, phase: int,
                    lang: str) -> alt.Chart:
    """Dimension scores as bars, with the phase and programme medians as ticks."""
    colour = LEVEL_COLOURS.get(int(level), "#9e9e9e") if pd.notna(level) else "#9e9e9e"
    data = pd.DataFrame({
        "dimension": dimensions[f"name_{lang}"],
        "score": dimensions["score"].round(1),
        "phase_median": dimensions["phase_median"].round(1),
        "programme_median": dimensions["programme_median"].round(1),
    })
    y = alt.Y("dimension:N", title=None, sort=None)
    x_scale = alt.Scale(domain=[0, 100])
    bars = alt.Chart(data).mark_bar(color=colour, height=18).encode(
        y=y, x=alt.X("score:Q", title=t("score_0_100", lang), scale=x_scale),
        tooltip=[alt.Tooltip("dimension:N", title=t("dimension", lang)),
                 alt.Tooltip("score:Q", title=t("score", lang)),
                 alt.Tooltip("phase_median:Q", title=t("phase_median", lang)),
                 alt.Tooltip("programme_median:Q", title=t("programme_median", lang))])
    phase_tick = alt.Chart(data).mark_tick(color=PHASE_COLOURS[int(phase)], thickness=4,
                                           size=26).encode(y=y, x="phase_median:Q")
    programme_tick = alt.Chart(data).mark_tick(color="#000000", thickness=2, size=26).encode(
        y=y, x="programme_median:Q")
    return (bars + phase_tick + programme_tick).properties(height=5 * 38)


def levels_per_year_data(series: dict[str, dict[int, dict]], levels: pd.DataFrame,
                         lang: str) -> pd.DataFrame:
    """Long rows for :func:`levels_per_year_chart`: group, year, level and count.
    ``series`` is ``{group label: timeline.by_year(...)}``."""
    rows = []
    for group, by_year in series.items():
        for year, detail in by_year.items():
            for lv in LEVELS:
                rows.append({"group": group, "year": int(year),
                             "year_label": year_short(year, lang), "level": lv,
                             "level_label": level_label(lv, levels, lang),
                             "count": int(detail["by_level"][str(lv)]),
                             "order": lv})
    return pd.DataFrame(rows, columns=["group", "year", "year_label", "level", "level_label",
                                       "count", "order"])


def reference_positions(points: list[dict], data: pd.DataFrame, group: str,
                        phase: int | None) -> pd.DataFrame:
    """Where each published count sits on the stacked bars (level 5 at the bottom): the data
    of the levels above the figure's range, plus the published value, so a figure that agrees
    with the data marks the top of its segments."""
    rows = []
    for p in points:
        if p["phase"] != phase:
            continue
        here = data[(data["group"] == group) & (data["year"] == p["year"])]
        if here.empty:
            continue
        top = p["level_max"] or 5
        above = int(here.loc[here["level"] > top, "count"].sum()) if p["level_min"] else 0
        rows.append({"group": group, "year_label": str(here["year_label"].iloc[0]),
                     "y": above + float(p["published"]), "published": p["published"],
                     "data": p["data"], "label": p["label"], "source": p["source"]})
    return pd.DataFrame(rows, columns=["group", "year_label", "y", "published", "data", "label",
                                       "source"])


def levels_per_year_chart(data: pd.DataFrame, refs: pd.DataFrame, levels: pd.DataFrame,
                          lang: str, title: str = "", height: int = 260) -> alt.Chart:
    """Stacked bars of the areas at each level per fiscal year (level 5 at the bottom) of
    one group, with the published figures (:func:`reference_positions`) as black points."""
    order = sorted(data["year_label"].unique(), key=lambda y: int(y))
    names = [level_label(lv, levels, lang) for lv in LEVELS]
    colour = alt.Color("level_label:N", title=t("level", lang),
                       scale=alt.Scale(domain=names, range=[LEVEL_COLOURS[lv] for lv in LEVELS]),
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=260))
    x = alt.X("year_label:O", title=t("col_year", lang), sort=order,
              axis=alt.Axis(labelAngle=0))
    bars = alt.Chart(data).mark_bar().encode(
        x=x, y=alt.Y("sum(count):Q", title=t("areas", lang), stack="zero"),
        color=colour, order=alt.Order("order:Q", sort="descending"),
        tooltip=[alt.Tooltip("year_label:N", title=t("col_year", lang)),
                 alt.Tooltip("level_label:N", title=t("level", lang)),
                 alt.Tooltip("count:Q", title=t("areas", lang))])
    layers = [bars]
    if not refs.empty:
        layers.append(alt.Chart(refs).mark_point(shape="diamond", size=120, filled=True,
                                                 color="#000000").encode(
            x=x, y="y:Q",
            tooltip=[alt.Tooltip("label:N", title=t("published_point", lang)),
                     alt.Tooltip("published:Q", title=t("published_point", lang)),
                     alt.Tooltip("data:Q", title=t("dataset", lang)),
                     alt.Tooltip("source:N", title=t("source", lang))]))
    chart = alt.layer(*layers) if len(layers) > 1 else bars
    chart = chart.properties(height=height)
    return chart.properties(title=title) if title else chart
