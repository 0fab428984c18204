"""Drill-down charts use the data and the shared palette."""

from __future__ import annotations

from ecotown.analysis.scorecard import dimension_scores, level_history
from ecotown.present.charts import dimension_chart, level_history_chart
from ecotown.present.style import LEVEL_COLOURS, PHASE_COLOURS


def _datasets(spec: dict) -> list[dict]:
    return list(spec["datasets"].values())


def test_level_history_chart_plots_each_year_in_its_level_colour(demo):
    history = level_history(demo, "P1-05")
    spec = level_history_chart(history, demo.levels, "en").to_dict()
    rows = _datasets(spec)[0]
    assert [r["year"] for r in rows] == list(history["year"].astype(int))
    assert all(r["colour"] == LEVEL_COLOURS[r["level"]] for r in rows)
    assert "Level 4 Symbiosis" in str(spec)


def test_dimension_chart_uses_area_level_and_phase_colours(demo):
    dims = dimension_scores(demo, "P1-05")
    spec = dimension_chart(dims, 4, 1, "th").to_dict()
    text = str(spec)
    assert LEVEL_COLOURS[4] in text and PHASE_COLOURS[1] in text
    rows = _datasets(spec)[0]
    assert [r["score"] for r in rows] == list(dims["score"].round(1))
