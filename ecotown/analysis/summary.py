"""Summaries of a dataset: latest levels, the area table and counts for a filter.

``summarise`` is what the KPI strip, the legend, the exports and
``python -m ecotown summary`` all report, so they cannot disagree.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.timeline import data_years, in_programme, joined_later, levels_in
from ecotown.model.dataset import Dataset
from ecotown.model.geography import area_points
from ecotown.model.regions import REGIONS
from ecotown.model.vocabulary import LEVEL_KEYS, NO_LEVEL, PHASES, level_key

__all__ = ["area_table", "dataset_years", "latest_levels", "province_stats", "province_table",
           "summarise", "view_year"]



def latest_levels(assessments: pd.DataFrame) -> pd.DataFrame:
    """The most recent assessment of each area: ``area_id, level, level_year, level_basis,
    level_source`` (and its note, and ``as_of``: older than the dataset's last year)."""
    return levels_in(assessments, None)


def dataset_years(dataset: Dataset) -> list[int]:
    """The fiscal years a dataset can be shown in: from its first assessment to the last
    year it speaks of (assessments, joining years, published counts by level)."""
    figures = dataset.programme_figures
    counted = figures["year"] if "year" in figures.columns else pd.Series(dtype="Int64")
    joined = dataset.areas["joined_year"] if "joined_year" in dataset.areas.columns \
        else pd.Series(dtype="Int64")
    return data_years(dataset.assessments, joined, counted)


def view_year(dataset: Dataset, year: int | None) -> int | None:
    """The fiscal year a view shows: ``year``, or the last of :func:`dataset_years`."""
    if year is not None:
        return int(year)
    years = dataset_years(dataset)
    return years[-1] if years else None


def area_table(dataset: Dataset, provinces: gpd.GeoDataFrame, year: int | None = None
               ) -> gpd.GeoDataFrame:
    """The areas in the programme in ``year`` (default: the last assessed year) with province,
    region and level of that year: assessed then, or as of an earlier year (``as_of``), or
    empty where none is known. Areas that joined later are left out (:func:`joined_later`).
    """
    year = view_year(dataset, year)
    points = area_points(dataset.areas, provinces)
    points = points[in_programme(points, dataset.assessments, year).to_numpy()]
    table = points.merge(levels_in(dataset.assessments, year), on="area_id", how="left")
    table["level"] = table["level"].astype("Int64")
    table["level_year"] = table["level_year"].astype("Int64")
    table["as_of"] = table["as_of"].fillna(False).astype(bool)
    for column in ("level_note", "level_note_th", "level_basis", "level_source"):
        table[column] = table[column].fillna("")
    return gpd.GeoDataFrame(table.reset_index(drop=True), geometry="geometry", crs=points.crs)


def province_table(areas: pd.DataFrame) -> pd.DataFrame:
    """Per province with areas: number of areas, highest latest level, earliest phase."""
    if areas.empty:
        return pd.DataFrame(columns=["province_code", "areas", "highest_level", "first_phase"])
    grouped = areas.groupby("province_code")
    result = pd.DataFrame({
        "areas": grouped.size(),
        "highest_level": grouped["level"].max(),
        "first_phase": grouped["phase"].min(),
    }).reset_index()
    result["highest_level"] = result["highest_level"].astype("Int64")
    result["first_phase"] = result["first_phase"].astype("Int64")
    return result


def province_stats(areas: pd.DataFrame) -> dict[str, dict]:
    """:func:`province_table` keyed by province code: ``{code: {areas, highest_level,
    first_phase}}`` (the map's tooltips and the province classes read it)."""
    return province_table(areas).set_index("province_code").to_dict("index")


def summarise(dataset: Dataset, areas: pd.DataFrame, filters: Filters | None = None,
              year: int | None = None) -> dict:
    """Counts for the areas of ``areas`` (:func:`area_table` of ``year``) that pass
    ``filters``; JSON-ready.

    Keys: ``dataset``, ``synthetic``, ``year`` (the fiscal year shown, C.E.: ``year`` or the
    dataset's last assessed year), ``last_year`` (the dataset's last assessed year),
    ``areas``, ``provinces``, ``by_phase``, ``by_level`` (level in the year, as of an earlier
    year where not assessed, with ``"none"`` for no published level), ``as_of_earlier``
    (levels carried from an earlier year, by level), ``joined_later`` (areas of the dataset
    that joined after the year, before filters), ``by_region``, ``by_province`` (areas and
    highest level), ``known_level_share``.
    """
    shown = apply_filters(areas, filters or Filters())
    year = view_year(dataset, year)
    carried = shown[shown["as_of"].fillna(False).astype(bool)] if "as_of" in shown.columns \
        else shown.iloc[0:0]
    levels = shown["level"].map(level_key)
    by_province = {
        row.province_code: {"areas": int(row.areas),
                            "highest_level": None if pd.isna(row.highest_level)
                            else int(row.highest_level)}
        for row in province_table(shown).itertuples()
    }
    known = int((levels != NO_LEVEL).sum())
    return {
        "dataset": dataset.name,
        "synthetic": dataset.synthetic,
        "year": year,
        "last_year": view_year(dataset, None),
        "last_assessed": int(dataset.assessments["year"].max())
        if not dataset.assessments.empty else None,
        "areas": len(shown),
        "provinces": int(shown["province_code"].nunique()),
        "by_phase": {str(p): int((shown["phase"] == p).sum()) for p in PHASES},
        "by_level": {k: int((levels == k).sum()) for k in LEVEL_KEYS},
        "as_of_earlier": {k: int((carried["level"].map(level_key) == k).sum())
                          for k in LEVEL_KEYS if k != NO_LEVEL},
        "joined_later": joined_later(dataset.areas, dataset.assessments, year),
        "by_region": {r: int((shown["region"] == r).sum()) for r in REGIONS},
        "by_province": by_province,
        "known_level_share": round(known / len(shown), 4) if len(shown) else 0.0,
    }
