"""Altair charts of the drill-down, coloured with the shared palette (:mod:`ecotown.style`)."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from ecotown.i18n.labels import t, year_text
from ecotown.model.vocabulary import LEVELS
from ecotown.present.style import LEVEL_COLOURS, PHASE_COLOURS, level_label

__all__ = ["dimension_chart", "level_history_chart"]


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
