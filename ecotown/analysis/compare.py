"""Areas side by side (issue 31): levels over time, the path to 2037, dimension scores
against the programme's and the phase's medians, and the indicators where they differ most.

Pure pandas, no Streamlit: the compare page, its downloads and ``python -m ecotown compare``
share these numbers. An area without indicator data has ``None`` where a value would be,
never a zero.
"""

from __future__ import annotations

import math

import pandas as pd

from ecotown.analysis.path2037 import TARGET_YEAR, area_paths
from ecotown.analysis.scorecard import dimension_scores, level_history, scorecard
from ecotown.analysis.scoring import indicator_catalogue
from ecotown.model.dataset import Dataset

__all__ = [
    "MAX_AREAS",
    "MAX_DIFFERENCES",
    "MIN_AREAS",
    "compare_areas",
    "parse_area_ids",
    "placeholder_catalogue",
]

MIN_AREAS = 2
MAX_AREAS = 6
MAX_DIFFERENCES = 10  # the indicators where the compared areas differ most
_MAX_TEXT = 200  # no list of ids is longer (6 ids of at most 20 characters and commas)


def parse_area_ids(text: object, known: list[str]) -> tuple[list[str], list[dict]]:
    """The area ids of ``areas=A,B,…`` (or a list), each once, in the order given, and the
    problems found: ``{"problem": "unknown" | "too_few" | "too_many" | "too_long",
    "value": …}``. Only known ids are kept; compare them when there are no problems."""
    problems: list[dict] = []
    if isinstance(text, (list, tuple)):
        parts = [str(p) for p in text]
    else:
        raw = "" if text is None else str(text)
        if len(raw) > _MAX_TEXT:
            problems.append({"problem": "too_long", "value": raw[:40] + "…"})
            raw = raw[:_MAX_TEXT]
        parts = raw.split(",")
    ids: list[str] = []
    known_set = set(known)
    for part in parts:
        area_id = part.strip()
        if not area_id or area_id in ids:
            continue
        if area_id not in known_set:
            problems.append({"problem": "unknown", "value": area_id[:40]})
            continue
        ids.append(area_id)
    if len(ids) > MAX_AREAS:
        problems.append({"problem": "too_many", "value": str(len(ids))})
        ids = ids[:MAX_AREAS]
    if len(ids) < MIN_AREAS:
        problems.append({"problem": "too_few", "value": str(len(ids))})
    return ids, problems


def _number(value) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _whole(value) -> int | None:
    number = _number(value)
    return None if number is None else int(number)


def _indicator_year(dataset: Dataset, area_ids: list[str], year: int | None) -> int | None:
    """The year of the indicator comparison: ``year`` if given, else the latest year in
    which most of the compared areas have values (ties: the later year)."""
    values = dataset.indicator_values
    mine = values[values["area_id"].isin(area_ids)]
    if mine.empty:
        return None
    if year is not None:
        return int(year)
    per_year = mine.groupby("year")["area_id"].nunique()
    best = per_year[per_year == per_year.max()].index.max()
    return int(best)


def level_series(dataset: Dataset, area_ids: list[str], year: int | None = None) -> dict:
    """The areas' levels over the fiscal years up to ``year`` (default: every year), in the
    shape the levels chart takes: ``areas`` (id and names, in the order given) and
    ``levels`` (``{area_id: [{"year", "level"}]}``). Unknown ids are left out."""
    table = dataset.areas.set_index("area_id", drop=False)
    areas, levels = [], {}
    for area_id in dict.fromkeys(area_ids):
        if area_id not in table.index:
            continue
        history = level_history(dataset, area_id)
        if year is not None:
            history = history[history["year"] <= year]
        areas.append({"area_id": area_id, "name_th": str(table.at[area_id, "name_th"]),
                      "name_en": str(table.at[area_id, "name_en"])})
        levels[area_id] = [{"year": int(h.year), "level": _whole(h.level)}
                           for h in history.itertuples()]
    return {"areas": areas, "levels": levels}


def compare_areas(dataset: Dataset, area_ids: list[str], year: int | None = None) -> dict:
    """Compare 2–6 areas of ``dataset``.

    Parameters
    ----------
    dataset
        A loaded dataset.
    area_ids
        The areas, 2 to :data:`MAX_AREAS`, each a known id (:func:`parse_area_ids`).
    year
        The fiscal year (C.E.) seen from: the path to 2037 and the indicator values; by
        default the latest year with an assessment (path) and the latest year in which
        most of the areas have indicator values.

    Returns
    -------
    dict
        ``areas`` (id, names, province, phase, latest level and its year, whether it has
        indicator data), ``levels`` (per area: ``[{"year", "level"}]``), ``paths`` (per area:
        level, status, pace so far and needed, projected level in 2037), ``indicator_year``,
        ``dimensions`` (per dimension: names, each area's score or ``None``, the programme's
        median and each area's phase median), ``differences`` (at most
        :data:`MAX_DIFFERENCES` indicators with a value for at least two of the areas and
        different scores, largest score spread first: names, units, direction, each
        area's value and score).

    Raises
    ------
    KeyError
        If an id is not an area of the dataset.
    ValueError
        If there are fewer than :data:`MIN_AREAS` or more than :data:`MAX_AREAS` areas.
    """
    ids = list(dict.fromkeys(area_ids))
    if not MIN_AREAS <= len(ids) <= MAX_AREAS:
        raise ValueError(f"compare {MIN_AREAS} to {MAX_AREAS} areas, not {len(ids)}")
    table = dataset.areas.set_index("area_id", drop=False)
    unknown = [a for a in ids if a not in table.index]
    if unknown:
        raise KeyError(f"unknown area id(s): {', '.join(unknown)}")
    assessments = dataset.assessments
    seen_from = int(year) if year is not None else (
        int(assessments["year"].max()) if not assessments.empty else TARGET_YEAR)
    paths = area_paths(assessments, seen_from, ids).set_index("area_id")
    indicator_year = _indicator_year(dataset, ids, year)
    has_values = set(dataset.indicator_values["area_id"])

    areas, path_rows = [], {}
    levels = level_series(dataset, ids, seen_from)["levels"]
    for area_id in ids:
        row = table.loc[area_id]
        path = paths.loc[area_id]
        areas.append({"area_id": area_id, "name_th": str(row["name_th"]),
                      "name_en": str(row["name_en"]), "province_code": str(row["province_code"]),
                      "phase": _whole(row["phase"]), "level": _whole(path["level"]),
                      "level_year": _whole(path["level_year"]),
                      "has_indicators": area_id in has_values})
        path_rows[area_id] = {"level": _whole(path["level"]), "status": str(path["status"]),
                              "pace_so_far": _number(path["pace_so_far"]),
                              "pace_needed": _number(path["pace_needed"]),
                              "projected_2037": _whole(path["projected_2037"])}

    dimensions = _dimensions(dataset, ids, has_values, indicator_year)
    differences = _differences(dataset, ids, has_values, indicator_year)
    return {"year": seen_from, "areas": areas, "levels": levels, "paths": path_rows,
            "indicator_year": indicator_year, "dimensions": dimensions,
            "differences": differences,
            "placeholder_names": placeholder_catalogue(dataset)}


def placeholder_catalogue(dataset: Dataset) -> bool:
    """Whether the indicator catalogue's names are placeholders (a synthetic dataset's),
    not the names of real indicators: a reader is told so wherever they show."""
    return bool(dataset.synthetic)


def _dimensions(dataset: Dataset, ids: list[str], has_values: set, year: int | None
                ) -> list[dict]:
    out: dict[str, dict] = {}
    for dim in dataset.dimensions.itertuples():
        out[dim.dimension_id] = {"dimension_id": dim.dimension_id, "name_th": dim.name_th,
                                 "name_en": dim.name_en, "scores": dict.fromkeys(ids),
                                 "phase_medians": dict.fromkeys(ids), "programme_median": None}
    if year is None:
        return list(out.values())
    for area_id in ids:
        if area_id not in has_values:
            continue
        frame = dimension_scores(dataset, area_id, year)
        for row in frame.itertuples():
            entry = out.get(row.dimension_id)
            if entry is None:
                continue
            entry["scores"][area_id] = _rounded(row.score)
            entry["phase_medians"][area_id] = _rounded(row.phase_median)
            if entry["programme_median"] is None:
                entry["programme_median"] = _rounded(row.programme_median)
    return list(out.values())


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) \
        else str(value)


def _rounded(value, places: int = 1) -> float | None:
    number = _number(value)
    return None if number is None else round(number, places)


def _differences(dataset: Dataset, ids: list[str], has_values: set, year: int | None
                 ) -> list[dict]:
    if year is None:
        return []
    catalogue = indicator_catalogue(dataset).set_index("indicator_id", drop=False)
    values: dict[str, dict] = {}
    scores: dict[str, dict] = {}
    for area_id in ids:
        if area_id not in has_values:
            continue
        card = scorecard(dataset, area_id, year)
        for row in card.itertuples():
            values.setdefault(row.indicator_id, {})[area_id] = _number(row.value)
            scores.setdefault(row.indicator_id, {})[area_id] = _number(row.score)
    rows = []
    for indicator_id, by_area in scores.items():
        known = [s for s in by_area.values() if s is not None]
        if len(known) < 2 or max(known) == min(known):  # the same score is no difference
            continue
        entry = catalogue.loc[indicator_id]
        direction = entry["higher_is_better"]
        rows.append({
            "indicator_id": indicator_id, "name_th": str(entry["name_th"]),
            "name_en": str(entry["name_en"]), "unit_th": _text(entry.get("unit_th")),
            "unit_en": _text(entry.get("unit_en")),
            "higher_is_better": None if pd.isna(direction) else bool(direction),
            "year": year,
            "values": {a: (round(v, 4) if v is not None else None)
                       for a, v in ((a, values[indicator_id].get(a)) for a in ids)},
            "scores": {a: _rounded(scores[indicator_id].get(a)) for a in ids},
            "spread": round(max(known) - min(known), 1),
        })
    rows.sort(key=lambda r: (-r["spread"], r["indicator_id"]))
    return rows[:MAX_DIFFERENCES]
