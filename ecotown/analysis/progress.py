"""The programme's progress, in one place: what ``python -m ecotown progress`` prints and
the overview's progress panel shows (so they cannot disagree).

:func:`progress_report` gives ``by_year`` ({year: {level: count}}), the movers between two
years, the path to 2037 and its projection; :func:`reference_points` compares the published
counts by level (programme figures with a ``year``) with the data of their year.
"""

from __future__ import annotations

import pandas as pd

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.path2037 import area_paths, programme_path
from ecotown.analysis.summary import dataset_years, view_year
from ecotown.analysis.timeline import by_year, change_table, movers
from ecotown.model.dataset import Dataset

__all__ = ["progress_report", "reference_points", "timeline_filters", "with_change"]


def timeline_filters(filters: Filters) -> Filters:
    """The filters that choose areas over time: phase, region, province, search. A level
    filter chooses by one year's level, so it does not apply to a series of years."""
    return Filters(phases=filters.phases, regions=filters.regions, provinces=filters.provinces,
                   query=filters.query)


def with_change(table: pd.DataFrame, dataset: Dataset, since: int, year: int) -> pd.DataFrame:
    """An area table of ``year`` with the change since ``since`` of each area
    (:func:`ecotown.analysis.timeline.change_table`: ``change_class``, ``level_from``,
    ``year_from``, ``change``, ``reason``, ``reason_th``)."""
    change = change_table(dataset.areas, dataset.assessments, since, year)
    keep = ["area_id", "level_from", "year_from", "change", "change_class", "reason",
            "reason_th"]
    return table.merge(change[keep], on="area_id", how="left")


def _mover_rows(moved: pd.DataFrame, names: pd.DataFrame) -> list[dict]:
    named = moved.merge(names, on="area_id", how="left")
    return [{"area_id": r.area_id, "name_th": r.name_th, "name_en": r.name_en,
             "from": int(r.level_from), "to": int(r.level_to), "change": int(r.change),
             "year_from": int(r.year_from), "year_to": int(r.year_to),
             "reason": r.reason, "reason_th": r.reason_th}
            for r in named.itertuples()]


def progress_report(dataset: Dataset, points: pd.DataFrame, filters: Filters | None = None,
                    year: int | None = None, since: int | None = None) -> dict:
    """The programme's progress for the areas of ``points`` (every area of the dataset with
    its province and region: :func:`ecotown.model.geography.area_points`) that pass the
    non-level ``filters``; JSON-ready.

    Keys: ``dataset``, ``synthetic``, ``years``, ``year`` (the year seen from), ``since``
    (the year compared with: ``since`` or the year before), ``by_year`` ({year: {level:
    count}}, C.E. keys as strings), ``by_year_detail`` (areas, no level, as of earlier, joined
    later per year), ``movers`` (between ``since`` and ``year``, biggest rise first),
    ``path`` (:func:`ecotown.analysis.path2037.programme_path`), ``projection_2037``.
    """
    chosen = pd.DataFrame(apply_filters(points, timeline_filters(filters or Filters())))
    years = dataset_years(dataset)
    year = view_year(dataset, year)
    since = since if since is not None else (year - 1 if year is not None
                                             and year - 1 in years else None)
    series = by_year(chosen, dataset.assessments, years)
    own = dataset.assessments[dataset.assessments["area_id"].isin(set(chosen["area_id"]))]
    report = {
        "dataset": dataset.name,
        "synthetic": dataset.synthetic,
        "years": years,
        "year": year,
        "since": since,
        "by_year": {str(y): v["by_level"] for y, v in series.items()},
        "by_year_detail": {str(y): {k: v[k] for k in ("areas", "no_level", "as_of_earlier",
                                                      "joined_later")}
                           for y, v in series.items()},
        "movers": [],
        "path": None,
        "projection_2037": None,
    }
    if year is None:
        return report
    if since is not None:
        change = change_table(chosen, own, since, year)
        report["movers"] = _mover_rows(movers(change), chosen[["area_id", "name_th",
                                                               "name_en"]])
    ids = sorted(_members(chosen, own, year))
    path = programme_path(area_paths(own, year, ids), year)
    report["path"] = {k: v for k, v in path.items() if k != "projection_2037"}
    report["projection_2037"] = path["projection_2037"]
    return report


def _members(areas: pd.DataFrame, assessments: pd.DataFrame, year: int) -> set[str]:
    from ecotown.analysis.timeline import in_programme

    return set(areas.loc[in_programme(areas, assessments, year), "area_id"])


def reference_points(figures: pd.DataFrame, dataset: Dataset) -> list[dict]:
    """The published counts by level (figures with a ``year``), each with what ``dataset``
    has in that year for the same levels and phase: ``figure_id, year, level_min,
    level_max, phase, published, qualifier, data, agrees, label_th, label_en, source,
    basis``. A figure with no levels counts the areas in the programme that year."""
    if figures.empty or "year" not in figures.columns:
        return []
    counted = figures[figures["year"].notna()]
    points = []
    for row in counted.itertuples():
        year = int(row.year)
        areas = dataset.areas
        if not pd.isna(row.phase):
            areas = areas[areas["phase"] == int(row.phase)]
        detail = by_year(areas, dataset.assessments, [year])[year]
        if pd.isna(row.level_min):
            data = detail["areas"]
        else:
            low = int(row.level_min)
            high = int(row.level_max) if not pd.isna(row.level_max) else low
            data = sum(detail["by_level"][str(lv)] for lv in range(low, high + 1))
        published = float(row.value)
        agrees = {"exact": data == published, "more_than": data > published,
                  "less_than": data < published}.get(row.qualifier, data == published)
        points.append({
            "figure_id": row.figure_id, "year": year,
            "level_min": None if pd.isna(row.level_min) else int(row.level_min),
            "level_max": None if pd.isna(row.level_max) else int(row.level_max),
            "phase": None if pd.isna(row.phase) else int(row.phase),
            "published": int(published) if published.is_integer() else published,
            "qualifier": row.qualifier, "data": int(data), "agrees": bool(agrees),
            "label_th": row.label_th, "label_en": row.label_en, "source": row.source,
            "basis": row.basis or "",
        })
    return points
