"""Summaries of a dataset: latest levels, the area table and counts for a filter.

``summarise`` is what the KPI strip, the legend, the exports and
``python -m ecotown summary`` all report, so they cannot disagree.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.model.dataset import Dataset
from ecotown.model.geography import area_points
from ecotown.model.regions import REGIONS
from ecotown.model.vocabulary import LEVEL_KEYS, NO_LEVEL, PHASES, level_key

__all__ = ["area_table", "latest_levels", "province_stats", "province_table", "summarise"]



def latest_levels(assessments: pd.DataFrame) -> pd.DataFrame:
    """The most recent assessment of each area: ``area_id, level, level_year, level_basis,
    level_source``."""
    columns = ["area_id", "level", "level_year", "level_basis", "level_source"]
    if assessments.empty:
        return pd.DataFrame(columns=columns)
    latest = assessments.sort_values(["area_id", "year"]).groupby("area_id").tail(1)
    return latest.rename(columns={"year": "level_year", "basis": "level_basis",
                                  "source": "level_source"})[columns]


def area_table(dataset: Dataset, provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Every area with its province, region and latest level (empty where none is known)."""
    points = area_points(dataset.areas, provinces)
    table = points.merge(latest_levels(dataset.assessments), on="area_id", how="left")
    table["level"] = table["level"].astype("Int64")
    table["level_year"] = table["level_year"].astype("Int64")
    return gpd.GeoDataFrame(table, geometry="geometry", crs=points.crs)


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


def _year(dataset: Dataset) -> int | None:
    if dataset.assessments.empty:
        return None
    return int(dataset.assessments["year"].max())


def summarise(dataset: Dataset, areas: pd.DataFrame, filters: Filters | None = None) -> dict:
    """Counts for the areas that pass ``filters``; JSON-ready.

    Keys: ``dataset``, ``synthetic``, ``year`` (latest assessment year of the dataset),
    ``areas``, ``provinces``, ``by_phase``, ``by_level`` (latest level of each area, with
    ``"none"`` for no published level), ``by_region``, ``by_province`` (areas and highest
    level), ``known_level_share``.
    """
    shown = apply_filters(areas, filters or Filters())
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
        "year": _year(dataset),
        "areas": len(shown),
        "provinces": int(shown["province_code"].nunique()),
        "by_phase": {str(p): int((shown["phase"] == p).sum()) for p in PHASES},
        "by_level": {k: int((levels == k).sum()) for k in LEVEL_KEYS},
        "by_region": {r: int((shown["region"] == r).sum()) for r in REGIONS},
        "by_province": by_province,
        "known_level_share": round(known / len(shown), 4) if len(shown) else 0.0,
    }
