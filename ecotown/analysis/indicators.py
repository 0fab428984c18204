"""Indicators across the programme (issue 31): for the areas of a view, a matrix of areas ×
indicators (or aspects, or dimensions) of 0–100 scores, and the weakest items of the view.

A score puts a value on its catalogue scale in its good direction
(:func:`ecotown.analysis.scoring.indicator_score`); an aspect's or a dimension's score is
the mean of its indicators' scores. Everything named here (items, units, directions,
scales) comes from the catalogue a steward loads, never from code. A cell without a value
is ``None``, never zero.
"""

from __future__ import annotations

import math

import pandas as pd

from ecotown.analysis.scoring import indicator_catalogue, score_frame
from ecotown.model.dataset import Dataset

__all__ = ["DEPTHS", "HALF", "MAX_MATRIX_AREAS", "indicator_matrix", "weakest_items"]

DEPTHS = ("indicator", "aspect", "dimension")
HALF = 50.0  # "below half": a score under half of the scale
MAX_MATRIX_AREAS = 1000  # every area of a dataset (the import cap)


def _items(dataset: Dataset, depth: str) -> pd.DataFrame:
    """The matrix's columns at ``depth``: ``item_id, name_th, name_en, dimension_id`` (and,
    for indicators, ``unit_th, unit_en, higher_is_better``), in catalogue order."""
    catalogue = indicator_catalogue(dataset)
    if depth == "indicator":
        items = catalogue.rename(columns={"indicator_id": "item_id"})
        return items[["item_id", "name_th", "name_en", "dimension_id", "unit_th", "unit_en",
                      "higher_is_better"]].reset_index(drop=True)
    if depth == "aspect":
        items = catalogue.drop_duplicates("aspect_id").rename(columns={
            "aspect_id": "item_id", "aspect_th": "name_th_", "aspect_en": "name_en_"})
        items = items.drop(columns=["name_th", "name_en"]).rename(
            columns={"name_th_": "name_th", "name_en_": "name_en"})
        return items[["item_id", "name_th", "name_en", "dimension_id"]].reset_index(drop=True)
    dims = dataset.dimensions.rename(columns={"dimension_id": "item_id"})
    dims = dims.assign(dimension_id=dims["item_id"])
    return dims[["item_id", "name_th", "name_en", "dimension_id"]].reset_index(drop=True)


def _latest_year(values: pd.DataFrame) -> int | None:
    return None if values.empty else int(values["year"].max())


def _clean(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else round(number, 1)


def indicator_matrix(dataset: Dataset, area_ids: list[str], year: int | None = None,
                     depth: str = "indicator") -> dict:
    """The scores of ``area_ids`` in ``year`` at ``depth``.

    Parameters
    ----------
    dataset
        A loaded dataset.
    area_ids
        The view's areas (its filters applied), in the order to show.
    year
        The fiscal year (C.E.); by default the latest year in which any of the areas has
        an indicator value.
    depth
        ``indicator``, ``aspect`` or ``dimension``.

    Returns
    -------
    dict
        ``year``, ``depth``, ``items`` (id, names, dimension; units and direction for
        indicators), ``areas`` (id, names, phase, whether it has a value that year) and
        ``scores`` (``{area_id: {item_id: score or None}}``).

    Raises
    ------
    ValueError
        If ``depth`` is not one of :data:`DEPTHS`, or there are more than
        :data:`MAX_MATRIX_AREAS` areas.
    """
    if depth not in DEPTHS:
        raise ValueError(f"depth must be one of {', '.join(DEPTHS)}, not {depth!r}")
    ids = list(dict.fromkeys(area_ids))
    if len(ids) > MAX_MATRIX_AREAS:
        raise ValueError(f"at most {MAX_MATRIX_AREAS} areas, not {len(ids)}")
    values = dataset.indicator_values
    values = values[values["area_id"].isin(ids)]
    if year is None:
        year = _latest_year(values)
    items = _items(dataset, depth)
    table = dataset.areas.set_index("area_id", drop=False)
    scores: dict[str, dict[str, float | None]] = {a: dict.fromkeys(items["item_id"]) for a in ids}
    scored_ids: set[str] = set()
    if year is not None:
        scored = score_frame(values[values["year"] == year], dataset.indicators)
        if depth == "aspect":
            aspect = dataset.indicators.set_index("indicator_id")["aspect_id"]
            scored = scored.assign(item_id=scored["indicator_id"].map(aspect))
        elif depth == "dimension":
            scored = scored.assign(item_id=scored["dimension_id"])
        else:
            scored = scored.assign(item_id=scored["indicator_id"])
        scored = scored.dropna(subset=["score", "item_id"])
        means = scored.groupby(["area_id", "item_id"], sort=False)["score"].mean()
        for (area_id, item_id), score in means.items():
            if area_id in scores and item_id in scores[area_id]:
                scores[area_id][item_id] = _clean(score)
                scored_ids.add(area_id)
    areas = [{"area_id": a, "name_th": str(table.at[a, "name_th"]),
              "name_en": str(table.at[a, "name_en"]),
              "phase": None if pd.isna(table.at[a, "phase"]) else int(table.at[a, "phase"]),
              "has_values": a in scored_ids} for a in ids if a in table.index]
    item_rows = []
    for row in items.to_dict("records"):
        entry = {"item_id": str(row["item_id"]), "name_th": str(row["name_th"]),
                 "name_en": str(row["name_en"]), "dimension_id": str(row["dimension_id"])}
        if depth == "indicator":
            direction = row["higher_is_better"]
            entry.update({"unit_th": "" if pd.isna(row["unit_th"]) else str(row["unit_th"]),
                          "unit_en": "" if pd.isna(row["unit_en"]) else str(row["unit_en"]),
                          "higher_is_better": None if pd.isna(direction) else bool(direction)})
        item_rows.append(entry)
    return {"year": year, "depth": depth, "items": item_rows, "areas": areas,
            "scores": scores}


def weakest_items(matrix: dict, limit: int = 3) -> list[dict]:
    """The items of a matrix on which the most scored areas fall below :data:`HALF`:
    ``item_id, name_th, name_en, scored`` (areas with a score), ``below`` (of them, under
    half) and ``median``; most areas below first (then the lower median, then the id);
    items that no area falls below are left out. At most ``limit`` items."""
    rows = []
    for item in matrix["items"]:
        found = [matrix["scores"][a["area_id"]][item["item_id"]] for a in matrix["areas"]]
        known = sorted(s for s in found if s is not None)
        if not known:
            continue
        below = sum(1 for s in known if s < HALF)
        if below == 0:
            continue
        middle = len(known) // 2
        median = known[middle] if len(known) % 2 else (known[middle - 1] + known[middle]) / 2
        rows.append({"item_id": item["item_id"], "name_th": item["name_th"],
                     "name_en": item["name_en"], "scored": len(known), "below": below,
                     "median": round(median, 1)})
    rows.sort(key=lambda r: (-r["below"] / r["scored"], -r["below"], r["median"],
                             r["item_id"]))
    return rows[:limit]
